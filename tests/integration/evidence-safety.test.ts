import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import sharp from 'sharp';
import { evidenceResponse, loadEvidenceForOfficer } from '@/lib/cases/evidence-download';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import type { Database } from '@/lib/db/client';
import { attachments } from '@/lib/db/schema';
import { freshDatabase } from '../support/db';
import { createOfficer } from '../support/factories';
import { validReportForm } from '../support/forms';
import { asFile, docxWithAuthor, jpegWithGps, mp4WithGps, pdfWithAuthor, plainPdf, SECRETS } from '../support/evidence-fixtures';

/**
 * What an officer's browser receives for evidence a reporter sent: no author, company,
 * GPS or device in any file, and a name and type that come from the detected content.
 */

let db: Database;
let officer: Awaited<ReturnType<typeof createOfficer>>;

async function submit(files: File[]): Promise<{ caseNumber: string; ids: number[] }> {
  const result = await handleReportSubmission(db, validReportForm({}, files));
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(eq(attachments.caseId, result.submitted.caseId))
    .orderBy(asc(attachments.id));
  return { caseNumber: result.submitted.caseNumber, ids: rows.map((r) => r.id) };
}

function expectNoSecrets(bytes: Buffer) {
  for (const secret of Object.values(SECRETS)) {
    expect(bytes.includes(Buffer.from(secret, 'latin1')), secret).toBe(false);
    expect(bytes.includes(Buffer.from(secret, 'utf16le')), secret).toBe(false);
  }
}

beforeAll(async () => {
  db = (await freshDatabase()).db;
  officer = await createOfficer(db);
});

describe('evidence as the officer downloads it', () => {
  it('a PDF with an author, a docx with author and company, an MP4 with a GPS box and a JPEG with GPS carry none of it', async () => {
    const { caseNumber, ids } = await submit([
      asFile(await pdfWithAuthor(), 'surat.pdf', 'application/pdf'),
      asFile(await docxWithAuthor(), 'notulen.docx'),
      asFile(mp4WithGps(), 'rekaman.mp4', 'video/mp4'),
      asFile(await jpegWithGps(), 'foto.jpg', 'image/jpeg'),
    ]);
    const expected = ['pdf', 'docx', 'mp4', 'jpg'];
    for (const [i, id] of ids.entries()) {
      const response = evidenceResponse(await loadEvidenceForOfficer(db, officer, caseNumber, id));
      const body = Buffer.from(await response.arrayBuffer());
      if (expected[i] === 'docx') {
        const zip = await JSZip.loadAsync(body);
        for (const entry of Object.values(zip.files)) expectNoSecrets(await entry.async('nodebuffer'));
      } else {
        expectNoSecrets(body);
      }
      expect(response.headers.get('content-disposition')).toContain(`filename="bukti-${caseNumber}-${i + 1}.${expected[i]}"`);
    }
    const jpeg = await loadEvidenceForOfficer(db, officer, caseNumber, ids[3]);
    const meta = await sharp(jpeg.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();

    const rows = await db.select({ id: attachments.id, stripped: attachments.metadataStripped }).from(attachments);
    expect(rows.filter((r) => ids.includes(r.id)).every((r) => r.stripped)).toBe(true);
  });

  it('.html, .hta and .svg names on a PDF-typed file download as bukti-….pdf attachments, typed as PDF', async () => {
    const pdf = await plainPdf();
    const { caseNumber, ids } = await submit([
      asFile(pdf, 'Bukti Transfer.html', 'text/html'),
      asFile(pdf, 'Bukti Transfer.hta', 'application/hta'),
      asFile(pdf, 'gambar.svg', 'image/svg+xml'),
    ]);
    for (const [i, id] of ids.entries()) {
      const file = await loadEvidenceForOfficer(db, officer, caseNumber, id);
      const response = evidenceResponse(file);
      const disposition = response.headers.get('content-disposition')!;
      expect(disposition.startsWith('attachment;')).toBe(true);
      expect(disposition).toBe(`attachment; filename="bukti-${caseNumber}-${i + 1}.pdf"; filename*=UTF-8''bukti-${caseNumber}-${i + 1}.pdf`);
      expect(disposition).not.toMatch(/html|hta|svg/i);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe('sandbox');
      // The page may still show what the reporter called it, as text.
      expect(file.fileName).toBe(['Bukti Transfer.html', 'Bukti Transfer.hta', 'gambar.svg'][i]);
    }
  });

  it('refuses a real SVG named .pdf, and serves HTML named .txt only as plain text', async () => {
    const svg = await handleReportSubmission(
      db,
      validReportForm({}, [new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], 'bukti.pdf')]),
    );
    expect(svg.ok).toBe(false);
    if (!svg.ok) expect(svg.fieldErrors.evidence).toMatch(/bukan jenis yang diizinkan/);

    const { caseNumber, ids } = await submit([new File(['<!doctype html><script>alert(1)</script>'], 'catatan.txt')]);
    const response = evidenceResponse(await loadEvidenceForOfficer(db, officer, caseNumber, ids[0]));
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`filename="bukti-${caseNumber}-1.txt"`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
