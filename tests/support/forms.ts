import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** A complete, valid report as the form would post it; override any field. */
export function validReportForm(overrides: Record<string, string> = {}, files: File[] = []): FormData {
  const fields: Record<string, string> = {
    anonymous: 'yes',
    party0Name: 'Budi Santoso',
    party0Position: 'Bendahara Pengeluaran',
    party0WorkUnit: 'Subbagian Keuangan',
    category: 'pungutan-liar',
    what: 'Meminta uang Rp 500.000 kepada setiap penyedia sebelum pembayaran tagihan dicairkan.',
    where: 'Ruang Keuangan Biro Umum, lantai 2',
    whenText: 'Setiap awal bulan sejak Januari 2026',
    whenDate: '2026-03-02',
    who: 'Dua staf keuangan mengetahui kejadian ini',
    how: 'Uang diminta secara tunai di ruang kerja dengan alasan biaya administrasi yang tidak ada dasarnya.',
    ...overrides,
  };
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  for (const file of files) form.append('evidence', file);
  if (files.length === 0) form.append('evidence', new File([], '', { type: 'application/octet-stream' }));
  return form;
}

/**
 * A minimal valid one-page PDF: the server checks the magic bytes, then rewrites it
 * without metadata, so it must parse. `extraBytes` pads it inside a comment.
 */
export const MINIMAL_PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n';

export function pdfFile(name = 'bukti.pdf', extraBytes = 0): File {
  const body = `${MINIMAL_PDF}%${'x'.repeat(extraBytes)}\n%%EOF\n`;
  return new File([body], name, { type: 'application/pdf' });
}

/** A Windows executable header renamed to .pdf. */
export function exeRenamedPdf(): File {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a, 0x90, 0x00]);
  bytes.set([0x50, 0x45, 0x00, 0x00], 0x80);
  new DataView(bytes.buffer).setUint32(0x3c, 0x80, true);
  return new File([bytes], 'laporan.pdf', { type: 'application/pdf' });
}

/** Every file under a folder, recursively (empty when the folder does not exist). */
export async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}
