'use client';

import { TextAreaField } from '@/components/forms/field';
import { DateText } from '@/components/ui/date-text';
import type { AssignmentPanel as PanelData } from '@/lib/cases/assignment';
import { buttonClass, fieldError, FormMessage, SelectField, Submit, typed, useCaseAction, type CaseAction } from './form-kit';

export type AssignmentActions = {
  take: CaseAction;
  assign: CaseAction;
  unassign: CaseAction;
  restrict: CaseAction;
  recuse: CaseAction;
};

/**
 * Who handles the case, self-contained so it can sit near the top of the case page:
 * the handling officers, "Ambil kasus ini" while nobody does, for admins assigning,
 * releasing and restricting, and for everyone a declaration of conflict of interest
 * (behind a disclosure, it closes the case to them). Every form posts without JavaScript.
 */
export function AssignmentPanel({ panel, actions }: { panel: PanelData; actions: AssignmentActions }) {
  const { caseNumber } = panel;
  const [taken, takeAction, takePending] = useCaseAction(actions.take, caseNumber, 'penanganan');
  const [assigned, assignAction, assignPending] = useCaseAction(actions.assign, caseNumber, 'tugaskan-petugas');
  const [released, unassignAction, unassignPending] = useCaseAction(actions.unassign, caseNumber, 'tugaskan-petugas');
  const [restricted, restrictAction, restrictPending] = useCaseAction(actions.restrict, caseNumber, 'batasi-akses');
  const [recused, recuseAction, recusePending] = useCaseAction(actions.recuse, caseNumber, 'benturan-kepentingan');
  const isAdmin = panel.candidates !== null;

  return (
    <section id="penanganan" aria-labelledby="penanganan-judul" className="scroll-mt-4 space-y-3 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="penanganan-judul" className="text-lg font-bold text-slate-900">
        Penanganan
      </h2>
      <FormMessage state={taken} />
      <p className="text-slate-800">
        <span className="font-semibold">Petugas penanggung jawab: </span>
        {panel.assigned.length > 0 ? panel.assigned.map((o) => o.name).join(', ') : 'Belum ada'}
        {panel.isAssigned ? <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-sm font-semibold text-brand-800">Kasus saya</span> : null}
      </p>
      {panel.restricted ? (
        <p className="rounded-md border border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Akses dibatasi: hanya petugas penanggung jawab dan admin yang dapat membuka kasus ini.
        </p>
      ) : null}
      {panel.canTake ? (
        <form action={takeAction} aria-label="Ambil kasus ini">
          <input type="hidden" name="caseNumber" value={caseNumber} />
          <Submit label="Ambil kasus ini" pending={takePending} variant="secondary" />
        </form>
      ) : null}

      {isAdmin ? (
        // Collapsed like the case's other actions (the page must reach its thread within three
        // phone screens); open again after any answer, so its message is seen.
        <details
          id="tugaskan-petugas"
          className="scroll-mt-4 border-t border-slate-200 pt-3"
          open={[assigned, released, restricted].some((state) => state.status !== 'idle') || undefined}
        >
          <summary className="cursor-pointer font-semibold text-brand-800">Atur penanggung jawab dan akses</summary>
          <div className="mt-3 space-y-3">
          <FormMessage state={assigned.status !== 'idle' ? assigned : released} />
          {panel.assigned.length > 0 ? (
            <ul className="space-y-2">
              {panel.assigned.map((o) => (
                <li key={o.id}>
                  <form action={unassignAction} aria-label={`Lepaskan ${o.name}`} className="flex flex-wrap items-center gap-2">
                    <input type="hidden" name="caseNumber" value={caseNumber} />
                    <input type="hidden" name="officerId" value={o.id} />
                    <span className="min-w-0 break-words">{o.name}</span>
                    <button type="submit" disabled={unassignPending} className="rounded-md border border-slate-400 px-3 py-1 text-sm font-semibold text-slate-800">
                      Lepaskan
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          ) : null}
          {panel.candidates && panel.candidates.length > 0 ? (
            <form action={assignAction} aria-label="Tugaskan petugas" className="space-y-2">
              <input type="hidden" name="caseNumber" value={caseNumber} />
              <SelectField
                id="tugaskan-officerId"
                name="officerId"
                label="Tugaskan petugas"
                required
                placeholder="Pilih petugas"
                defaultValue={typed(assigned, 'officerId')}
                error={fieldError(assigned, 'officerId')}
                options={panel.candidates.map((o) => ({ value: String(o.id), label: o.name }))}
              />
              <Submit label="Tugaskan" pending={assignPending} variant="secondary" />
            </form>
          ) : null}
          <div id="batasi-akses" className="scroll-mt-4 space-y-2">
            <FormMessage state={restricted} />
            <form action={restrictAction} aria-label="Pembatasan akses">
              <input type="hidden" name="caseNumber" value={caseNumber} />
              <input type="hidden" name="restricted" value={panel.restricted ? '0' : '1'} />
              <Submit
                label={panel.restricted ? 'Cabut pembatasan akses' : 'Batasi untuk petugas penanggung jawab'}
                pending={restrictPending}
                variant="secondary"
              />
            </form>
          </div>
          {panel.recusals && panel.recusals.length > 0 ? (
            <div>
              <h3 className="font-semibold text-slate-900">Benturan kepentingan yang dinyatakan</h3>
              <ul className="mt-1 space-y-2 text-sm">
                {panel.recusals.map((r, i) => (
                  <li key={i} className="break-words">
                    <span className="font-semibold">{r.officerName}</span> (<DateText at={r.at} format="dateTime" zone />): {r.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          </div>
        </details>
      ) : null}

      <details id="benturan-kepentingan" className="scroll-mt-4 border-t border-slate-200 pt-3" open={recused.status === 'error' || undefined}>
        <summary className="cursor-pointer font-semibold text-red-800">Nyatakan benturan kepentingan</summary>
        <div className="mt-3 space-y-3">
          <p className="text-sm text-slate-700">
            Bila kasus ini menyangkut Anda, keluarga, atau pihak yang dekat dengan Anda, nyatakan benturan kepentingan. Setelah itu Anda
            tidak dapat lagi membuka kasus ini; pernyataan Anda tercatat dalam log audit dan dapat dilihat admin.
          </p>
          <FormMessage state={recused} />
          <form action={recuseAction} aria-label="Nyatakan benturan kepentingan" className="space-y-3" noValidate>
            <input type="hidden" name="caseNumber" value={caseNumber} />
            <TextAreaField
              id="benturan-alasan"
              name="reason"
              label="Alasan benturan kepentingan"
              hint="Minimal 10 karakter. Disimpan terenkripsi."
              required
              rows={3}
              maxLength={2000}
              defaultValue={typed(recused, 'reason')}
              error={fieldError(recused, 'reason')}
            />
            <button type="submit" disabled={recusePending} className={buttonClass.danger}>
              Nyatakan benturan kepentingan
            </button>
          </form>
        </div>
      </details>
    </section>
  );
}
