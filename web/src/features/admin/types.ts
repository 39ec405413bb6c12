import type { LedgerEntry, Order, Tier } from "../credits/types";

export interface AdminPayment extends Order {
  settledBy: "callback" | "status_check" | null;
  resultCode: string | null;
  user: { id: string; email: string; name: string };
}

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: "user" | "admin";
  tier: Tier;
  tierExpiresAt: string | null;
  createdAt: string;
}

export interface AdminUserDetail extends AdminUser {
  balance: number;
}

export type AdminLedgerEntry = LedgerEntry;

export interface AdjustmentInput {
  amount: number;
  reason: string;
  /** Same key on a retry, so a double submit is applied once. */
  idempotencyKey: string;
}

export interface AdjustmentResult {
  id: string;
  amount: number;
  balance: number;
  replayed: boolean;
}
