import { DateText } from '@/components/ui/date-text';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import { loadResponsesForOfficer } from '@/lib/cases/service/summons-responses';
import { getDb } from '@/lib/db/client';

/**
 * What the reporter answered to their summons on /status (confirm, decline, another
 * time, a written answer), newest first, on the officer's summons card. A server
 * component that loads its own rows, so the case page only places it.
 */
export async function OfficerSummonsResponses({ officer, caseId, summonsId }: { officer: AuthorizedOfficer; caseId: number; summonsId: number }) {
  const responses = await loadResponsesForOfficer(getDb(), officer, caseId, summonsId);
  const headingId = `panggilan-${summonsId}-tanggapan`;
  return (
    <section aria-labelledby={headingId} className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3">
      <h4 id={headingId} className="font-semibold text-slate-900">
        Tanggapan pelapor
      </h4>
      {responses.length === 0 ? (
        <p className="text-sm text-slate-700">Pelapor belum menanggapi undangan ini melalui halaman status.</p>
      ) : (
        <ol className="space-y-2">
          {[...responses].reverse().map((response, index) => (
            <li key={index} className="rounded border border-slate-200 bg-white p-2 text-sm">
              <p className="font-semibold">
                {response.label} · <DateText at={response.at} format="dateTime" zone />
                {index === 0 && responses.length > 1 ? <span className="font-normal text-slate-700"> (terbaru)</span> : null}
              </p>
              {response.body ? <p className="mt-1 break-words whitespace-pre-line">{response.body}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
