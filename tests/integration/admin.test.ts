import { count, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAuditPage } from '@/lib/admin/audit-view';
import { appendAudit } from '@/lib/audit/log';
import { addHoliday, listHolidays, removeHoliday } from '@/lib/admin/holidays';
import { approveIdentityRequest, denyIdentityRequest, listIdentityRequests } from '@/lib/admin/identity-requests';
import { settingsFormSchema, settingsFormValues, updateSettings, type SettingsFormInput } from '@/lib/admin/settings';
import { officerActionWith } from '@/lib/auth/action';
import { authorizeOfficer, type AuthorizedOfficer } from '@/lib/auth/guard';
import { loadHolidaySet } from '@/lib/cases/holidays';
import { requestIdentityAccess, viewReporterIdentity } from '@/lib/cases/service/identity';
import type { Database } from '@/lib/db/client';
import { auditLog, holidays, identityRequests, officers, settings } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { fieldErrorsFrom } from '@/lib/forms';
import { DEFAULT_SETTINGS, getSettings, MB } from '@/lib/settings';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';

let db: Database;
let admin: Awaited<ReturnType<typeof createOfficer>>;
let secondAdmin: Awaited<ReturnType<typeof createOfficer>>;
let officer: Awaited<ReturnType<typeof createOfficer>>;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  admin = await createOfficer(db, 'admin');
  secondAdmin = await createOfficer(db, 'admin');
  officer = await createOfficer(db, 'officer');
});

/** The settings form as the page fills it, with some fields changed. */
function settingsForm(overrides: SettingsFormInput = {}): SettingsFormInput {
  return { ...settingsFormValues(DEFAULT_SETTINGS), ...overrides };
}

async function refused(promise: Promise<unknown>, code?: string, field?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  if (code) expect((error as AppError).code).toBe(code);
  if (field) expect((error as AppError).field).toBe(field);
  expect((error as AppError).userMessage).toBeTruthy();
  return error as AppError;
}

/** Everything an admin service could change. */
async function snapshot() {
  const [audit] = await db.select({ n: count() }).from(auditLog);
  return JSON.stringify({
    audit: audit.n,
    settings: await db.select({ key: settings.key, value: settings.value }).from(settings).orderBy(settings.key),
    holidays: await db.select().from(holidays).orderBy(holidays.date),
    requests: await db.select({ id: identityRequests.id, status: identityRequests.status }).from(identityRequests),
  });
}

async function lastAudit() {
  const [row] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

async function pendingRequest(caseNumber: string, by = officer) {
  await requestIdentityAccess(db, by, { caseNumber, reason: 'Perlu menghubungi pelapor untuk jadwal klarifikasi saksi.' });
  const [row] = await db.select().from(identityRequests).orderBy(desc(identityRequests.id)).limit(1);
  expect(row.status).toBe('pending');
  return row;
}

describe('[ADMIN] every admin service refuses a non-admin and a missing session, changing nothing', () => {
  it('refuses each service for an officer (forbidden) and without a session (unauthorized)', async () => {
    await addHoliday(db, admin, { date: '2030-12-24', name: 'Cuti bersama Natal' });
    await updateSettings(db, admin, settingsForm({ identityViewNeedsApproval: 'on' }));
    const { caseNumber } = await createCase(db, { anonymous: 'no', reporterName: 'Maria Pelapor', reporterPhone: '081234567890' });
    const request = await pendingRequest(caseNumber);

    const calls: [string, (actor: AuthorizedOfficer) => Promise<unknown>][] = [
      ['updateSettings', (actor) => updateSettings(db, actor, settingsForm({ officeName: 'Kantor Lain' }))],
      ['addHoliday', (actor) => addHoliday(db, actor, { date: '2030-12-23', name: 'Cuti bersama' })],
      ['removeHoliday', (actor) => removeHoliday(db, actor, { date: '2030-12-24' })],
      ['approveIdentityRequest', (actor) => approveIdentityRequest(db, actor, { requestId: request.id })],
      ['denyIdentityRequest', (actor) => denyIdentityRequest(db, actor, { requestId: request.id })],
      ['listHolidays', (actor) => listHolidays(db, actor)],
      ['listIdentityRequests', (actor) => listIdentityRequests(db, actor)],
      ['loadAuditPage', (actor) => loadAuditPage(db, actor, {})],
    ];
    for (const [name, call] of calls) {
      const before = await snapshot();
      const forbiddenError = await refused(call(officer), 'forbidden');
      expect(forbiddenError.userMessage, name).toMatch(/tidak memiliki hak akses/);
      // Without a session (or with a forged id) the guard makes no officer to call with.
      await refused(authorizeOfficer(db, null, 'admin').then(call), 'unauthorized');
      await refused(authorizeOfficer(db, { id: 'abc', role: 'admin' }, 'admin').then(call), 'unauthorized');
      expect(await snapshot(), name).toBe(before);
    }
  });

  it('a server action built like the page ones refuses before reading the form', async () => {
    const run = (sessionUser: { id: string; role: string } | null) =>
      officerActionWith(async () => sessionUser)(
        settingsFormSchema,
        async (_input, { db: actionDb, officer: actor, formData }) => {
          await updateSettings(actionDb, actor, Object.fromEntries(formData) as SettingsFormInput);
          return { message: 'ok' };
        },
        { role: 'admin' },
      );
    const form = new FormData();
    for (const [key, value] of Object.entries(settingsForm({ officeName: 'Diambil alih' }))) form.set(key, String(value));
    const before = await snapshot();
    expect(await run(null)({ status: 'idle' }, form)).toMatchObject({ status: 'error', message: expect.stringMatching(/Sesi Anda/) });
    expect(await run({ id: officer.session.id, role: 'admin' })({ status: 'idle' }, form)).toMatchObject({
      status: 'error',
      message: 'Anda tidak memiliki hak akses untuk tindakan ini.',
    });
    expect(await snapshot()).toBe(before);
  });
});

describe('[ADMIN] office settings', () => {
  it('refuses to require two-step verification from an admin who has not enrolled', async () => {
    // An office that switched the requirement off earlier, with an admin who never enrolled.
    await db.insert(settings).values({ key: 'requireTotp', value: false }).onConflictDoUpdate({ target: settings.key, set: { value: false } });
    const unenrolled = await createOfficer(db, 'admin', undefined, { totp: false });
    const current = settingsFormValues(await getSettings(db));
    const error = await updateSettings(db, unenrolled, { ...current, requireTotp: 'on' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).field).toBe('requireTotp');
    expect((await getSettings(db)).requireTotp).toBe(false);
  });

  it('writes only the changed keys and audits their names, never their values', async () => {
    // Everyone acting here has enrolled (the unenrolled admin above is deactivated), so requiring TOTP shuts no one out.
    await db.update(officers).set({ active: false }).where(eq(officers.totpEnabled, false));
    // The admin's next request: the guard reads the enrolment the line above recorded.
    const enrolled = await authorizeOfficer(db, admin.session, 'admin');
    const current = settingsFormValues(await getSettings(db));
    const { changed } = await updateSettings(db, enrolled, {
      ...current,
      officeName: 'Inspektorat Daerah Kabupaten Kupang',
      maxFileMb: '2,5',
      conclusionDays: '45',
      requireTotp: 'on',
    });
    expect(changed.sort()).toEqual(['conclusionDays', 'maxFileBytes', 'officeName', 'requireTotp']);
    const saved = await getSettings(db);
    expect(saved).toMatchObject({
      officeName: 'Inspektorat Daerah Kabupaten Kupang',
      maxFileBytes: Math.round(2.5 * MB),
      conclusionDays: 45,
      requireTotp: true,
      maxSubmissionBytes: DEFAULT_SETTINGS.maxSubmissionBytes,
    });
    const row = await lastAudit();
    expect(row).toMatchObject({ action: 'settings.update', officerId: Number(admin.id), caseId: null });
    expect((row.detail as { fields: string[] }).fields.sort()).toEqual(['conclusionDays', 'maxFileBytes', 'officeName', 'requireTotp']);
    expect(JSON.stringify(row.detail)).not.toMatch(/Inspektorat|45|2621440/);
    expect(settingsFormValues(saved).maxFileMb).toBe('2,5');

    // Saving the same form again changes nothing and logs nothing.
    const before = await snapshot();
    expect((await updateSettings(db, admin, settingsFormValues(saved))).changed).toEqual([]);
    expect(await snapshot()).toBe(before);

    // An unchecked checkbox is absent from the form: it turns the setting off.
    const { requireTotp: _dropped, ...withoutTotp } = settingsFormValues(saved);
    expect((await updateSettings(db, admin, withoutTotp)).changed).toEqual(['requireTotp']);
    expect((await getSettings(db)).requireTotp).toBe(false);
  });

  it('refuses bad input at the field and changes nothing', async () => {
    const cases: [SettingsFormInput, string, RegExp][] = [
      [{ officeName: '   ' }, 'officeName', /wajib diisi/],
      [{ officeName: 'Biro\r\nBcc: x@y.z' }, 'officeName', /satu baris/],
      [{ officeEmail: 'bukan-email' }, 'officeEmail', /Format email/],
      [{ officePhone: 'telepon kami' }, 'officePhone', /angka/],
      [{ maxFiles: '0' }, 'maxFiles', /antara 1 dan 20/],
      [{ maxFiles: '21' }, 'maxFiles', /antara 1 dan 20/],
      [{ maxFiles: '2.5' }, 'maxFiles', /bilangan bulat/],
      [{ maxFiles: '' }, 'maxFiles', /wajib diisi/],
      [{ maxSubmissionMb: '40' }, 'maxSubmissionMb', /antara 1 dan 32 MB/],
      [{ maxFileMb: '20', maxSubmissionMb: '15' }, 'maxFileMb', /tidak boleh melebihi ukuran total/],
      [{ maxFileMb: 'sepuluh' }, 'maxFileMb', /harus berupa angka/],
      [{ maxFileMb: '2,55' }, 'maxFileMb', /satu angka di belakang koma/],
      [{ verificationStartDays: '0' }, 'verificationStartDays', /antara 1 dan 365 hari/],
      [{ conclusionDays: '366' }, 'conclusionDays', /antara 1 dan 365 hari/],
      [{ emailFrom: 'WBS tanpa alamat' }, 'emailFrom', /alamat pengirim/],
      [{ emailFrom: '' }, 'emailFrom', /wajib diisi/],
    ];
    for (const [overrides, field, message] of cases) {
      const before = await snapshot();
      const error = await refused(updateSettings(db, admin, settingsForm(overrides)), 'invalid_settings', field);
      expect(error.userMessage).toMatch(message);
      expect(await snapshot()).toBe(before);
    }
    // The schema the form action uses reports every bad field at once.
    const parsed = settingsFormSchema.safeParse(settingsForm({ officeName: '', maxFiles: '99', conclusionDays: 'x' }));
    expect(parsed.success).toBe(false);
    expect(Object.keys(fieldErrorsFrom(parsed.error!)).sort()).toEqual(['conclusionDays', 'maxFiles', 'officeName']);
    // Named and bare sender addresses are both fine.
    expect(settingsFormSchema.safeParse(settingsForm({ emailFrom: 'wbs@nttprov.go.id' })).success).toBe(true);
    expect(settingsFormSchema.safeParse(settingsForm({ emailFrom: 'WBS Biro Umum <wbs@nttprov.go.id>' })).success).toBe(true);
  });

  it('a refused action keeps everything typed and puts each message at its field', async () => {
    const action = officerActionWith(async () => admin)(
      settingsFormSchema,
      async (_input, { db: actionDb, officer: actor, formData }) => {
        await updateSettings(actionDb, actor, Object.fromEntries(formData) as SettingsFormInput);
        return { message: 'ok' };
      },
      { role: 'admin' },
    );
    const form = new FormData();
    const typed = settingsForm({ officeName: 'Biro Organisasi', maxSubmissionMb: '64', firstAnswerDays: '0', requireTotp: 'on' });
    for (const [key, value] of Object.entries(typed)) if (value !== '') form.set(key, String(value));
    const before = await snapshot();
    const state = await action({ status: 'idle' }, form);
    expect(state.status).toBe('error');
    if (state.status !== 'error') return;
    expect(Object.keys(state.fieldErrors).sort()).toEqual(['firstAnswerDays', 'maxSubmissionMb']);
    expect(state.fieldErrors.maxSubmissionMb).toMatch(/32 MB/);
    expect(state.values).toMatchObject({ officeName: 'Biro Organisasi', maxSubmissionMb: '64', firstAnswerDays: '0', requireTotp: 'on' });
    expect(await snapshot()).toBe(before);
  });
});

describe('[ADMIN] office holidays', () => {
  it('adds a day that deadlines then skip, refuses a duplicate, removes it; each change audited with the date', async () => {
    const added = await addHoliday(db, admin, { date: ' 2031-12-24 ', name: 'Cuti bersama Hari Raya Natal' });
    expect(added).toEqual({ date: '2031-12-24', name: 'Cuti bersama Hari Raya Natal' });
    expect(await lastAudit()).toMatchObject({ action: 'holiday.add', officerId: Number(admin.id), detail: { date: '2031-12-24' } });
    expect((await loadHolidaySet(db, 2031, 2031)).has('2031-12-24')).toBe(true);
    const overview = await listHolidays(db, admin);
    expect(overview.added).toContainEqual({ date: '2031-12-24', name: 'Cuti bersama Hari Raya Natal' });

    const before = await snapshot();
    const duplicate = await refused(addHoliday(db, admin, { date: '2031-12-24', name: 'Lagi' }), 'holiday_duplicate', 'date');
    expect(duplicate.userMessage).toMatch(/sudah ada dalam daftar/);
    expect(await snapshot()).toBe(before);

    await removeHoliday(db, admin, { date: '2031-12-24' });
    expect(await lastAudit()).toMatchObject({ action: 'holiday.remove', officerId: Number(admin.id), detail: { date: '2031-12-24' } });
    expect((await loadHolidaySet(db, 2031, 2031)).has('2031-12-24')).toBe(false);
    const afterRemove = await snapshot();
    await refused(removeHoliday(db, admin, { date: '2031-12-24' }), 'holiday_not_found');
    expect(await snapshot()).toBe(afterRemove);
  });

  it('refuses bad dates, weekends and national holidays at the date field, and empty names', async () => {
    const before = await snapshot();
    await refused(addHoliday(db, admin, { date: '2031-02-30', name: 'Tidak ada' }), 'invalid_holiday', 'date');
    await refused(addHoliday(db, admin, { date: '24/12/2031', name: 'Format lain' }), 'invalid_holiday', 'date');
    await refused(addHoliday(db, admin, { date: '', name: 'Tanpa tanggal' }), 'invalid_holiday', 'date');
    await refused(addHoliday(db, admin, { date: '2031-12-23', name: '  ' }), 'invalid_holiday', 'name');
    await refused(addHoliday(db, admin, { date: '2031-12-27', name: 'Sabtu' }), 'holiday_weekend', 'date');
    const national = await refused(addHoliday(db, admin, { date: '2031-12-25', name: 'Natal' }), 'holiday_national', 'date');
    expect(national.userMessage).toMatch(/hari libur nasional/);
    expect(await snapshot()).toBe(before);
  });

  it('lists the national holidays of this year and next, with names', async () => {
    const { national } = await listHolidays(db, admin, { now: new Date('2026-06-01T00:00:00Z') });
    expect(national.map((n) => n.year)).toEqual([2026, 2027]);
    expect(national[0].days).toContainEqual({ date: '2026-08-17', name: expect.stringMatching(/Kemerdekaan/) });
    // Two holidays on one day keep both names; 27 Rajab is named Isra Mi'raj, not Maulid.
    expect(national[1].days).toContainEqual({ date: '2027-12-25', name: expect.stringMatching(/Isra Mi'raj.*Natal|Natal.*Isra Mi'raj/) });
    expect(national[1].days).toContainEqual({ date: '2027-01-05', name: "Isra Mi'raj Nabi Muhammad SAW" });
  });
});

describe('[ADMIN] identity requests', () => {
  it('approving a pending request lets that officer view the identity; it cannot be decided twice', async () => {
    await updateSettings(db, admin, { ...settingsFormValues(await getSettings(db)), identityViewNeedsApproval: 'on' });
    const { caseNumber, caseId } = await createCase(db, { anonymous: 'no', reporterName: 'Yohana Pelapor', reporterPhone: '081298765432' });
    const request = await pendingRequest(caseNumber);
    await refused(viewReporterIdentity(db, officer, caseNumber), 'identity_not_approved');

    const { pending } = await listIdentityRequests(db, admin);
    expect(pending).toContainEqual(
      expect.objectContaining({ id: request.id, caseNumber, officerName: expect.any(String), reason: expect.stringMatching(/klarifikasi/) }),
    );

    await approveIdentityRequest(db, admin, { requestId: request.id });
    expect(await lastAudit()).toMatchObject({ action: 'identity.approve', officerId: Number(admin.id), caseId, detail: { requestId: request.id } });
    const [decided] = await db.select().from(identityRequests).where(eq(identityRequests.id, request.id));
    expect(decided).toMatchObject({ status: 'approved', decidedBy: Number(admin.id) });
    expect(decided.decidedAt).toBeInstanceOf(Date);
    expect((await viewReporterIdentity(db, officer, caseNumber)).name).toBe('Yohana Pelapor');

    const before = await snapshot();
    await refused(approveIdentityRequest(db, admin, { requestId: request.id }), 'already_decided');
    await refused(denyIdentityRequest(db, secondAdmin, { requestId: request.id }), 'already_decided');
    await refused(approveIdentityRequest(db, admin, { requestId: 999_999 }), 'not_found');
    expect(await snapshot()).toBe(before);
    const { recent } = await listIdentityRequests(db, admin);
    expect(recent[0]).toMatchObject({ id: request.id, status: 'approved', decidedByName: expect.any(String) });
  });

  it('denying keeps the identity closed; an admin cannot approve their own request', async () => {
    const { caseNumber } = await createCase(db, { anonymous: 'no', reporterName: 'Kornelis Pelapor', reporterPhone: '081311112222' });
    const request = await pendingRequest(caseNumber);
    await denyIdentityRequest(db, admin, { requestId: request.id });
    expect(await lastAudit()).toMatchObject({ action: 'identity.deny', detail: { requestId: request.id } });
    await refused(viewReporterIdentity(db, officer, caseNumber), 'identity_not_approved');
    await refused(approveIdentityRequest(db, admin, { requestId: request.id }), 'already_decided');

    const own = await pendingRequest(caseNumber, admin);
    const before = await snapshot();
    await refused(approveIdentityRequest(db, admin, { requestId: own.id }), 'own_request');
    expect(await snapshot()).toBe(before);
    await approveIdentityRequest(db, secondAdmin, { requestId: own.id });
    expect((await viewReporterIdentity(db, admin, caseNumber)).name).toBe('Kornelis Pelapor');
    // The audit log never holds the reporter's name or the officer's reason.
    const details = JSON.stringify(await db.select({ d: auditLog.detail }).from(auditLog));
    expect(details).not.toMatch(/Kornelis|Yohana|klarifikasi/);
  });
});

describe('[ADMIN] audit page data', () => {
  it('pages newest first with officer names and case numbers, and reports a tampered chain', async () => {
    const { caseNumber, caseId } = await createCase(db);
    const first = await loadAuditPage(db, admin, { limit: 5 });
    expect(first.chain).toMatchObject({ intact: true });
    expect(first.rows).toHaveLength(5);
    const ids = first.rows.map((row) => row.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(first.nextBeforeId).toBe(ids[4]);

    const second = await loadAuditPage(db, admin, { beforeId: first.nextBeforeId, limit: 5 });
    expect(Math.max(...second.rows.map((row) => row.id))).toBeLessThan(ids[4]);

    const all = await loadAuditPage(db, admin, { limit: 200 });
    const approval = all.rows.find((row) => row.action === 'identity.approve')!;
    expect(approval).toMatchObject({ actionLabel: 'Menyetujui akses identitas pelapor', officerName: expect.stringMatching(/^Petugas \d+$/) });
    expect(approval.caseNumber).toMatch(/^\d{4}-\d{4}$/);
    expect(approval.detail).toMatch(/^permintaan #\d+$/);
    const settingsRow = all.rows.find((row) => row.action === 'settings.update')!;
    expect(settingsRow.detail).toMatch(/^yang diubah: /);
    expect(settingsRow.detail).not.toMatch(/[a-z][A-Z]/); // no camelCase keys

    // A row written by the system or a reporter has no officer.
    await appendAudit(db, { officerId: null, action: 'case.message_from_reporter', caseId, detail: { messageId: 1, files: 0 } });
    await appendAudit(db, { officerId: null, action: 'custom.unknown_key', detail: null });
    const latest = await loadAuditPage(db, admin, { limit: 2 });
    expect(latest.rows[0]).toMatchObject({ officerName: null, actionLabel: 'Tindakan lain', caseNumber: null, detail: '' });
    expect(latest.rows[1]).toMatchObject({ officerName: null, actionLabel: 'Kasus: pesan diterima dari pelapor', caseNumber, detail: 'pesan #1 · tanpa berkas' });

    const target = all.rows[Math.floor(all.rows.length / 2)];
    await db.run(sql`UPDATE audit_log SET detail = '{"fields":["nothing"]}' WHERE id = ${target.id}`);
    // The page that shows the row says so, and so does the full check from any page.
    const tampered = await loadAuditPage(db, admin, { beforeId: target.id + 1, limit: 5 });
    expect(tampered.chain).toEqual({ intact: false, brokenAtId: target.id, reason: 'edited' });
    const full = await loadAuditPage(db, admin, { full: true, limit: 1 });
    expect(full).toMatchObject({ scope: 'full', chain: { intact: false, brokenAtId: target.id, reason: 'edited' } });
  });
});
