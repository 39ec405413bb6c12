import type { QueryClient } from "@tanstack/react-query";
import { redirect } from "@tanstack/react-router";
import { ApiError } from "../../api/client";
import { meQueryOptions } from "./queries";
import type { Me } from "./types";

/** Loads the signed-in user for a protected route, or sends the visitor to sign-in and back afterwards. */
export async function requireSignedIn(queryClient: QueryClient, returnTo: string): Promise<Me> {
  try {
    return await queryClient.ensureQueryData(meQueryOptions());
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      throw redirect({ to: "/login", search: { redirect: returnTo } });
    }
    throw error;
  }
}

/** Returns true when a session exists, so that the sign-in and sign-up pages forward to the app. */
export async function redirectIfSignedIn(queryClient: QueryClient): Promise<boolean> {
  try {
    await queryClient.ensureQueryData(meQueryOptions());
    return true;
  } catch {
    // 401 is the normal case here. Any other failure shows up in the form when it submits.
    return false;
  }
}
