/**
 * A case state shown as a badge; the label is always text, never colour alone. One per
 * page (the case's own state), so the browser tests read the recorded state from it.
 */
export function StatusBadge({ label }: { label: string }) {
  return (
    <span
      data-testid="case-state"
      className="inline-flex items-center rounded-full border border-brand-700 bg-brand-50 px-3 py-1 text-sm font-semibold text-brand-800">
      {label}
    </span>
  );
}
