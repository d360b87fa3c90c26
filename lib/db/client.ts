import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { databaseUrl } from '@/lib/env';
import * as schema from './schema';

export type Database = LibSQLDatabase<typeof schema>;

type Held = { url: string; client: Client; db: Database };

// One client per process; kept on globalThis so dev reloads do not open new pools.
const holder = globalThis as unknown as { __wbsDb?: Held };

/** Opens a libSQL client for a URL; `file:` folders are created first. */
export function openDatabase(url: string): { client: Client; db: Database } {
  if (url.startsWith('file:')) {
    const file = url.slice('file:'.length);
    if (file && file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  const client = createClient({
    url,
    authToken: process.env.DATABASE_AUTH_TOKEN,
    // Several app instances may share one file: wait for a lock rather than fail at once.
    timeout: 5000,
  });
  return { client, db: drizzle(client, { schema }) };
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
