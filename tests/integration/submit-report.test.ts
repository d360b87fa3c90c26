import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import sharp from 'sharp';
import { count, eq, sql } from 'drizzle-orm';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { decryptIdentity } from '@/lib/cases/reporter-identity';
import { loadCaseCipher } from '@/lib/cases/case-crypto';
import { fileHashKey, keyedFileHash } from '@/lib/crypto/case-keys';
import { createHash } from 'node:crypto';
import { hashTicket } from '@/lib/cases/ticket';
import type { Database } from '@/lib/db/client';
import { attachments, caseEvents, cases, reportedParties } from '@/lib/db/schema';
import { ticketKey } from '@/lib/env';
import { LocalDiskStore, setBlobStore, type BlobStore } from '@/lib/storage';
import { freshDatabase } from '../support/db';
import { exeRenamedPdf, filesUnder, pdfFile, validReportForm } from '../support/forms';

let db: Database;
let evidenceDir: string;

beforeAll(async () => {
  const fresh = await freshDatabase();
  db = fresh.db;
  evidenceDir = path.join(fresh.dataDir, 'evidence');
});

beforeEach(() => setBlobStore(undefined));

async function counts() {
  const [c] = await db.select({ n: count() }).from(cases);
  const [p] = await db.select({ n: count() }).from(reportedParties);
  const [a] = await db.select({ n: count() }).from(attachments);
  return { cases: c.n, parties: p.n, attachments: a.n, files: (await filesUnder(evidenceDir)).length };
}

async function jpegWithGps(): Promise<File> {
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Pelapor Rahasia', Copyright: 'Nama Asli Pelapor' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '10/1 10/1 0/1' } })
    .toBuffer();
  // The precondition that makes the stripping test mean something.
  expect(bytes.toString('latin1')).toContain('Pelapor Rahasia');
  return new File([new Uint8Array(bytes)], 'foto.jpg', { type: 'image/jpeg' });
}

describe('submitting a report', () => {
  it('stores the case, its reported persons, attachments and first event together', async () => {
    const form = validReportForm(
      { party1Name: 'Siti', party1Position: 'Staf', anonymous: 'no', reporterName: 'Ani', reporterPhone: '0812 3456 7890' },
      [pdfFile(), await jpegWithGps()],
    );
    const result = await handleReportSubmission(db, form);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { ticket, caseNumber } = result.submitted;
    expect(ticket).toMatch(/^WBS-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(caseNumber).toMatch(/^\d{4}-0001$/);

    const [stored] = await db.select().from(cases).where(eq(cases.caseNumber, caseNumber));
    expect(stored.state).toBe('received');
    expect(stored.ticketHash).toBe(hashTicket(ticket, ticketKey()));
    expect(JSON.stringify(stored)).not.toContain(ticket.slice(4));
    // Identity is ciphertext at rest, readable only with the data key.
    expect(stored.reporterIdentityEnc).not.toContain('Ani');
    const cipher = await loadCaseCipher(db, stored.id);
    const identity = decryptIdentity(cipher, stored.reporterIdentityEnc!);
    expect(identity).toMatchObject({ name: 'Ani', phone: '0812 3456 7890' });
    // Report text is case-key ciphertext too.
    expect(stored.what).not.toContain('uang');
    expect(cipher.open(cases.what, stored.id, stored.what)).toContain('uang');

    const parties = await db.select().from(reportedParties).where(eq(reportedParties.caseId, stored.id));
    expect(parties.map((p) => p.name)).not.toContain('Budi Santoso');
    expect(parties.map((p) => cipher.open(reportedParties.name, p.id, p.name))).toEqual(['Budi Santoso', 'Siti']);

    const files = await db.select().from(attachments).where(eq(attachments.caseId, stored.id));
    expect(files.map((f) => f.mimeType).sort()).toEqual(['application/pdf', 'image/jpeg']);
    expect((await filesUnder(evidenceDir)).length).toBe(2);

    // The image on disk is encrypted and, decrypted, has no EXIF or GPS left.
    const image = files.find((f) => f.mimeType === 'image/jpeg')!;
    expect(image.metadataStripped).toBe(true);
    const plain = await new LocalDiskStore(evidenceDir).get(image.storageKey, cipher.fileKey());
    // The chain-of-custody hash is keyed: a plain SHA-256 of the file does not match it.
    expect(image.sha256).toBe(keyedFileHash(plain, fileHashKey(cipher.fileKey())));
    expect(image.sha256).not.toBe(createHash('sha256').update(plain).digest('hex'));
    expect(cipher.open(attachments.fileNameEnc, image.storageKey, image.fileNameEnc)).toMatch(/\.jpe?g$/);
    const meta = await sharp(plain).metadata();
    expect(meta.exif).toBeUndefined();
    expect(plain.toString('latin1')).not.toContain('Pelapor Rahasia');

    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, stored.id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'submitted', toState: 'received', visibleToReporter: true });
  });

  it('numbers cases in sequence within the year', async () => {
    const a = await handleReportSubmission(db, validReportForm());
    const b = await handleReportSubmission(db, validReportForm());
    if (!a.ok || !b.ok) throw new Error('expected both to be stored');
    const seq = (n: string) => Number(n.split('-')[1]);
    expect(seq(b.submitted.caseNumber)).toBe(seq(a.submitted.caseNumber) + 1);
  });

  it('keeps nothing of the identity fields when the report is anonymous', async () => {
    const result = await handleReportSubmission(db, validReportForm({ anonymous: 'yes', reporterName: 'Tidak Boleh Tersimpan' }));
    if (!result.ok) throw new Error('expected success');
    const [stored] = await db.select().from(cases).where(eq(cases.id, result.submitted.caseId));
    expect(stored.anonymous).toBe(true);
    expect(stored.reporterIdentityEnc).toBeNull();
  });

  it('sends gambling spam to quarantine instead of dropping it', async () => {
    const result = await handleReportSubmission(db, validReportForm({ what: 'slot dana slot777 gacor maxwin daftar sekarang di situs slot' }));
    if (!result.ok) throw new Error('expected the report to be kept');
    const [stored] = await db.select().from(cases).where(eq(cases.id, result.submitted.caseId));
    expect(stored.quarantined).toBe(true);
  });
});

describe('refused submissions store nothing', () => {
  const refusals: [string, () => FormData | Promise<FormData>, string, RegExp][] = [
    ['a missing What', () => validReportForm({ what: '' }), 'what', /wajib diisi/],
    ['a too-short How', () => validReportForm({ how: 'uang' }), 'how', /terlalu singkat/],
    ['no reported person', () => validReportForm({ party0Name: '', party0Position: '', party0WorkUnit: '' }), 'party0Name', /minimal satu terlapor/],
    ['a work unit without name or position', () => validReportForm({ party0Name: '', party0Position: '' }), 'party0Name', /nama atau jabatan/],
    ['an unknown category', () => validReportForm({ category: 'tidak-ada' }), 'category', /Pilih kategori/],
    ['text over the length limit', () => validReportForm({ what: 'a'.repeat(5001) }), 'what', /terlalu panjang/],
    ['a date in the future', () => validReportForm({ whenDate: '2099-01-01' }), 'whenDate', /masa depan/],
    ['an identified report without contact', () => validReportForm({ anonymous: 'no', reporterName: 'Ani' }), 'reporterPhone', /telepon atau email/],
    ['an executable renamed .pdf', () => validReportForm({}, [exeRenamedPdf()]), 'evidence', /bukan jenis yang diizinkan/],
    ['too many files', () => validReportForm({}, Array.from({ length: 11 }, (_, i) => pdfFile(`b${i}.pdf`))), 'evidence', /maksimal 10 berkas/],
    ['a file over 10 MB', () => validReportForm({}, [pdfFile('besar.pdf', 10 * 1024 * 1024)]), 'evidence', /terlalu besar/],
    [
      'more than 30 MB in all',
      () => validReportForm({}, Array.from({ length: 4 }, (_, i) => pdfFile(`b${i}.pdf`, 8 * 1024 * 1024))),
      'evidence',
      /melebihi batas 30 MB/,
    ],
  ];

  it.each(refusals)('%s: a message at the field and no row or file', async (_name, makeForm, field, message) => {
    const before = await counts();
    const result = await handleReportSubmission(db, await makeForm());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors[field]).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('reports every bad field at once, not one per try', async () => {
    const result = await handleReportSubmission(db, validReportForm({ what: '', where: '', how: 'x' }, [exeRenamedPdf()]));
    if (result.ok) throw new Error('expected refusal');
    expect(Object.keys(result.fieldErrors).sort()).toEqual(['evidence', 'how', 'what', 'where']);
  });
});

describe('failures in the middle of a submission', () => {
  it('a disk failure on the second file removes the first and writes no case', async () => {
    const disk = new LocalDiskStore(evidenceDir);
    let puts = 0;
    const failing: BlobStore = {
      put: async (key, bytes, fileKey) => {
        if (++puts === 2) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        await disk.put(key, bytes, fileKey);
      },
      get: (key, fileKey) => disk.get(key, fileKey),
      delete: (key) => disk.delete(key),
    };
    setBlobStore(failing);
    const before = await counts();
    const result = await handleReportSubmission(db, validReportForm({}, [pdfFile('a.pdf'), pdfFile('b.pdf')]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/belum tersimpan/);
    expect(await counts()).toEqual(before);
  });

  it('a database failure after the files are written rolls back and removes them', async () => {
    await db.run(sql`CREATE TRIGGER fail_attachments BEFORE INSERT ON attachments BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    try {
      const before = await counts();
      const result = await handleReportSubmission(db, validReportForm({}, [pdfFile('a.pdf'), pdfFile('b.pdf')]));
      expect(result.ok).toBe(false);
      expect(await counts()).toEqual(before);
    } finally {
      await db.run(sql`DROP TRIGGER fail_attachments`);
    }
  });
});
