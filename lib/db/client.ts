import { createClient, type Client, type Config } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { databaseUrl, env } from '@/lib/env';
import { walSync, type WalSync } from './durability';
import * as schema from './schema';

export type Database = LibSQLDatabase<typeof schema>;
/** A drizzle transaction on our database, as `db.transaction(async (tx) => …)` passes it. */
export type DbTransaction = Parameters<Parameters<Database['transaction']>[0]>[0];

type Held = { url: string; client: Client; db: Database };

// One client per process; kept on globalThis so dev reloads do not open new pools.
const holder = globalThis as unknown as { __wbsDb?: Held };

/**
 * Opens a libSQL database for a URL; `file:` folders are created first. The client
 * returned queues writes (serialiseWrites); a plain local file also gets its own write
 * connection with durable group commits (lib/db/durability.ts).
 */
export function openDatabase(url: string): { client: Client; db: Database } {
  const config = clientConfig(url);
  const file = localFile(url, config);
  if (file) mkdirSync(path.dirname(file), { recursive: true });
  const reader = createClient(config);
  // One connection for every write: writes take turns anyway, and its safety level is
  // set once (a pool would open connections at the default level).
  const writer = file ? createClient({ ...config, concurrency: 1 }) : undefined;
  const client = serialiseWrites(reader, url, writer && file ? { writer, wal: walSync(file) } : undefined);
  return { client, db: drizzle(client, { schema }) };
}

/** The file behind a local database URL, or null (memory, a libSQL server, an embedded replica). */
function localFile(url: string, config: Config): string | null {
  if (!url.startsWith('file:') || config.syncUrl) return null;
  const file = url.slice('file:'.length).split('?')[0];
  return file && file !== ':memory:' ? path.resolve(file) : null;
}

/** How often (seconds) an embedded replica pulls the primary's changes. */
export const REPLICA_SYNC_SECONDS = 2;

/**
 * The @libsql/client options for a URL: a file, a libSQL server (libsql://, http(s)://,
 * ws(s)://, with DATABASE_AUTH_TOKEN), or, with DATABASE_SYNC_URL, a file that is an
 * embedded replica of that server (reads local, writes sent to the primary).
 */
export function clientConfig(url: string): Config {
  const { DATABASE_AUTH_TOKEN: authToken, DATABASE_SYNC_URL: syncUrl, DATABASE_URL } = env();
  // Several app instances may share one file: wait for a lock rather than fail at once.
  const config: Config = { url, authToken, timeout: 5000 };
  // Only the configured database is a replica; tests and scripts opening other files are not.
  if (syncUrl && url.startsWith('file:') && (DATABASE_URL ?? url) === url) {
    // Other instances' writes arrive within the interval; this instance's own at once.
    Object.assign(config, { syncUrl, syncInterval: REPLICA_SYNC_SECONDS, readYourWrites: true });
  }
  return config;
}

/**
 * One writer at a time per process. A local libSQL file waits for a busy lock inside a
 * synchronous native call: a write started while a transaction is awaiting would block
 * the event loop, so that transaction could never commit. Every write statement, batch
 * and transaction therefore takes its turn here; plain SELECTs (WAL) never wait. Other
 * processes sharing the file meet the busy timeout, which works across processes.
 * Consequence: inside a transaction's callback use its `tx`, never `db`, for writes.
 */
const writeQueues = new Map<string, { tail: Promise<unknown> }>();

type LocalWrites = { writer: Client; wal: WalSync };

function serialiseWrites(reader: Client, url: string, local?: LocalWrites): Client {
  // One queue per database URL, shared by every client of this process on that file.
  const queue = writeQueues.get(url) ?? { tail: Promise.resolve() };
  writeQueues.set(url, queue);
  const client = local?.writer ?? reader;
  if (local) {
    // Before this client's first write. NORMAL: a commit no longer waits for the disk
    // inside the native call; every write below awaits the WAL sync instead.
    queue.tail = queue.tail.then(() => local.writer.execute('PRAGMA synchronous = NORMAL')).catch(() => undefined);
  }
  const durable = () => local?.wal.sync() ?? Promise.resolve();
  const turn = (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = queue.tail.then(() => release);
    queue.tail = queue.tail.then(() => held);
    return ready;
  };
  const isRead = (stmt: unknown) => {
    const text = typeof stmt === 'string' ? stmt : (stmt as { sql?: string })?.sql ?? '';
    return /^\s*select\b/i.test(text);
  };
  const queued =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const release = await turn();
      let result: R;
      try {
        result = await run(...args);
      } finally {
        release();
      }
      await durable();
      return result;
    };

  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'execute') {
        return (...args: Parameters<Client['execute']>) =>
          isRead(args[0]) ? reader.execute(...args) : queued(target.execute.bind(target))(...args);
      }
      if (prop === 'close') {
        return () => {
          reader.close();
          local?.writer.close();
        };
      }
      if (prop === 'batch') return queued(target.batch.bind(target));
      if (prop === 'migrate') return queued(target.migrate.bind(target));
      if (prop === 'executeMultiple') return queued(target.executeMultiple.bind(target));
      if (prop === 'transaction') {
        return async (...args: Parameters<Client['transaction']>) => {
          const release = await turn();
          try {
            const tx = await target.transaction(...args);
            let done = false;
            const finish = () => {
              if (!done) {
                done = true;
                release();
              }
            };
            return new Proxy(tx, {
              get(t, p) {
                const value = Reflect.get(t, p);
                if (typeof value !== 'function') return value;
                if (p === 'commit' || p === 'rollback') {
                  return async (...a: unknown[]) => {
                    let result: unknown;
                    try {
                      result = await value.apply(t, a);
                    } finally {
                      finish();
                    }
                    if (p === 'commit') await durable();
                    return result;
                  };
                }
                if (p === 'close') {
                  return (...a: unknown[]) => {
                    try {
                      return value.apply(t, a);
                    } finally {
                      finish();
                    }
                  };
                }
                return value.bind(t);
              },
            });
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function getDb(): Database {
  const url = databaseUrl();
  if (!holder.__wbsDb || holder.__wbsDb.url !== url) {
    holder.__wbsDb = { url, ...openDatabase(url) };
  }
  return holder.__wbsDb.db;
}

/** Closes the shared client (tests and scripts that switch databases). */
export function closeDb(): void {
  holder.__wbsDb?.client.close();
  holder.__wbsDb = undefined;
}
