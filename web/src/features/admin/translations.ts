/** Texts of the admin screens, Indonesian first; registered by `./i18n.ts`. */

const id = {
  admin: {
    title: "Admin",
    navLabel: "Menu admin",
    nav: { payments: "Pembayaran", users: "Pengguna" },
    forbidden: "Halaman ini khusus admin.",
    payments: {
      subtitle: "Semua pesanan Duitku, terbaru dulu.",
      statusLabel: "Status",
      allStatuses: "Semua status",
      searchLabel: "Cari pembayaran",
      searchPlaceholder: "No. pesanan, referensi Duitku, atau email",
      searchButton: "Cari",
      empty: "Tidak ada pembayaran yang cocok.",
      columns: {
        order: "Pesanan",
        buyer: "Pembeli",
        item: "Item",
        amount: "Jumlah",
        status: "Status",
        created: "Dibuat",
        settledBy: "Dikonfirmasi lewat",
      },
      settledBy: { callback: "Callback", status_check: "Cek status" },
    },
    users: {
      subtitle: "Cari pengguna untuk melihat saldo, riwayat kredit, dan menyesuaikan kredit.",
      searchLabel: "Cari pengguna",
      searchPlaceholder: "Email atau nama",
      searchButton: "Cari",
      empty: "Tidak ada pengguna yang cocok.",
      open: "Buka {{name}}",
      role: { user: "Pengguna", admin: "Admin" },
    },
    user: {
      back: "Kembali ke daftar pengguna",
      email: "Email",
      balance: "Saldo",
      tier: "Paket",
      ledgerTitle: "Riwayat kredit",
      ledgerEmpty: "Belum ada transaksi kredit.",
      columns: { when: "Waktu", kind: "Jenis", amount: "Perubahan", balance: "Saldo", note: "Keterangan" },
    },
    adjust: {
      title: "Penyesuaian kredit",
      hint: "Tercatat di riwayat kredit dan log audit bersama alasan dan akun Anda. Pengurangan tidak bisa membuat saldo di bawah nol.",
      direction: "Jenis penyesuaian",
      add: "Tambah kredit",
      remove: "Kurangi kredit",
      amount: "Jumlah kredit",
      reason: "Alasan",
      reasonHint: "Wajib, minimal 5 karakter.",
      submit: "Simpan penyesuaian",
      saving: "Menyimpan…",
      done: "Tersimpan. Saldo baru: {{balance}} kredit.",
      amountInvalid: "Masukkan bilangan bulat dari 1 sampai 1.000.000.",
      reasonInvalid: "Tulis alasan minimal 5 karakter.",
    },
  },
  errors: {
    adminAdjust: {
      conflict: "Saldo tidak cukup untuk pengurangan ini.",
    },
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<typeof id> = {
  admin: {
    title: "Admin",
    navLabel: "Admin menu",
    nav: { payments: "Payments", users: "Users" },
    forbidden: "This page is for administrators only.",
    payments: {
      subtitle: "Every Duitku order, newest first.",
      statusLabel: "Status",
      allStatuses: "All statuses",
      searchLabel: "Search payments",
      searchPlaceholder: "Order number, Duitku reference or email",
      searchButton: "Search",
      empty: "No matching payments.",
      columns: {
        order: "Order",
        buyer: "Buyer",
        item: "Item",
        amount: "Amount",
        status: "Status",
        created: "Created",
        settledBy: "Confirmed by",
      },
      settledBy: { callback: "Callback", status_check: "Status check" },
    },
    users: {
      subtitle: "Find a user to see their balance and credit history, and to adjust credits.",
      searchLabel: "Search users",
      searchPlaceholder: "Email or name",
      searchButton: "Search",
      empty: "No matching users.",
      open: "Open {{name}}",
      role: { user: "User", admin: "Admin" },
    },
    user: {
      back: "Back to users",
      email: "Email",
      balance: "Balance",
      tier: "Plan",
      ledgerTitle: "Credit history",
      ledgerEmpty: "No credit transactions yet.",
      columns: { when: "When", kind: "Kind", amount: "Change", balance: "Balance", note: "Note" },
    },
    adjust: {
      title: "Credit adjustment",
      hint: "Recorded in the credit history and the audit log with your reason and account. A removal cannot take the balance below zero.",
      direction: "Adjustment",
      add: "Add credits",
      remove: "Remove credits",
      amount: "Credits",
      reason: "Reason",
      reasonHint: "Required, at least 5 characters.",
      submit: "Save adjustment",
      saving: "Saving…",
      done: "Saved. New balance: {{balance}} credits.",
      amountInvalid: "Enter a whole number from 1 to 1,000,000.",
      reasonInvalid: "Write a reason of at least 5 characters.",
    },
  },
  errors: {
    adminAdjust: {
      conflict: "The balance is too low for this removal.",
    },
  },
};

export const adminTranslations = { id, en };
