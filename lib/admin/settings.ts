import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import { asAdmin, type AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { settings } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import { fieldErrorsFrom } from '@/lib/forms';
import { formatDecimalInput } from '@/lib/format';
import { DEFAULT_SETTINGS, MB, type OfficeSettings } from '@/lib/settings/defaults';
import { maxBodyMb } from '@/lib/env';

/**
 * Office settings as admins edit them at /petugas/admin/pengaturan. The form speaks in
 * megabytes and days; the stored settings in bytes and days (lib/settings/defaults.ts).
 * One schema turns the form into settings, so the page, the action and the service
 * refuse the same input with the same Indonesian message at the same field.
 */

/**
 * The server refuses request bodies above WBS_MAX_BODY_MB (next.config.ts, default 32):
 * a report larger than that would fail with a generic error instead of our message, so
 * the submission limit may not exceed it.
 */
export { maxBodyMb };

export const DAYS_MIN = 1;
export const DAYS_MAX = 365;
export const MAX_FILES_MIN = 1;
export const MAX_FILES_MAX = 20;
export const FILE_MB_MIN = 1;

// A single line: CR/LF would let a value break out of an email header or a letterhead.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

function text(label: string, max: number, required: boolean) {
  const empty = `${label} wajib diisi.`;
  return z.preprocess(
    (value) => (value === undefined || value === null ? '' : value),
    z
      .string({ error: empty })
      .trim()
      .max(max, `${label} terlalu panjang (maksimal ${max} karakter).`)
      .refine((value) => !required || value.length > 0, empty)
      .refine((value) => !CONTROL_CHARS.test(value), `${label} harus ditulis dalam satu baris, tanpa karakter khusus.`),
  );
}

type NumberRule = { label: string; min: number; max: number; unit: string; decimals?: boolean };

/** A number typed in a form ("10", "2,5") or given by code; blank means missing. */
function numberField({ label, min, max, unit, decimals = false }: NumberRule) {
  const range = `${label} harus antara ${min} dan ${max} ${unit}.`;
  return z.preprocess(
    (value) => {
      if (typeof value === 'number') return value;
      if (typeof value !== 'string') return value;
      const trimmed = value.trim().replace(',', '.');
      if (trimmed === '') return undefined;
      return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    },
    z
      .number({
        error: (issue) => (issue.input === undefined ? `${label} wajib diisi.` : `${label} harus berupa angka, misalnya ${min}.`),
      })
      .min(min, range)
      .max(max, range)
      .refine(
        (value) => (decimals ? Math.abs(value * 10 - Math.round(value * 10)) < 1e-9 : Number.isInteger(value)),
        decimals ? `${label} paling banyak satu angka di belakang koma, misalnya 2,5.` : `${label} harus bilangan bulat.`,
      ),
  );
}

const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true' || value === '1', z.boolean());

function days(label: string) {
  return numberField({ label, min: DAYS_MIN, max: DAYS_MAX, unit: 'hari' });
}

const EMAIL = z.email();
const ADDRESS = /^[^\s<>@"]+@[^\s<>@"]+$/;

/** The form fields, named as the form posts them. */
export const settingsFormSchema = z
  .object({
    officeName: text('Nama kantor', 150, true),
    parentOrganisation: text('Instansi induk', 150, true),
    officeAddress: text('Alamat kantor', 250, true),
    officePhone: text('Nomor telepon', 40, false).refine(
      (value) => value === '' || (/^[0-9+()\-.\s]+$/.test(value) && value.replace(/\D/g, '').length >= 5),
      'Nomor telepon hanya boleh berisi angka, spasi, tanda +, tanda kurung, dan tanda hubung, misalnya (0380) 827738.',
    ),
    officeEmail: text('Email kantor', 200, false).refine(
      (value) => value === '' || EMAIL.safeParse(value).success,
      'Format email tidak valid, contoh: wbs@nttprov.go.id.',
    ),
    letterPlace: text('Tempat surat', 60, true),
    referralInspectorate: text('Inspektorat tujuan pelimpahan', 150, true),
    maxFiles: numberField({ label: 'Jumlah berkas', min: MAX_FILES_MIN, max: MAX_FILES_MAX, unit: 'berkas' }),
    maxFileMb: numberField({ label: 'Ukuran per berkas', min: FILE_MB_MIN, max: maxBodyMb(), unit: 'MB', decimals: true }),
    maxSubmissionMb: numberField({ label: 'Ukuran total per kiriman', min: FILE_MB_MIN, max: maxBodyMb(), unit: 'MB', decimals: true }),
    maxCaseFilesPerDay: numberField({ label: 'Jumlah berkas per laporan per hari', min: 1, max: 1000, unit: 'berkas' }),
    maxCaseMbPerDay: numberField({ label: 'Ukuran berkas per laporan per hari', min: 1, max: 10_000, unit: 'MB', decimals: true }),
    verificationStartDays: days('Batas mulai verifikasi'),
    firstAnswerDays: days('Batas jawaban pertama'),
    infoRequestDays: days('Batas jawaban pelapor'),
    conclusionDays: days('Batas penyelesaian'),
    requireTotp: checkbox,
    identityViewNeedsApproval: checkbox,
    emailFrom: text('Alamat pengirim email', 200, true).refine((value) => {
      if (value === '') return true; // "wajib diisi" already said
      const named = /^[^<>"]{1,100}<([^<>]+)>$/.exec(value);
      return ADDRESS.test(named ? named[1].trim() : value);
    }, 'Tulis alamat pengirim seperti WBS Biro Umum <wbs@nttprov.go.id> atau wbs@nttprov.go.id.'),
  })
  .superRefine((form, ctx) => {
    // Compared only when both sizes are valid on their own, so one mistake gives one message.
    const valid = (mb: unknown) => typeof mb === 'number' && mb >= FILE_MB_MIN && mb <= maxBodyMb();
    if (valid(form.maxFileMb) && valid(form.maxSubmissionMb) && form.maxFileMb > form.maxSubmissionMb) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxFileMb'],
        message: `Ukuran per berkas tidak boleh melebihi ukuran total per kiriman (${formatMb(form.maxSubmissionMb)} MB).`,
      });
    }
  })
  .transform(
    ({ maxFileMb, maxSubmissionMb, maxCaseMbPerDay, ...rest }): OfficeSettings => ({
      ...rest,
      maxCaseBytesPerDay: Math.round(maxCaseMbPerDay * MB),
      maxFileBytes: Math.round(maxFileMb * MB),
      maxSubmissionBytes: Math.round(maxSubmissionMb * MB),
    }),
  );

export type SettingsFormField = keyof z.input<typeof settingsFormSchema> | 'maxFileMb' | 'maxSubmissionMb' | 'maxCaseMbPerDay';
/** What the form posts (strings), or the same values from code. */
export type SettingsFormInput = Partial<Record<SettingsFormField, string | number | boolean>>;

export function formatMb(mb: number): string {
  return formatDecimalInput(mb);
}

/** The settings as the form shows them (megabytes with a decimal comma, checkboxes as 'on'). */
export function settingsFormValues(current: OfficeSettings): Record<SettingsFormField, string> {
  const mb = (bytes: number) => formatMb(Math.round((bytes / MB) * 10) / 10);
  return {
    officeName: current.officeName,
    parentOrganisation: current.parentOrganisation,
    officeAddress: current.officeAddress,
    officePhone: current.officePhone,
    officeEmail: current.officeEmail,
    letterPlace: current.letterPlace,
    referralInspectorate: current.referralInspectorate,
    maxFiles: String(current.maxFiles),
    maxFileMb: mb(current.maxFileBytes),
    maxSubmissionMb: mb(current.maxSubmissionBytes),
    maxCaseFilesPerDay: String(current.maxCaseFilesPerDay),
    maxCaseMbPerDay: mb(current.maxCaseBytesPerDay),
    verificationStartDays: String(current.verificationStartDays),
    firstAnswerDays: String(current.firstAnswerDays),
    infoRequestDays: String(current.infoRequestDays),
    conclusionDays: String(current.conclusionDays),
    requireTotp: current.requireTotp ? 'on' : '',
    identityViewNeedsApproval: current.identityViewNeedsApproval ? 'on' : '',
    emailFrom: current.emailFrom,
  };
}

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof OfficeSettings)[];

/**
 * Saves the office settings from the admin form. Refuses an officer without the
 * admin role, validates everything (AppError at the first bad field; the action shows every
 * field's message before this runs), then writes only the keys whose value changed, in
 * one transaction with a `settings.update` audit row naming those keys. Values are not
 * audited: the log keeps field names, never what was typed.
 */
export async function updateSettings(
  db: Database,
  officer: AuthorizedOfficer,
  input: SettingsFormInput,
): Promise<{ changed: (keyof OfficeSettings)[] }> {
  const admin = asAdmin(officer);
  const parsed = settingsFormSchema.safeParse(input);
  if (!parsed.success) {
    const [[field, message]] = Object.entries(fieldErrorsFrom(parsed.error));
    throw new AppError('invalid_settings', { field, userMessage: message });
  }
  const next = parsed.data;
  // Requiring two-step verification would at once shut out the admin turning it on
  // if they have not enrolled themselves: ask them to enrol first.
  if (next.requireTotp && !admin.totpEnabled && !(await getSettings(db)).requireTotp) {
    throw new AppError('enrol_totp_first', {
      field: 'requireTotp',
      userMessage:
        'Aktifkan verifikasi dua langkah untuk akun Anda sendiri terlebih dahulu (menu Akun Saya), lalu wajibkan untuk semua petugas.',
    });
  }

  return db.transaction(async (tx) => {
    // Read inside the write transaction: two admins saving at once cannot both see
    // the old value and leave an audit row that names the wrong fields.
    const rows = await tx.select({ key: settings.key, value: settings.value }).from(settings);
    const stored = new Map(rows.map((row) => [row.key, row.value]));
    const changed = SETTING_KEYS.filter((key) => {
      const value = stored.get(key);
      const current = value !== undefined && typeof value === typeof DEFAULT_SETTINGS[key] ? value : DEFAULT_SETTINGS[key];
      return current !== next[key];
    });
    if (changed.length === 0) return { changed };
    const now = new Date();
    for (const key of changed) {
      await tx
        .insert(settings)
        .values({ key, value: next[key], updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value`, updatedAt: now } });
    }
    await appendAudit(tx, { officerId: admin.id, action: 'settings.update', detail: { fields: changed } });
    return { changed };
  });
}
