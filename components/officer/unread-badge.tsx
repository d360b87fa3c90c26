/** The inbox mark of a case the reporter wrote to since this officer last opened it. */
export function UnreadBadge({ caseNumber }: { caseNumber: string }) {
  return (
    <span
      data-testid={`balasan-baru-${caseNumber}`}
      className="ml-2 inline-block rounded-full border border-brand-700 bg-brand-50 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-brand-800"
    >
      Balasan baru
    </span>
  );
}
