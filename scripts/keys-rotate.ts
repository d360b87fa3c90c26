import { openDatabase } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { databaseUrl, loadOrCreateSecretsFile } from '@/lib/env';
import { keysLeftToRotate, rotateCaseKeys, RotationError } from '@/lib/cases/key-rotation';
import { masterKeys } from '@/lib/cases/case-crypto';

/**
 * `npm run keys:rotate`: re-wraps every case key under a new master key, in batches,
 * resumable (run it again after an interruption). Give the new key as
 * DATA_ENCRYPTION_KEY and the one being replaced as DATA_ENCRYPTION_KEY_PREVIOUS;
 * README.md ("Rotating the master key") has the whole procedure.
 */
async function main() {
  if (!process.env.DATA_ENCRYPTION_KEY) {
    // Without the new key in the environment the current one would be "rotated" onto itself.
    throw new RotationError('Set DATA_ENCRYPTION_KEY (the new master key) and DATA_ENCRYPTION_KEY_PREVIOUS (the current one).');
  }
  // AUTH_SECRET and TICKET_HMAC_KEY still come from the secrets file when not in the environment.
  const { secrets } = loadOrCreateSecretsFile();
  for (const name of ['AUTH_SECRET', 'TICKET_HMAC_KEY'] as const) process.env[name] ??= secrets[name];

  const { current, previous } = masterKeys();
  console.log(`[wbs] Rotating to master key ${current.id}${previous ? ` from ${previous.id}` : ''}.`);
  const { client, db } = openDatabase(databaseUrl());
  try {
    await applyMigrations(db, client);
    const before = await keysLeftToRotate(db);
    const result = await rotateCaseKeys(db, {
      batchSize: Number(process.env.ROTATE_BATCH_SIZE) || 500,
      onBatch: (n) => console.log(`[wbs] ... ${n} case keys re-wrapped`),
    });
    console.log(
      `[wbs] Done: ${result.rewrapped} of ${before} case keys re-wrapped, ${result.totpResealed} TOTP secrets and ` +
        `${result.recipientsResealed} queued reporter addresses re-sealed. No case key needs the previous key any more.`,
    );
  } finally {
    client.close();
  }
}

main().catch((error) => {
  console.error(error instanceof RotationError ? `[wbs] ${error.message}` : error);
  process.exit(1);
});
