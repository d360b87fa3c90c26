/**
 * Disclosure control for the public /statistik page: aggregates that can never single out
 * a case. Two rules, as statistics offices apply them:
 * 1. A count of 1 or 2 is shown as "< 3".
 * 2. Every other count, and every total, is rounded to the nearest multiple of 5.
 * Rounding is what stops subtraction: a hidden cell cannot be worked out as "total minus
 * the shown cells", nor as "this month's page minus last month's", because every shown
 * figure is only known to ±2. The unit test enumerates the true tables behind a published
 * page and checks that each hidden cell always has more than one possible value.
 */

export const SMALL_COUNT_LIMIT = 3;
export const ROUNDING_BASE = 5;

export type PublicCount = { kind: 'zero' } | { kind: 'small' } | { kind: 'rounded'; value: number };

/** The published form of one true count. */
export function publishCount(count: number): PublicCount {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`A count must be a whole number ≥ 0, got ${count}`);
  if (count === 0) return { kind: 'zero' };
  if (count < SMALL_COUNT_LIMIT) return { kind: 'small' };
  return { kind: 'rounded', value: Math.max(ROUNDING_BASE, Math.round(count / ROUNDING_BASE) * ROUNDING_BASE) };
}

/** "0", "< 3" or "≈ 15". */
export function formatPublicCount(published: PublicCount): string {
  switch (published.kind) {
    case 'zero':
      return '0';
    case 'small':
      return '< 3';
    case 'rounded':
      return `± ${published.value.toLocaleString('id-ID')}`;
  }
}

/** Whether a true count would be published as `published` (used by the enumeration test). */
export function isConsistent(count: number, published: PublicCount): boolean {
  const own = publishCount(count);
  return own.kind === published.kind && (own.kind !== 'rounded' || own.value === (published as { value: number }).value);
}
