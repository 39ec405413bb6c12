import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppSummary } from "./types";

export const appsQueryOptions = () =>
  queryOptions({
    queryKey: ["apps"],
    queryFn: ({ signal }) => api<{ items: AppSummary[] }>("/api/apps", { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
