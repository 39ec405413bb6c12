import { queryOptions } from "@tanstack/react-query";
import { api, fetchAllPages } from "../../api/client";
import type { User } from "../auth/types";
import type { Session } from "./types";

export const sessionsQueryKey = ["auth", "sessions"] as const;

/** Every live session of the user, newest first. `maxPages` bounds a list that should stay short. */
export const sessionsQueryOptions = () =>
  queryOptions({
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }) => fetchAllPages<Session>("/api/auth/sessions", { limit: 100, maxPages: 5, signal }),
  });

export const updateProfile = (input: { name: string }) =>
  api<User>("/api/auth/profile", { method: "PATCH", json: input });

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/** Changes the password. The API signs out every other session in the same step. */
export const changePassword = (input: PasswordChange) => api<void>("/api/auth/password", { json: input });

export const revokeSession = (sessionId: string) =>
  api<void>(`/api/auth/sessions/${encodeURIComponent(sessionId)}`, { method: "DELETE" });

export const revokeOtherSessions = () =>
  api<{ revoked: number }>("/api/auth/sessions/revoke-others", { method: "POST" });
