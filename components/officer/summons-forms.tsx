'use client';

import { TextAreaField, TextField } from '@/components/forms/field';
import {
  ActionCard,
  CaseHiddenFields,
  fieldError,
  FormMessage,
  SelectField,
  Submit,
  typed,
  useCaseAction,
  type CaseAction,
  type CaseFormProps,
} from './form-kit';

/*
 * Summons (pemanggilan): schedule one, then per scheduled summons record attendance
 * with minutes, reschedule or cancel with a reason. Times are WITA.
 */

type Option = { value: string; label: string };

function WhenWhereFields({
  prefix,
  state,
  defaults = {},
}: {
  prefix: string;
  state: Parameters<typeof typed>[0];
  defaults?: { date?: string; time?: string; place?: string; agenda?: string };
}) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${prefix}-tanggal`}
          name="scheduledDate"
          type="date"
          label="Tanggal"
          required
          defaultValue={typed(state, 'scheduledDate', defaults.date ?? '')}
          error={fieldError(state, 'scheduledDate')}
        />
        <TextField
          id={`${prefix}-jam`}
          name="scheduledTime"
          type="time"
          label="Jam"
          hint="Waktu Indonesia Tengah (WITA)."
          required
          defaultValue={typed(state, 'scheduledTime', defaults.time ?? '')}
          error={fieldError(state, 'scheduledTime')}
        />
      </div>
      <NonWorkingDayConfirmation prefix={prefix} state={state} />
      <TextField
        id={`${prefix}-tempat`}
        name="place"
        label="Tempat"
        required
        maxLength={300}
        defaultValue={typed(state, 'place', defaults.place ?? '')}
        error={fieldError(state, 'place')}
      />
      <TextAreaField
        id={`${prefix}-agenda`}
        name="agenda"
        label="Agenda"
        required
        rows={2}
        maxLength={1000}
        defaultValue={typed(state, 'agenda', defaults.agenda ?? '')}
        error={fieldError(state, 'agenda')}
      />
    </>
  );
}

/**
 * Shown once the server found the date on a weekend or holiday (or when the officer had
 * ticked it): a second submit with the box ticked schedules it anyway. Works without
 * JavaScript, since the refusal itself renders the box.
 */
function NonWorkingDayConfirmation({ prefix, state }: { prefix: string; state: Parameters<typeof typed>[0] }) {
  const error = fieldError(state, 'confirmNonWorkingDay');
  const ticked = typed(state, 'confirmNonWorkingDay') === 'on';
  if (!error && !ticked) return null;
  const id = `${prefix}-konfirmasi-libur`;
  return (
    <div className="space-y-1 rounded-md border-2 border-amber-600 bg-amber-50 p-3">
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-amber-950">
          {error}
        </p>
      ) : null}
      <label htmlFor={id} className="flex min-h-11 items-center gap-2 font-semibold text-slate-900">
        <input
          key={String(ticked)}
          id={id}
          type="checkbox"
          name="confirmNonWorkingDay"
          defaultChecked={ticked}
          aria-describedby={error ? `${id}-error` : undefined}
          className="h-5 w-5"
        />
        Ya, tetap jadwalkan pada hari libur atau akhir pekan ini
      </label>
    </div>
  );
}

export function ScheduleSummonsForm({
  action,
  available,
  roles,
  ...props
}: CaseFormProps & { action: CaseAction; available: boolean; roles: Option[] }) {
  const anchor = 'jadwalkan-pemanggilan';
  const [state, formAction, pending] = useCaseAction(action, props.caseNumber, anchor);
  return (
    <ActionCard
      anchor={anchor}
      title="Jadwalkan pemanggilan"
      description={
        <p>
          Memanggil pelapor atau saksi memindahkan kasus ke <strong>Klarifikasi Pelapor/Saksi</strong>; memanggil
          terlapor ke <strong>Pemeriksaan Terlapor</strong>. Hanya pemanggilan pelapor yang ditampilkan kepada pelapor.
        </p>
      }
      state={state}
      available={available}
    >
      <form action={formAction} aria-labelledby={`${anchor}-judul`} className="space-y-4" noValidate>
        <CaseHiddenFields {...props} />
        <SelectField
          id={`${anchor}-pihak`}
          name="role"
          label="Pihak yang dipanggil"
          required
          options={roles}
          placeholder={roles.length > 1 ? '— Pilih pihak —' : undefined}
          defaultValue={typed(state, 'role', roles.length === 1 ? roles[0].value : '')}
          error={fieldError(state, 'role')}
        />
        <TextField
          id={`${anchor}-nama`}
          name="personName"
          label="Nama yang dipanggil"
          required
          maxLength={200}
          autoComplete="off"
          defaultValue={typed(state, 'personName')}
          error={fieldError(state, 'personName')}
        />
        <WhenWhereFields prefix={anchor} state={state} />
        <TextField
          id={`${anchor}-nomor`}
          name="letterNumber"
          label="Nomor surat"
          hint="Nomor surat panggilan, bila sudah ada."
          maxLength={100}
          defaultValue={typed(state, 'letterNumber')}
          error={fieldError(state, 'letterNumber')}
        />
        <Submit label="Jadwalkan Pemanggilan" pending={pending} />
      </form>
    </ActionCard>
  );
}

export type SummonsFormsProps = CaseFormProps & {
  summonsId: number;
  /** Still scheduled on an open case. */
  available: boolean;
  current: { date: string; time: string; place: string; agenda: string };
  outcomeAction: CaseAction;
  rescheduleAction: CaseAction;
  cancelAction: CaseAction;
};

/** Attendance, rescheduling and cancelling of one summons. */
export function SummonsForms({ summonsId, available, current, outcomeAction, rescheduleAction, cancelAction, ...props }: SummonsFormsProps) {
  const base = `panggilan-${summonsId}`;
  const [outcome, outcomeFormAction, outcomePending] = useCaseAction(outcomeAction, props.caseNumber, `${base}-kehadiran`);
  const [moved, rescheduleFormAction, reschedulePending] = useCaseAction(rescheduleAction, props.caseNumber, `${base}-ulang`);
  const [cancelled, cancelFormAction, cancelPending] = useCaseAction(cancelAction, props.caseNumber, `${base}-batal`);
  const hidden = (
    <>
      <CaseHiddenFields {...props} />
      <input type="hidden" name="summonsId" value={summonsId} />
    </>
  );
  const attended = typed(outcome, 'attended');
  const attendedError = fieldError(outcome, 'attended');

  return (
    <div className="space-y-3">
      <div id={`${base}-kehadiran`} className="scroll-mt-4 space-y-3">
        <FormMessage state={outcome} />
        {available ? (
          // Collapsed like every other action on the case page; open after a refused post.
          <details open={outcome.status === 'error'} className="rounded-md border border-slate-300 bg-white">
            <summary className="flex min-h-11 cursor-pointer items-center px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50">
              Catat kehadiran dan berita acara
            </summary>
            <div className="border-t border-slate-200 p-3">
          <form action={outcomeFormAction} aria-label="Catat kehadiran" className="space-y-4" noValidate>
            {hidden}
            <fieldset aria-describedby={attendedError ? `${base}-kehadiran-error` : undefined} className="space-y-1">
              <legend className="font-semibold text-slate-900">
                Kehadiran<span className="font-normal text-slate-600"> (wajib)</span>
              </legend>
              {attendedError ? (
                <p id={`${base}-kehadiran-error`} className="text-sm font-medium text-red-700">
                  {attendedError}
                </p>
              ) : null}
              {/* Remounted with the typed choice, so a form reset after a refused post keeps it. */}
              <div key={attended} className="flex flex-wrap gap-3">
                {[
                  { value: 'yes', label: 'Hadir' },
                  { value: 'no', label: 'Tidak hadir' },
                ].map((choice) => (
                  <label key={choice.value} className="flex min-h-11 items-center gap-2 rounded-md border border-slate-400 bg-white px-3 py-2">
                    <input
                      type="radio"
                      name="attended"
                      value={choice.value}
                      defaultChecked={attended === choice.value}
                      className="h-5 w-5"
                    />
                    {choice.label}
                  </label>
                ))}
              </div>
            </fieldset>
            <TextAreaField
              id={`${base}-berita-acara`}
              name="minutes"
              label="Berita acara"
              hint="Ringkasan keterangan yang diberikan, atau catatan ketidakhadiran. Dapat dicatat setelah waktu pemanggilan tiba. Hanya terlihat oleh petugas."
              required
              rows={4}
              maxLength={8000}
              defaultValue={typed(outcome, 'minutes')}
              error={fieldError(outcome, 'minutes')}
            />
            <Submit label="Catat Kehadiran" pending={outcomePending} />
          </form>
            </div>
          </details>
        ) : null}
      </div>

      <div id={`${base}-ulang`} className="scroll-mt-4">
        <FormMessage state={moved} />
      </div>
      <div id={`${base}-batal`} className="scroll-mt-4">
        <FormMessage state={cancelled} />
      </div>
      {available ? (
        <details open={moved.status === 'error' || cancelled.status === 'error'} className="rounded-md border border-slate-300 bg-slate-50 p-3">
          <summary className="cursor-pointer font-semibold text-brand-800">Ubah jadwal atau batalkan</summary>
          <div className="mt-3 space-y-6">
            <form action={rescheduleFormAction} aria-label="Jadwalkan ulang" className="space-y-4" noValidate>
              {hidden}
              <WhenWhereFields prefix={`${base}-ulang`} state={moved} defaults={current} />
              <TextAreaField
                id={`${base}-alasan-ulang`}
                name="reason"
                label="Alasan penjadwalan ulang"
                required
                rows={2}
                maxLength={1000}
                defaultValue={typed(moved, 'reason')}
                error={fieldError(moved, 'reason')}
              />
              <Submit label="Jadwalkan Ulang" pending={reschedulePending} variant="secondary" />
            </form>
            <form action={cancelFormAction} aria-label="Batalkan pemanggilan" className="space-y-4 border-t border-slate-300 pt-4" noValidate>
              {hidden}
              <TextAreaField
                id={`${base}-alasan-batal`}
                name="reason"
                label="Alasan pembatalan"
                required
                rows={2}
                maxLength={1000}
                defaultValue={typed(cancelled, 'reason')}
                error={fieldError(cancelled, 'reason')}
              />
              <Submit label="Batalkan Pemanggilan" pending={cancelPending} variant="danger" />
            </form>
          </div>
        </details>
      ) : null}
    </div>
  );
}
