import { openDatabase } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { ensureDefaults, ensureFirstAdmin } from '@/lib/db/seed';
import { databaseUrl, dataDir, loadOrCreateSecretsFile, secretsFile } from '@/lib/env';
import { mkdirSync } from 'node:fs';
import { assertFullySealed, sealExistingRows } from '@/lib/cases/seal-existing';
import { assertKeysReadable } from '@/lib/cases/key-rotation';

/**
 * Everything a start needs before the server listens: secrets, migrations, defaults,
 * the first admin. Safe to run on every start. Prints nothing personal.
 */
export async function prepare(): Promise<void> {
  mkdirSync(dataDir(), { recursive: true });
  const needsFile = ['AUTH_SECRET', 'DATA_ENCRYPTION_KEY', 'TICKET_HMAC_KEY'].some((n) => !process.env[n]);
  if (needsFile) {
    const { secrets, created } = loadOrCreateSecretsFile();
    if (created) {
      console.log(`[wbs] Generated secrets in ${secretsFile()} (mode 0600). Back this file up: without`);
      console.log('[wbs] DATA_ENCRYPTION_KEY the stored evidence and reporter identities cannot be read.');
    }
    for (const [name, value] of Object.entries(secrets)) process.env[name] ??= value;
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
    const admin = await ensureFirstAdmin(db, {
      email: process.env.ADMIN_EMAIL,
      password: process.env.ADMIN_PASSWORD,
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
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepare().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
