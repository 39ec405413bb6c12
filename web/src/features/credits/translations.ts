/**
 * Texts of the credits, purchase and payment-return screens, Indonesian first. They are added to
 * the app's translations by `./i18n.ts`, so this feature does not edit the shared JSON files.
 */

const id = {
  billing: {
    packagesTitle: "Paket kredit",
    packagesHint: "Sekali bayar. Kredit masuk begitu pembayaran berhasil.",
    plansTitle: "Paket langganan",
    plansHint:
      "Berlaku 30 hari. Membeli paket yang sama lagi memperpanjang masa aktif. Paket yang lebih tinggi langsung berlaku, dan sisa hari paket lama dihitung proporsional ke paket baru.",
    credits: "{{amount}} kredit",
    pricePerCredit: "{{price}} per kredit",
    perPeriod: "per {{count}} hari",
    buy: "Beli",
    buyLabel: "Beli {{name}}",
    subscribe: "Langganan",
    subscribeLabel: "Langganan {{name}}",
    redirecting: "Mengalihkan ke Duitku…",
    payNote: "Pembayaran diproses oleh Duitku. Anda akan diarahkan ke halaman pembayarannya.",
    popular: "Terlaris",
    currentPlan: "Paket aktif",
    activeUntil: "Aktif sampai {{date}}",
    noEndDate: "Tanpa batas waktu",
    tier: { free: "Gratis", basic: "Basic", pro: "Pro", enterprise: "Enterprise" },
  },
  payments: {
    ordersTitle: "Pembelian",
    ordersEmpty: "Belum ada pembelian.",
    orderId: "No. pesanan {{id}}",
    continue: "Lanjutkan pembayaran",
    continueLabel: "Lanjutkan pembayaran {{name}}",
    status: {
      pending: "Menunggu pembayaran",
      paid: "Berhasil",
      failed: "Gagal",
      expired: "Kedaluwarsa",
    },
    return: {
      title: "Status pembayaran",
      checking: "Memeriksa pembayaran Anda…",
      pendingHint: "Biasanya hanya beberapa detik. Halaman ini diperbarui sendiri.",
      providerNotPaid: "Duitku melaporkan pembayaran belum berhasil. Kami tetap memeriksa statusnya.",
      stillPending:
        "Pembayaran belum terkonfirmasi. Jika Anda sudah membayar, kredit atau paket masuk otomatis begitu Duitku mengonfirmasi; cek lagi nanti di halaman Kredit.",
      paidCredits: "Pembayaran berhasil. {{credits}} kredit sudah ditambahkan ke saldo Anda.",
      paidPlan: "Pembayaran berhasil. Paket {{plan}} sudah aktif.",
      failed: "Pembayaran gagal atau dibatalkan. Saldo Anda tidak berubah.",
      expired: "Waktu pembayaran habis tanpa pembayaran. Silakan buat pesanan baru.",
      missingOrder: "Tautan ini tidak berisi nomor pesanan.",
      checkNow: "Periksa sekarang",
      backToCredits: "Ke halaman Kredit",
    },
  },
  errors: {
    payments: {
      service_unavailable: "Pembayaran sedang tidak tersedia. Coba lagi sebentar lagi.",
      conflict: "Akun Anda sudah memiliki paket ini tanpa batas waktu.",
      invalid_response: "Alamat pembayaran dari Duitku tidak valid. Coba lagi.",
    },
    paymentReturn: {
      not_found: "Pesanan ini tidak ditemukan di akun Anda.",
    },
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<typeof id> = {
  billing: {
    packagesTitle: "Credit packages",
    packagesHint: "One-off payment. Credits arrive as soon as the payment succeeds.",
    plansTitle: "Plans",
    plansHint:
      "Valid for 30 days. Buying the same plan again extends it. A higher plan applies at once, and the days left on the old plan carry over pro rata.",
    credits: "{{amount}} credits",
    pricePerCredit: "{{price}} per credit",
    perPeriod: "per {{count}} days",
    buy: "Buy",
    buyLabel: "Buy {{name}}",
    subscribe: "Subscribe",
    subscribeLabel: "Subscribe to {{name}}",
    redirecting: "Taking you to Duitku…",
    payNote: "Payments are processed by Duitku. You will be taken to its payment page.",
    popular: "Most popular",
    currentPlan: "Current plan",
    activeUntil: "Active until {{date}}",
    noEndDate: "No end date",
    tier: { free: "Free", basic: "Basic", pro: "Pro", enterprise: "Enterprise" },
  },
  payments: {
    ordersTitle: "Purchases",
    ordersEmpty: "No purchases yet.",
    orderId: "Order {{id}}",
    continue: "Continue payment",
    continueLabel: "Continue paying for {{name}}",
    status: {
      pending: "Awaiting payment",
      paid: "Paid",
      failed: "Failed",
      expired: "Expired",
    },
    return: {
      title: "Payment status",
      checking: "Checking your payment…",
      pendingHint: "This usually takes a few seconds. The page updates by itself.",
      providerNotPaid: "Duitku reports the payment did not go through. We keep checking its status.",
      stillPending:
        "The payment is not confirmed yet. If you paid, your credits or plan arrive automatically once Duitku confirms; check the Credits page later.",
      paidCredits: "Payment successful. {{credits}} credits were added to your balance.",
      paidPlan: "Payment successful. Your {{plan}} plan is active.",
      failed: "The payment failed or was cancelled. Your balance did not change.",
      expired: "The payment window ended without a payment. Please place a new order.",
      missingOrder: "This link has no order number.",
      checkNow: "Check now",
      backToCredits: "Go to Credits",
    },
  },
  errors: {
    payments: {
      service_unavailable: "Payments are unavailable right now. Try again in a moment.",
      conflict: "Your account already has this plan without an end date.",
      invalid_response: "Duitku returned an invalid payment address. Try again.",
    },
    paymentReturn: {
      not_found: "This order was not found in your account.",
    },
  },
};

export const creditsTranslations = { id, en };
