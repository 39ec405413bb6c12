import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Me, User } from "./types";

export const meQueryKey = ["auth", "me"] as const;

/** Loads the session. A 401 is an expected response here, so it never triggers the global redirect. */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => api<Me>("/api/auth/me", { signal, authRedirect: false }),
    staleTime: 60_000,
    retry: false,
  });

export interface LoginInput {
  email: string;
  password: string;
}

export interface RegisterInput extends LoginInput {
  name: string;
}

export const login = (input: LoginInput) => api<User>("/api/auth/login", { json: input, authRedirect: false });

export const register = (input: RegisterInput) => api<User>("/api/auth/register", { json: input, authRedirect: false });

export const logout = () => api<void>("/api/auth/logout", { method: "POST", authRedirect: false });
