/**
 * Checks that `value` is a page the browser may be sent to for paying: an absolute http(s) URL. The
 * API already checks what Duitku returned; this keeps a `javascript:` or relative value out of
 * `location.assign` even if that check were ever bypassed.
 */
export function isPaymentUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
