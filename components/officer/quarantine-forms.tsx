'use client';

import { ActionCard, CaseHiddenFields, InternalNote, Submit, useCaseAction, type CaseAction, type CaseFormProps } from './form-kit';

/*
 * The two exits from quarantine, in place of "Mulai Verifikasi": release the report into
 * the inbox, or close it as spam. The services check again that the case is still in
 * quarantine, so a second officer's stale form is refused.
 */

/** One rule of the spam check that matched (lib/security/spam.ts), as the officer reads it. */
export type SpamReasonItem = { label: string; points: number; reading?: string; match?: string };

type QuarantineProps = CaseFormProps & {
  available: boolean;
  reasons: SpamReasonItem[];
  releaseAction: CaseAction;
  rejectAction: CaseAction;
};

function QuarantineCard({
  anchor,
  title,
  description,
  button,
  variant,
  action,
  available,
  ...props
}: CaseFormProps & {
  anchor: string;
  title: string;
  description: string;
  button: string;
  variant: 'primary' | 'danger';
  action: CaseAction;
  available: boolean;
}) {
  const [state, formAction, pending] = useCaseAction(action, props.caseNumber, anchor);
  return (
    <ActionCard anchor={anchor} title={title} description={description} state={state} available={available}>
      <form action={formAction} aria-labelledby={`${anchor}-judul`} className="space-y-4" noValidate>
        <CaseHiddenFields {...props} />
        <InternalNote id={`${anchor}-internal`} state={state} />
        <Submit label={button} pending={pending} variant={variant} />
      </form>
    </ActionCard>
  );
}

export function QuarantineForms({ available, reasons, releaseAction, rejectAction, ...props }: QuarantineProps) {
  return (
    <>
      {available ? (
        <div className="space-y-2 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-950">
          <p>
            Laporan ini ditahan di karantina karena isinya mirip spam judi daring. Pelapor tetap melihat status
            “Diterima”. Periksa isinya, lalu pilih salah satu tindakan di bawah.
          </p>
          {reasons.length > 0 ? (
            <>
              <p className="font-semibold">Yang dikenali pemeriksa spam:</p>
              <ul className="list-disc space-y-1 pl-5 text-sm">
                {reasons.map((reason) => (
                  <li key={`${reason.label}-${reason.match ?? ''}`}>
                    {reason.label}
                    {reason.match ? <> — “{reason.match}”</> : null}
                    {reason.reading && reason.reading !== 'teks' ? <> (cara baca: {reason.reading})</> : null}: {reason.points} poin
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <QuarantineCard
        {...props}
        anchor="bukan-spam"
        title="Bukan spam"
        description="Laporan masuk ke kotak masuk sebagai laporan baru dan petugas diberi tahu. Pelapor tidak melihat perubahan apa pun."
        button="Bukan Spam"
        variant="primary"
        action={releaseAction}
        available={available}
      />
      <QuarantineCard
        {...props}
        anchor="tolak-spam"
        title="Tolak sebagai spam"
        description="Kasus ditutup dengan status “Tidak Dapat Ditindaklanjuti”, alasan spam. Pelapor hanya melihat status itu dengan kalimat baku tanpa alasan, dan tidak dikirimi email."
        button="Tolak sebagai Spam"
        variant="danger"
        action={rejectAction}
        available={available}
      />
    </>
  );
}
