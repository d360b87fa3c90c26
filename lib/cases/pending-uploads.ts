import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import { decryptBytes, encryptBytes } from '@/lib/crypto/aead';
import type { MasterKey } from '@/lib/crypto/case-keys';
import type { Database, DbTransaction } from '@/lib/db/client';
import { pendingUploads } from '@/lib/db/schema';
import { AppError, logUnexpected } from '@/lib/errors';
import { getBlobStore, newStorageKey, type BlobStore } from '@/lib/storage';
import { prepareEvidence, type PreparedFile } from '@/lib/storage/evidence';
import type { ChosenFileInfo, EvidenceLimits } from '@/lib/storage/evidence-rules';
import { REPORT_SUBMISSION, type RateRule } from '@/lib/security/rate-limit';
import { masterKeys } from './case-crypto';

/**
 * Evidence that arrives before its report (JavaScript on). Each file is checked and
 * cleaned by the same pipeline as a file posted with the form (prepareEvidence), then
 * stored encrypted under a random key of its own, wrapped by the master key, and
 * recorded as pending for the browser that sent it. The report claims the files in its
 * own transaction and stores them under its case key; whatever no report claims within
 * a day is removed by whichever instance sweeps first. Every state lives in the
 * database: claims and sweeps are guarded UPDATEs, so several instances never remove a
 * file twice or claim one for two reports.
 */

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/** The browser's random token: only its hash is stored (pending_uploads.token_hash). */
export const PENDING_UPLOAD_COOKIE = 'wbs_unggah';
/** How long an upload waits for its report. */
export const PENDING_UPLOAD_TTL_MS = DAY;
/** After a claim or a sweep picks a row, how long others leave it to that instance. */
const CLEANUP_GRACE_MS = 10 * MINUTE;
const SWEEP_BATCH = 50;

/**
 * Uploads count against the limits of the reports they are for: per client, as many
 * files and bytes in a window as the reports allowed in it may carry.
 */
export function uploadFilesPerClient(limits: EvidenceLimits): RateRule {
  return { bucket: 'upload-files', limit: REPORT_SUBMISSION.limit * limits.maxFiles, windowMs: REPORT_SUBMISSION.windowMs };
}
export function uploadBytesPerClient(limits: EvidenceLimits): RateRule {
  return { bucket: 'upload-bytes', limit: REPORT_SUBMISSION.limit * limits.maxSubmissionBytes, windowMs: REPORT_SUBMISSION.windowMs };
}
/**
 * And a cap on the bytes one client may send in a day, whatever the windows allow, so a
 * client cannot fill the disk with uploads it never claims (they live at most a day).
 */
export const UPLOAD_DAY_REPORTS = 5;
export function uploadBytesPerClientPerDay(limits: EvidenceLimits): RateRule {
  return { bucket: 'upload-bytes-day', limit: UPLOAD_DAY_REPORTS * limits.maxSubmissionBytes, windowMs: DAY };
}

export const PENDING_UPLOAD_GONE_MESSAGE =
  'Sebagian berkas yang sudah diunggah tidak ditemukan lagi (berkas yang diunggah disimpan paling lama satu hari sambil menunggu laporannya). Pilih ulang berkas bukti Anda, lalu kirim lagi.';

export function newUploadToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A one-way hash: the token is 256 random bits, so no key is needed to make it useless. */
export function uploadTokenHash(token: string): string {
  return createHash('sha256').update(`wbs-upload-token:${token}`).digest('base64url');
}

export function isUploadToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function isUploadId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{22}$/.test(value);
}

function keyAad(id: string): string {
  return `pending-upload-key:${id}`;
}
function nameAad(id: string): string {
  return `pending-upload-name:${id}`;
}

function masterById(id: string): MasterKey | null {
  const { current, previous } = masterKeys();
  if (current.id === id) return current;
  return previous?.id === id ? previous : null;
}

export type StoredPendingUpload = { id: string; name: string; sizeBytes: number; originalBytes: number };

/**
 * Checks and cleans one file (the form's pipeline: type by content, metadata removed)
 * and keeps it encrypted for the browser holding `token`. Refusals are AppErrors with
 * the form's Indonesian messages; nothing is kept on a refusal.
 */
export async function storePendingUpload(
  db: Database,
  options: { token: string; file: File; limits: EvidenceLimits; store?: BlobStore; now?: number },
): Promise<StoredPendingUpload> {
  const store = options.store ?? getBlobStore();
  const now = options.now ?? Date.now();
  const [prepared] = await prepareEvidence([options.file], { ...options.limits, maxFiles: 1 });
  const id = randomBytes(16).toString('base64url');
  const uploadKey = randomBytes(32);
  const master = masterKeys().current;
  const storageKey = newStorageKey();
  await store.put(storageKey, prepared.bytes, uploadKey);
  try {
    await db.insert(pendingUploads).values({
      id,
      tokenHash: uploadTokenHash(options.token),
      storageKey,
      wrappedKey: encryptBytes(uploadKey, master.key, keyAad(id)).toString('base64'),
      masterKeyId: master.id,
      fileNameEnc: encryptBytes(Buffer.from(prepared.fileName, 'utf8'), master.key, nameAad(id)).toString('base64'),
      mimeType: prepared.mimeType,
      extension: prepared.extension,
      originalBytes: options.file.size,
      sizeBytes: prepared.bytes.length,
      metadataStripped: prepared.metadataStripped,
      state: 'pending',
      cleanupAt: now + PENDING_UPLOAD_TTL_MS,
      createdAt: new Date(now),
    });
  } catch (error) {
    await store.delete(storageKey).catch(() => undefined);
    throw error;
  }
  return { id, name: prepared.fileName, sizeBytes: prepared.bytes.length, originalBytes: options.file.size };
}

/** The rows among `ids` a report may still use: pending, unexpired, uploaded with this token. */
function usableUploads(ids: string[], token: string, now: number) {
  return and(
    inArray(pendingUploads.id, ids),
    eq(pendingUploads.tokenHash, uploadTokenHash(token)),
    eq(pendingUploads.state, 'pending'),
    gt(pendingUploads.cleanupAt, now),
  );
}

export type OpenedPendingUpload = { id: string; info: ChosenFileInfo; file: PreparedFile };

/**
 * Reads back the browser's pending uploads named by a report, decrypted, in the order
 * given. Refuses (with the message for the evidence field) when any id is not a pending,
 * unexpired upload of this token: a foreign token, a guessed id and an expired upload
 * all look the same.
 */
export async function openPendingUploads(
  db: Database,
  options: { ids: string[]; token: string | undefined; store?: BlobStore; now?: number },
): Promise<{ ok: true; uploads: OpenedPendingUpload[] } | { ok: false; message: string }> {
  const ids = [...new Set(options.ids)];
  if (ids.length === 0) return { ok: true, uploads: [] };
  if (!options.token || !ids.every(isUploadId)) return { ok: false, message: PENDING_UPLOAD_GONE_MESSAGE };
  const store = options.store ?? getBlobStore();
  const now = options.now ?? Date.now();
  const rows = await db
    .select()
    .from(pendingUploads)
    .where(usableUploads(ids, options.token, now));
  if (rows.length !== ids.length) return { ok: false, message: PENDING_UPLOAD_GONE_MESSAGE };
  const byId = new Map(rows.map((row) => [row.id, row]));
  const uploads: OpenedPendingUpload[] = [];
  for (const id of ids) {
    const row = byId.get(id)!;
    const master = masterById(row.masterKeyId);
    if (!master) return { ok: false, message: PENDING_UPLOAD_GONE_MESSAGE };
    let bytes: Buffer;
    let fileName: string;
    try {
      const uploadKey = decryptBytes(Buffer.from(row.wrappedKey, 'base64'), master.key, keyAad(id));
      fileName = decryptBytes(Buffer.from(row.fileNameEnc, 'base64'), master.key, nameAad(id)).toString('utf8');
      bytes = await store.get(row.storageKey, uploadKey);
    } catch (error) {
      logUnexpected('opening a pending upload', error);
      return { ok: false, message: PENDING_UPLOAD_GONE_MESSAGE };
    }
    uploads.push({
      id,
      info: { name: fileName, size: row.originalBytes },
      file: {
        fileName,
        mimeType: row.mimeType,
        extension: row.extension,
        bytes,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        metadataStripped: row.metadataStripped,
      },
    });
  }
  return { ok: true, uploads };
}

/**
 * Claims the uploads for a report, inside the report's transaction: one guarded UPDATE
 * that takes only pending, unexpired rows of this token. If any was taken meanwhile (by
 * another submission of the same form, or by a sweep), it throws and the report rolls back.
 */
export async function claimPendingUploads(
  tx: DbTransaction,
  options: { ids: string[]; token: string; now?: number },
): Promise<void> {
  const ids = [...new Set(options.ids)];
  if (ids.length === 0) return;
  const now = options.now ?? Date.now();
  const claimed = await tx
    .update(pendingUploads)
    .set({ state: 'claimed', cleanupAt: now + CLEANUP_GRACE_MS })
    .where(usableUploads(ids, options.token, now))
    .returning({ id: pendingUploads.id });
  if (claimed.length !== ids.length) {
    throw new AppError('pending_upload_gone', { userMessage: PENDING_UPLOAD_GONE_MESSAGE, field: 'evidence' });
  }
}

/**
 * Removes claimed rows and their blobs (after the report committed; its evidence is now
 * stored under the case key). A crash before this leaves them to the sweep.
 */
export async function removeClaimedUploads(db: Database, ids: string[], store: BlobStore = getBlobStore()): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: pendingUploads.id, storageKey: pendingUploads.storageKey })
    .from(pendingUploads)
    .where(and(inArray(pendingUploads.id, ids), eq(pendingUploads.state, 'claimed')));
  await removeRows(db, store, rows);
}

/**
 * The reporter took a file back before sending the report. Only the browser holding the
 * token can; for anyone else the id does not exist.
 */
export async function discardPendingUpload(
  db: Database,
  options: { id: string; token: string | undefined; store?: BlobStore; now?: number },
): Promise<boolean> {
  if (!options.token || !isUploadId(options.id)) return false;
  const now = options.now ?? Date.now();
  const taken = await db
    .update(pendingUploads)
    .set({ state: 'claimed', cleanupAt: now + CLEANUP_GRACE_MS })
    .where(
      and(
        eq(pendingUploads.id, options.id),
        eq(pendingUploads.tokenHash, uploadTokenHash(options.token)),
        eq(pendingUploads.state, 'pending'),
      ),
    )
    .returning({ id: pendingUploads.id, storageKey: pendingUploads.storageKey });
  await removeRows(db, options.store ?? getBlobStore(), taken);
  return taken.length > 0;
}

/**
 * Removes uploads no report claimed within a day, and claimed ones whose cleanup did not
 * finish (the instance stopped). Each row is first taken by a guarded UPDATE that moves
 * its cleanup time on, so of several instances sweeping at once exactly one removes it;
 * if that one stops half-way, the row comes due again after the grace period.
 */
export async function sweepPendingUploads(
  db: Database,
  options: { store?: BlobStore; now?: number; batch?: number } = {},
): Promise<number> {
  const now = options.now ?? Date.now();
  const due = db
    .select({ id: pendingUploads.id })
    .from(pendingUploads)
    .where(lte(pendingUploads.cleanupAt, now))
    .limit(options.batch ?? SWEEP_BATCH);
  const taken = await db
    .update(pendingUploads)
    .set({ state: 'claimed', cleanupAt: now + CLEANUP_GRACE_MS })
    .where(and(inArray(pendingUploads.id, due), lte(pendingUploads.cleanupAt, now)))
    .returning({ id: pendingUploads.id, storageKey: pendingUploads.storageKey });
  await removeRows(db, options.store ?? getBlobStore(), taken);
  return taken.length;
}

/** Sweeps without holding up the request that triggered it, and never fails it. */
export function sweepPendingUploadsSoon(db: Database, store?: BlobStore): void {
  sweepPendingUploads(db, { store }).catch((error) => logUnexpected('sweeping pending uploads', error));
}

async function removeRows(db: Database, store: BlobStore, rows: { id: string; storageKey: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const results = await Promise.allSettled(rows.map((row) => store.delete(row.storageKey)));
  // A blob that could not be removed keeps its row, so a later sweep tries again.
  const removed = rows.filter((_, i) => results[i].status === 'fulfilled').map((row) => row.id);
  if (removed.length > 0) await db.delete(pendingUploads).where(inArray(pendingUploads.id, removed));
}
