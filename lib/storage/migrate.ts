import { and, asc, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { attachments, evidenceMigrations, EVIDENCE_MIGRATION_STATES } from '@/lib/db/schema';
import { BlobNotFoundError, type BlobBackend } from './backend';
import type { UploadthingBackend } from './uploadthing';

type State = (typeof EVIDENCE_MIGRATION_STATES)[number];

export type EvidenceMigrationResult = {
  /** Files moved by this run. */
  moved: number;
  /** Files found on neither side (listed by storage key, for the operator). */
  missing: string[];
  /** Files that were already on uploadthing only (e.g. stored after the switch). */
  alreadyRemote: number;
};

export type MigrationStep = 'uploaded' | 'verified';

/**
 * Moves evidence files from local disk to uploadthing, one at a time, recording each
 * file's progress in `evidence_migrations` so a run interrupted anywhere (killed, network
 * gone, uploadthing down) is simply run again. Files are moved as the ciphertext they
 * already are: no key is needed and nothing is decrypted.
 *
 * Per file: mark `uploading` → upload (a leftover copy of an interrupted upload is deleted
 * first, as uploadthing ids are unique) → read it back and compare → mark `uploaded` →
 * delete the disk copy → mark `done`. The disk copy goes only after uploadthing's copy
 * was read back equal, so no moment exists where the file is nowhere.
 *
 * `source` is the local disk; `target` must be uploadthing alone (no disk fallback), so
 * the read-back checks uploadthing's copy. `onStep` lets tests interrupt mid-file.
 */
export async function migrateEvidenceToUploadthing(
  db: Database,
  options: {
    source: BlobBackend;
    target: BlobBackend;
    batchSize?: number;
    onStep?: (step: MigrationStep, storageKey: string) => void | Promise<void>;
    onFile?: (storageKey: string, outcome: 'moved' | 'missing' | 'already_remote') => void;
    now?: () => Date;
  },
): Promise<EvidenceMigrationResult> {
  const { source, target } = options;
  const batchSize = options.batchSize ?? 100;
  const now = options.now ?? (() => new Date());
  const result: EvidenceMigrationResult = { moved: 0, missing: [], alreadyRemote: 0 };

  const mark = async (storageKey: string, state: State) => {
    await db
      .insert(evidenceMigrations)
      .values({ storageKey, state, updatedAt: now() })
      .onConflictDoUpdate({ target: evidenceMigrations.storageKey, set: { state, updatedAt: now() } });
  };

  let afterId = 0;
  for (;;) {
    const rows = await db
      .select({ id: attachments.id, storageKey: attachments.storageKey, state: evidenceMigrations.state })
      .from(attachments)
      .leftJoin(evidenceMigrations, eq(evidenceMigrations.storageKey, attachments.storageKey))
      .where(
        and(
          gt(attachments.id, afterId),
          or(isNull(evidenceMigrations.state), ne(evidenceMigrations.state, 'done')),
        ),
      )
      .orderBy(asc(attachments.id))
      .limit(batchSize);
    if (rows.length === 0) return result;

    for (const { id, storageKey, state } of rows) {
      afterId = id;

      if (state === 'uploaded') {
        // Interrupted after the verified upload: only the disk copy is left to remove.
        await source.delete(storageKey);
        await mark(storageKey, 'done');
        result.moved++;
        options.onFile?.(storageKey, 'moved');
        continue;
      }

      let ciphertext: Buffer;
      try {
        ciphertext = await source.get(storageKey);
      } catch (error) {
        if (!(error instanceof BlobNotFoundError)) throw error;
        // Not on disk: stored on uploadthing already (after the switch), or lost.
        const remote = await target.get(storageKey).then(
          () => true,
          (e: unknown) => {
            if (e instanceof BlobNotFoundError) return false;
            throw e;
          },
        );
        await mark(storageKey, remote ? 'done' : 'missing');
        if (remote) result.alreadyRemote++;
        else result.missing.push(storageKey);
        options.onFile?.(storageKey, remote ? 'already_remote' : 'missing');
        continue;
      }

      // A previous run may have left a whole or partial copy: uploadthing ids are unique.
      if (state === 'uploading') await target.delete(storageKey);
      else await mark(storageKey, 'uploading');
      await target.put(storageKey, ciphertext);
      await options.onStep?.('uploaded', storageKey);

      const copy = await target.get(storageKey);
      if (!copy.equals(ciphertext)) throw new Error(`uploadthing's copy of ${storageKey} differs from the disk copy`);
      await mark(storageKey, 'uploaded');
      await options.onStep?.('verified', storageKey);

      // Erased while it was being copied (the retention job deletes the disk copy): the
      // copy just made must not outlive it.
      const stillOnDisk = await source.get(storageKey).then(
        () => true,
        () => false,
      );
      if (!stillOnDisk) {
        await target.delete(storageKey);
        await mark(storageKey, 'missing');
        result.missing.push(storageKey);
        options.onFile?.(storageKey, 'missing');
        continue;
      }
      await source.delete(storageKey);
      await mark(storageKey, 'done');
      result.moved++;
      options.onFile?.(storageKey, 'moved');
    }
  }
}

/** How many evidence files the migration has not finished (for the command's summary). */
export async function evidenceLeftToMigrate(db: Database): Promise<number> {
  const rows = await db
    .select({ storageKey: attachments.storageKey })
    .from(attachments)
    .leftJoin(evidenceMigrations, eq(evidenceMigrations.storageKey, attachments.storageKey))
    .where(or(isNull(evidenceMigrations.state), ne(evidenceMigrations.state, 'done')));
  return rows.length;
}

/**
 * Deletes files on uploadthing that no attachment refers to: left by a submission whose
 * upload and clean-up both failed (uploadthing went down in between). Such a file is
 * ciphertext under a case key that was never saved, so it is unreadable anyway; this
 * removes it. Only files named by a storage key (our custom ids) and older than
 * `olderThanMs` are touched, so an upload whose report is still being stored, or an early
 * upload waiting for its report (kept at most a day), is never taken.
 */
export async function sweepRemoteOrphans(
  db: Database,
  remote: Pick<UploadthingBackend, 'list' | 'delete'>,
  options: { olderThanMs?: number; now?: number } = {},
): Promise<string[]> {
  const cutoff = (options.now ?? Date.now()) - (options.olderThanMs ?? 2 * 24 * 3600_000);
  const candidates = (await remote.list())
    .filter((f) => f.customId !== null && /^[0-9a-f]{32}$/.test(f.customId) && f.uploadedAt <= cutoff)
    .map((f) => f.customId!);
  const removed: string[] = [];
  for (let i = 0; i < candidates.length; i += 200) {
    const chunk = candidates.slice(i, i + 200);
    const known = new Set(
      (await db.select({ key: attachments.storageKey }).from(attachments).where(inArray(attachments.storageKey, chunk))).map((r) => r.key),
    );
    for (const key of chunk.filter((k) => !known.has(k))) {
      await remote.delete(key);
      removed.push(key);
    }
  }
  return removed;
}
