import { and, count, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import { asAdmin, type AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { emailOutbox, OUTBOX_STATUSES, type OutboxEmail } from '@/lib/db/schema';
import { requeueEmail } from '@/lib/email/outbox';
import { AppError } from '@/lib/errors';
import { openRecipient } from '@/lib/email/recipient';

/**
 * The outbox as admins see it at /petugas/admin/outbox: what the WBS sent, is sending,
 * gave up on, or (without RESEND_API_KEY) kept instead of sending. Every function takes
 * the AuthorizedOfficer the guard made and refuses one without the admin role.
 *
 * The list never carries bodies, and hides the address of emails to reporters: their
 * address is personal data, so it shows only on the email's own page, whose every view
 * is audited (`email.read`).
 */

export type OutboxStatus = OutboxEmail['status'];
export { OUTBOX_STATUSES };

export const OUTBOX_PAGE_SIZE = 50;

/** Kinds whose recipient is a reporter (lib/email/outbox.ts enqueueReporterUpdate). */
const REPORTER_KINDS: readonly string[] = ['reporter_update'];

export function isReporterEmail(kind: string): boolean {
  return REPORTER_KINDS.includes(kind);
}

export type OutboxListItem = {
  id: number;
  kind: string;
  /** Null for an email to a reporter: open the email (audited) to see it. */
  toAddress: string | null;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export type OutboxPage = { rows: OutboxListItem[]; nextBeforeId: number | null };

export type ListOutboxOptions = { status?: OutboxStatus | null; beforeId?: number | null; limit: number };

/**
 * One page of the outbox, newest first, keyset-paginated on the id (pass the previous
 * page's `nextBeforeId` as `beforeId`; it is null on the last page). Admins only.
 */
export async function listOutbox(db: Database, officer: AuthorizedOfficer, options: ListOutboxOptions): Promise<OutboxPage> {
  asAdmin(officer);
  const limit = Math.min(Math.max(Math.trunc(options.limit) || 1, 1), 200);
  const conditions = [];
  if (options.status) conditions.push(eq(emailOutbox.status, options.status));
  if (options.beforeId != null) conditions.push(lt(emailOutbox.id, options.beforeId));
  const rows = await db
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(emailOutbox.id))
    .limit(limit + 1);
  const hasMore = rows.length > limit;
  const page = (hasMore ? rows.slice(0, limit) : rows).map((row) => ({
    ...row,
    toAddress: isReporterEmail(row.kind) ? null : row.toAddress,
  }));
  return { rows: page, nextBeforeId: hasMore ? page[page.length - 1].id : null };
}

/** How many emails are in each status (every status present, zero when none). Admins only. */
export async function countByStatus(db: Database, officer: AuthorizedOfficer): Promise<Record<OutboxStatus, number>> {
  asAdmin(officer);
  const rows = await db.select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as Record<OutboxStatus, number>;
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

export type OutboxEmailView = {
  id: number;
  kind: string;
  toAddress: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
  textBody: string;
  /** The HTML part as stored. Never render it into a page: show it as text at most. */
  html: string;
};

function notFound(id: number): AppError {
  return new AppError('email_not_found', { userMessage: `Email #${id} tidak ditemukan di kotak keluar.` });
}

/**
 * One email with its bodies, for an admin. Audited as `email.read` with the id only,
 * since an email to a reporter carries their address.
 */
export async function readOutboxEmail(db: Database, officer: AuthorizedOfficer, id: number): Promise<OutboxEmailView> {
  const admin = asAdmin(officer);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
    if (!row) throw notFound(id);
    await appendAudit(tx, { officerId: admin.id, action: 'email.read', detail: { emailId: row.id } });
    return {
      id: row.id,
      kind: row.kind,
      toAddress: openRecipient(row.toAddress),
      subject: row.subject,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      nextAttemptAt: row.nextAttemptAt,
      textBody: row.textBody,
      html: row.html,
    };
  });
}

/** Statuses an admin may send again (what requeueEmail accepts). */
export const RETRYABLE_STATUSES: readonly OutboxStatus[] = ['failed', 'captured'];

const NOT_RETRYABLE: Record<Exclude<OutboxStatus, 'failed' | 'captured'>, string> = {
  pending: 'sudah menunggu giliran pengiriman',
  sending: 'sedang dalam proses pengiriman',
  sent: 'sudah terkirim',
};

export const retryOutboxEmailSchema = z.object({
  emailId: z.coerce.number({ error: 'Email tidak dikenali.' }).int('Email tidak dikenali.').positive('Email tidak dikenali.'),
});

/**
 * "Kirim ulang": puts a failed or captured email back in the queue, due now, with a
 * fresh 24-hour retry window. Refuses any other status with a message saying why.
 * Audited as `email.retry` with the id, in the same transaction as the requeue.
 */
export async function retryOutboxEmail(db: Database, officer: AuthorizedOfficer, id: number): Promise<void> {
  const admin = asAdmin(officer);
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
    if (!row) throw notFound(id);
    // requeueEmail checks the status again in its UPDATE's WHERE, so a row a delivery
    // worker settled in the meantime is refused rather than overwritten.
    const requeued = RETRYABLE_STATUSES.includes(row.status) && (await requeueEmail(tx, id));
    if (!requeued) {
      const reason = row.status === 'failed' || row.status === 'captured' ? 'statusnya baru saja berubah' : NOT_RETRYABLE[row.status];
      throw new AppError('email_not_retryable', {
        userMessage: `Email #${id} tidak dapat dikirim ulang karena ${reason}. Hanya email yang gagal atau yang disimpan tanpa dikirim yang dapat dikirim ulang.`,
      });
    }
    await appendAudit(tx, { officerId: admin.id, action: 'email.retry', detail: { emailId: id } });
  });
}
