'use client';

import { TextAreaField, TextField } from '@/components/forms/field';
import {
  ActionCard,
  CaseHiddenFields,
  fieldError,
  InternalNote,
  SelectField,
  Submit,
  typed,
  useCaseAction,
  type CaseAction,
  type CaseFormProps,
} from './form-kit';

/*
 * The decisions that move a case: start verification, accept as complete, return to
 * review, reject, refer, conclude. The page says which are available in the case's
 * state; the services enforce the workflow table again on the server.
 */

type Option = { value: string; label: string };
type DecisionProps = CaseFormProps & { action: CaseAction; available: boolean };

export function StartVerificationForm({ action, available, ...props }: DecisionProps) {
  const anchor = 'mulai-verifikasi';
  const [state, formAction, pending] = useCaseAction(action, props.caseNumber, anchor);
  return (
    <ActionCard
      anchor={anchor}
      title="Mulai verifikasi"
      description="Periksa kelengkapan unsur 4W1H, bukti, dan pihak terlapor. Pelapor akan melihat status “Diverifikasi”."
      state={state}
      available={available}
    >
      <form action={formAction} aria-labelledby={`${anchor}-judul`} className="space-y-4" noValidate>
        <CaseHiddenFields {...props} />
        <InternalNote id={`${anchor}-internal`} state={state} />
        <Submit label="Mulai Verifikasi" pending={pending} />
      </form>
    </ActionCard>
  );
}

export function AcceptForm({ action, available, ...props }: DecisionProps) {
  const anchor = 'nyatakan-lengkap';
  const [state, formAction, pending] = useCaseAction(action, props.caseNumber, anchor);
  return (
    <ActionCard
      anchor={anchor}
      title="Nyatakan lengkap"
      description="Laporan memenuhi unsur 4W1H dan dilanjutkan ke Penelaahan. Batas waktu penyelesaian mulai dihitung."
      state={state}
      available={available}
    >
      <form action={formAction} aria-labelledby={`${anchor}-judul`} className="space-y-4" noValidate>
        <CaseHiddenFields {...props} />
        <TextAreaField
          id={`${anchor}-publik`}
          name="publicNote"
          label="Catatan untuk pelapor"
          hint="Kosongkan untuk memakai kalimat baku: “Laporan Anda dinyatakan lengkap dan sedang ditelaah lebih lanjut.”"
          rows={2}
          maxLength={2000}
          defaultValue={typed(state, 'publicNote')}
          error={fieldError(state, 'publicNote')}
        />
        <InternalNote id={`${anchor}-internal`} state={state} />
        <Submit label="Nyatakan Lengkap" pending={pending} />
      </form>
    </ActionCard>
  );
}

export function ReturnToInvestigationForm({ action, available, ...props }: DecisionProps) {
  const anchor = 'kembali-penelaahan';
  const [state, formAction, pending] = useCaseAction(action, props.caseNumber, anchor);
  return (
    <ActionCard
      anchor={anchor}
      title="Kembali ke penelaahan"
      description="Klarifikasi pelapor dan saksi selesai; kasus kembali ditelaah. Langkah ini tidak terlihat oleh pelapor."
      state={state}
      available={available}
    >
      <form action={formAction} aria-labelledby={`${anchor}-judul`} className="space-y-4" noValidate>
        <CaseHiddenFields {...props} />
        <InternalNote id={`${anchor}-internal`} state={state} />
        <Submit label="Kembali ke Penelaahan" pending={pending} variant="secondary" />
      </form>
    </ActionCard>
  );
}

export function RejectForm({ action, available, reasons, ...props }: DecisionProps & { reasons: Option[] }) {
  const anchor = 'tolak-laporan';
  const [state, formAction, pending] = useCaseAction(action, props.caseNumber, anchor);
  return (
    <ActionCard
      anchor={anchor}
      title="Tolak laporan"
      description="Laporan dinyatakan tidak dapat ditindaklanjuti. Kasus ditutup dan pelapor melihat penjelasan Anda."
      state={state}
      available={available}
    >
      <form action={formAction} aria-labelledby={`${anchor}-judul`} className="space-y-4" noValidate>
        <CaseHiddenFields {...props} />
        <SelectField
          id={`${anchor}-alasan`}
          name="reason"
          label="Alasan penolakan"
          required
          options={reasons}
          placeholder={reasons.length > 1 ? '— Pilih alasan —' : undefined}
          defaultValue={typed(state, 'reason', reasons.length === 1 ? reasons[0].value : '')}
          error={fieldError(state, 'reason')}
        />
        <TextAreaField
          id={`${anchor}-penjelasan`}
          name="publicNote"
          label="Penjelasan untuk pelapor"
          hint="Ditampilkan kepada pelapor. Minimal 10 karakter."
          required
          rows={3}
          maxLength={2000}
          defaultValue={typed(state, 'publicNote')}
          error={fieldError(state, 'publicNote')}
        />
        <InternalNote id={`${anchor}-internal`} state={state} />
        <Submit label="Tolak Laporan" pending={pending} variant="danger" />
      </form>
    </ActionCard>
  );
}

export function ReferForm({ action, available, targets, ...props }: DecisionProps & { targets: Option[] }) {
  const anchor = 'limpahkan';
  const [state, formAction, pending] = useCaseAction(action, props.caseNumber, anchor);
  return (
    <ActionCard
      anchor={anchor}
      title="Limpahkan laporan"
      description="Untuk laporan di luar wewenang Biro atau yang mengandung dugaan tindak pidana. Kasus ditutup di sini."
      state={state}
      available={available}
    >
      <form action={formAction} aria-labelledby={`${anchor}-judul`} className="space-y-4" noValidate>
        <CaseHiddenFields {...props} />
        <SelectField
          id={`${anchor}-tujuan`}
          name="referredTo"
          label="Instansi tujuan"
          required
          options={targets}
          placeholder="— Pilih instansi —"
          defaultValue={typed(state, 'referredTo')}
          error={fieldError(state, 'referredTo')}
        />
        <TextField
          id={`${anchor}-lainnya`}
          name="referredToOther"
          label="Nama instansi lain"
          hint="Diisi bila memilih “Instansi lain”."
          maxLength={200}
          defaultValue={typed(state, 'referredToOther')}
          error={fieldError(state, 'referredToOther')}
        />
        <TextAreaField
          id={`${anchor}-penjelasan`}
          name="publicNote"
          label="Penjelasan untuk pelapor"
          hint="Ditampilkan kepada pelapor setelah nama instansi tujuan. Minimal 10 karakter."
          required
          rows={3}
          maxLength={2000}
          defaultValue={typed(state, 'publicNote')}
          error={fieldError(state, 'publicNote')}
        />
        <InternalNote id={`${anchor}-internal`} state={state} />
        <Submit label="Limpahkan" pending={pending} variant="secondary" />
      </form>
    </ActionCard>
  );
}

export function ConcludeForm({
  action,
  available,
  outcomes,
  reportedPartyExamined = true,
  ...props
}: DecisionProps & { outcomes: Option[]; /** An examination of the reported party was attended (summons-rules.ts). */ reportedPartyExamined?: boolean }) {
  const anchor = 'selesaikan-kasus';
  const [state, formAction, pending] = useCaseAction(action, props.caseNumber, anchor);
  return (
    <ActionCard
      anchor={anchor}
      title="Selesaikan kasus"
      description="Catat hasil penanganan. Pelapor melihat status “Selesai” dan ringkasan hasil yang Anda tulis."
      state={state}
      available={available}
    >
      <form action={formAction} aria-labelledby={`${anchor}-judul`} className="space-y-4" noValidate>
        <CaseHiddenFields {...props} />
        <SelectField
          id={`${anchor}-hasil`}
          name="outcome"
          label="Hasil penanganan"
          required
          options={outcomes}
          placeholder="— Pilih hasil —"
          defaultValue={typed(state, 'outcome')}
          error={fieldError(state, 'outcome')}
        />
        <TextAreaField
          id={`${anchor}-ringkasan`}
          name="summary"
          label="Ringkasan hasil untuk pelapor"
          hint="Ditampilkan kepada pelapor. Jangan mencantumkan nama saksi. Minimal 20 karakter."
          required
          rows={4}
          maxLength={4000}
          defaultValue={typed(state, 'summary')}
          error={fieldError(state, 'summary')}
        />
        {!reportedPartyExamined || fieldError(state, 'unexaminedReason') ? (
          <TextAreaField
            id={`${anchor}-alasan`}
            name="unexaminedReason"
            label="Alasan menyimpulkan terbukti tanpa pemeriksaan terlapor"
            hint="Terlapor belum tercatat hadir dalam pemeriksaan. Bila hasilnya “terbukti”, tuliskan dasar kesimpulan tersebut (minimal 20 karakter). Disimpan terenkripsi dalam riwayat dan log audit; tidak ditampilkan kepada pelapor."
            rows={3}
            maxLength={4000}
            defaultValue={typed(state, 'unexaminedReason')}
            error={fieldError(state, 'unexaminedReason')}
          />
        ) : null}
        <InternalNote id={`${anchor}-internal`} state={state} />
        <Submit label="Selesaikan Kasus" pending={pending} />
      </form>
    </ActionCard>
  );
}
