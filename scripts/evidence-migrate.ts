import { openDatabase } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { databaseUrl, uploadthingConfig } from '@/lib/env';
import { LocalDiskBackend } from '@/lib/storage';
import { evidenceLeftToMigrate, migrateEvidenceToUploadthing, sweepRemoteOrphans } from '@/lib/storage/migrate';
import { UploadthingBackend } from '@/lib/storage/uploadthing';

/**
 * `npm run evidence:migrate`: moves an install's evidence files from DATA_DIR/evidence to
 * uploadthing (UPLOADTHING_TOKEN must be set). Resumable: progress is kept per file in
 * the database, so after an interruption run it again. The app may keep running
 * meanwhile (with UPLOADTHING_TOKEN set it reads a file from disk until it has moved).
 * Then it removes files on uploadthing that no report refers to (sweepRemoteOrphans).
 * README.md ("Evidence storage") has the procedure.
 */
async function main(): Promise<number> {
  const config = uploadthingConfig();
  if (!config) {
    console.error('[wbs] Set UPLOADTHING_TOKEN (and the same UPLOADTHING_* values the app uses) to move evidence to uploadthing.');
    return 1;
  }
  const { client, db } = openDatabase(databaseUrl());
  try {
    await applyMigrations(db, client);
    const before = await evidenceLeftToMigrate(db);
    console.log(`[wbs] ${before} evidence files to check.`);
    let seen = 0;
    // uploadthing alone: the read-back after each upload must check uploadthing's copy.
    const remote = new UploadthingBackend(config);
    const result = await migrateEvidenceToUploadthing(db, {
      source: new LocalDiskBackend(),
      target: remote,
      onFile: () => {
        if (++seen % 50 === 0) console.log(`[wbs] ... ${seen} of ${before}`);
      },
    });
    console.log(`[wbs] Done: ${result.moved} moved, ${result.alreadyRemote} already on uploadthing, ${result.missing.length} missing.`);
    if (result.missing.length > 0) {
      console.log(`[wbs] Found on neither side (restore them into DATA_DIR/evidence and run again): ${result.missing.join(', ')}`);
    }
    const orphans = await sweepRemoteOrphans(db, remote);
    if (orphans.length > 0) console.log(`[wbs] Removed ${orphans.length} files on uploadthing that no report refers to (left by failed submissions).`);
    return 0;
  } catch (error) {
    console.error(`[wbs] Stopped: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    console.error('[wbs] Nothing is lost; run `npm run evidence:migrate` again to continue where it stopped.');
    return 1;
  } finally {
    client.close();
  }
}

main().then((code) => process.exit(code));
