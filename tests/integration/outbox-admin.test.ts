import { and, count, desc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countByStatus, listOutbox, readOutboxEmail, retryOutboxEmail } from '@/lib/admin/outbox';
import { getNotifyMode, setNotifyMode } from '@/lib/auth/account';
import type { Database } from '@/lib/db/client';
import { auditLog, emailOutbox, officers, type OutboxEmail } from '@/lib/db/schema';
import { authorizeOfficer, sessionOfficer, type AuthorizedOfficer } from '@/lib/auth/guard';
import { AppError } from '@/lib/errors';
import { freshDatabase } from '../support/db';
import { createCase, createOfficer } from '../support/factories';

let db: Database;
let admin: Awaited<ReturnType<typeof createOfficer>>;
let officer: Awaited<ReturnType<typeof createOfficer>>;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  admin = await createOfficer(db, 'admin');
  officer = await createOfficer(db, 'officer');
});

beforeEach(async () => {
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- each test starts with an empty outbox
  await db.delete(emailOutbox);
});

const HOUR = 3600_000;

/** An outbox row in a given state, as the delivery worker would have left it. */
async function outboxRow(status: OutboxEmail['status'], overrides: Partial<typeof emailOutbox.$inferInsert> = {}): Promise<number> {
  const createdAt = new Date(Date.now() - 25 * HOUR);
  const [row] = await db
    .insert(emailOutbox)
    .values({
      kind: 'new_report',
      toAddress: 'petugas@wbs.test',
      subject: '[WBS] Laporan baru 2026-0001',
      html: '<p>Laporan baru 2026-0001</p>',
      textBody: 'Laporan baru telah diterima dengan nomor kasus 2026-0001.',
      status,
      attempts: status === 'failed' ? 9 : status === 'sent' ? 1 : 0,
      lastError: status === 'failed' ? 'resend_error (500): Internal Server Error' : null,
      sentAt: status === 'sent' ? createdAt : null,
      nextAttemptAt: createdAt,
      createdAt,
      ...overrides,
    })
    .returning({ id: emailOutbox.id });
  return row.id;
}

async function refused(promise: Promise<unknown>, code?: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  if (code) expect((error as AppError).code).toBe(code);
  expect((error as AppError).userMessage).toBeTruthy();
  return error as AppError;
}

/** Everything these services could change: the outbox rows and the audit log's length. */
async function snapshot() {
  const [audit] = await db.select({ n: count() }).from(auditLog);
  const rows = await db.select().from(emailOutbox).orderBy(emailOutbox.id);
  return JSON.stringify({ audit: audit.n, rows });
}

async function lastAudit() {
  const [row] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

async function statusOf(id: number) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row;
}

describe('[OUTBOX] only an admin lists, reads or retries the outbox', () => {
  it('refuses a plain officer (forbidden) and no session (unauthorized), and nothing changes', async () => {
    const failed = await outboxRow('failed');
    const calls: [string, (actor: AuthorizedOfficer) => Promise<unknown>][] = [
      ['listOutbox', (actor) => listOutbox(db, actor, { limit: 10 })],
      ['countByStatus', (actor) => countByStatus(db, actor)],
      ['readOutboxEmail', (actor) => readOutboxEmail(db, actor, failed)],
      ['retryOutboxEmail', (actor) => retryOutboxEmail(db, actor, failed)],
    ];
    for (const [name, call] of calls) {
      const before = await snapshot();
      const forbidden = await refused(call(officer), 'forbidden');
      expect(forbidden.userMessage, name).toMatch(/tidak memiliki hak akses/);
      await refused(authorizeOfficer(db, null).then(call), 'unauthorized');
      expect(await snapshot(), name).toBe(before);
    }
    expect((await statusOf(failed)).status).toBe('failed');
  });

  it('refuses an admin who was deactivated since signing in', async () => {
    const former = await createOfficer(db, 'admin');
    await db.update(officers).set({ active: false }).where(eq(officers.email, former.email));
    const failed = await outboxRow('failed');
    const before = await snapshot();
    // Its next request gets no AuthorizedOfficer from the guard, so no service runs.
    await refused(authorizeOfficer(db, former.session, 'admin').then((o) => retryOutboxEmail(db, o, failed)), 'unauthorized');
    await refused(authorizeOfficer(db, former.session, 'admin').then((o) => readOutboxEmail(db, o, failed)), 'unauthorized');
    expect(await snapshot()).toBe(before);
  });
});

describe('[OUTBOX] retrying an email', () => {
  it('puts a failed email back to pending, due now, with a fresh retry window, and audits it', async () => {
    const id = await outboxRow('failed');
    const before = Date.now();
    await retryOutboxEmail(db, admin, id);
    const row = await statusOf(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 0, lastError: null, claimedBy: null });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    // The 24-hour give-up rule counts from createdAt, so it starts over.
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(await lastAudit()).toMatchObject({ action: 'email.retry', officerId: Number(admin.id), caseId: null, detail: { emailId: id } });
  });

  it('puts a captured email back to pending too', async () => {
    const id = await outboxRow('captured');
    await retryOutboxEmail(db, admin, id);
    expect((await statusOf(id)).status).toBe('pending');
    expect(await lastAudit()).toMatchObject({ action: 'email.retry', detail: { emailId: id } });
  });

  it('refuses a sent, pending or sending email in Indonesian and changes nothing', async () => {
    const sent = await outboxRow('sent');
    const pending = await outboxRow('pending');
    const sending = await outboxRow('sending', { claimedBy: 'worker-1', claimedAt: new Date() });
    for (const [id, reason] of [
      [sent, /sudah terkirim/],
      [pending, /menunggu giliran/],
      [sending, /sedang dalam proses pengiriman/],
    ] as const) {
      const before = await snapshot();
      const error = await refused(retryOutboxEmail(db, admin, id), 'email_not_retryable');
      expect(error.userMessage).toMatch(reason);
      expect(error.userMessage).toMatch(/tidak dapat dikirim ulang/);
      expect(await snapshot()).toBe(before);
    }
  });

  it('says so when the email does not exist', async () => {
    const error = await refused(retryOutboxEmail(db, admin, 999_999), 'email_not_found');
    expect(error.userMessage).toMatch(/tidak ditemukan/);
  });
});

describe('[OUTBOX] listing and reading', () => {
  it('lists newest first without bodies, filters by status, pages by id and counts per status', async () => {
    const ids = [
      await outboxRow('sent'),
      await outboxRow('failed'),
      await outboxRow('captured'),
      await outboxRow('captured'),
      await outboxRow('pending'),
    ];
    const first = await listOutbox(db, admin, { limit: 2 });
    expect(first.rows.map((r) => r.id)).toEqual([ids[4], ids[3]]);
    expect(first.nextBeforeId).toBe(ids[3]);
    const second = await listOutbox(db, admin, { limit: 2, beforeId: first.nextBeforeId });
    expect(second.rows.map((r) => r.id)).toEqual([ids[2], ids[1]]);
    const last = await listOutbox(db, admin, { limit: 2, beforeId: second.nextBeforeId });
    expect(last.rows.map((r) => r.id)).toEqual([ids[0]]);
    expect(last.nextBeforeId).toBeNull();

    for (const row of first.rows) {
      expect(Object.keys(row).sort()).toEqual(
        ['attempts', 'createdAt', 'id', 'kind', 'lastError', 'sentAt', 'status', 'subject', 'toAddress'].sort(),
      );
    }

    const captured = await listOutbox(db, admin, { status: 'captured', limit: 10 });
    expect(captured.rows.map((r) => r.id)).toEqual([ids[3], ids[2]]);
    expect(await countByStatus(db, admin)).toEqual({ pending: 1, sending: 0, sent: 1, failed: 1, captured: 2 });
  });

  it("hides a reporter's address in the list; reading the email shows it and is audited", async () => {
    const id = await outboxRow('captured', {
      kind: 'reporter_update',
      toAddress: 'pelapor.rahasia@example.id',
      subject: 'Ada pembaruan pada laporan Anda',
    });
    const { rows } = await listOutbox(db, admin, { limit: 10 });
    expect(rows[0]).toMatchObject({ id, toAddress: null });
    expect(JSON.stringify(rows)).not.toContain('pelapor.rahasia');

    const [{ n: auditBefore }] = await db.select({ n: count() }).from(auditLog);
    const email = await readOutboxEmail(db, admin, id);
    expect(email).toMatchObject({
      id,
      toAddress: 'pelapor.rahasia@example.id',
      subject: 'Ada pembaruan pada laporan Anda',
      textBody: expect.stringContaining('2026-0001'),
      html: expect.stringContaining('<p>'),
    });
    const [{ n: auditAfter }] = await db.select({ n: count() }).from(auditLog);
    expect(auditAfter).toBe(auditBefore + 1);
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: 'email.read', officerId: Number(admin.id), detail: { emailId: id } });
    // The log keeps the id only, never the address.
    expect(JSON.stringify(entry)).not.toContain('pelapor.rahasia');
  });

  it('says so when the email does not exist, without an audit entry', async () => {
    const [{ n: before }] = await db.select({ n: count() }).from(auditLog);
    await refused(readOutboxEmail(db, admin, 999_999), 'email_not_found');
    const [{ n: after }] = await db.select({ n: count() }).from(auditLog);
    expect(after).toBe(before);
  });
});

describe("[OUTBOX] an officer's notification choice", () => {
  it('refuses without a session, and refuses a mode that does not exist', async () => {
    const before = await snapshot();
    await refused(sessionOfficer(db, null).then((o) => setNotifyMode(db, o, 'digest')), 'unauthorized');
    await refused(sessionOfficer(db, null).then((o) => getNotifyMode(db, o)), 'unauthorized');
    await refused(setNotifyMode(db, officer, 'weekly' as 'digest'), 'invalid_notify_mode');
    expect(await snapshot()).toBe(before);
    expect(await getNotifyMode(db, officer)).toBe('immediate');
  });

  it("an officer on 'digest' gets no 'new_report' email; back on 'immediate' they do; each change audited", async () => {
    const other = await createOfficer(db, 'officer');
    expect(await setNotifyMode(db, other, 'digest')).toBe('digest');
    expect(await getNotifyMode(db, other)).toBe('digest');
    expect(await lastAudit()).toMatchObject({ action: 'officer.notify_mode', officerId: Number(other.id), detail: { mode: 'digest' } });

    // Choosing what is already stored writes nothing.
    const [{ n: auditBefore }] = await db.select({ n: count() }).from(auditLog);
    await setNotifyMode(db, other, 'digest');
    const [{ n: auditAfter }] = await db.select({ n: count() }).from(auditLog);
    expect(auditAfter).toBe(auditBefore);

    const newReportsTo = async (address: string) =>
      (
        await db
          .select({ id: emailOutbox.id })
          .from(emailOutbox)
          .where(and(eq(emailOutbox.kind, 'new_report'), eq(emailOutbox.toAddress, address)))
      ).length;

    await createCase(db);
    expect(await newReportsTo(other.email)).toBe(0);
    expect(await newReportsTo(officer.email)).toBe(1);
    expect(await newReportsTo(admin.email)).toBe(1);

    await setNotifyMode(db, other, 'immediate');
    expect(await lastAudit()).toMatchObject({ action: 'officer.notify_mode', detail: { mode: 'immediate' } });
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- forget the emails of the setup above
    await db.delete(emailOutbox);
    await createCase(db);
    expect(await newReportsTo(other.email)).toBe(1);
  });
});
