/** A case state shown as a badge; the label is always text, never colour alone. */
export function StatusBadge({ label }: { label: string }) {
  return (
    <span className="inline-flex items-center rounded-full border border-brand-700 bg-brand-50 px-3 py-1 text-sm font-semibold text-brand-800">
      {label}
    </span>
  );
}
