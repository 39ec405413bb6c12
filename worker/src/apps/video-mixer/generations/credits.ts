/** Key of the reservation on the user's CreditAccount for the whole cost of one generation. */
export function reservationKey(generationId: string): string {
  return `vm-gen:${generationId}`;
}

/**
 * Settlement key of one output. CreditAccount.settle records the first outcome under this key,
 * so an output is captured or released once however often it is settled.
 */
export function partKey(generationId: string, index: number): string {
  return `vm-gen:${generationId}:${index}`;
}
