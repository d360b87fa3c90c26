import { z } from 'zod';
import { CASE_STATES, OUTCOMES, REJECTION_REASONS } from './workflow';
import { CASE_NUMBER_PATTERN } from './case-number';
import { SUMMONS_ROLES } from './summons-rules';
import { officeInstant } from '@/lib/office-time';
import { endOfOfficeDay } from './deadlines';

/**
 * Officer inputs with the Indonesian messages shown at each field. Dates are typed in
 * the office's time (WITA, UTC+8): a due date means the end of that day there.
 */


const text = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ error: `${label} wajib diisi.` })
      .min(1, `${label} wajib diisi.`)
      .min(min, `${label} terlalu singkat (minimal ${min} karakter).`)
      .max(max, `${label} terlalu panjang (maksimal ${max} karakter).`),
  );

const optionalText = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
    z.string().max(max, `${label} terlalu panjang (maksimal ${max} karakter).`).optional(),
  );

const dateOnly = (label: string) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .min(1, `${label} wajib diisi.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} tidak valid.`);

/** The end of the office day a typed due date names: answers count until midnight WITA. */
export function dueDateEnd(date: string): Date {
  return endOfOfficeDay(officeInstant(date, '12:00'));
}

export const caseRefSchema = z.object({
  caseNumber: z.string().regex(CASE_NUMBER_PATTERN, 'Nomor kasus tidak valid.'),
  expectedState: z.enum(CASE_STATES).optional(),
});

export const noteSchema = caseRefSchema.extend({
  publicNote: optionalText('Catatan untuk pelapor', 2000),
  internalNote: optionalText('Catatan internal', 4000),
});

export const requestInformationSchema = caseRefSchema.extend({
  questions: text('Pertanyaan untuk pelapor', 10, 4000),
  dueDate: dateOnly('Batas waktu jawaban').refine(
    (d) => dueDateEnd(d).getTime() > Date.now(),
    'Batas waktu jawaban harus hari ini atau setelahnya.',
  ),
});

export const rejectSchema = caseRefSchema.extend({
  reason: z.enum(REJECTION_REASONS, { error: 'Pilih alasan penolakan.' }),
  publicNote: text('Penjelasan untuk pelapor', 10, 2000),
  internalNote: optionalText('Catatan internal', 4000),
});

export const referSchema = caseRefSchema.extend({
  referredTo: z.enum(['inspektorat', 'aph', 'kpk', 'lainnya'], { error: 'Pilih instansi tujuan pelimpahan.' }),
  referredToOther: optionalText('Nama instansi', 200),
  publicNote: text('Penjelasan untuk pelapor', 10, 2000),
  internalNote: optionalText('Catatan internal', 4000),
});

/**
 * Where a case can be referred. The inspectorate is the office's own (a setting, e.g.
 * "Inspektorat Daerah Provinsi NTT"), so its name comes from the settings.
 */
export function referralLabels(settings: { referralInspectorate: string }): Record<z.infer<typeof referSchema>['referredTo'], string> {
  return {
    inspektorat: settings.referralInspectorate,
    aph: 'Aparat Penegak Hukum (Kepolisian/Kejaksaan)',
    kpk: 'Komisi Pemberantasan Korupsi (KPK)',
    lainnya: 'Instansi lain',
  };
}

export const concludeSchema = caseRefSchema.extend({
  outcome: z.enum(OUTCOMES, { error: 'Pilih hasil penanganan.' }),
  summary: text('Ringkasan hasil untuk pelapor', 20, 4000),
  internalNote: optionalText('Catatan internal', 4000),
  /** Why "terbukti" stands without an attended examination of the reported party (summons-rules.ts). */
  unexaminedReason: optionalText('Alasan', 4000),
});

export const OUTCOME_LABELS: Record<(typeof OUTCOMES)[number], string> = {
  terbukti_etik: 'Terbukti — pelanggaran kode etik',
  terbukti_disiplin: 'Terbukti — pelanggaran disiplin',
  tidak_terbukti: 'Tidak terbukti',
};

const summonsFields = {
  scheduledDate: dateOnly('Tanggal pemanggilan'),
  scheduledTime: z
    .string({ error: 'Jam pemanggilan wajib diisi.' })
    .min(1, 'Jam pemanggilan wajib diisi.')
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Jam pemanggilan tidak valid.'),
  place: text('Tempat pemanggilan', 3, 300),
  agenda: text('Agenda pemanggilan', 5, 1000),
  /** Ticked on the second submit, after the date was found to be a weekend or holiday. */
  confirmNonWorkingDay: z.preprocess((v) => v === 'on' || v === 'yes' || v === 'true', z.boolean()),
};

function inFuture<T extends { scheduledDate: string; scheduledTime: string }>(schema: z.ZodType<T>) {
  return schema.refine((v) => officeInstant(v.scheduledDate, v.scheduledTime).getTime() > Date.now(), {
    message: 'Waktu pemanggilan harus di masa depan.',
    path: ['scheduledDate'],
  });
}

export const scheduleSummonsSchema = inFuture(
  caseRefSchema.extend({
    role: z.enum(SUMMONS_ROLES, { error: 'Pilih pihak yang dipanggil.' }),
    personName: text('Nama yang dipanggil', 2, 200),
    letterNumber: optionalText('Nomor surat', 100),
    ...summonsFields,
  }),
);

export const SUMMONS_ROLE_LABELS: Record<(typeof SUMMONS_ROLES)[number], string> = {
  pelapor: 'Pelapor',
  saksi: 'Saksi',
  terlapor: 'Terlapor',
};

export const summonsOutcomeSchema = caseRefSchema.extend({
  summonsId: z.coerce.number().int().positive(),
  attended: z.enum(['yes', 'no'], { error: 'Pilih hadir atau tidak hadir.' }),
  minutes: text('Berita acara', 10, 8000),
});

export const rescheduleSummonsSchema = inFuture(
  caseRefSchema.extend({
    summonsId: z.coerce.number().int().positive(),
    reason: text('Alasan penjadwalan ulang', 5, 1000),
    ...summonsFields,
  }),
);

export const cancelSummonsSchema = caseRefSchema.extend({
  summonsId: z.coerce.number().int().positive(),
  reason: text('Alasan pembatalan', 5, 1000),
});

export const messageSchema = caseRefSchema.extend({
  body: text('Pesan', 2, 4000),
});

export const identityRequestSchema = caseRefSchema.extend({
  reason: text('Alasan membuka identitas', 20, 2000),
});
