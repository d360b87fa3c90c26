/**
 * Case numbers (`2026-0001`): the year the report arrived and a per-year sequence of at
 * least four digits. One pattern for the pages, downloads, documents and emails that
 * check a number before using it, and for the allocator that writes them.
 */

/** A whole, well-formed case number; anything else is "not found" before a query runs. */
export const CASE_NUMBER_PATTERN = /^\d{4}-\d{4,}$/;

export function isCaseNumber(value: unknown): value is string {
  return typeof value === 'string' && CASE_NUMBER_PATTERN.test(value);
}

/** The number of the `sequence`-th report of `year`. */
export function formatCaseNumber(year: number, sequence: number): string {
  return `${year}-${String(sequence).padStart(4, '0')}`;
}

/**
 * What an officer typed into the inbox search, as a case number: `2026-1`, `2026 / 0001`
 * and `2026-0001` all mean the same case. Null when it cannot be one.
 */
export function caseNumberFromSearch(input: string): string | null {
  const match = input.trim().match(/^(\d{4})\s*[-/]\s*(\d{1,6})$/);
  return match ? formatCaseNumber(Number(match[1]), Number(match[2])) : null;
}
