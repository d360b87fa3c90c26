import { z } from 'zod';
import { LIMITS, MAX_PARTIES, partyField } from './report-fields';

export { LIMITS, MAX_PARTIES, partyField } from './report-fields';

/**
 * The report form as zod schemas, with the Indonesian messages the reporter sees.
 * Field names are the form's flat names, so a message lands at its own field.
 */

/** Trims and folds runs of blank lines; keeps the text otherwise as typed. */
const cleanText = (value: unknown) =>
  typeof value === 'string' ? value.replace(/\r\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim() : value;

function requiredText(label: string, { min, max }: { min: number; max: number }, hint: string) {
  return z.preprocess(
    cleanText,
    z
      .string({ error: `${label} wajib diisi.` })
      .min(1, `${label} wajib diisi. ${hint}`)
      .min(min, `${label} terlalu singkat (minimal ${min} karakter). ${hint}`)
      .max(max, `${label} terlalu panjang (maksimal ${max} karakter).`),
  );
}

function optionalText(label: string, max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : cleanText(v)),
    z.string().max(max, `${label} terlalu panjang (maksimal ${max} karakter).`).optional(),
  );
}

export const complaintSchema = z.object({
  what: requiredText('Uraian perbuatan (What)', LIMITS.what, 'Jelaskan perbuatan yang diduga melanggar.'),
  where: requiredText('Tempat kejadian (Where)', LIMITS.where, 'Sebutkan kantor, ruangan, atau lokasinya.'),
  whenText: requiredText('Waktu kejadian (When)', LIMITS.whenText, 'Perkiraan waktu juga boleh, misalnya "awal Maret 2026".'),
  whenDate: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal tidak valid.')
      .refine((d) => !Number.isNaN(Date.parse(d)), 'Tanggal tidak valid.')
      .refine((d) => Date.parse(d) <= Date.now() + 24 * 3600 * 1000, 'Tanggal kejadian tidak boleh di masa depan.')
      .optional(),
  ),
  who: requiredText('Pihak yang terlibat (Who)', LIMITS.who, 'Tulis "tidak ada" bila tidak ada pihak lain.'),
  how: requiredText('Cara perbuatan dilakukan (How)', LIMITS.how, 'Jelaskan modus atau caranya.'),
  category: z.string({ error: 'Pilih kategori pelanggaran.' }).min(1, 'Pilih kategori pelanggaran.'),
});

export const partySchema = z.object({
  name: optionalText('Nama terlapor', LIMITS.partyField),
  position: optionalText('Jabatan terlapor', LIMITS.partyField),
  workUnit: optionalText('Unit kerja terlapor', LIMITS.partyField),
});
export type PartyInput = z.infer<typeof partySchema>;

export const identitySchema = z
  .object({
    anonymous: z.boolean(),
    name: optionalText('Nama', LIMITS.name),
    phone: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : cleanText(v)),
      z
        .string()
        .max(LIMITS.phone, 'Nomor telepon terlalu panjang.')
        .regex(/^[+0-9 ()-]{6,}$/, 'Nomor telepon hanya boleh berisi angka, spasi, +, - dan tanda kurung.')
        .optional(),
    ),
    email: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : cleanText(v)),
      z.email('Alamat email tidak valid.').max(LIMITS.email, 'Alamat email terlalu panjang.').optional(),
    ),
    address: optionalText('Alamat', LIMITS.address),
    emailConsent: z.boolean(),
  })
  .superRefine((identity, ctx) => {
    if (identity.anonymous) return;
    if (!identity.name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Nama wajib diisi bila Anda memilih mencantumkan identitas.' });
    }
    if (!identity.phone && !identity.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Cantumkan nomor telepon atau email agar petugas dapat menghubungi Anda.',
      });
    }
    if (identity.emailConsent && !identity.email) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Isi alamat email untuk menerima pemberitahuan.' });
    }
  });
export type IdentityInput = z.infer<typeof identitySchema>;

export type ReportInput = z.infer<typeof complaintSchema> & {
  identity: IdentityInput;
  parties: PartyInput[];
};


/** Maps identity schema paths to the form's field names. */
export const IDENTITY_FIELDS: Record<string, string> = {
  name: 'reporterName',
  phone: 'reporterPhone',
  email: 'reporterEmail',
  address: 'reporterAddress',
  emailConsent: 'emailConsent',
};

/**
 * Validates the text part of the form. Returns the typed report or per-field
 * messages keyed by form field name.
 */
export function parseReportFields(
  formData: FormData,
): { ok: true; report: ReportInput } | { ok: false; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value : undefined;
  };

  const complaint = complaintSchema.safeParse({
    what: text('what'),
    where: text('where'),
    whenText: text('whenText'),
    whenDate: text('whenDate'),
    who: text('who'),
    how: text('how'),
    category: text('category'),
  });
  if (!complaint.success) {
    for (const issue of complaint.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  }

  const parties: PartyInput[] = [];
  for (let i = 0; i < MAX_PARTIES; i++) {
    const party = partySchema.safeParse({
      name: text(partyField(i, 'Name')),
      position: text(partyField(i, 'Position')),
      workUnit: text(partyField(i, 'WorkUnit')),
    });
    if (!party.success) {
      for (const issue of party.error.issues) {
        const field = { name: 'Name', position: 'Position', workUnit: 'WorkUnit' }[String(issue.path[0])] as
          | 'Name'
          | 'Position'
          | 'WorkUnit';
        fieldErrors[partyField(i, field)] ??= issue.message;
      }
      continue;
    }
    const { name, position, workUnit } = party.data;
    if (!name && !position && !workUnit) continue;
    if (!name && !position) {
      fieldErrors[partyField(i, 'Name')] ??= 'Isi nama atau jabatan terlapor.';
      continue;
    }
    parties.push(party.data);
  }
  if (parties.length === 0 && !fieldErrors[partyField(0, 'Name')]) {
    fieldErrors[partyField(0, 'Name')] = 'Sebutkan minimal satu terlapor: nama atau jabatannya.';
  }

  // An anonymous report keeps nothing of what may have been typed in the identity fields.
  const anonymous = text('anonymous') !== 'no';
  const identity = anonymous
    ? ({ success: true, data: { anonymous: true, emailConsent: false } } as const)
    : identitySchema.safeParse({
    anonymous: false,
    name: text('reporterName'),
    phone: text('reporterPhone'),
    email: text('reporterEmail'),
    address: text('reporterAddress'),
    emailConsent: text('emailConsent') === 'on' || text('emailConsent') === 'yes',
  });
  if (!identity.success) {
    for (const issue of identity.error.issues) {
      fieldErrors[IDENTITY_FIELDS[String(issue.path[0])] ?? 'reporterName'] ??= issue.message;
    }
  }

  if (Object.keys(fieldErrors).length > 0 || !complaint.success || !identity.success) {
    return { ok: false, fieldErrors };
  }
  return { ok: true, report: { ...complaint.data, identity: identity.data, parties } };
}
