import type { Env } from "../core/env";

/** Returns the stub of the CreditAccount Durable Object that owns `userId`'s balance. */
export function creditAccount(env: Env, userId: string) {
  return env.CREDIT_ACCOUNT.get(env.CREDIT_ACCOUNT.idFromName(userId));
}

export const WELCOME_CREDITS = 100;
