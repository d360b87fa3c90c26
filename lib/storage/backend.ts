/**
 * A place that keeps already-encrypted evidence blobs by storage key. Backends never see
 * a key or a clear byte: encryption happens in EncryptedStore (lib/storage/index.ts),
 * before a blob leaves the app.
 */
export interface BlobBackend {
  put(key: string, ciphertext: Uint8Array): Promise<void>;
  /** Throws BlobNotFoundError when the key holds nothing. */
  get(key: string): Promise<Buffer>;
  /** Removes the blob; a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

export class BlobNotFoundError extends Error {
  constructor(key: string) {
    super(`no blob stored under ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

/** Keys become file names and URL paths: only what newStorageKey makes is accepted. */
export function checkedKey(key: string): string {
  if (!/^[0-9a-f]{32}$/.test(key)) throw new Error('invalid storage key');
  return key;
}

/**
 * The storage service could not be reached or refused the request (down, 5xx, timeout).
 * Callers turn it into a message that says to try again later; nothing was kept.
 */
export class StorageUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}
