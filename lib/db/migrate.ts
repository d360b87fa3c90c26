import { migrate } from 'drizzle-orm/libsql/migrator';
import path from 'node:path';
import type { Client } from '@libsql/client';
import type { Database } from './client';

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'drizzle');

/** Applies committed drizzle-kit migrations; WAL lets readers and one writer share a file. */
export async function applyMigrations(db: Database, client: Client): Promise<void> {
  if (client.protocol === 'file') {
    await client.execute('PRAGMA journal_mode = WAL');
  }
  await client.execute('PRAGMA foreign_keys = ON');
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
