import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCaseCipher } from '@/lib/cases/case-crypto';
import { loadEvidenceForOfficer } from '@/lib/cases/evidence-download';
import { lastKeyRotationAt, rotateCaseKeys } from '@/lib/cases/key-rotation';
import { loadOfficerCaseView } from '@/lib/cases/officer-view';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { loadReporterView } from '@/lib/cases/reporter-view';
import {
  confirmRetention,
  getRetentionPolicy,
  previewRetention,
  retentionOverview,
  runRetention,
  turnOffRetention,
} from '@/lib/cases/retention';
import { addOfficeMonths } from '@/lib/cases/retention-rules';
import { acceptAsComplete, concludeCase, rejectCase, startVerification } from '@/lib/cases/service/decisions';
import { masterKey, unwrapCaseKey } from '@/lib/crypto/case-keys';
import type { Database } from '@/lib/db/client';
import { attachments, auditLog, caseEvents, caseKeys, cases } from '@/lib/db/schema';
import { resetEnvCache } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { computePublicStatistics } from '@/lib/stats/public-stats';
import { computeStatistics } from '@/lib/stats/officer-stats';
import { yearPeriod } from '@/lib/stats/period';
import { freshDatabase } from '../support/db';
import { createOfficer } from '../support/factories';
import { pdfFile, validReportForm } from '../support/forms';

/**
 * Retention by crypto-erasure against a real database and evidence folder: off by
 * default, erases only after an admin's confirmation, only closed cases past their date,
 * resumes an interrupted run, never erases twice under concurrent runs, leaves the
 * statistics as they were, and stays erased across a master key rotation.
 */

let db: Database;
let dataDir: string;
let admin: Awaited<ReturnType<typeof createOfficer>>;
let officer: Awaited<ReturnType<typeof createOfficer>>;
const now = new Date();
const monthsAgo = (n: number) => addOfficeMonths(now, -n);
type Made = { caseId: number; caseNumber: string };
let oldRejected: Made, oldConcluded: Made, recentRejected: Made, oldOpen: Made;

async function submit(tag: string): Promise<Made> {
  const result = await handleReportSubmission(db, validReportForm({ what: `Permintaan uang tunai kepada penyedia ${tag}. Penanda-${tag}` }, [pdfFile(`bukti-${tag}.pdf`)]));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.submitted;
}

async function closeAt(made: Made, at: Date) {
  await db.update(cases).set({ stateChangedAt: at, createdAt: addOfficeMonths(at, -1), updatedAt: at }).where(eq(cases.id, made.caseId));
}

async function storedFiles(made: Made): Promise<string[]> {
  const rows = await db.select({ key: attachments.storageKey }).from(attachments).where(eq(attachments.caseId, made.caseId));
  return rows.map((row) => path.join(dataDir, 'evidence', row.key.slice(0, 2), `${row.key}.bin`));
}

async function statistics() {
  const years = [now.getUTCFullYear() - 1, now.getUTCFullYear()];
  return Promise.all(years.flatMap((year) => [computeStatistics(db, yearPeriod(year)), computePublicStatistics(db, year, now)]));
}

async function erasedError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('case_content_erased');
  expect((error as AppError).status).toBe(410);
}

beforeAll(async () => {
  ({ db, dataDir } = await freshDatabase());
  admin = await createOfficer(db, 'admin');
  officer = await createOfficer(db);
  oldRejected = await submit('lama-ditolak');
  oldConcluded = await submit('lama-selesai');
  recentRejected = await submit('baru-ditolak');
  oldOpen = await submit('lama-terbuka');
  for (const made of [oldRejected, recentRejected]) {
    await startVerification(db, officer, { caseNumber: made.caseNumber });
    await rejectCase(db, officer, { caseNumber: made.caseNumber, reason: 'duplikat', publicNote: 'Laporan yang sama sudah diterima sebelumnya.' });
  }
  await startVerification(db, officer, { caseNumber: oldConcluded.caseNumber });
  await acceptAsComplete(db, officer, { caseNumber: oldConcluded.caseNumber });
  await concludeCase(db, officer, { caseNumber: oldConcluded.caseNumber, outcome: 'terbukti_disiplin', summary: 'Terlapor terbukti melanggar disiplin dan telah dijatuhi sanksi.', unexaminedReason: 'Bukti dokumen sudah cukup meski terlapor belum diperiksa.' });
  await startVerification(db, officer, { caseNumber: oldOpen.caseNumber });
  await closeAt(oldRejected, monthsAgo(14));
  await closeAt(oldConcluded, monthsAgo(13));
  await closeAt(recentRejected, monthsAgo(2));
  // Open for years: never erased, however old.
  await closeAt(oldOpen, monthsAgo(60));
});

describe('retention by crypto-erasure', () => {
  it('is off by default: a run erases nothing', async () => {
    expect(await getRetentionPolicy(db)).toEqual({ months: null, confirmedAt: null, confirmedBy: null });
    expect(await runRetention(db)).toEqual({ status: 'off', erased: 0, filesPurged: 0 });
    expect((await loadOfficerCaseView(db, officer, oldRejected.caseNumber))!.report.what).toContain('Penanda-lama-ditolak');
  });

  it('previews which closed cases a period would erase, oldest first, and when', async () => {
    const preview = await previewRetention(db, 12, { now });
    expect(preview.dueNow).toBe(2);
    expect(preview.cases.map((c) => c.caseNumber)).toEqual([oldRejected.caseNumber, oldConcluded.caseNumber]);
    const [closed] = await db.select({ at: cases.stateChangedAt }).from(cases).where(eq(cases.id, oldRejected.caseId));
    expect(preview.cases[0].eraseAt).toEqual(addOfficeMonths(closed.at, 12));
    expect(preview.cases[0].category).toBe('Pungutan liar');
    expect((await previewRetention(db, 1, { now })).dueNow).toBe(3);
    expect((await previewRetention(db, 120, { now })).dueNow).toBe(0);
  });

  it('is confirmed only by an admin, from the preview of the same months, with the archive rules ticked', async () => {
    const refused = async (promise: Promise<unknown>, code: string, field?: string) => {
      const error = (await promise.catch((e: unknown) => e)) as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe(code);
      if (field) expect(error.field).toBe(field);
    };
    await refused(confirmRetention(db, officer, { months: '12', previewedMonths: '12', archiveRulesChecked: 'on' }), 'forbidden');
    await refused(confirmRetention(db, admin, { months: '12', previewedMonths: '24', archiveRulesChecked: 'on' }), 'invalid_settings', 'retentionMonths');
    await refused(confirmRetention(db, admin, { months: '12', previewedMonths: '12' }), 'invalid_settings', 'archiveRulesChecked');
    await refused(confirmRetention(db, admin, { months: '0', previewedMonths: '0', archiveRulesChecked: 'on' }), 'invalid_settings', 'retentionMonths');
    // Nothing was stored by any refusal.
    expect((await getRetentionPolicy(db)).months).toBeNull();
    expect((await runRetention(db)).erased).toBe(0);
  });

  it('erases due cases: content unreadable, files gone, statistics unchanged; resumes after an interruption; concurrent runs erase once', async () => {
    const before = await statistics();
    const filesA = await storedFiles(oldRejected);
    const filesB = await storedFiles(oldConcluded);
    expect(filesA.length + filesB.length).toBe(2);
    for (const file of [...filesA, ...filesB]) expect(existsSync(file)).toBe(true);
    const [keyA] = await db.select().from(caseKeys).where(eq(caseKeys.caseId, oldRejected.caseId));
    const databaseFiles = ['wbs.db', 'wbs.db-wal'].map((name) => path.join(dataDir, name)).filter((file) => existsSync(file));
    const holdsKeyA = () => databaseFiles.some((file) => existsSync(file) && readFileSync(file).includes(Buffer.from(keyA.wrappedKey!)));
    // (the search below can find it: before the erasure it is there)
    expect(holdsKeyA()).toBe(true);

    await confirmRetention(db, admin, { months: '12', previewedMonths: '12', archiveRulesChecked: 'on' }, { now });
    expect(await getRetentionPolicy(db)).toMatchObject({ months: 12, confirmedBy: admin.id });

    // First run: stopped right after its first batch (one case) was committed.
    await expect(
      runRetention(db, {
        now,
        batchSize: 1,
        onBatch: () => {
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    await erasedError(loadCaseCipher(db, oldRejected.caseId));
    expect(await loadCaseCipher(db, oldConcluded.caseId)).toBeDefined();
    // Its key is gone, its file not yet: the next run deletes it.
    expect(existsSync(filesA[0])).toBe(true);

    // Two runs at once (as two instances would): the remaining case is erased once.
    const [first, second] = await Promise.all([runRetention(db, { now }), runRetention(db, { now })]);
    expect(first.erased + second.erased).toBe(1);
    expect(first.filesPurged + second.filesPurged).toBe(2);
    const [audited] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'case.content_erased'));
    expect(audited.n).toBe(2);
    const [events] = await db.select({ n: count() }).from(caseEvents).where(eq(caseEvents.kind, 'content_erased'));
    expect(events.n).toBe(2);
    expect(await runRetention(db, { now })).toEqual({ status: 'ran', erased: 0, filesPurged: 0 });

    for (const file of [...filesA, ...filesB]) expect(existsSync(file)).toBe(false);
    for (const made of [oldRejected, oldConcluded]) {
      await erasedError(loadCaseCipher(db, made.caseId));
      const view = (await loadOfficerCaseView(db, officer, made.caseNumber))!;
      expect(view.erasedAt).toEqual(new Date(Math.floor(now.getTime() / 1000) * 1000));
      expect(view.report.what).toBe('');
      expect(view.attachments).toEqual([]);
      expect(view.category).toBe('Pungutan liar');
      expect(view.timeline.map((entry) => entry.kind)).toContain('content_erased');
      const reporter = (await loadReporterView(db, made.caseId))!;
      expect(reporter.erasedAt).not.toBeNull();
      expect(reporter.messages).toEqual([]);
      expect(reporter.timeline.every((entry) => entry.note === null)).toBe(true);
      const [file] = await db.select({ id: attachments.id }).from(attachments).where(eq(attachments.caseId, made.caseId));
      await erasedError(loadEvidenceForOfficer(db, officer, made.caseNumber, file.id));
    }
    expect((await loadOfficerCaseView(db, officer, oldConcluded.caseNumber))!.outcome).toBe('Terbukti — pelanggaran disiplin');
    // Not due (closed recently) and open cases keep everything.
    expect((await loadOfficerCaseView(db, officer, recentRejected.caseNumber))!.report.what).toContain('Penanda-baru-ditolak');
    expect((await loadOfficerCaseView(db, officer, oldOpen.caseNumber))!.report.what).toContain('Penanda-lama-terbuka');
    expect((await previewRetention(db, 12, { now })).dueNow).toBe(0);

    // Statistics read only what stays in clear: every figure is as before.
    expect(await statistics()).toEqual(before);

    // The destroyed wrapped key is not left in the database file or its WAL.
    expect(holdsKeyA()).toBe(false);

    const overview = await retentionOverview(db, { now });
    expect(overview).toMatchObject({ erasedTotal: 2, lastKeyRotationAt: null, rotationReminder: false });
    expect((await retentionOverview(db, { now: addOfficeMonths(now, 12) })).rotationReminder).toBe(true);
  });

  it('a master key rotation re-wraps live keys only; erased cases stay erased; a backup opens only while its master key exists', async () => {
    const oldKey = process.env.DATA_ENCRYPTION_KEY!;
    const newKey = randomBytes(32).toString('base64');
    // "A backup": the wrapped key of a live case as stored before the rotation.
    const [backupRow] = await db.select().from(caseKeys).where(eq(caseKeys.caseId, recentRejected.caseId));
    process.env.DATA_ENCRYPTION_KEY = newKey;
    process.env.DATA_ENCRYPTION_KEY_PREVIOUS = oldKey;
    resetEnvCache();
    try {
      const result = await rotateCaseKeys(db);
      expect(result.rewrapped).toBe(2); // recentRejected and oldOpen; the erased two have no key
      const rotatedAt = await lastKeyRotationAt(db);
      expect(rotatedAt).not.toBeNull();
      const erasedRows = await db.select().from(caseKeys).where(and(eq(caseKeys.caseId, oldRejected.caseId)));
      expect(erasedRows[0].wrappedKey).toBeNull();
      await erasedError(loadCaseCipher(db, oldRejected.caseId));
      expect((await loadOfficerCaseView(db, officer, recentRejected.caseNumber))!.report.what).toContain('Penanda-baru-ditolak');

      // The backup's wrapped key opens with the old master key only: destroying that key is what makes the backup unreadable.
      const oldMaster = masterKey(Buffer.from(oldKey, 'base64'));
      const newMaster = masterKey(Buffer.from(newKey, 'base64'));
      expect(unwrapCaseKey(backupRow.wrappedKey!, oldMaster, backupRow.caseId)).toHaveLength(32);
      expect(() => unwrapCaseKey(backupRow.wrappedKey!, newMaster, backupRow.caseId)).toThrow();

      // Rotated now: the reminder waits another retention period.
      const overview = await retentionOverview(db, { now: addOfficeMonths(now, 11) });
      expect(overview.lastKeyRotationAt).toEqual(rotatedAt);
      expect(overview.rotationReminder).toBe(false);
      expect((await retentionOverview(db, { now: addOfficeMonths(rotatedAt!, 12) })).rotationReminder).toBe(true);
    } finally {
      delete process.env.DATA_ENCRYPTION_KEY_PREVIOUS;
      resetEnvCache();
    }
  });

  it('turned off, nothing more is erased', async () => {
    await turnOffRetention(db, admin);
    expect(await runRetention(db, { now: addOfficeMonths(now, 24) })).toEqual({ status: 'off', erased: 0, filesPurged: 0 });
    expect((await loadOfficerCaseView(db, officer, recentRejected.caseNumber))!.erasedAt).toBeNull();
  });
});
