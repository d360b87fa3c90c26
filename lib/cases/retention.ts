import { and, asc, count, eq, inArray, isNotNull, isNull, lte, max, sql } from 'drizzle-orm';
import { appendAudit } from '@/lib/audit/log';
import { asAdmin, type AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { attachments, caseEvents, caseKeys, cases, categories, settings } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { deleteEvidenceBlob } from '@/lib/storage';
import { lastKeyRotationAt } from './key-rotation';
import {
  CLOSED_STATES,
  closedBeforeBound,
  erasureDate,
  isDueForErasure,
  parseRetentionMonths,
  policyActive,
  RETENTION_OFF,
  rotationReminderDue,
  type RetentionPolicy,
} from './retention-rules';

/**
 * Retention by crypto-erasure: closed cases past their retention date lose their data
 * key (so every sealed column and file of the case is unreadable at once, here and in
 * any copy) and then their evidence files. Case number, category, state, dates, outcome
 * and every count stay, so statistics do not change.
 *
 * All state is in the database: the policy (settings row), which keys are destroyed
 * (`case_keys.destroyed_at`) and whose files are gone (`files_erased_at`). Each case is
 * claimed by a guarded `UPDATE … WHERE destroyed_at IS NULL`, so several instances (or
 * the timer and `npm run retention:run`) running at once erase a case exactly once, and
 * a run stopped anywhere is finished by the next one.
 */

const POLICY_KEY = 'retention.policy';

type StoredPolicy = { months: number | null; confirmedAt: string | null; confirmedBy: number | null };

/** The policy in force; off when never set. */
export async function getRetentionPolicy(db: Database): Promise<RetentionPolicy> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, POLICY_KEY)).limit(1);
  const stored = row?.value as Partial<StoredPolicy> | undefined;
  if (!stored || typeof stored.months !== 'number') return RETENTION_OFF;
  return {
    months: stored.months,
    confirmedAt: typeof stored.confirmedAt === 'string' ? new Date(stored.confirmedAt) : null,
    confirmedBy: typeof stored.confirmedBy === 'number' ? stored.confirmedBy : null,
  };
}

async function writePolicy(db: Pick<Database, 'insert'>, policy: RetentionPolicy, now: Date) {
  const value: StoredPolicy = {
    months: policy.months,
    confirmedAt: policy.confirmedAt?.toISOString() ?? null,
    confirmedBy: policy.confirmedBy,
  };
  await db
    .insert(settings)
    .values({ key: POLICY_KEY, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } });
}

export type PreviewCase = { caseNumber: string; category: string | null; closedAt: Date; eraseAt: Date };

export type RetentionPreview = {
  months: number;
  /** Cases the next run would erase. */
  dueNow: number;
  /** Cases that reach their date within the next 30 days (besides those due now). */
  dueWithin30Days: number;
  /** The first of those due now, oldest first (at most `limit`). */
  cases: PreviewCase[];
};

const PREVIEW_AHEAD_MS = 30 * 86_400_000;

/**
 * What a retention of `months` would erase: shown to admins before they confirm it.
 * Reads clear columns only (case number, category, state, closing date).
 */
export async function previewRetention(
  db: Database,
  months: number,
  options: { now?: Date; limit?: number } = {},
): Promise<RetentionPreview> {
  const now = options.now ?? new Date();
  const ahead = new Date(now.getTime() + PREVIEW_AHEAD_MS);
  const rows = await db
    .select({ caseNumber: cases.caseNumber, state: cases.state, closedAt: cases.stateChangedAt, category: categories.label })
    .from(cases)
    .innerJoin(caseKeys, eq(caseKeys.caseId, cases.id))
    .leftJoin(categories, eq(categories.id, cases.categoryId))
    .where(
      and(
        inArray(cases.state, CLOSED_STATES),
        isNull(caseKeys.destroyedAt),
        lte(cases.stateChangedAt, closedBeforeBound(months, ahead)),
      ),
    )
    .orderBy(asc(cases.stateChangedAt), asc(cases.id));
  const due = rows.filter((row) => isDueForErasure(row, months, now));
  const soon = rows.filter((row) => !isDueForErasure(row, months, now) && isDueForErasure(row, months, ahead));
  return {
    months,
    dueNow: due.length,
    dueWithin30Days: soon.length,
    cases: due.slice(0, options.limit ?? 20).map((row) => ({ ...row, eraseAt: erasureDate(row.closedAt, months) })),
  };
}

/**
 * An admin turns retention on (or changes the months) after seeing the preview. The
 * form carries the months it previewed and a tick that the archive rules were checked;
 * erasure runs only under a policy confirmed this way.
 */
export async function confirmRetention(
  db: Database,
  officer: AuthorizedOfficer,
  input: { months?: unknown; previewedMonths?: unknown; archiveRulesChecked?: unknown },
  options: { now?: Date } = {},
): Promise<{ policy: RetentionPolicy; preview: RetentionPreview }> {
  const admin = asAdmin(officer);
  const now = options.now ?? new Date();
  const parsed = parseRetentionMonths(input.months);
  if (!parsed.ok) throw new AppError('invalid_settings', { field: 'retentionMonths', userMessage: parsed.message });
  if (String(input.previewedMonths ?? '').trim() !== String(parsed.months)) {
    throw new AppError('invalid_settings', {
      field: 'retentionMonths',
      userMessage: 'Tampilkan pratinjau untuk masa simpan ini terlebih dahulu, lalu konfirmasi dari halaman pratinjau.',
    });
  }
  const checked = input.archiveRulesChecked === true || input.archiveRulesChecked === 'on';
  if (!checked) {
    throw new AppError('invalid_settings', {
      field: 'archiveRulesChecked',
      userMessage: 'Centang pernyataan bahwa ketentuan kearsipan (JRA) telah diperiksa sebelum mengaktifkan penghapusan.',
    });
  }
  const preview = await previewRetention(db, parsed.months, { now });
  const policy: RetentionPolicy = { months: parsed.months, confirmedAt: now, confirmedBy: admin.id };
  await db.transaction(async (tx) => {
    await writePolicy(tx, policy, now);
    await appendAudit(tx, {
      officerId: admin.id,
      action: 'retention.confirm',
      detail: { months: parsed.months, dueNow: preview.dueNow },
      at: now,
    });
  });
  return { policy, preview };
}

/** Turns retention off: nothing more is erased (what was erased stays erased). */
export async function turnOffRetention(db: Database, officer: AuthorizedOfficer, options: { now?: Date } = {}): Promise<void> {
  const admin = asAdmin(officer);
  const now = options.now ?? new Date();
  await db.transaction(async (tx) => {
    await writePolicy(tx, RETENTION_OFF, now);
    await appendAudit(tx, { officerId: admin.id, action: 'retention.off', detail: null, at: now });
  });
}

export type RetentionRunResult = {
  status: 'off' | 'ran';
  /** Cases whose key this run destroyed (a case another run claimed first is not counted). */
  erased: number;
  /** Cases whose evidence files this run deleted (including ones an earlier run left). */
  filesPurged: number;
};

export type RetentionRunOptions = {
  now?: Date;
  batchSize?: number;
  /** Deletes one stored evidence file; the storage module's by default. */
  deleteFile?: (storageKey: string) => Promise<void>;
  /** Called after each committed batch of erasures (tests stop a run here). */
  onBatch?: (erased: number) => void;
};

/**
 * One retention run: erases every due case under the confirmed policy, batch by batch,
 * then deletes the files of every erased case whose files are still there. Safe to run
 * from several places at once and again after any interruption.
 */
export async function runRetention(db: Database, options: RetentionRunOptions = {}): Promise<RetentionRunResult> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 200;
  const deleteFile = options.deleteFile ?? deleteEvidenceBlob;
  const policy = await getRetentionPolicy(db);
  const result: RetentionRunResult = { status: 'off', erased: 0, filesPurged: 0 };
  if (policyActive(policy)) {
    result.status = 'ran';
    const months = policy.months;
    const bound = closedBeforeBound(months, now);
    for (;;) {
      const candidates = await db
        .select({ caseId: cases.id, caseNumber: cases.caseNumber, state: cases.state, closedAt: cases.stateChangedAt })
        .from(cases)
        .innerJoin(caseKeys, eq(caseKeys.caseId, cases.id))
        .where(and(inArray(cases.state, CLOSED_STATES), isNull(caseKeys.destroyedAt), lte(cases.stateChangedAt, bound)))
        .orderBy(asc(cases.stateChangedAt), asc(cases.id))
        .limit(batchSize);
      // Oldest first, and the rule is monotonic in the closing date: the first case not
      // yet due means none after it is.
      const due = candidates.filter((item) => isDueForErasure(item, months, now));
      if (due.length === 0) break;
      const erased = await eraseBatch(db, due, months, now);
      result.erased += erased;
      options.onBatch?.(erased);
      result.filesPurged += await purgeErasedFiles(db, deleteFile, now, batchSize);
      if (due.length < candidates.length) break;
    }
  }
  // Also when off: files of cases erased before retention was turned off still go.
  result.filesPurged += await purgeErasedFiles(db, deleteFile, now, batchSize);
  if (result.erased > 0) await checkpointWal(db);
  return result;
}

async function eraseBatch(db: Database, due: { caseId: number; caseNumber: string }[], months: number, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    // The wrapped key's bytes are zeroed where the row shrinks, not just unlinked.
    await tx.run(sql`PRAGMA secure_delete = ON`);
    let erased = 0;
    for (const item of due) {
      // The claim: only the run whose UPDATE changes the row writes the event and audit row.
      const claimed = await tx
        .update(caseKeys)
        .set({ wrappedKey: null, destroyedAt: now })
        .where(and(eq(caseKeys.caseId, item.caseId), isNull(caseKeys.destroyedAt)))
        .returning({ caseId: caseKeys.caseId });
      if (claimed.length === 0) continue;
      erased += 1;
      await tx.insert(caseEvents).values({
        caseId: item.caseId,
        kind: 'content_erased',
        officerId: null,
        internalNote: null,
        publicNote: null,
        visibleToReporter: false,
        // Nothing to seal: the event holds no text.
        sealed: true,
        createdAt: now,
      });
      await appendAudit(tx, {
        officerId: null,
        action: 'case.content_erased',
        caseId: item.caseId,
        detail: { caseNumber: item.caseNumber, months },
        at: now,
      });
    }
    return erased;
  });
}

/** Deletes the stored files of erased cases not yet purged; marks each case once done. */
async function purgeErasedFiles(
  db: Database,
  deleteFile: (storageKey: string) => Promise<void>,
  now: Date,
  batchSize: number,
): Promise<number> {
  let purged = 0;
  for (;;) {
    const pending = await db
      .select({ caseId: caseKeys.caseId })
      .from(caseKeys)
      .where(and(isNotNull(caseKeys.destroyedAt), isNull(caseKeys.filesErasedAt)))
      .orderBy(asc(caseKeys.caseId))
      .limit(batchSize);
    if (pending.length === 0) return purged;
    for (const { caseId } of pending) {
      const files = await db.select({ storageKey: attachments.storageKey }).from(attachments).where(eq(attachments.caseId, caseId));
      // Deleting a file already gone is not an error, so a repeated purge is harmless;
      // a failing store stops the run here and the next run tries again.
      for (const file of files) await deleteFile(file.storageKey);
      const marked = await db
        .update(caseKeys)
        .set({ filesErasedAt: now })
        .where(and(eq(caseKeys.caseId, caseId), isNull(caseKeys.filesErasedAt)))
        .returning({ caseId: caseKeys.caseId });
      purged += marked.length;
    }
  }
}

/**
 * Moves the WAL into the database file and truncates it, so the pages that held the
 * destroyed keys do not linger in `wbs.db-wal`. Best effort: a libSQL server manages
 * its own log, and a busy reader only delays it to SQLite's next checkpoint.
 */
async function checkpointWal(db: Database): Promise<void> {
  try {
    await db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  } catch {
    /* not a local file, or busy: SQLite checkpoints on its own later */
  }
}

export type RetentionOverview = {
  policy: RetentionPolicy;
  /** Cases erased so far, and when the last was. */
  erasedTotal: number;
  lastErasedAt: Date | null;
  lastKeyRotationAt: Date | null;
  /** Admins are reminded to run `npm run keys:rotate` (lib/cases/retention-rules.ts). */
  rotationReminder: boolean;
};

/** What the admin settings page shows about retention. */
export async function retentionOverview(db: Database, options: { now?: Date } = {}): Promise<RetentionOverview> {
  const now = options.now ?? new Date();
  const [policy, [erased], rotatedAt] = await Promise.all([
    getRetentionPolicy(db),
    db.select({ n: count(), last: max(caseKeys.destroyedAt) }).from(caseKeys).where(isNotNull(caseKeys.destroyedAt)),
    lastKeyRotationAt(db),
  ]);
  return {
    policy,
    erasedTotal: erased?.n ?? 0,
    lastErasedAt: erased?.last ?? null,
    lastKeyRotationAt: rotatedAt,
    rotationReminder: rotationReminderDue({ policy, lastRotationAt: rotatedAt }, now),
  };
}

/** When a case's content was erased, or null (one primary-key read). */
export async function contentErasedAt(db: Database, caseId: number): Promise<Date | null> {
  const [row] = await db.select({ at: caseKeys.destroyedAt }).from(caseKeys).where(eq(caseKeys.caseId, caseId)).limit(1);
  return row?.at ?? null;
}

const HOUR_MS = 3_600_000;

/**
 * Runs retention in this app instance: a minute after start, then hourly. Several
 * instances may each run it (claims are in the database); a run still going when the
 * next is due is not doubled in this process. Failures are logged by kind only.
 */
export function startRetentionLoop(db: Database, options: { intervalMs?: number; firstDelayMs?: number } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await runRetention(db);
      if (result.erased > 0 || result.filesPurged > 0) {
        console.log(`[retention] ${result.erased} cases erased, evidence files of ${result.filesPurged} erased cases deleted`);
      }
    } catch (error) {
      const code = (error as { code?: unknown })?.code;
      console.error(`[retention] run failed: ${typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error'}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, options.firstDelayMs ?? 60_000);
  const every = setInterval(tick, options.intervalMs ?? HOUR_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
