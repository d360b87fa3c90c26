import type { UTApi } from 'uploadthing/server';
import type { UploadthingConfig } from '@/lib/env';
import { BlobNotFoundError, checkedKey, StorageUnavailableError, type BlobBackend } from './backend';

/** Longest wait for one request to uploadthing, so a hanging service fails the submission instead of holding it. */
const REQUEST_TIMEOUT_MS = 120_000;
/** Signed read URLs are used at once, by this server only. */
const READ_URL_TTL_SECONDS = 300;

function withTimeout(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
}

/**
 * Evidence on uploadthing, through its server SDK (`UTApi`): the app uploads the
 * ciphertext itself (the reporter's browser never talks to uploadthing), under the
 * storage key as uploadthing's `customId`, so no second identifier has to be kept.
 * Reads go through a short-lived signed URL (`generateSignedURL`), which works whether
 * the app's files are public or private on uploadthing; deletes use `deleteFiles` by
 * custom id.
 *
 * `disk` is the local store of an install that has not finished `npm run evidence:migrate`:
 * a file still there is read from there (the copy is removed only once uploadthing holds
 * it) and deleted there too.
 */
export class UploadthingBackend implements BlobBackend {
  private sdk: Promise<{ api: UTApi; UTFile: typeof import('uploadthing/server').UTFile }> | undefined;

  constructor(
    private readonly config: UploadthingConfig,
    private readonly disk?: BlobBackend,
  ) {}

  /** The SDK (and the Effect runtime under it) is loaded on first use, so disk-only installs never load it. */
  private load() {
    this.sdk ??= import('uploadthing/server').then(({ UTApi, UTFile }) => ({
      UTFile,
      api: new UTApi({
        token: this.config.token,
        apiUrl: this.config.apiUrl,
        ingestUrl: this.config.ingestUrl,
        ufsHost: this.config.ufsHost,
        ufsAppIdLocation: this.config.ufsAppIdLocation,
        fetch: withTimeout,
        logLevel: 'Error',
      }),
    }));
    return this.sdk;
  }

  async put(key: string, ciphertext: Uint8Array): Promise<void> {
    checkedKey(key);
    const { api, UTFile } = await this.load();
    const file = new UTFile([new Uint8Array(ciphertext)], `${key}.bin`, { customId: key, type: 'application/octet-stream' });
    // uploadFiles answers a failed upload with `{ error }` and throws only for other faults.
    const result = await api
      .uploadFiles(file, { contentDisposition: 'attachment' })
      .catch((error: unknown) => {
        throw new StorageUnavailableError('uploadthing upload failed', { cause: error });
      });
    if (result.error) throw new StorageUnavailableError(`uploadthing upload failed: ${result.error.code}`, { cause: result.error });
    // A file rewritten under its key (sealing a file from before per-case keys) must not
    // be shadowed by the older disk copy, which reads would find first.
    await this.disk?.delete(key);
  }

  async get(key: string): Promise<Buffer> {
    checkedKey(key);
    if (this.disk) {
      try {
        return await this.disk.get(key);
      } catch (error) {
        if (!(error instanceof BlobNotFoundError)) throw error;
      }
    }
    let response: Response;
    try {
      const { ufsUrl } = await (await this.load()).api.generateSignedURL(key, { expiresIn: READ_URL_TTL_SECONDS });
      response = await withTimeout(ufsUrl);
    } catch (error) {
      throw new StorageUnavailableError('uploadthing read failed', { cause: error });
    }
    if (response.status === 404) throw new BlobNotFoundError(key);
    if (!response.ok) throw new StorageUnavailableError(`uploadthing read failed: ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }

  async delete(key: string): Promise<void> {
    checkedKey(key);
    try {
      await (await this.load()).api.deleteFiles(key, { keyType: 'customId' });
    } catch (error) {
      throw new StorageUnavailableError('uploadthing delete failed', { cause: error });
    }
    await this.disk?.delete(key);
  }

  /**
   * Every file uploadthing holds for this app (listFiles, page by page), for the orphan
   * sweep; `uploadedAt` in milliseconds.
   */
  async list(): Promise<{ key: string; customId: string | null; uploadedAt: number }[]> {
    const all: { key: string; customId: string | null; uploadedAt: number }[] = [];
    const { api } = await this.load();
    const limit = 500;
    for (let offset = 0; ; offset += limit) {
      const page = await api.listFiles({ limit, offset }).catch((error: unknown) => {
        throw new StorageUnavailableError('uploadthing list failed', { cause: error });
      });
      all.push(...page.files.map((f) => ({ key: f.key, customId: f.customId, uploadedAt: f.uploadedAt })));
      if (!page.hasMore || page.files.length === 0) return all;
    }
  }
}
