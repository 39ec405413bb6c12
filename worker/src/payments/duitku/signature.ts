// WebCrypto has no MD5, and Duitku's signatures use it; `nodejs_compat` provides node:crypto.
import { createHash } from "node:crypto";

export function md5Hex(input: string): string {
  return createHash("md5").update(input, "utf8").digest("hex");
}

export function sha256Hex(input: string): string {
  return createHash("sha256").update(input, "utf8").digest("hex");
}

/**
 * Signature Duitku puts on a callback: md5(merchantCode + amount + merchantOrderId + apiKey).
 * `amount` must be the string exactly as received ("10000" and "10000.00" sign differently).
 */
export function callbackSignature(merchantCode: string, amount: string, merchantOrderId: string, apiKey: string) {
  return md5Hex(`${merchantCode}${amount}${merchantOrderId}${apiKey}`);
}

/** Header signature of a POP request: sha256(merchantCode + timestamp + apiKey), timestamp in epoch ms. */
export function popRequestSignature(merchantCode: string, timestamp: string, apiKey: string) {
  return sha256Hex(`${merchantCode}${timestamp}${apiKey}`);
}

/** Body signature of a transactionStatus request: md5(merchantCode + merchantOrderId + apiKey). */
export function transactionStatusSignature(merchantCode: string, merchantOrderId: string, apiKey: string) {
  return md5Hex(`${merchantCode}${merchantOrderId}${apiKey}`);
}

/**
 * Compares two hex signatures in constant time. Hex case carries no secret, so both sides are
 * lowercased first; a length mismatch returns early because the expected length is public.
 */
export function signaturesMatch(received: string, expected: string): boolean {
  const encoder = new TextEncoder();
  const a = encoder.encode(received.toLowerCase());
  const b = encoder.encode(expected.toLowerCase());
  if (a.byteLength !== b.byteLength) return false;
  return crypto.subtle.timingSafeEqual(a, b);
}
