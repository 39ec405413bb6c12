import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api, type Page, withQuery } from "../../api/client";
import type { Catalog, CreatedPayment, LedgerEntry, Order, PlanState } from "./types";

export const creditsQueryKey = ["credits"] as const;

export const balanceQueryOptions = () =>
  queryOptions({
    queryKey: [...creditsQueryKey, "balance"],
    queryFn: ({ signal }) => api<{ balance: number }>("/api/credits/balance", { signal }),
    select: (data) => data.balance,
    staleTime: 15_000,
  });

export const creditHistoryQueryOptions = (limit = 20) =>
  infiniteQueryOptions({
    queryKey: [...creditsQueryKey, "history", limit],
    queryFn: ({ pageParam, signal }) =>
      api<Page<LedgerEntry>>(withQuery("/api/credits/history", { cursor: pageParam, limit }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

/**
 * The latest entries that changed the balance. A capture row has amount 0 (its credits left the
 * balance when they were reserved), so twice the wanted number is fetched and zero rows are dropped.
 */
export const recentCreditsQueryOptions = (limit = 5) =>
  queryOptions({
    queryKey: [...creditsQueryKey, "recent", limit],
    queryFn: ({ signal }) =>
      api<Page<LedgerEntry>>(withQuery("/api/credits/history", { limit: limit * 2 }), { signal }),
    select: (page) => page.items.filter((entry) => entry.amount !== 0).slice(0, limit),
  });

export const billingQueryKey = ["billing"] as const;
export const paymentsQueryKey = ["payments"] as const;

export const catalogQueryOptions = () =>
  queryOptions({
    queryKey: [...billingQueryKey, "catalog"],
    queryFn: ({ signal }) => api<Catalog>("/api/billing/catalog", { signal }),
    staleTime: 5 * 60_000,
  });

export const planQueryOptions = () =>
  queryOptions({
    queryKey: [...billingQueryKey, "plan"],
    queryFn: ({ signal }) => api<PlanState>("/api/billing/plan", { signal }),
  });

export const paymentsQueryOptions = (limit = 10) =>
  infiniteQueryOptions({
    queryKey: [...paymentsQueryKey, "list", limit],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Order>>(withQuery("/api/payments", { cursor: pageParam, limit }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

/** How long the return page polls a pending order before it stops and tells the user. */
export const PAYMENT_POLL_LIMIT_MS = 10 * 60_000;
const PAYMENT_POLL_INTERVAL_MS = 3_000;

/**
 * One order. While it is pending the query polls every 3 s for up to 10 minutes; the API calls
 * Duitku at most once per 10 s per order, so polling faster would not settle it sooner.
 */
export const paymentQueryOptions = (merchantOrderId: string, startedAt: number) =>
  queryOptions({
    queryKey: [...paymentsQueryKey, "one", merchantOrderId],
    queryFn: ({ signal }) => api<Order>(`/api/payments/${encodeURIComponent(merchantOrderId)}`, { signal }),
    refetchInterval: (query) =>
      query.state.data?.status === "pending" && Date.now() - startedAt < PAYMENT_POLL_LIMIT_MS
        ? PAYMENT_POLL_INTERVAL_MS
        : false,
    refetchIntervalInBackground: false,
  });

export const createPayment = (itemId: string) => api<CreatedPayment>("/api/payments", { json: { itemId } });
