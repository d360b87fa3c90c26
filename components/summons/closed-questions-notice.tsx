import { loadClosedInfoRequests } from '@/lib/cases/service/closing';
import { getDb } from '@/lib/db/client';

/**
 * Questions of the officer that closed with the case: shown to the reporter on /status
 * as closed, never with an answer form. Renders nothing when there are none.
 */
export async function ClosedQuestionsNotice({ caseId }: { caseId: number }) {
  const closed = await loadClosedInfoRequests(getDb(), caseId);
  if (closed.length === 0) return null;
  return (
    <section aria-labelledby="closed-questions-heading" className="rounded-lg border border-slate-300 bg-slate-50 p-4 sm:p-6">
      <h2 id="closed-questions-heading" className="text-lg font-semibold">
        Permintaan kelengkapan yang ditutup
      </h2>
      <ul className="mt-3 space-y-3">
        {closed.map((request) => (
          <li key={request.id} className="rounded-md border border-slate-200 bg-white p-3">
            <p className="break-words whitespace-pre-line text-slate-800">{request.questions}</p>
            <p className="mt-2 text-sm font-semibold text-slate-900">Ditutup karena kasus selesai. Jawaban tidak diperlukan lagi.</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
