/**
 * A fresh `Idempotency-Key` (letters, digits and "-", 8..128 characters). Falls back to
 * getRandomValues because randomUUID exists only in secure contexts (https or localhost).
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return `checkout-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `checkout-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
