// Duitku sends whole rupiah, sometimes with a ".00" suffix.
const AMOUNT = /^\d{1,15}(\.\d{1,2})?$/;

/**
 * Checks whether an amount string from Duitku equals the order's whole-rupiah amount, compared as
 * numbers ("10000.00" equals 10000). Anything that is not a plain decimal amount never matches.
 */
export function amountMatches(received: string, expectedRupiah: number): boolean {
  const trimmed = received.trim();
  if (!AMOUNT.test(trimmed)) return false;
  return Number(trimmed) === expectedRupiah;
}
