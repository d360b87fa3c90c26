import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { decryptBytes, encryptBytes } from '@/lib/crypto/aead';
import { dataDir, uploadthingConfig } from '@/lib/env';
import { BlobNotFoundError, checkedKey, type BlobBackend } from './backend';
import { UploadthingBackend } from './uploadthing';

/**
 * Where evidence bytes live. Every store holds ciphertext only (AES-256-GCM under the
 * case's data key, `fileKey`, bound to the storage key), so a copied disk or bucket
 * reveals nothing, and destroying the case key erases the file wherever copies went.
 */
export interface BlobStore {
  put(key: string, plain: Uint8Array, fileKey: Buffer): Promise<void>;
  get(key: string, fileKey: Buffer): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

export { BlobNotFoundError, type BlobBackend } from './backend';

export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

/** Encrypted files under DATA_DIR/evidence, fanned out by the first two hex digits. */
export class LocalDiskBackend implements BlobBackend {
  constructor(readonly root: string = path.join(dataDir(), 'evidence')) {}

  fileFor(key: string): string {
    checkedKey(key);
    return path.join(this.root, key.slice(0, 2), `${key}.bin`);
  }

  async put(key: string, ciphertext: Uint8Array): Promise<void> {
    const file = this.fileFor(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a crash never leaves a half-written file under the real name.
    const partial = `${file}.partial`;
    await writeFile(partial, ciphertext, { mode: 0o600 });
    await rename(partial, file);
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.fileFor(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileFor(key), { force: true });
  }
}

/** Encrypts before handing a blob to its backend and decrypts what comes back. */
export class EncryptedStore implements BlobStore {
  constructor(readonly backend: BlobBackend) {}

  async put(key: string, plain: Uint8Array, fileKey: Buffer): Promise<void> {
    await this.backend.put(checkedKey(key), encryptBytes(plain, fileKey, `evidence:${key}`));
  }

  async get(key: string, fileKey: Buffer): Promise<Buffer> {
    return decryptBytes(await this.backend.get(checkedKey(key)), fileKey, `evidence:${key}`);
  }

  async delete(key: string): Promise<void> {
    await this.backend.delete(checkedKey(key));
  }
}

/** Evidence on local disk (the default, and what tests read back directly). */
export class LocalDiskStore extends EncryptedStore {
  constructor(root?: string) {
    super(new LocalDiskBackend(root));
  }
}

let store: BlobStore | undefined;
let storeFor: string | undefined;

/**
 * The store in force: uploadthing when UPLOADTHING_TOKEN is set, local disk otherwise.
 * Files of an install that moved to uploadthing but has not run `npm run evidence:migrate`
 * yet are still read from (and deleted on) the disk.
 */
export function getBlobStore(): BlobStore {
  const config = uploadthingConfig();
  // Rebuilt when the configuration changes (tests switch between backends).
  const fingerprint = JSON.stringify([config, dataDir()]);
  if (!store || storeFor !== fingerprint) {
    store = new EncryptedStore(config ? new UploadthingBackend(config, new LocalDiskBackend()) : new LocalDiskBackend());
    storeFor = fingerprint;
  }
  return store;
}

/** Tests swap in a failing store to prove nothing is left behind. */
export function setBlobStore(next: BlobStore | undefined): void {
  store = next;
  storeFor = next ? JSON.stringify([uploadthingConfig(), dataDir()]) : undefined;
}

/**
 * Erases one evidence file wherever it is kept (uploadthing and/or local disk). The
 * retention job calls this; it throws if the storage could not confirm the deletion,
 * so the caller can retry rather than forget the file.
 */
export async function deleteEvidenceBlob(storageKey: string): Promise<void> {
  await getBlobStore().delete(storageKey);
}
