import type { Client } from '@libsql/client';
import { openDatabase, type Database } from '@/lib/db/client';
import { applyMigrations, enableWal, withDatabaseLock } from '@/lib/db/migrate';
import { ensureDefaults, ensureFirstAdmin } from '@/lib/db/seed';
import { databaseUrl, dataDir, env, type Env, loadOrCreateSecretsFile, secretsFile, secretsFileNeeded } from '@/lib/env';
import { mkdirSync } from 'node:fs';
import { assertFullySealed, sealExistingRows } from '@/lib/cases/seal-existing';
import { assertKeysReadable } from '@/lib/cases/key-rotation';
import { migrateLegacyAssignments } from '@/lib/cases/assignment';
import { restrictDataDir } from '@/lib/storage/permissions';
import { closeRequestsOfClosedCases } from '@/lib/cases/service/closing';
import { exitOnStartError } from './start-error';

export { exitOnStartError };

/**
 * Everything a start needs before the server listens: secrets, migrations, defaults,
 * the first admin. Safe to run on every start. Prints nothing personal.
 */
export async function prepare(): Promise<void> {
  // First: a bad configuration value stops here, before anything is written.
  const config = env();
  mkdirSync(dataDir(), { recursive: true, mode: 0o700 });
  if (secretsFileNeeded()) {
    const { secrets, created } = loadOrCreateSecretsFile();
    if (created) {
      console.log(`[wbs] Generated secrets in ${secretsFile()} (mode 0600). Back this file up: without`);
      console.log('[wbs] DATA_ENCRYPTION_KEY the stored evidence and reporter identities cannot be read.');
      if (!databaseUrl().startsWith('file:') || config.DATABASE_SYNC_URL) {
        console.warn('[wbs] WARNING: the database is shared with other machines: give every instance the same');
        console.warn('[wbs] AUTH_SECRET, DATA_ENCRYPTION_KEY and TICKET_HMAC_KEY in its environment (see README, Deployment).');
      }
    }
    // The child `next start` inherits them, so every process uses the same keys.
    for (const [name, value] of Object.entries(secrets)) process.env[name] ||= value;
  }

  const { client, db } = openDatabase(databaseUrl());
  try {
    await enableWal(client);
    // Several instances may start at once on one database: one prepares, the others wait
    // and then find the migrations applied, the rows sealed and the first admin there.
    await withDatabaseLock(db, 'start', () => prepareDatabase(db, client, config), {
      onWait: () => console.log('[wbs] Another instance is preparing the database; waiting for it.'),
    });
  } finally {
    client.close();
  }

  // After the migrations, so the database files exist and are covered too.
  const { failed } = restrictDataDir(dataDir());
  if (failed.length > 0) {
    console.warn(`[wbs] WARNING: could not restrict access to ${failed.length} path(s) in ${dataDir()} (wanted folders 0700, files 0600).`);
    console.warn('[wbs] Other accounts on this machine may be able to read the database. Check the owner of the data folder.');
  }
}

async function prepareDatabase(db: Database, client: Client, config: Env): Promise<void> {
  await applyMigrations(db, client);
  await assertKeysReadable(db);
  // Content stored before envelope encryption is encrypted in place, resumably, and
  // the start stops here unless nothing is left in clear.
  const sealed = await sealExistingRows(db);
  const rows = Object.values(sealed.rowsSealed).reduce((sum, n) => sum + n, 0);
  if (sealed.keysCreated > 0 || rows > 0) {
    console.log(`[wbs] Encrypted existing content: ${sealed.keysCreated} case keys created, ${rows} rows encrypted.`);
  }
  await assertFullySealed(db);
  await ensureDefaults(db);
  // Data from before "closing closes": open questions left on closed cases.
  const closedRequests = await closeRequestsOfClosedCases(db);
  if (closedRequests > 0) console.log(`[wbs] Closed ${closedRequests} information request(s) left open on closed cases.`);
  // The old single "penanggung jawab" column becomes a row in case_assignments.
  const assignments = await migrateLegacyAssignments(db);
  if (assignments > 0) console.log(`[wbs] Moved ${assignments} handling officers into case assignments.`);
  const admin = await ensureFirstAdmin(db, {
    email: config.ADMIN_EMAIL,
    password: config.ADMIN_PASSWORD,
  });
  if (admin.created) {
    console.log(`[wbs] First admin account: ${admin.email}`);
    if (admin.generatedPassword) {
      console.log(`[wbs] Generated password (shown once, change it after signing in): ${admin.generatedPassword}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepare().catch(exitOnStartError);
}
