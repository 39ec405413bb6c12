export type LedgerKind =
  | "welcome"
  | "topup"
  | "plan"
  | "adjustment"
  | "refund"
  | "job_reserve"
  | "job_capture"
  | "job_release";

export interface LedgerEntry {
  seq: number;
  amount: number;
  balanceAfter: number;
  kind: LedgerKind;
  reference: string | null;
  description: string | null;
  createdAt: string;
}

export type PaidTier = "basic" | "pro" | "enterprise";
export type Tier = "free" | PaidTier;

/** `GET /api/billing/catalog`; prices are whole rupiah. */
export interface Catalog {
  currency: "IDR";
  packages: { id: string; name: string; price: number; credits: number }[];
  plans: { id: string; name: string; price: number; tier: PaidTier; days: number }[];
}

export interface PlanState {
  tier: Tier;
  expiresAt: string | null;
}

export type OrderStatus = "pending" | "paid" | "failed" | "expired";

/** One purchase, as `GET /api/payments` and `GET /api/payments/:merchantOrderId` return it. */
export interface Order {
  merchantOrderId: string;
  itemId: string;
  itemKind: "credits" | "plan";
  itemName: string;
  amount: number;
  credits: number | null;
  planTier: PaidTier | null;
  planDays: number | null;
  status: OrderStatus;
  paymentMethod: string | null;
  reference: string | null;
  /** Duitku's payment page; set only while the order is pending. */
  paymentUrl: string | null;
  failureReason: string | null;
  createdAt: string;
  expiresAt: string;
  paidAt: string | null;
}

export interface CreatedPayment {
  merchantOrderId: string;
  paymentUrl: string;
  reference: string;
  amount: number;
  status: "pending";
  expiresAt: string;
}
