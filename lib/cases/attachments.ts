import { fileHashKey, keyedFileHash } from '@/lib/crypto/case-keys';
import { newStorageKey, type BlobStore } from '@/lib/storage';
import type { PreparedFile } from '@/lib/storage/evidence';
import { attachments } from '@/lib/db/schema';
import type { CaseCipher } from './case-crypto';

export type StoredFile = { file: PreparedFile; storageKey: string };

/**
 * Writes checked files to the blob store before the database transaction. The caller
 * must call `discard` if the transaction fails, so no file outlives a failed write.
 */
export async function storePreparedFiles(
  store: BlobStore,
  files: PreparedFile[],
  fileKey: Buffer,
): Promise<{ stored: StoredFile[]; discard: () => Promise<void> }> {
  const stored: StoredFile[] = [];
  const discard = async () => {
    await Promise.allSettled(stored.map(({ storageKey }) => store.delete(storageKey)));
  };
  try {
    for (const file of files) {
      const storageKey = newStorageKey();
      stored.push({ file, storageKey });
      await store.put(storageKey, file.bytes, fileKey);
    }
  } catch (error) {
    await discard();
    throw error;
  }
  return { stored, discard };
}

/**
 * Attachment rows for stored files. The original name is sealed under the case key,
 * bound to the file's storage key (unique per row, known before the insert); the hash
 * for chain of custody is keyed, so nobody without the keys can match a document to it.
 */
export function attachmentRows(
  stored: StoredFile[],
  caseId: number,
  messageId: number | null,
  now: Date,
  cipher: CaseCipher,
): (typeof attachments.$inferInsert)[] {
  return stored.map(({ file, storageKey }) => ({
    caseId,
    messageId,
    storageKey,
    fileNameEnc: cipher.seal(attachments.fileNameEnc, storageKey, file.fileName),
    mimeType: file.mimeType,
    extension: file.extension,
    sizeBytes: file.bytes.length,
    sha256: keyedFileHash(file.bytes, fileHashKey(cipher.fileKey())),
    metadataStripped: file.metadataStripped,
    createdAt: now,
    sealed: true,
  }));
}
