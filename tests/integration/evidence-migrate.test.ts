import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { loadEvidenceForOfficer } from '@/lib/cases/evidence-download';
import type { Database } from '@/lib/db/client';
import { attachments, evidenceMigrations } from '@/lib/db/schema';
import { resetEnvCache, uploadthingConfig } from '@/lib/env';
import { LocalDiskBackend, setBlobStore } from '@/lib/storage';
import { StorageUnavailableError } from '@/lib/storage/backend';
import { migrateEvidenceToUploadthing } from '@/lib/storage/migrate';
import { UploadthingBackend } from '@/lib/storage/uploadthing';
import { freshDatabase } from '../support/db';
import { createOfficer } from '../support/factories';
import { startFakeUploadthing, type FakeUploadthing } from '../support/fake-uploadthing';
import { filesUnder, validReportForm } from '../support/forms';

/**
 * `npm run evidence:migrate` on an install whose evidence is on local disk: every file
 * ends up on uploadthing exactly once (as the same ciphertext), the disk copy goes, and a
 * run interrupted at any step finishes when run again. Officers can download throughout.
 */

let db: Database;
let dataDir: string;
let evidenceDir: string;
let fake: FakeUploadthing;
let officer: Awaited<ReturnType<typeof createOfficer>>;
const reports: { caseNumber: string; attachmentId: number; storageKey: string; text: string }[] = [];

function useUploadthing(on: boolean) {
  for (const [name, value] of Object.entries(fake.env)) {
    if (on) process.env[name] = value;
    else delete process.env[name];
  }
  resetEnvCache();
  setBlobStore(undefined);
}

async function submit(text: string) {
  const result = await handleReportSubmission(db, validReportForm({}, [new File([text], 'catatan.txt', { type: 'text/plain' })]));
  if (!result.ok) throw new Error(result.message);
  const [row] = await db.select().from(attachments).where(eq(attachments.caseId, result.submitted.caseId));
  reports.push({ caseNumber: result.submitted.caseNumber, attachmentId: row.id, storageKey: row.storageKey, text });
}

async function states() {
  const rows = await db.select().from(evidenceMigrations);
  return Object.fromEntries(rows.map((r) => [r.storageKey, r.state]));
}

function copiesOf(storageKey: string) {
  return [...fake.files.values()].filter((f) => f.customId === storageKey).length;
}

async function downloadAll() {
  for (const report of reports) {
    const file = await loadEvidenceForOfficer(db, officer, report.caseNumber, report.attachmentId);
    expect(file.bytes.toString('utf8')).toBe(report.text);
  }
}

beforeAll(async () => {
  const fresh = await freshDatabase();
  db = fresh.db;
  dataDir = fresh.dataDir;
  evidenceDir = path.join(dataDir, 'evidence');
  fake = await startFakeUploadthing();
  officer = await createOfficer(db);
  // An install on local disk: five reports, each with one file.
  useUploadthing(false);
  for (let i = 1; i <= 5; i++) await submit(`bukti nomor ${i}: PENANDA-DISK-${i}`);
  expect(await filesUnder(evidenceDir)).toHaveLength(5);
});

afterAll(async () => {
  useUploadthing(false);
  await fake.stop();
});

describe('npm run evidence:migrate', () => {
  it('resumes after being killed mid-file, uploadthing failing, and after the verified upload', async () => {
    useUploadthing(true);
    // Stored after the switch: on uploadthing already, nothing to move.
    await submit('bukti baru, langsung ke uploadthing');
    const config = uploadthingConfig()!;
    const source = new LocalDiskBackend(evidenceDir);
    const target = new UploadthingBackend(config);

    // 1. Killed right after the second file went up, before its progress was recorded.
    let uploads = 0;
    await expect(
      migrateEvidenceToUploadthing(db, {
        source,
        target,
        batchSize: 2,
        onStep: (step) => {
          if (step === 'uploaded' && ++uploads === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    expect(Object.values(await states())).toEqual(['done', 'uploading']);
    expect(copiesOf(reports[1].storageKey)).toBe(1);
    expect(await filesUnder(evidenceDir)).toHaveLength(4);
    // Mid-migration, every file still downloads (from disk or uploadthing).
    await downloadAll();

    // 2. uploadthing answers 500 on the next upload: the run stops with a storage error.
    fake.failUploads(1);
    await expect(migrateEvidenceToUploadthing(db, { source, target })).rejects.toBeInstanceOf(StorageUnavailableError);
    fake.recover();

    // 3. Killed after a verified upload, before the disk copy was removed.
    await expect(
      migrateEvidenceToUploadthing(db, {
        source,
        target,
        onStep: (step) => {
          if (step === 'verified') throw new Error('killed again');
        },
      }),
    ).rejects.toThrow('killed again');
    expect(Object.values(await states())).toContain('uploaded');

    // 4. Run to the end.
    const result = await migrateEvidenceToUploadthing(db, { source, target });
    expect(result.missing).toEqual([]);
    expect(result.alreadyRemote).toBe(1);

    const finalStates = await states();
    expect(Object.keys(finalStates).sort()).toEqual(reports.map((r) => r.storageKey).sort());
    expect(new Set(Object.values(finalStates))).toEqual(new Set(['done']));
    // Exactly one copy of each file on uploadthing, none left on disk, only ciphertext held.
    for (const report of reports) expect(copiesOf(report.storageKey)).toBe(1);
    expect(fake.files.size).toBe(reports.length);
    expect(await filesUnder(evidenceDir)).toEqual([]);
    expect(fake.allBytes().includes(Buffer.from('PENANDA-DISK'))).toBe(false);
    await downloadAll();

    // Running it again finds nothing to do.
    const again = await migrateEvidenceToUploadthing(db, { source, target });
    expect(again).toEqual({ moved: 0, missing: [], alreadyRemote: 0 });
  });

  it('runs as the npm command, and refuses without UPLOADTHING_TOKEN', async () => {
    useUploadthing(false);
    await submit('satu lagi dari disk');
    const run = (extra: Record<string, string>) =>
      promisify(execFile)(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/evidence-migrate.ts'], {
        env: { ...process.env, ...extra },
      }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );

    const refused = await run({});
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Set UPLOADTHING_TOKEN/);

    const done = await run(fake.env);
    expect(done.out).toMatch(/Done: 1 moved, 0 already on uploadthing, 0 missing/);
    expect(done.code).toBe(0);
    expect(copiesOf(reports.at(-1)!.storageKey)).toBe(1);
    expect(await filesUnder(evidenceDir)).toEqual([]);
    useUploadthing(true);
    await downloadAll();
    // Two cold starts of tsx: slow on a loaded machine.
  }, 180_000);
});
