import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { checkEvidenceLimits } from '@/lib/storage/evidence';
import { ACCEPT_ATTRIBUTE } from '@/lib/storage/evidence-types';
import { checkAdditionalFile, checkEvidenceList, checkFileName } from '@/lib/storage/evidence-rules';

const MB = 1024 * 1024;
const LIMITS = { maxFiles: 3, maxFileBytes: 10 * MB, maxSubmissionBytes: 15 * MB };

/** What the server says when a form posts these files (lib/storage/evidence.ts). */
function serverMessage(files: { name: string; size: number }[]): string | null {
  try {
    checkEvidenceLimits(files.map((f) => ({ name: f.name, size: f.size }) as File), LIMITS);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.userMessage;
    throw error;
  }
}

describe('evidence rules shared by the browser and the server', () => {
  it('refuse a file over the per-file limit before sending, in the words the server uses', () => {
    const big = { name: 'rekaman.mp4', size: 12 * MB };
    const refusal = checkAdditionalFile([], big, LIMITS);
    expect(refusal?.code).toBe('file_too_large');
    expect(refusal?.message).toBe('Berkas "rekaman.mp4" terlalu besar (12 MB). Ukuran maksimal per berkas 10 MB.');
    expect(refusal?.message).toBe(serverMessage([big]));
  });

  it('refuse one file too many, counting the files already kept', () => {
    const kept = [
      { name: 'a.pdf', size: MB },
      { name: 'b.pdf', size: MB },
      { name: 'c.pdf', size: MB },
    ];
    const refusal = checkAdditionalFile(kept, { name: 'd.pdf', size: MB }, LIMITS);
    expect(refusal?.message).toBe('Terlalu banyak berkas: maksimal 3 berkas, Anda memilih 4.');
    expect(refusal?.message).toBe(serverMessage([...kept, { name: 'd.pdf', size: MB }]));
    expect(checkAdditionalFile(kept.slice(0, 2), { name: 'd.pdf', size: MB }, LIMITS)).toBeNull();
  });

  it('refuse a file that would take the report over its total, and accept one that fits exactly', () => {
    const kept = [{ name: 'a.pdf', size: 8 * MB }];
    const refusal = checkAdditionalFile(kept, { name: 'b.pdf', size: 8 * MB }, LIMITS);
    expect(refusal?.code).toBe('submission_too_large');
    expect(refusal?.message).toBe('Total ukuran berkas 16 MB melebihi batas 15 MB per laporan.');
    expect(refusal?.message).toBe(serverMessage([...kept, { name: 'b.pdf', size: 8 * MB }]));
    expect(checkAdditionalFile(kept, { name: 'b.pdf', size: 7 * MB }, LIMITS)).toBeNull();
  });

  it('refuse by name only what no content could make acceptable, with the server type message', () => {
    expect(checkFileName('setup.exe')?.message).toBe(
      'Berkas "setup.exe" bukan jenis yang diizinkan. Isinya diperiksa, bukan namanya. Jenis yang diterima: PDF, gambar (JPG, PNG, WEBP, GIF), dokumen Office (Word, Excel, PowerPoint, ODF), teks, audio, atau video.',
    );
    expect(checkFileName('IMG_0001.HEIC')?.code).toBe('heic_not_supported');
    expect(checkFileName('IMG_0001.HEIC')?.message).toContain('berformat HEIC');
    // No extension: only the content can tell, so the server decides.
    expect(checkFileName('rekaman')).toBeNull();
  });

  it('let every type the picker offers through, in any letter case', () => {
    for (const extension of ACCEPT_ATTRIBUTE.split(',')) {
      expect(checkFileName(`bukti${extension}`), extension).toBeNull();
      expect(checkFileName(`BUKTI${extension.toUpperCase()}`), extension).toBeNull();
    }
  });

  it('check the whole list in the server order: count first, then each size, then the total', () => {
    const files = Array.from({ length: 4 }, (_, i) => ({ name: `f${i}.pdf`, size: 11 * MB }));
    expect(checkEvidenceList(files, LIMITS)?.code).toBe('too_many_files');
    expect(checkEvidenceList(files.slice(0, 2), LIMITS)?.code).toBe('file_too_large');
    expect(checkEvidenceList([], LIMITS)).toBeNull();
  });
});
