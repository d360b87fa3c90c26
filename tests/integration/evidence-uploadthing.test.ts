import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { handleReportSubmission, STORAGE_UNAVAILABLE_MESSAGE } from '@/lib/cases/report-submission';
import { loadEvidenceForOfficer } from '@/lib/cases/evidence-download';
import { loadCaseCipher } from '@/lib/cases/case-crypto';
import type { Database } from '@/lib/db/client';
import { attachments, cases, reportedParties } from '@/lib/db/schema';
import { resetEnvCache } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { deleteEvidenceBlob, getBlobStore, LocalDiskStore, newStorageKey, setBlobStore } from '@/lib/storage';
import { BlobNotFoundError } from '@/lib/storage/backend';
import { sweepRemoteOrphans } from '@/lib/storage/migrate';
import { UploadthingBackend } from '@/lib/storage/uploadthing';
import { uploadthingConfig } from '@/lib/env';
import { freshDatabase } from '../support/db';
import { createOfficer } from '../support/factories';
import { startFakeUploadthing, type FakeUploadthing } from '../support/fake-uploadthing';
import { filesUnder, pdfFile, validReportForm } from '../support/forms';

/**
 * Evidence on uploadthing, against a fake uploadthing on 127.0.0.1 reached by the real
 * SDK: what the reporter sends is encrypted before it leaves, read back and decrypted on
 * the server, deleted there, and a failure at any point leaves neither a case nor a file.
 */

let db: Database;
let evidenceDir: string;
let fake: FakeUploadthing;
let officer: Awaited<ReturnType<typeof createOfficer>>;

const MARKER = 'PENANDA-RAHASIA-7f3a9c: uang pelicin Rp 50 juta';

function textFile(name: string, text: string): File {
  return new File([text], name, { type: 'text/plain' });
}

beforeAll(async () => {
  const fresh = await freshDatabase();
  db = fresh.db;
  evidenceDir = path.join(fresh.dataDir, 'evidence');
  fake = await startFakeUploadthing();
  Object.assign(process.env, fake.env);
  resetEnvCache();
  officer = await createOfficer(db);
});

afterAll(async () => {
  for (const name of Object.keys(fake.env)) delete process.env[name];
  resetEnvCache();
  setBlobStore(undefined);
  await fake.stop();
});

beforeEach(() => {
  fake.recover();
  setBlobStore(undefined);
});

async function counts() {
  const [c] = await db.select({ n: count() }).from(cases);
  const [p] = await db.select({ n: count() }).from(reportedParties);
  const [a] = await db.select({ n: count() }).from(attachments);
  return { cases: c.n, parties: p.n, attachments: a.n, remote: fake.files.size, disk: (await filesUnder(evidenceDir)).length };
}

async function submitted(files: File[]) {
  const result = await handleReportSubmission(db, validReportForm({}, files));
  if (!result.ok) throw new Error(`refused: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  const rows = await db
    .select({ id: attachments.id, storageKey: attachments.storageKey })
    .from(attachments)
    .where(eq(attachments.caseId, result.submitted.caseId))
    .orderBy(attachments.id);
  return { ...result.submitted, rows };
}

describe('evidence on uploadthing', () => {
  it('uploads only ciphertext, nothing on local disk, and the officer downloads the same bytes', async () => {
    const before = await counts();
    const report = await submitted([textFile('catatan.txt', MARKER), pdfFile('bukti.pdf', 32)]);
    expect(report.rows).toHaveLength(2);

    const after = await counts();
    expect(after.remote).toBe(before.remote + 2);
    expect(after.disk).toBe(0);
    // Each file is held under its storage key as custom id, and holds no clear byte.
    for (const row of report.rows) expect([...fake.files.values()].some((f) => f.customId === row.storageKey)).toBe(true);
    expect(fake.allBytes().includes(Buffer.from(MARKER))).toBe(false);
    expect(fake.allBytes().includes(Buffer.from('PENANDA-RAHASIA'))).toBe(false);
    expect(fake.allBytes().includes(Buffer.from('%PDF'))).toBe(false);
    // The SDK, not the browser, did the uploading: presigned PUTs to the ingest URL.
    expect(fake.requests.filter((r) => r.method === 'PUT' && r.status === 200).length).toBeGreaterThanOrEqual(2);

    const file = await loadEvidenceForOfficer(db, officer, report.caseNumber, report.rows[0].id);
    expect(file.bytes.toString('utf8')).toBe(MARKER);
    const pdf = await loadEvidenceForOfficer(db, officer, report.caseNumber, report.rows[1].id);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Read through a signed URL on the file host, not from any local copy.
    expect(fake.requests.some((r) => r.method === 'GET' && r.path.includes(report.rows[0].storageKey) && r.status === 200)).toBe(true);
  });

  it('deletes a file on uploadthing through the one erasure function', async () => {
    const report = await submitted([textFile('hapus.txt', 'akan dihapus')]);
    const key = report.rows[0].storageKey;
    const cipher = await loadCaseCipher(db, report.caseId);
    expect((await getBlobStore().get(key, cipher.fileKey())).toString()).toBe('akan dihapus');

    await deleteEvidenceBlob(key);
    expect([...fake.files.values()].some((f) => f.customId === key)).toBe(false);
    await expect(getBlobStore().get(key, cipher.fileKey())).rejects.toBeInstanceOf(BlobNotFoundError);
    // Deleting again is not an error (a retried erasure).
    await deleteEvidenceBlob(key);
  });

  it('an erasure that uploadthing refuses throws, so the caller can retry', async () => {
    const report = await submitted([textFile('tetap.txt', 'masih ada')]);
    fake.failDeletes(1);
    await expect(deleteEvidenceBlob(report.rows[0].storageKey)).rejects.toThrow();
    expect([...fake.files.values()].some((f) => f.customId === report.rows[0].storageKey)).toBe(true);
    await deleteEvidenceBlob(report.rows[0].storageKey);
    expect([...fake.files.values()].some((f) => f.customId === report.rows[0].storageKey)).toBe(false);
  });

  it('a file rewritten under its key (sealing an old install) replaces the disk copy reads would find first', async () => {
    const key = newStorageKey();
    const fileKey = Buffer.alloc(32, 7);
    await new LocalDiskStore(evidenceDir).put(key, Buffer.from('versi lama di disk'), fileKey);
    // Not moved yet: read from disk.
    expect((await getBlobStore().get(key, fileKey)).toString()).toBe('versi lama di disk');
    await getBlobStore().put(key, Buffer.from('versi baru'), fileKey);
    expect((await getBlobStore().get(key, fileKey)).toString()).toBe('versi baru');
    expect((await filesUnder(evidenceDir)).length).toBe(0);
    await deleteEvidenceBlob(key);
  });

  it('a download while uploadthing is down is a clear refusal, not file data', async () => {
    const report = await submitted([textFile('nanti.txt', 'unduh nanti')]);
    fake.down();
    const error = await loadEvidenceForOfficer(db, officer, report.caseNumber, report.rows[0].id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('evidence_storage_unavailable');
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).userMessage).toMatch(/coba unduh kembali/);
  });
});

describe('failures in the middle, with evidence on uploadthing', () => {
  it('uploadthing down: a clear Indonesian message, the input kept, no case and no file', async () => {
    fake.down();
    const before = await counts();
    const form = validReportForm({ what: 'Pungutan liar di loket pelayanan KTP setiap hari Senin pagi.' }, [pdfFile('a.pdf')]);
    const result = await handleReportSubmission(db, form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(STORAGE_UNAVAILABLE_MESSAGE);
    expect(result.message).toMatch(/belum terkirim/);
    expect(result.fieldErrors.evidence).toMatch(/Pilih ulang/);
    fake.recover();
    expect(await counts()).toEqual(before);
  });

  it('a 500 on the second upload removes the first from uploadthing and writes no case', async () => {
    fake.failUploads(1, { okFirst: 1, status: 500 });
    const before = await counts();
    const puts = fake.requests.filter((r) => r.method === 'PUT' && r.status === 200).length;
    const result = await handleReportSubmission(db, validReportForm({}, [pdfFile('a.pdf'), pdfFile('b.pdf')]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toBe(STORAGE_UNAVAILABLE_MESSAGE);
    // The first file did go up, and was taken down again.
    expect(fake.requests.filter((r) => r.method === 'PUT' && r.status === 200).length).toBe(puts + 1);
    expect(await counts()).toEqual(before);
  });

  it('a database failure after every file went up removes them all from uploadthing', async () => {
    await db.run(sql`CREATE TRIGGER fail_attachments BEFORE INSERT ON attachments BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    try {
      const before = await counts();
      const result = await handleReportSubmission(db, validReportForm({}, [pdfFile('a.pdf'), pdfFile('b.pdf')]));
      expect(result.ok).toBe(false);
      expect(fake.requests.filter((r) => r.path === '/v6/deleteFiles' && r.status === 200).length).toBeGreaterThanOrEqual(2);
      expect(await counts()).toEqual(before);
    } finally {
      await db.run(sql`DROP TRIGGER fail_attachments`);
    }
  });

  it('if the clean-up fails too, the orphan is unreadable and the sweep removes it later', async () => {
    const kept = await submitted([textFile('tetap.txt', 'laporan yang sah')]);
    await db.run(sql`CREATE TRIGGER fail_attachments BEFORE INSERT ON attachments BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const before = await counts();
    try {
      fake.failDeletes(10);
      const result = await handleReportSubmission(db, validReportForm({}, [textFile('yatim.txt', MARKER)]));
      expect(result.ok).toBe(false);
    } finally {
      fake.recover();
      await db.run(sql`DROP TRIGGER fail_attachments`);
    }
    // No case row; one file on uploadthing that nothing refers to, and no readable byte.
    expect(await counts()).toEqual({ ...before, remote: before.remote + 1 });
    expect(fake.allBytes().includes(Buffer.from('PENANDA-RAHASIA'))).toBe(false);

    const remote = new UploadthingBackend(uploadthingConfig()!);
    // Young files are left alone (their report may still be on its way).
    expect(await sweepRemoteOrphans(db, remote)).toEqual([]);
    const removed = await sweepRemoteOrphans(db, remote, { olderThanMs: 0 });
    expect(removed).toHaveLength(1);
    expect(await counts()).toEqual(before);
    expect([...fake.files.values()].some((f) => f.customId === kept.rows[0].storageKey)).toBe(true);
  });

  it('works again once uploadthing is back', async () => {
    fake.down();
    expect((await handleReportSubmission(db, validReportForm({}, [pdfFile('a.pdf')]))).ok).toBe(false);
    fake.recover();
    const report = await submitted([pdfFile('a.pdf')]);
    expect(report.rows).toHaveLength(1);
  });
});
