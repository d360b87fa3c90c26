/**
 * Numbers as an Indonesian reader writes them: a decimal comma and a thousands dot
 * ("10,5 MB", "1.024 KB"). Pure and safe for client bundles (the evidence picker
 * shows sizes before anything is sent).
 */

const KB = 1024;
const MB = 1024 * 1024;

const oneDecimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const inputDecimal = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, useGrouping: false });

/** A file or upload size: "10,5 MB", "10 MB", "300 KB", "12 byte" (binary units, as file pickers count). */
export function formatBytes(bytes: number): string {
  // Rounded before choosing the unit, so 1 048 575 bytes reads "1 MB", not "1.024 KB".
  if (bytes >= MB || Math.round(bytes / KB) >= 1024) return `${oneDecimal.format(bytes / MB)} MB`;
  if (bytes >= KB) return `${whole.format(bytes / KB)} KB`;
  return `${whole.format(bytes)} byte`;
}

/**
 * A number for a form field that reads it back (settings in megabytes): one decimal at
 * most, a decimal comma and no thousands dot, so "1.024" is never mistaken for 1,024.
 */
export function formatDecimalInput(value: number): string {
  return inputDecimal.format(value);
}
