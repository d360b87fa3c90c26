/**
 * The outbox delivery worker. Rows are claimed with one UPDATE … RETURNING, which SQLite
 * runs under its write lock: two workers (threads of one app or several app instances on
 * one database) can never claim the same row. A worker that dies mid-send leaves its rows
 * in 'sending'; after STUCK_AFTER_MS anyone reclaims them, and the idempotency key
 * `outbox-<id>` makes Resend drop the second copy if the first had already gone out.
 *
 * Logs carry row ids, counts and error codes only: never an address, subject or body.
 *
 * Environment: `EMAIL_FROM` (else settings.emailFrom); the transports (./transport.ts)
 * read `RESEND_API_KEY` and `RESEND_BASE_URL`.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, lte, or } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { emailOutbox, type OutboxEmail } from '@/lib/db/schema';
import { env } from '@/lib/env';
import { getSettings } from '@/lib/settings';
import { defaultTransport, TransportError, type Transport } from './transport';
import { openRecipient } from './recipient';
import { runScheduledNotifications } from './scheduled';

export {
  capturedTransport,
  defaultTransport,
  resendTransport,
  TransportError,
  type OutgoingEmail,
  type Transport,
} from './transport';

const MINUTE_MS = 60_000;
/** A claim older than this belongs to a worker that crashed. Far above one send's time. */
export const STUCK_AFTER_MS = 10 * MINUTE_MS;
export const FIRST_RETRY_MS = MINUTE_MS;
export const MAX_RETRY_MS = 120 * MINUTE_MS;
/** Retries continue until a row is this old, then it is marked failed for admins. */
export const GIVE_UP_AFTER_MS = 24 * 60 * MINUTE_MS;

/** The wait before the next try after `attempts` failures: 1, 2, 4 … minutes, at most 2 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export type DeliveryOptions = {
  transport?: Transport;
  now?: Date;
  /** Names the claimant on the row; defaults to host, pid and a random suffix. */
  workerId?: string;
  /** Most rows claimed in one pass. */
  batch?: number;
  /** Sender; defaults to EMAIL_FROM, then settings.emailFrom. */
  from?: string;
};

export type DeliveryResult = { claimed: number; sent: number; retrying: number; failed: number; captured: number; deferred: number };

export function defaultWorkerId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

async function claim(db: Database, now: Date, workerId: string, batch: number, status: 'sending' | 'captured') {
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      or(
        and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, now)),
        and(eq(emailOutbox.status, 'sending'), lte(emailOutbox.claimedAt, new Date(now.getTime() - STUCK_AFTER_MS))),
      ),
    )
    .orderBy(emailOutbox.id)
    .limit(batch);
  // One statement: the subquery and the update run under the same write lock.
  const rows = await db
    .update(emailOutbox)
    .set({ status, claimedBy: workerId, claimedAt: now })
    .where(inArray(emailOutbox.id, due))
    .returning();
  return rows.sort((a, b) => a.id - b.id);
}

/** Only the claim this pass made may settle a row: a reclaimed row belongs to its new claimant. */
function ours(row: OutboxEmail, workerId: string, now: Date) {
  return and(
    eq(emailOutbox.id, row.id),
    eq(emailOutbox.status, 'sending'),
    eq(emailOutbox.claimedBy, workerId),
    eq(emailOutbox.claimedAt, now),
  );
}

type Failure = { code: string; status: number | null; message: string; retryAfterMs?: number };

function describeFailure(error: unknown): Failure {
  if (error instanceof TransportError) return { code: error.code, status: error.status, message: error.message, retryAfterMs: error.retryAfterMs };
  return { code: 'unexpected_error', status: null, message: error instanceof Error ? error.name : 'unknown' };
}

/**
 * Settles a failed send: a 429 goes back to pending for the wait asked (not this email's
 * fault, so no attempt is counted); anything else is retried with backoff, or marked
 * failed once the row is 24 hours old.
 */
async function recordFailure(
  db: Database,
  row: OutboxEmail,
  failure: Failure,
  workerId: string,
  now: Date,
): Promise<{ kind: 'deferred' | 'retrying' | 'failed'; deferUntil?: Date }> {
  const lastError = `${failure.code}${failure.status ? ` (${failure.status})` : ''}: ${failure.message}`.slice(0, 500);
  if (failure.status === 429) {
    const deferUntil = new Date(now.getTime() + (failure.retryAfterMs ?? 1000));
    await db.update(emailOutbox).set({ status: 'pending', nextAttemptAt: deferUntil, lastError, claimedBy: null, claimedAt: null }).where(ours(row, workerId, now));
    return { kind: 'deferred', deferUntil };
  }
  const attempts = row.attempts + 1;
  const givenUp = now.getTime() - row.createdAt.getTime() >= GIVE_UP_AFTER_MS;
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts));
  await db
    .update(emailOutbox)
    .set(givenUp ? { status: 'failed', attempts, lastError } : { status: 'pending', attempts, lastError, nextAttemptAt, claimedBy: null, claimedAt: null })
    .where(ours(row, workerId, now));
  console.warn(
    `[outbox] ${workerId}: email ${row.id} attempt ${attempts} failed (${failure.code}${failure.status ? ` ${failure.status}` : ''}); ` +
      (givenUp ? 'gave up after 24 h, marked failed' : `retry at ${nextAttemptAt.toISOString()}`),
  );
  return { kind: givenUp ? 'failed' : 'retrying' };
}

/**
 * One delivery pass: claims up to `batch` due rows (and rows stuck in 'sending'), sends
 * each, marks it sent, or schedules a retry with exponential backoff; a row still failing
 * 24 hours after it was written is marked failed. With the capture transport the claimed
 * rows become 'captured' at once. A 429 from the provider puts the rest of the batch back
 * untouched, to be tried after the wait it asked for.
 * @returns counts only; what was sent to whom stays in the table.
 */
export async function deliverPending(db: Database, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const transport = options.transport ?? defaultTransport();
  const now = options.now ?? new Date();
  const workerId = options.workerId ?? defaultWorkerId();
  const result: DeliveryResult = { claimed: 0, sent: 0, retrying: 0, failed: 0, captured: 0, deferred: 0 };

  if (transport.mode === 'capture') {
    const rows = await claim(db, now, workerId, options.batch ?? 20, 'captured');
    result.claimed = result.captured = rows.length;
    if (rows.length) console.info(`[outbox] ${workerId}: captured ${rows.length} (ids ${rows.map((r) => r.id).join(',')}); RESEND_API_KEY is not set`);
    return result;
  }

  const rows = await claim(db, now, workerId, options.batch ?? 20, 'sending');
  result.claimed = rows.length;
  if (rows.length === 0) return result;
  const from = options.from ?? (env().EMAIL_FROM ?? (await getSettings(db)).emailFrom);

  let deferUntil: Date | null = null;
  for (const row of rows) {
    if (deferUntil) {
      await db.update(emailOutbox).set({ status: 'pending', nextAttemptAt: deferUntil, claimedBy: null, claimedAt: null }).where(ours(row, workerId, now));
      result.deferred += 1;
      continue;
    }
    let providerId: string;
    try {
      ({ id: providerId } = await transport.send({
        from,
        to: openRecipient(row.toAddress),
        subject: row.subject,
        html: row.html,
        text: row.textBody,
        idempotencyKey: `outbox-${row.id}`,
      }));
    } catch (error) {
      const outcome = await recordFailure(db, row, describeFailure(error), workerId, now);
      if (outcome.deferUntil) deferUntil = outcome.deferUntil;
      result[outcome.kind] += 1;
      continue;
    }
    // Outside the try: if this write fails the row stays 'sending' and is reclaimed later;
    // the resend carries the same idempotency key, so Resend does not deliver it twice.
    await db
      .update(emailOutbox)
      .set({ status: 'sent', providerId, sentAt: now, attempts: row.attempts + 1, lastError: null })
      .where(ours(row, workerId, now));
    result.sent += 1;
  }
  console.info(
    `[outbox] ${workerId}: claimed ${result.claimed}, sent ${result.sent}, retrying ${result.retrying}, failed ${result.failed}, deferred ${result.deferred}`,
  );
  return result;
}

/**
 * Passes until nothing due is left (bounded, so a flood cannot hold one pass forever).
 * What `npm run outbox:deliver` and each tick of the loop run.
 */
export async function deliverAllDue(db: Database, options: DeliveryOptions & { maxPasses?: number } = {}): Promise<DeliveryResult> {
  const total: DeliveryResult = { claimed: 0, sent: 0, retrying: 0, failed: 0, captured: 0, deferred: 0 };
  const batch = options.batch ?? 20;
  for (let pass = 0; pass < (options.maxPasses ?? 50); pass += 1) {
    const result = await deliverPending(db, { ...options, batch });
    for (const key of Object.keys(total) as (keyof DeliveryResult)[]) total[key] += result[key];
    if (result.claimed < batch || result.deferred > 0) break;
  }
  return total;
}

/**
 * Runs delivery at start and then `intervalMs` (default 2 s) after each pass ends, in
 * this process, passes never overlapping. Returns a stop function that waits for the pass in flight.
 * Run it once per app instance, beside the server `npm start` launches.
 */
export function startDeliveryLoop(db: Database, options: Omit<DeliveryOptions, 'now'> & { intervalMs?: number } = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 2000;
  const settings = { ...options, transport: options.transport ?? defaultTransport(), workerId: options.workerId ?? defaultWorkerId() };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const tick = async () => {
    try {
      // Time-driven notifications first, so what they enqueue goes out in this pass.
      await runScheduledNotifications(db);
      await deliverAllDue(db, settings);
    } catch (error) {
      // Database trouble (a busy file, a restart of the server): try again next tick.
      const code = (error as { code?: unknown })?.code;
      console.error(`[outbox] ${settings.workerId}: delivery pass failed (${typeof code === 'string' ? code : describeFailure(error).message})`);
    }
    if (!stopped) schedule();
  };
  const schedule = (delayMs = intervalMs) => {
    timer = setTimeout(() => {
      inFlight = tick();
    }, delayMs);
    // The loop alone should not keep a process (a script, a test) alive.
    timer.unref();
  };
  // First pass at once: whatever piled up while the app was down goes out on start.
  schedule(0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await inFlight;
  };
}
