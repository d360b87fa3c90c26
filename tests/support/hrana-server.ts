/**
 * A stand-in for a libSQL server (sqld / Turso) on 127.0.0.1, for tests: it speaks Hrana
 * over HTTP — the protocol `@libsql/client` uses for `http://` URLs — and keeps the data in
 * a local SQLite file. Written from the published specification in tursodatabase/libsql:
 * docs/HTTP_V2_SPEC.md ("sqld HTTP API v2") and docs/HRANA_3_SPEC.md (Hrana 3, the HTTP
 * variant with JSON encoding).
 *
 * What it does:
 * - `GET /v2` and `GET /v3` answer 200 (version probing); `GET /v3-protobuf` answers 404,
 *   so a client that probes falls back to JSON.
 * - `POST /v2/pipeline` and `POST /v3/pipeline`: a pipeline of stream requests, `execute`,
 *   `batch` (with `ok` / `error` / `not` / `and` / `or` / `is_autocommit` conditions),
 *   `sequence`, `describe` (columns only), `store_sql` / `close_sql`, `get_autocommit` and
 *   `close`, each answered in order, an error in one not stopping the next.
 * - Streams are SQLite connections of their own, tied together by batons: a new,
 *   unguessable baton with every answer, the old one refused. An interactive transaction
 *   (BEGIN … COMMIT across several HTTP requests) therefore keeps its connection and its
 *   locks between requests. A stream idle for STREAM_IDLE_MS is rolled back and closed.
 * - With `authToken`, every request must carry `Authorization: Bearer <token>` (401 else).
 * - A statement that meets a lock held by another stream is retried for up to
 *   BUSY_WAIT_MS without blocking the event loop (the server and its clients may share a
 *   process), as sqld's busy handling would wait.
 *
 * What it does not do (see README, Deployment): the Protobuf encoding, cursors
 * (`/v3/cursor`), Hrana over WebSocket (`ws://`), the `libsql://` scheme's TLS, JWT
 * validation (the token is compared as a string), `base_url` stickiness, embedded-replica
 * sync (`DATABASE_SYNC_URL`), namespaces, replication, sqld's limits and timeouts.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'libsql';

type Connection = InstanceType<typeof Database>;

export type HranaServer = {
  /** The `http://127.0.0.1:PORT` URL to put in DATABASE_URL. */
  url: string;
  /** Pipeline requests served, by endpoint version. */
  stats: { v2: number; v3: number; streamsOpened: number; batonsRefused: number };
  close(): Promise<void>;
};

const STREAM_IDLE_MS = 15_000;
const BUSY_WAIT_MS = 5_000;

// ---- protocol structures (JSON encoding) ----

type Value =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string };
type Stmt = { sql?: string | null; sql_id?: number | null; args?: Value[]; named_args?: { name: string; value: Value }[]; want_rows?: boolean };
type BatchCond =
  | { type: 'ok'; step: number }
  | { type: 'error'; step: number }
  | { type: 'not'; cond: BatchCond }
  | { type: 'and'; conds: BatchCond[] }
  | { type: 'or'; conds: BatchCond[] }
  | { type: 'is_autocommit' };
type Batch = { steps: { condition?: BatchCond | null; stmt: Stmt }[] };
type StreamRequest =
  | { type: 'close' }
  | { type: 'execute'; stmt: Stmt }
  | { type: 'batch'; batch: Batch }
  | { type: 'sequence'; sql?: string | null; sql_id?: number | null }
  | { type: 'describe'; sql?: string | null; sql_id?: number | null }
  | { type: 'store_sql'; sql_id: number; sql: string }
  | { type: 'close_sql'; sql_id: number }
  | { type: 'get_autocommit' };
type HranaError = { message: string; code?: string | null };
type StmtResult = {
  cols: { name: string | null; decltype: string | null }[];
  rows: Value[][];
  affected_row_count: number;
  last_insert_rowid: string | null;
};

/** An error answered to the client inside a result (the stream stays usable). */
class StatementError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

function decodeValue(value: Value): unknown {
  switch (value.type) {
    case 'null':
      return null;
    case 'integer':
      return BigInt(value.value);
    case 'float':
      return Number(value.value);
    case 'text':
      return value.value;
    case 'blob':
      return Buffer.from(value.base64, 'base64');
    default:
      throw new StatementError(`unknown value type ${JSON.stringify((value as { type: unknown }).type)}`, 'HRANA_PROTO_ERROR');
  }
}

function encodeValue(value: unknown): Value {
  if (value === null || value === undefined) return { type: 'null' };
  if (typeof value === 'bigint') return { type: 'integer', value: value.toString() };
  if (typeof value === 'number') return { type: 'float', value };
  if (typeof value === 'string') return { type: 'text', value };
  if (value instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(value).toString('base64') };
  if (value instanceof ArrayBuffer) return { type: 'blob', base64: Buffer.from(value).toString('base64') };
  throw new StatementError(`cannot encode a ${typeof value} value`, 'INTERNAL');
}

// ---- streams ----

type Stream = {
  id: number;
  connection: Connection;
  sqls: Map<number, string>;
  baton: string;
  /** Requests on one stream run one after another (the baton forces it; this makes sure). */
  tail: Promise<unknown>;
  idleTimer?: NodeJS.Timeout;
  /** A statement gave up waiting for a lock and stays open: close the connection with the stream. */
  tainted?: boolean;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}

/**
 * Serves Hrana over HTTP for one SQLite file on 127.0.0.1 (port 0: any free port).
 */
export async function startHranaServer(options: { file: string; authToken?: string; port?: number }): Promise<HranaServer> {
  const streams = new Map<string, Stream>();
  const idle: Connection[] = [];
  let nextStreamId = 1;
  const stats = { v2: 0, v3: 0, streamsOpened: 0, batonsRefused: 0 };

  const openConnection = (): Connection => {
    const reused = idle.pop();
    if (reused) return reused;
    // No busy handler: a lock wait would block this process (see runWithBusyRetry).
    const connection = new Database(options.file, { timeout: 0 });
    connection.exec('PRAGMA journal_mode = WAL');
    return connection;
  };
  const releaseConnection = (connection: Connection) => {
    if (connection.inTransaction) {
      try {
        connection.exec('ROLLBACK');
      } catch {
        connection.close();
        return;
      }
    }
    if (idle.length < 8) idle.push(connection);
    else connection.close();
  };

  const closeStream = (stream: Stream) => {
    clearTimeout(stream.idleTimer);
    streams.delete(stream.baton);
    if (stream.tainted) stream.connection.close();
    else releaseConnection(stream.connection);
  };

  const newBaton = (stream: Stream) => {
    streams.delete(stream.baton);
    stream.baton = `${stream.id}.${randomBytes(18).toString('base64url')}`;
    streams.set(stream.baton, stream);
    clearTimeout(stream.idleTimer);
    // An abandoned stream (a client that never sends `close`) is rolled back and closed.
    stream.idleTimer = setTimeout(() => closeStream(stream), STREAM_IDLE_MS);
    stream.idleTimer.unref();
  };

  /** Runs `work` again (asynchronously) while another stream holds the lock, up to BUSY_WAIT_MS. */
  async function runWithBusyRetry<T>(stream: Stream, work: () => T): Promise<T> {
    const deadline = Date.now() + BUSY_WAIT_MS;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      try {
        return work();
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() > deadline) {
          // The failed statement stays open in this connection: never hand it to another stream.
          stream.tainted = true;
          throw error;
        }
        await sleep(pause);
      }
    }
  }

  function sqlOf(stream: Stream, source: { sql?: string | null; sql_id?: number | null }): string {
    if (typeof source.sql === 'string') return source.sql;
    if (typeof source.sql_id === 'number') {
      const stored = stream.sqls.get(source.sql_id);
      if (stored === undefined) throw new StatementError(`SQL text ${source.sql_id} is not stored`, 'SQL_NOT_FOUND');
      return stored;
    }
    throw new StatementError('a statement needs exactly one of sql and sql_id', 'HRANA_PROTO_ERROR');
  }

  /**
   * Runs one statement. A statement that met a lock is run again, the same prepared
   * statement (a fresh one would leave the failed one "in progress", and COMMIT refuses
   * to run while one is), after a pause that lets the holder's next request in.
   */
  async function execute(stream: Stream, stmt: Stmt): Promise<StmtResult> {
    const connection = stream.connection;
    const sql = sqlOf(stream, stmt);
    const prepared = connection.prepare(sql);
    let bind: unknown[] | Record<string, unknown> = (stmt.args ?? []).map(decodeValue);
    if (stmt.named_args && stmt.named_args.length > 0) {
      if ((stmt.args ?? []).length > 0) throw new StatementError('positional and named arguments together are not supported', 'ARGS_INVALID');
      // SQLite names include their prefix (:, @, $); the driver wants them without.
      bind = Object.fromEntries(stmt.named_args.map(({ name, value }) => [name.replace(/^[:@$]/, ''), decodeValue(value)]));
    }
    const args = bind;
    const wantRows = stmt.want_rows !== false;
    if (prepared.reader) {
      prepared.safeIntegers(true);
      prepared.raw(true);
      const cols = prepared.columns().map((column) => ({ name: column.name, decltype: column.type }));
      const totalBefore = totalChanges(connection);
      const rows = await runWithBusyRetry(stream, () => (Array.isArray(args) ? prepared.all(...args) : prepared.all(args)) as unknown[][]);
      // A reader may also write (INSERT … RETURNING): count what it changed.
      const changed = totalChanges(connection) - totalBefore;
      return {
        cols,
        rows: wantRows ? rows.map((row) => row.map(encodeValue)) : [],
        affected_row_count: changed,
        last_insert_rowid: changed > 0 ? lastInsertRowid(connection) : null,
      };
    }
    const info = await runWithBusyRetry(stream, () => (Array.isArray(args) ? prepared.run(...args) : prepared.run(args)));
    return { cols: [], rows: [], affected_row_count: Number(info.changes), last_insert_rowid: String(info.lastInsertRowid) };
  }

  // all(), not get(): get() leaves the statement open, and COMMIT refuses to run while one is.
  const totalChanges = (connection: Connection) => Number((connection.prepare('SELECT total_changes()').raw(true).all() as unknown[][])[0][0]);
  const lastInsertRowid = (connection: Connection) => {
    const statement = connection.prepare('SELECT last_insert_rowid()');
    statement.safeIntegers(true);
    return String((statement.raw(true).all() as unknown[][])[0][0]);
  };

  const toError = (error: unknown): HranaError => ({
    message: error instanceof Error ? error.message : String(error),
    code: (error as { code?: unknown })?.code ? String((error as { code: unknown }).code) : 'UNKNOWN',
  });

  function evaluate(stream: Stream, cond: BatchCond, outcomes: ('ok' | 'error' | 'skipped')[]): boolean {
    switch (cond.type) {
      case 'ok':
        return outcomes[cond.step] === 'ok';
      case 'error':
        return outcomes[cond.step] === 'error';
      case 'not':
        return !evaluate(stream, cond.cond, outcomes);
      case 'and':
        return cond.conds.every((c) => evaluate(stream, c, outcomes));
      case 'or':
        return cond.conds.some((c) => evaluate(stream, c, outcomes));
      case 'is_autocommit':
        return !stream.connection.inTransaction;
      default:
        throw new StatementError(`unknown batch condition ${JSON.stringify((cond as { type: unknown }).type)}`, 'HRANA_PROTO_ERROR');
    }
  }

  async function runBatch(stream: Stream, batch: Batch) {
    const outcomes: ('ok' | 'error' | 'skipped')[] = [];
    const stepResults: (StmtResult | null)[] = [];
    const stepErrors: (HranaError | null)[] = [];
    for (const step of batch.steps) {
      if (step.condition && !evaluate(stream, step.condition, outcomes)) {
        outcomes.push('skipped');
        stepResults.push(null);
        stepErrors.push(null);
        continue;
      }
      try {
        stepResults.push(await execute(stream, step.stmt));
        stepErrors.push(null);
        outcomes.push('ok');
      } catch (error) {
        stepResults.push(null);
        stepErrors.push(toError(error));
        outcomes.push('error');
      }
    }
    return { step_results: stepResults, step_errors: stepErrors };
  }

  /** One stream request; returns the StreamResponse, or throws for a StreamResultError. */
  async function handle(stream: Stream, request: StreamRequest, version: 2 | 3): Promise<Record<string, unknown>> {
    switch (request.type) {
      case 'close':
        return { type: 'close' };
      case 'execute':
        return { type: 'execute', result: await execute(stream, request.stmt) };
      case 'batch':
        return { type: 'batch', result: await runBatch(stream, request.batch) };
      case 'sequence': {
        const sql = sqlOf(stream, request);
        await runWithBusyRetry(stream, () => stream.connection.exec(sql));
        return { type: 'sequence' };
      }
      case 'describe': {
        const sql = sqlOf(stream, request);
        const prepared = stream.connection.prepare(sql);
        const cols = prepared.reader ? prepared.columns().map((column) => ({ name: column.name, decltype: column.type })) : [];
        return {
          type: 'describe',
          result: { params: [], cols, is_explain: /^\s*explain\b/i.test(sql), is_readonly: /^\s*(select|explain|values)\b/i.test(sql) },
        };
      }
      case 'store_sql':
        if (stream.sqls.has(request.sql_id)) throw new StatementError(`SQL text ${request.sql_id} is already stored`, 'HRANA_PROTO_ERROR');
        stream.sqls.set(request.sql_id, request.sql);
        return { type: 'store_sql' };
      case 'close_sql':
        stream.sqls.delete(request.sql_id);
        return { type: 'close_sql' };
      case 'get_autocommit':
        if (version < 3) throw new StatementError('get_autocommit needs Hrana 3 (/v3/pipeline)', 'HRANA_PROTO_ERROR');
        return { type: 'get_autocommit', is_autocommit: !stream.connection.inTransaction };
      default:
        throw new StatementError(`unknown request type ${JSON.stringify((request as { type: unknown }).type)}`, 'HRANA_PROTO_ERROR');
    }
  }

  async function pipeline(body: { baton?: string | null; requests?: StreamRequest[] }, version: 2 | 3) {
    let stream: Stream;
    if (body.baton) {
      const found = streams.get(body.baton);
      if (!found) {
        stats.batonsRefused++;
        return { status: 400, body: { message: 'The baton is unknown, already used or expired', code: 'STREAM_EXPIRED' } };
      }
      stream = found;
      // The old baton is spent at once: a second request with it is refused.
      streams.delete(body.baton);
      clearTimeout(stream.idleTimer);
    } else {
      stats.streamsOpened++;
      stream = { id: nextStreamId++, connection: openConnection(), sqls: new Map(), baton: '', tail: Promise.resolve() };
    }
    const run = stream.tail.then(async () => {
      const results: unknown[] = [];
      let closed = false;
      for (const request of body.requests ?? []) {
        if (closed) {
          results.push({ type: 'error', error: { message: 'The stream is closed', code: 'STREAM_CLOSED' } });
          continue;
        }
        try {
          results.push({ type: 'ok', response: await handle(stream, request, version) });
          if (request.type === 'close') closed = true;
        } catch (error) {
          results.push({ type: 'error', error: toError(error) });
        }
      }
      if (closed) {
        closeStream(stream);
        return { baton: null, base_url: null, results };
      }
      newBaton(stream);
      return { baton: stream.baton, base_url: null, results };
    });
    stream.tail = run.catch(() => undefined);
    return { status: 200, body: await run };
  }

  const server: Server = createServer((request, response) => {
    void serve(request, response).catch((error) => {
      if (!response.headersSent) send(response, 500, { message: String(error), code: 'INTERNAL' });
    });
  });

  async function serve(request: IncomingMessage, response: ServerResponse) {
    if (options.authToken && request.headers.authorization !== `Bearer ${options.authToken}`) {
      return send(response, 401, { message: 'Unauthorized: a valid token is required', code: 'UNAUTHORIZED' });
    }
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.replace(/\/+$/, '');
    if (request.method === 'GET' && (path === '/v2' || path === '/v3' || path === '/health')) return send(response, 200, {});
    const version = path === '/v2/pipeline' ? 2 : path === '/v3/pipeline' ? 3 : null;
    if (request.method !== 'POST' || version === null) return send(response, 404, { message: `Not served by the stand-in: ${request.method} ${path}` });
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body: { baton?: string | null; requests?: StreamRequest[] };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(response, 400, { message: 'The body is not JSON', code: 'HRANA_PROTO_ERROR' });
    }
    if (version === 2) stats.v2++;
    else stats.v3++;
    const answer = await pipeline(body, version);
    send(response, answer.status, answer.body);
  }

  function send(response: ServerResponse, status: number, body: unknown) {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    response.end(text);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: async () => {
      for (const stream of [...streams.values()]) closeStream(stream);
      for (const connection of idle.splice(0)) connection.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
