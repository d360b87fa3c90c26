import { describe, expect, it } from 'vitest';
import { endSentence, formatBytes, formatDecimalInput, formatFileType } from '@/lib/format';

describe('formatBytes writes sizes as Indonesian readers do', () => {
  it.each([
    [0, '0 byte'],
    [12, '12 byte'],
    [1023, '1.023 byte'],
    [1024, '1 KB'],
    [300 * 1024 + 100, '300 KB'],
    [1024 * 1024 - 1, '1 MB'],
    [10 * 1024 * 1024, '10 MB'],
    [10.5 * 1024 * 1024, '10,5 MB'],
    [10.44 * 1024 * 1024, '10,4 MB'],
    [1536 * 1024 * 1024, '1.536 MB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatDecimalInput writes a number a form field reads back', () => {
  it.each([
    [10, '10'],
    [10.5, '10,5'],
    [2.25, '2,3'],
    [1024, '1024'],
  ])('%d → %s', (value, text) => {
    expect(formatDecimalInput(value)).toBe(text);
  });
});

describe('formatFileType names a file type as a person does', () => {
  it.each([
    ['image/jpeg', 'Foto JPEG'],
    ['application/pdf', 'Dokumen PDF'],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Dokumen Word'],
    ['audio/mpeg', 'Rekaman suara MP3'],
    ['video/mp4', 'Video MP4'],
    ['video/quicktime', 'Video MOV'],
    ['application/octet-stream', 'Berkas'],
  ])('%s → %s', (mime, text) => {
    expect(formatFileType(mime)).toBe(text);
  });
});

describe('endSentence never doubles the period after a title', () => {
  it.each([
    ['Yohana Bani, S.H.', 'Yohana Bani, S.H.'],
    ['Budi Santoso', 'Budi Santoso.'],
    ['Ruang Rapat Lt. 2 ', 'Ruang Rapat Lt. 2.'],
    ['Dr. Andi, M.Si.', 'Dr. Andi, M.Si.'],
  ])('%s → %s', (text, sentence) => {
    expect(endSentence(text)).toBe(sentence);
  });
});
