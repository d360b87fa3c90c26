'use client';

import { TextAreaField } from '@/components/forms/field';
import type { ReporterIdentity } from '@/lib/cases/service/identity';
import { buttonClass, CaseHiddenFields, fieldError, FormMessage, typed, useCaseAction, type CaseAction, type CaseFormProps } from './form-kit';

/**
 * The reporter's identity, sealed until asked for with a written reason. Once access
 * is approved, "Lihat Identitas" posts and the identity comes back in that action's
 * result only: it is shown once and never part of the page itself.
 */
export function IdentityPanel({
  access,
  requestAction,
  viewAction,
  ...props
}: CaseFormProps & {
  access: 'pending' | 'approved' | 'denied' | null;
  requestAction: CaseAction;
  viewAction: CaseAction<ReporterIdentity>;
}) {
  const [requested, requestFormAction, requestPending] = useCaseAction(requestAction, props.caseNumber, 'minta-identitas');
  const [viewed, viewFormAction, viewPending] = useCaseAction(viewAction, props.caseNumber, 'lihat-identitas');
  const identity = viewed.status === 'success' && 'data' in viewed ? viewed.data : undefined;
  const canRequest = access === null || access === 'denied';

  return (
    <div className="space-y-4">
      <p className="text-slate-700">
        Identitas pelapor disimpan terenkripsi dan tertutup. Untuk membukanya, tuliskan alasan yang sah; permintaan dan setiap
        tampilan identitas tercatat dalam log audit.
      </p>

      <div id="minta-identitas" className="scroll-mt-4 space-y-3">
        <FormMessage state={requested} />
        {access === 'pending' ? (
          <p className="rounded-md border border-amber-600 bg-amber-50 px-3 py-2 text-amber-900">
            Permintaan akses Anda menunggu persetujuan administrator.
          </p>
        ) : null}
        {access === 'denied' ? (
          <p className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-800">
            Permintaan akses Anda sebelumnya ditolak. Anda dapat mengajukan permintaan baru dengan alasan yang lebih jelas.
          </p>
        ) : null}
        {canRequest ? (
          // Collapsed like the case's other actions; open again after a refused post.
          <details open={requested.status === 'error'} className="rounded-lg border border-slate-300 bg-white">
            <summary className="flex min-h-11 cursor-pointer items-center px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
              Minta akses identitas
            </summary>
            <div className="border-t border-slate-200 p-4">
          <form action={requestFormAction} aria-label="Minta akses identitas" className="space-y-4" noValidate>
            <CaseHiddenFields {...props} />
            <TextAreaField
              id="identitas-alasan"
              name="reason"
              label="Alasan membuka identitas"
              hint="Minimal 20 karakter, misalnya keperluan menghubungi pelapor untuk jadwal klarifikasi."
              required
              rows={3}
              maxLength={2000}
              defaultValue={typed(requested, 'reason')}
              error={fieldError(requested, 'reason')}
            />
            <button type="submit" disabled={requestPending} className={buttonClass.secondary}>
              Minta Akses Identitas
            </button>
          </form>
            </div>
          </details>
        ) : null}
      </div>

      <div id="lihat-identitas" className="scroll-mt-4 space-y-3">
        <FormMessage state={viewed} />
        {identity ? (
          <div className="rounded-md border-2 border-amber-600 bg-amber-50 p-4">
            <h3 className="font-semibold text-slate-900">Identitas pelapor</h3>
            <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
              {(
                [
                  ['Nama', identity.name],
                  ['Telepon', identity.phone],
                  ['Email', identity.email],
                  ['Alamat', identity.address],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-medium text-slate-700">{label}</dt>
                  <dd className="break-words">{value || '—'}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3 text-sm text-slate-700">
              Gunakan hanya untuk keperluan yang Anda tuliskan. Jangan menyalin identitas ini ke luar sistem. Identitas tidak
              akan tampil lagi setelah halaman dimuat ulang.
            </p>
          </div>
        ) : null}
        {access === 'approved' ? (
          <form action={viewFormAction} aria-label="Lihat identitas" noValidate>
            <CaseHiddenFields {...props} />
            <button type="submit" disabled={viewPending} className={buttonClass.secondary}>
              Lihat Identitas
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
