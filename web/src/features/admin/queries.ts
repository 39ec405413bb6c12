import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, type Page, withQuery } from "../../api/client";
import type { OrderStatus } from "../credits/types";
import type {
  AdjustmentInput,
  AdjustmentResult,
  AdminLedgerEntry,
  AdminPayment,
  AdminUser,
  AdminUserDetail,
} from "./types";

export const adminQueryKey = ["admin"] as const;

export const adminPaymentsQueryOptions = (filters: { status?: OrderStatus; q?: string }, limit = 25) =>
  infiniteQueryOptions({
    queryKey: [...adminQueryKey, "payments", filters.status ?? "all", filters.q ?? "", limit],
    queryFn: ({ pageParam, signal }) =>
      api<Page<AdminPayment>>(
        withQuery("/api/admin/payments", { cursor: pageParam, limit, status: filters.status, q: filters.q }),
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const adminUsersQueryOptions = (q: string, limit = 25) =>
  infiniteQueryOptions({
    queryKey: [...adminQueryKey, "users", q, limit],
    queryFn: ({ pageParam, signal }) =>
      api<Page<AdminUser>>(withQuery("/api/admin/users", { cursor: pageParam, limit, q }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const adminUserQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: [...adminQueryKey, "user", userId],
    queryFn: ({ signal }) => api<AdminUserDetail>(`/api/admin/users/${encodeURIComponent(userId)}`, { signal }),
  });

export const adminLedgerQueryOptions = (userId: string, limit = 25) =>
  infiniteQueryOptions({
    queryKey: [...adminQueryKey, "user", userId, "ledger", limit],
    queryFn: ({ pageParam, signal }) =>
      api<Page<AdminLedgerEntry>>(
        withQuery(`/api/admin/users/${encodeURIComponent(userId)}/ledger`, { cursor: pageParam, limit }),
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const adjustCredits = (userId: string, input: AdjustmentInput) =>
  api<AdjustmentResult>(`/api/admin/users/${encodeURIComponent(userId)}/adjustments`, { json: input });
