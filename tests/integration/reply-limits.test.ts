import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { notifyOfficers } from '@/lib/cases/notify';
import { handleReporterMessage } from '@/lib/cases/reporter-replies';
import type { Database } from '@/lib/db/client';
import { attachments, cases, emailOutbox, messages, settings } from '@/lib/db/schema';
import { claimNotificationSlot, OFFICER_EMAIL_PER_CASE } from '@/lib/security/rate-limit';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';
import { pdfFile } from '../support/forms';

let db: Database;
let officerCount = 0;
const MINUTE = 60_000;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  for (let i = 0; i < 3; i++) await createOfficer(db);
  officerCount = 3;
});

function messageForm(body: string, files: File[] = []) {
  const form = new FormData();
  form.set('body', body);
  for (const file of files) form.append('evidence', file);
  return form;
}

async function countWhere(caseId: number) {
  const [m] = await db.select({ n: count() }).from(messages).where(and(eq(messages.caseId, caseId), eq(messages.author, 'reporter')));
  const [a] = await db.select({ n: count() }).from(attachments).where(and(eq(attachments.caseId, caseId), isNotNull(attachments.messageId)));
  return { messages: m.n, files: a.n };
}

async function officerMailsAbout(caseNumber: string) {
  return db
    .select({ due: emailOutbox.nextAttemptAt })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.kind, 'reporter_replied'), sql`${emailOutbox.subject} || ${emailOutbox.textBody} LIKE ${'%' + caseNumber + '%'}`));
}

describe('a message flood from one reporter', () => {
  it('25 messages with a 2 MB file each: 10 are taken, the rest refused with the wait, and officers get one email now and one later', async () => {
    const { caseId, caseNumber } = await createCase(db);
    const started = Date.now();
    const results = [];
    for (let i = 0; i < 25; i++) {
      results.push(await handleReporterMessage(db, caseId, messageForm(`Pesan tambahan nomor ${i + 1} dari pelapor.`, [pdfFile(`b${i}.pdf`, 2 * 1024 * 1024)]), { clientAddress: '203.0.113.7' }));
    }
    const accepted = results.filter((r) => r.ok).length;
    expect(accepted).toBe(10);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(15);
    for (const r of refused) expect(!r.ok && r.message).toMatch(/Coba lagi dalam \d+ menit\./);
    // After a reload: what was stored.
    expect(await countWhere(caseId)).toEqual({ messages: 10, files: 10 });
    const mails = await officerMailsAbout(caseNumber);
    // One email per officer now, and one per officer deferred to the end of the window.
    expect(mails.length).toBe(2 * officerCount);
    const due = [...new Set(mails.map((m) => m.due.getTime()))].sort();
    expect(due).toHaveLength(2);
    expect(due[1] - due[0]).toBeGreaterThanOrEqual(OFFICER_EMAIL_PER_CASE.windowMs - 2000);
    expect(due[0]).toBeLessThanOrEqual(Date.now());
    expect(due[0]).toBeGreaterThanOrEqual(started - 1000);
  });

  it('the per-case limit holds whichever addresses the messages come from', async () => {
    const { caseId } = await createCase(db);
    const results = [];
    for (let i = 0; i < 12; i++) results.push((await handleReporterMessage(db, caseId, messageForm(`Pesan dari alamat ${i}.`), { clientAddress: `198.51.100.${i}` })).ok);
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(results.slice(10)).toEqual([false, false]);
  });

  it('the per-client limit holds across cases', async () => {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await createCase(db)).caseId);
    const results = [];
    for (let i = 0; i < 12; i++) results.push((await handleReporterMessage(db, ids[i % 3], messageForm(`Pesan ke kasus ${i}.`), { clientAddress: '192.0.2.44' })).ok);
    expect(results.filter(Boolean)).toHaveLength(10);
  });

  it('limits recover after their window (injected clock)', async () => {
    const { caseId } = await createCase(db);
    const t0 = Date.now();
    for (let i = 0; i < 10; i++) await handleReporterMessage(db, caseId, messageForm(`Pesan ${i} dalam jam pertama.`), { clientAddress: '192.0.2.80', now: t0 });
    expect((await handleReporterMessage(db, caseId, messageForm('Satu lagi terlalu cepat.'), { clientAddress: '192.0.2.80', now: t0 + 30 * MINUTE })).ok).toBe(false);
    expect((await handleReporterMessage(db, caseId, messageForm('Satu jam kemudian boleh lagi.'), { clientAddress: '192.0.2.80', now: t0 + 61 * MINUTE })).ok).toBe(true);
  });
});

describe('files per case per day (settings)', () => {
  it('refuses files beyond the day\'s cap at the file field, keeps accepting text, counts nothing refused', async () => {
    await db.insert(settings).values({ key: 'maxCaseFilesPerDay', value: 3 }).onConflictDoUpdate({ target: settings.key, set: { value: 3 } });
    try {
      const { caseId } = await createCase(db);
      const two = [pdfFile('a.pdf'), pdfFile('b.pdf')];
      expect((await handleReporterMessage(db, caseId, messageForm('Dua berkas pertama.', two), { clientAddress: '192.0.2.1' })).ok).toBe(true);
      const over = await handleReporterMessage(db, caseId, messageForm('Dua berkas lagi.', [pdfFile('c.pdf'), pdfFile('d.pdf')]), { clientAddress: '192.0.2.2' });
      expect(over).toMatchObject({ ok: false, fieldErrors: { evidence: expect.stringMatching(/Batas lampiran.*coba lagi dalam \d+ (menit|jam)\./) } });
      expect((await handleReporterMessage(db, caseId, messageForm('Satu berkas masih muat.', [pdfFile('e.pdf')]), { clientAddress: '192.0.2.3' })).ok).toBe(true);
      expect((await handleReporterMessage(db, caseId, messageForm('Tanpa lampiran tetap bisa.'), { clientAddress: '192.0.2.4' })).ok).toBe(true);
      expect(await countWhere(caseId)).toEqual({ messages: 3, files: 3 });
    } finally {
      await db.delete(settings).where(eq(settings.key, 'maxCaseFilesPerDay'));
    }
  });

  it('refuses bytes beyond the day\'s cap', async () => {
    await db.insert(settings).values({ key: 'maxCaseBytesPerDay', value: 3 * 1024 * 1024 }).onConflictDoUpdate({ target: settings.key, set: { value: 3 * 1024 * 1024 } });
    try {
      const { caseId } = await createCase(db);
      expect((await handleReporterMessage(db, caseId, messageForm('Berkas dua megabita.', [pdfFile('a.pdf', 2 * 1024 * 1024)]), { clientAddress: '192.0.2.5' })).ok).toBe(true);
      const over = await handleReporterMessage(db, caseId, messageForm('Berkas dua megabita lagi.', [pdfFile('b.pdf', 2 * 1024 * 1024)]), { clientAddress: '192.0.2.5' });
      expect(over.ok).toBe(false);
      expect(await countWhere(caseId)).toEqual({ messages: 1, files: 1 });
    } finally {
      await db.delete(settings).where(eq(settings.key, 'maxCaseBytesPerDay'));
    }
  });
});

describe('officer emails', () => {
  it('a quarantined case never emails officers', async () => {
    const { caseId, caseNumber } = await createCase(db);
    await db.update(cases).set({ quarantined: true }).where(eq(cases.id, caseId));
    expect((await handleReporterMessage(db, caseId, messageForm('Pesan pada kasus karantina.'), { clientAddress: '192.0.2.9' })).ok).toBe(true);
    expect(await officerMailsAbout(caseNumber)).toHaveLength(0);
  });

  it('reporter events are coalesced: one now, one at the window end, none lost, none extra', async () => {
    const t0 = Date.UTC(2026, 4, 12, 3, 0, 0);
    const w = OFFICER_EMAIL_PER_CASE.windowMs;
    const slot = (at: number) => claimNotificationSlot(db, OFFICER_EMAIL_PER_CASE, 'case:X-1', { now: at });
    expect(await slot(t0)).toBe(t0);
    expect(await slot(t0 + MINUTE)).toBe(t0 + w);
    expect(await slot(t0 + 2 * MINUTE)).toBeNull();
    expect(await slot(t0 + w + MINUTE)).toBe(t0 + 2 * w);
    expect(await slot(t0 + 3 * w + 1)).toBe(t0 + 3 * w + 1);
  });

  it('system reminders are not coalesced away', async () => {
    const { caseNumber } = await createCase(db);
    await db.transaction(async (tx) => {
      await notifyOfficers(tx, 'summons_reminder', caseNumber);
      await notifyOfficers(tx, 'summons_reminder', caseNumber);
    });
    const [row] = await db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.kind, 'summons_reminder'));
    expect(row.n).toBe(2 * officerCount);
  });
});
