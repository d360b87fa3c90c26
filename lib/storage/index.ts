import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { decryptBytes, encryptBytes } from '@/lib/crypto/aead';
import { dataDir } from '@/lib/env';

/**
 * Where evidence bytes live. Every driver stores ciphertext only (AES-256-GCM under
 * the case's data key, `fileKey`, bound to the storage key), so a copied disk or bucket
 * reveals nothing, and destroying the case key erases the file wherever copies went.
 */
export interface BlobStore {
  put(key: string, plain: Uint8Array, fileKey: Buffer): Promise<void>;
  get(key: string, fileKey: Buffer): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

/** Encrypted files under DATA_DIR/evidence, fanned out by the first two hex digits. */
export class LocalDiskStore implements BlobStore {
  constructor(private readonly root: string = path.join(dataDir(), 'evidence')) {}

  private fileFor(key: string): string {
    if (!/^[0-9a-f]{32}$/.test(key)) throw new Error('invalid storage key');
    return path.join(this.root, key.slice(0, 2), `${key}.bin`);
  }

  async put(key: string, plain: Uint8Array, fileKey: Buffer): Promise<void> {
    const file = this.fileFor(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a crash never leaves a half-written file under the real name.
    const partial = `${file}.partial`;
    await writeFile(partial, encryptBytes(plain, fileKey, `evidence:${key}`), { mode: 0o600 });
    await rename(partial, file);
  }

  async get(key: string, fileKey: Buffer): Promise<Buffer> {
    return decryptBytes(await readFile(this.fileFor(key)), fileKey, `evidence:${key}`);
  }

  async delete(key: string): Promise<void> {
    await rm(this.fileFor(key), { force: true });
  }
}

let store: BlobStore | undefined;

/** The store in force. A cloud driver (uploadthing) plugs in here later. */
export function getBlobStore(): BlobStore {
  store ??= new LocalDiskStore();
  return store;
}

/**
 * Deletes one stored evidence file from the store in force (retention erasure); a file
 * already gone is not an error. The one delete callers outside lib/storage use.
 */
export async function deleteStoredFile(storageKey: string): Promise<void> {
  await getBlobStore().delete(storageKey);
}

/** Tests swap in a failing store to prove nothing is left behind. */
export function setBlobStore(next: BlobStore | undefined): void {
  store = next;
}
