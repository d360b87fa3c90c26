/**
 * A fake uploadthing: a real HTTP server on 127.0.0.1 that the real `uploadthing/server`
 * SDK (7.7, `UTApi`) reaches through the URL overrides it reads from its config
 * (`apiUrl`, `ingestUrl`, `ufsHost`, `ufsAppIdLocation`: UPLOADTHING_API_URL, …).
 * One port plays the three hosts the SDK talks to:
 *
 * - ingest: `PUT /{fileKey}?expires=…&x-ut-identifier=…&x-ut-custom-id=…&signature=hmac-sha256=…`
 *   with a multipart body (`file`), as `uploadFiles` sends it; answers JSON
 *   `{ url, appUrl, ufsUrl, fileHash }`. The presigned URL's signature (HMAC-SHA-256 of the
 *   URL with the API key) and expiry are checked, as the real ingest does.
 * - API: `POST /v6/deleteFiles` (`{ fileKeys }` or `{ customIds }`) → `{ success, deletedCount }`,
 *   `POST /v6/listFiles`, with the `x-uploadthing-api-key` header checked.
 * - CDN (ufs): `GET /a/{appId}/{fileKey or customId}?expires=…&signature=…` as
 *   `UTApi.generateSignedURL` builds it with `ufsAppIdLocation: 'path'`; `ufsHost` is
 *   `localhost:{port}` because the SDK speaks plain http only to a host named "local…".
 *
 * Tests inspect `files` (what the fake holds) and inject failures.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StoredUpload = { key: string; customId: string | null; name: string; type: string; bytes: Buffer; uploadedAt: number };

export type FakeRequest = { method: string; path: string; status: number };

export type FakeUploadthing = {
  /** UPLOADTHING_TOKEN: base64 JSON `{ apiKey, appId, regions }`. */
  token: string;
  apiKey: string;
  appId: string;
  /** The variables that point the app (and its SDK) at this fake. */
  env: Record<
    'UPLOADTHING_TOKEN' | 'UPLOADTHING_API_URL' | 'UPLOADTHING_INGEST_URL' | 'UPLOADTHING_UFS_HOST' | 'UPLOADTHING_UFS_APP_ID_LOCATION',
    string
  >;
  /** Files held, by file key. */
  files: Map<string, StoredUpload>;
  requests: FakeRequest[];
  /** Let `okFirst` uploads through, then answer the next `count` uploads with `status`. */
  failUploads(count: number, options?: { okFirst?: number; status?: number }): void;
  /** Answer the next `count` deleteFiles calls with a 500. */
  failDeletes(count: number): void;
  /** Every request answered 503, as when the service is down. */
  down(): void;
  recover(): void;
  /** Every stored byte, concatenated (to assert what the fake never saw). */
  allBytes(): Buffer;
  stop(): Promise<void>;
};

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sign(payload: string, apiKey: string): string {
  return `hmac-sha256=${createHmac('sha256', apiKey).update(payload).digest('hex')}`;
}

/** Checks a URL signed by @uploadthing/shared's generateSignedURL: `signature` is appended last. */
function signedUrlValid(base: string, rawPath: string, apiKey: string): boolean {
  const at = rawPath.lastIndexOf('&signature=');
  if (at < 0) return false;
  const signed = `${base}${rawPath.slice(0, at)}`;
  const given = decodeURIComponent(rawPath.slice(at + '&signature='.length));
  const expected = sign(signed, apiKey);
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return false;
  const expires = Number(new URL(signed).searchParams.get('expires'));
  return Number.isFinite(expires) && expires > Date.now();
}

export async function startFakeUploadthing(): Promise<FakeUploadthing> {
  const apiKey = `sk_live_${randomBytes(16).toString('hex')}`;
  const appId = `app${randomBytes(5).toString('hex')}`;
  const token = Buffer.from(JSON.stringify({ apiKey, appId, regions: ['sea1'] })).toString('base64');
  const files = new Map<string, StoredUpload>();
  const requests: FakeRequest[] = [];
  let uploadFailures = { okFirst: 0, count: 0, status: 500 };
  let deleteFailures = 0;
  let isDown = false;
  let port = 0;

  const ingestBase = () => `http://127.0.0.1:${port}`;
  const ufsBase = () => `http://localhost:${port}`;

  const find = (id: string) => files.get(id) ?? [...files.values()].find((f) => f.customId === id);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const rawPath = req.url ?? '/';
    const url = new URL(rawPath, ingestBase());
    if (isDown) {
      json(res, 503, { error: 'Service Unavailable' });
      return 503;
    }

    if (req.method === 'PUT') {
      const body = await readBody(req);
      if (!signedUrlValid(ingestBase(), rawPath, apiKey)) {
        json(res, 403, { error: 'Invalid signature' });
        return 403;
      }
      if (uploadFailures.count > 0) {
        if (uploadFailures.okFirst > 0) uploadFailures.okFirst--;
        else {
          uploadFailures.count--;
          json(res, uploadFailures.status, { error: 'Internal Server Error' });
          return uploadFailures.status;
        }
      }
      const key = decodeURIComponent(url.pathname.slice(1));
      const customIdParam = url.searchParams.get('x-ut-custom-id');
      const customId = customIdParam ? decodeURIComponent(customIdParam) : null;
      if (url.searchParams.get('x-ut-identifier') !== appId) {
        json(res, 400, { error: 'Wrong app' });
        return 400;
      }
      if (customId && [...files.values()].some((f) => f.customId === customId)) {
        json(res, 409, { error: 'A file with this customId already exists' });
        return 409;
      }
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData();
      const file = form.get('file');
      if (!(file instanceof Blob)) {
        json(res, 400, { error: 'Missing file' });
        return 400;
      }
      const bytes = Buffer.from(await file.arrayBuffer());
      files.set(key, {
        key,
        customId,
        name: decodeURIComponent(url.searchParams.get('x-ut-file-name') ?? ''),
        type: file.type,
        bytes,
        uploadedAt: Date.now(),
      });
      const ufsUrl = `${ufsBase()}/a/${appId}/${key}`;
      json(res, 200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: createHash('md5').update(bytes).digest('hex') });
      return 200;
    }

    if (req.method === 'POST' && url.pathname.startsWith('/v6/')) {
      const body = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;
      if (req.headers['x-uploadthing-api-key'] !== apiKey) {
        json(res, 401, { error: 'Invalid API key' });
        return 401;
      }
      if (url.pathname === '/v6/deleteFiles') {
        if (deleteFailures > 0) {
          deleteFailures--;
          json(res, 500, { error: 'Internal Server Error' });
          return 500;
        }
        const ids = [...((body.fileKeys ?? body.customIds ?? []) as string[])];
        let deletedCount = 0;
        for (const id of ids) {
          const found = body.fileKeys ? files.get(id) : [...files.values()].find((f) => f.customId === id);
          if (found && files.delete(found.key)) deletedCount++;
        }
        json(res, 200, { success: true, deletedCount });
        return 200;
      }
      if (url.pathname === '/v6/listFiles') {
        const list = [...files.values()].map((f) => ({
          id: f.key,
          customId: f.customId,
          key: f.key,
          name: f.name,
          size: f.bytes.length,
          status: 'Uploaded',
          uploadedAt: f.uploadedAt,
        }));
        json(res, 200, { hasMore: false, files: list });
        return 200;
      }
      json(res, 404, { error: 'Not found' });
      return 404;
    }

    if (req.method === 'GET' && url.pathname.startsWith(`/a/${appId}/`)) {
      if (!signedUrlValid(ufsBase(), rawPath, apiKey)) {
        json(res, 403, { error: 'Invalid signature' });
        return 403;
      }
      const found = find(decodeURIComponent(url.pathname.slice(`/a/${appId}/`.length)));
      if (!found) {
        json(res, 404, { error: 'Not found' });
        return 404;
      }
      res.writeHead(200, { 'content-type': found.type || 'application/octet-stream', 'content-length': found.bytes.length });
      res.end(found.bytes);
      return 200;
    }

    json(res, 404, { error: 'Not found' });
    return 404;
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).then(
      (status) => requests.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0], status }),
      (error: unknown) => {
        requests.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0], status: 500 });
        if (!res.headersSent) json(res, 500, { error: String(error) });
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  return {
    token,
    apiKey,
    appId,
    env: {
      UPLOADTHING_TOKEN: token,
      UPLOADTHING_API_URL: ingestBase(),
      UPLOADTHING_INGEST_URL: ingestBase(),
      UPLOADTHING_UFS_HOST: `localhost:${port}`,
      UPLOADTHING_UFS_APP_ID_LOCATION: 'path',
    },
    files,
    requests,
    failUploads(count, options = {}) {
      uploadFailures = { count, okFirst: options.okFirst ?? 0, status: options.status ?? 500 };
    },
    failDeletes(count) {
      deleteFailures = count;
    },
    down() {
      isDown = true;
    },
    recover() {
      isDown = false;
      uploadFailures = { okFirst: 0, count: 0, status: 500 };
      deleteFailures = 0;
    },
    allBytes() {
      return Buffer.concat([...files.values()].map((f) => f.bytes));
    },
    stop() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
