import { openDatabase } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { ensureDefaults, ensureFirstAdmin } from '@/lib/db/seed';
import { databaseUrl, dataDir, env, EnvError, loadOrCreateSecretsFile, secretsFile, secretsFileNeeded } from '@/lib/env';
import { mkdirSync } from 'node:fs';
import { assertFullySealed, sealExistingRows } from '@/lib/cases/seal-existing';
import { assertKeysReadable } from '@/lib/cases/key-rotation';
import { migrateLegacyAssignments } from '@/lib/cases/assignment';
import { restrictDataDir } from '@/lib/storage/permissions';

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
    }
    // The child `next start` inherits them, so every process uses the same keys.
    for (const [name, value] of Object.entries(secrets)) process.env[name] ||= value;
  }

  const { client, db } = openDatabase(databaseUrl());
  try {
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

/** Prints a configuration error as its one line (no stack), anything else in full; exits 1. */
export function exitOnStartError(error: unknown): never {
  if (error instanceof EnvError) console.error(`[wbs] ${error.message}`);
  else console.error(error);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepare().catch(exitOnStartError);
}
