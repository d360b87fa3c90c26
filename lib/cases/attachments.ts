import { encryptJson } from '@/lib/crypto/aead';
import { dataKey } from '@/lib/env';
import { newStorageKey, type BlobStore } from '@/lib/storage';
import type { PreparedFile } from '@/lib/storage/evidence';
import type { attachments } from '@/lib/db/schema';

export type StoredFile = { file: PreparedFile; storageKey: string };

/**
 * Writes checked files to the blob store before the database transaction. The caller
 * must call `discard` if the transaction fails, so no file outlives a failed write.
 */
export async function storePreparedFiles(
  store: BlobStore,
  files: PreparedFile[],
): Promise<{ stored: StoredFile[]; discard: () => Promise<void> }> {
  const stored: StoredFile[] = [];
  const discard = async () => {
    await Promise.allSettled(stored.map(({ storageKey }) => store.delete(storageKey)));
  };
  try {
    for (const file of files) {
      const storageKey = newStorageKey();
      stored.push({ file, storageKey });
      await store.put(storageKey, file.bytes);
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return { stored, discard };
}

/** Attachment rows for stored files; the original name is kept encrypted. */
export function attachmentRows(
  stored: StoredFile[],
  caseId: number,
  messageId: number | null,
  now: Date,
): (typeof attachments.$inferInsert)[] {
  return stored.map(({ file, storageKey }) => ({
    caseId,
    messageId,
    storageKey,
    fileNameEnc: encryptJson(file.fileName, dataKey(), `filename:${storageKey}`),
    mimeType: file.mimeType,
    extension: file.extension,
    sizeBytes: file.bytes.length,
    sha256: file.sha256,
    metadataStripped: file.metadataStripped,
    createdAt: now,
  }));
}
