import { DateText } from '@/components/ui/date-text';
import { loadReporterSummons } from '@/lib/cases/service/summons-responses';
import { getDb } from '@/lib/db/client';
import { SummonsResponseForm, type SummonsResponseAction } from './summons-response-form';

/**
 * The reporter's invitations (undangan klarifikasi) on /status, each with what they
 * answered and a form to confirm, decline, ask for another time or answer in writing,
 * all without giving up anonymity. A server component loading its own rows by the case
 * id the page took from the status session; renders nothing when there is no invitation.
 */
export async function ReporterSummonsPanel({ caseId, action }: { caseId: number; action: SummonsResponseAction }) {
  const items = await loadReporterSummons(getDb(), caseId);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="summons-heading" className="rounded-lg border border-slate-300 bg-white p-4 sm:p-6">
      <h2 id="summons-heading" className="text-lg font-semibold">
        Undangan klarifikasi
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        Petugas mengundang Anda untuk memberikan keterangan. Beri tahu petugas melalui halaman ini apakah Anda akan hadir,
        meminta waktu lain, atau menjawab secara tertulis. Identitas Anda tidak diminta.
      </p>
      <ul className="mt-4 space-y-4">
        {items.map((item) => {
          const latest = item.responses.at(-1);
          return (
            <li key={item.id} id={`undangan-${item.id}`} className="scroll-mt-4 rounded-md border border-slate-200 p-3">
              <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
                <dt className="font-semibold">Waktu</dt>
                <dd>
                  <DateText at={item.scheduledAt} format="full" />
                </dd>
                <dt className="mt-2 font-semibold sm:mt-0">Tempat</dt>
                <dd className="break-words whitespace-pre-line">{item.place}</dd>
                <dt className="mt-2 font-semibold sm:mt-0">Agenda</dt>
                <dd className="break-words whitespace-pre-line">{item.agenda}</dd>
              </dl>
              {latest ? (
                <div className="mt-3 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
                  <p className="font-semibold">
                    Tanggapan Anda: {latest.label} (<DateText at={latest.at} format="full" />)
                  </p>
                  {latest.body ? <p className="mt-1 break-words whitespace-pre-line">{latest.body}</p> : null}
                </div>
              ) : null}
              {item.canRespond ? (
                <>
                  {latest ? <p className="mt-3 text-sm text-slate-700">Bila ada perubahan, Anda dapat mengirim tanggapan baru sebelum waktu undangan.</p> : null}
                  <SummonsResponseForm action={action} summonsId={item.id} />
                </>
              ) : (
                <p className="mt-3 text-sm text-slate-700">Waktu undangan sudah tiba; tanggapan tidak dapat dikirim lagi.</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
