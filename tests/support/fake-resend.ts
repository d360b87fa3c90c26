/**
 * A fake Resend API: a real HTTP server on 127.0.0.1 that the real `resend` SDK reaches
 * through RESEND_BASE_URL. It speaks what the SDK (6.x, `Resend#post`) sends and reads:
 * `POST /emails` with `Authorization: Bearer <key>`, a JSON body in Resend's snake_case
 * (`from`, `to` as an array, `subject`, `html`, `text`) and an optional `Idempotency-Key`;
 * it answers 200 `{ id }`, or an error body `{ statusCode, name, message }` as Resend does.
 *
 * Idempotency as Resend documents it: the same key with the same body replays the first
 * answer (same id, not delivered again); the same key with another body is a 409.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Every request the server saw, answered or refused. */
export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  status: number;
  /** On the fake's clock (see `now`), so tests that move time can measure the waits. */
  at: Date;
};

/** An email the fake accepted (delivered), once per idempotency key. */
export type DeliveredEmail = {
  id: string;
  idempotencyKey: string | null;
  authorization: string | undefined;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
};

export type FakeResend = {
  /** The base URL to put in RESEND_BASE_URL. */
  url: string;
  requests: RecordedRequest[];
  emails: DeliveredEmail[];
  /** Answer the next `n` email requests with a 500. */
  failNext(n: number): void;
  /** Answer every email request with a 500 until the fake's clock (see `now`) passes `date`. */
  failUntil(date: Date): void;
  /** Answer the next `n` email requests with a 429 and `retry-after: seconds`. */
  rateLimitNext(n: number, retryAfterSeconds?: number): void;
  /** Back to answering normally. */
  recover(): void;
  reset(): void;
  stop(): Promise<void>;
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, name: string, message: string, headers?: Record<string, string>) {
  send(res, status, { statusCode: status, name, message }, headers);
}

/**
 * Starts the fake on a random port of 127.0.0.1.
 * @param options.now the clock `failUntil` compares with; tests that move time with the
 *   worker's `now` option pass the same simulated clock here.
 */
export async function startFakeResend(options: { now?: () => Date } = {}): Promise<FakeResend> {
  const clock = options.now ?? (() => new Date());
  const requests: RecordedRequest[] = [];
  const emails: DeliveredEmail[] = [];
  const byKey = new Map<string, { bodyText: string; id: string }>();
  let failCount = 0;
  let failUntilMs = 0;
  let rateLimitCount = 0;
  let retryAfter = 1;

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bodyText = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = bodyText ? JSON.parse(bodyText) : null;
      } catch {
        body = bodyText;
      }
      const record: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, status: 0, at: clock() };
      requests.push(record);
      const answer = (status: number, fn: () => void) => {
        record.status = status;
        fn();
      };

      if (req.method !== 'POST' || req.url !== '/emails') {
        return answer(404, () => error(res, 404, 'not_found', 'The requested endpoint does not exist.'));
      }
      const auth = req.headers.authorization;
      if (!auth?.startsWith('Bearer ') || auth.length <= 'Bearer '.length) {
        return answer(401, () => error(res, 401, 'missing_api_key', 'Missing API key in the authorization header.'));
      }
      if (rateLimitCount > 0) {
        rateLimitCount -= 1;
        return answer(429, () =>
          error(res, 429, 'rate_limit_exceeded', 'Too many requests.', { 'retry-after': String(retryAfter) }),
        );
      }
      if (failCount > 0 || clock().getTime() < failUntilMs) {
        if (failCount > 0) failCount -= 1;
        return answer(500, () => error(res, 500, 'internal_server_error', 'An unexpected error occurred.'));
      }
      const email = body as Record<string, unknown> | null;
      const to = typeof email?.to === 'string' ? [email.to] : email?.to;
      if (!email || typeof email.from !== 'string' || !Array.isArray(to) || to.length === 0 || typeof email.subject !== 'string') {
        return answer(422, () => error(res, 422, 'validation_error', 'Missing `from`, `to` or `subject` field.'));
      }
      const keyHeader = req.headers['idempotency-key'];
      const key = typeof keyHeader === 'string' ? keyHeader : null;
      if (key) {
        const seen = byKey.get(key);
        if (seen && seen.bodyText !== bodyText) {
          return answer(409, () => error(res, 409, 'invalid_idempotent_request', 'Same idempotency key used with a different request payload.'));
        }
        if (seen) return answer(200, () => send(res, 200, { id: seen.id }));
      }
      const id = randomUUID();
      if (key) byKey.set(key, { bodyText, id });
      emails.push({
        id,
        idempotencyKey: key,
        authorization: auth,
        from: email.from,
        to: to as string[],
        subject: email.subject,
        html: typeof email.html === 'string' ? email.html : '',
        text: typeof email.text === 'string' ? email.text : '',
        headers: req.headers,
        body: email,
      });
      return answer(200, () => send(res, 200, { id }));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeResend = {
    url: `http://127.0.0.1:${port}`,
    requests,
    emails,
    failNext(n) {
      failCount = n;
    },
    failUntil(date) {
      failUntilMs = date.getTime();
    },
    rateLimitNext(n, retryAfterSeconds = 1) {
      rateLimitCount = n;
      retryAfter = retryAfterSeconds;
    },
    recover() {
      failCount = 0;
      failUntilMs = 0;
      rateLimitCount = 0;
    },
    reset() {
      requests.length = 0;
      emails.length = 0;
      byKey.clear();
      fake.recover();
    },
    stop() {
      return new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      });
    },
  };
  return fake;
}
