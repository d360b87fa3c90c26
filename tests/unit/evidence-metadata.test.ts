import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';
import { fileTypeFromBuffer } from 'file-type';
import { prepareEvidence } from '@/lib/storage/evidence';
import { stripFlac, stripId3, stripWav } from '@/lib/storage/metadata/audio';
import { MalformedBoxError, stripIsoBmffMetadata } from '@/lib/storage/metadata/isobmff';
import { stripOfficeMetadata } from '@/lib/storage/metadata/office';
import { EncryptedPdfError, stripPdfMetadata, UncleanablePdfError } from '@/lib/storage/metadata/pdf';
import { METADATA_POLICY } from '@/lib/storage/metadata';
import { METADATA_CLEANED_TEXT, METADATA_NOT_CLEANED_TEXT } from '@/lib/storage/evidence-types';
import { DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import { asFile, docxWithAuthor, jpegWithGps, mp4WithGps, pdfWithAuthor, SECRETS } from '../support/evidence-fixtures';

const LIMITS = DEFAULT_SETTINGS;

function expectNoSecrets(bytes: Buffer) {
  for (const secret of Object.values(SECRETS)) {
    expect(bytes.includes(Buffer.from(secret, 'latin1')), secret).toBe(false);
    expect(bytes.includes(Buffer.from(secret, 'utf16le')), secret).toBe(false);
  }
}

/** Every entry of a zip, unpacked, so compressed names cannot hide from the search. */
async function unzipAll(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('nodebuffer')));
  return Buffer.concat(parts);
}

describe('PDF', () => {
  it('loses Author, Creator, Producer, Keywords and XMP, keeps its pages', async () => {
    const original = await pdfWithAuthor();
    expect(original.includes(Buffer.from(SECRETS.author))).toBe(true); // the fixture does carry it
    const cleaned = await stripPdfMetadata(original);
    expectNoSecrets(cleaned);
    const doc = await PDFDocument.load(cleaned, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getAuthor()).toBeUndefined();
    expect(doc.getProducer()).toBeUndefined();
    expect(doc.catalog.get(PDFName.of('Metadata'))).toBeUndefined();
  });

  it('drops an Info dictionary left behind by an incremental update', async () => {
    const base = await pdfWithAuthor();
    // An appended revision points the trailer at a new, harmless Info; the old one stays in the file.
    const appended = Buffer.concat([base, Buffer.from('\n99 0 obj<</Title(Baru)>>endobj\ntrailer<</Root 1 0 R/Info 99 0 R>>\n%%EOF\n')]);
    expectNoSecrets(await stripPdfMetadata(appended));
  });

  it('refuses an encrypted PDF and damaged input, and stops a slow parse at the time limit', async () => {
    const encrypted = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n3 0 obj<</Filter/Standard/V 1/R 2/O(x)/U(y)/P -4>>endobj\ntrailer<</Root 1 0 R/Encrypt 3 0 R>>\n%%EOF\n',
    );
    await expect(stripPdfMetadata(encrypted)).rejects.toBeInstanceOf(EncryptedPdfError);
    await expect(stripPdfMetadata(Buffer.from('%PDF-1.4\nnothing here\n%%EOF\n'))).rejects.toBeInstanceOf(UncleanablePdfError);
    const junk = Buffer.concat([await pdfWithAuthor(), Buffer.alloc(2_000_000, 'x')]);
    const started = Date.now();
    await expect(stripPdfMetadata(junk, { timeoutMs: 1_500 })).rejects.toBeInstanceOf(UncleanablePdfError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('Office documents', () => {
  it('docx: author, last editor, company, manager and custom fields are gone; references stay consistent', async () => {
    const original = await docxWithAuthor();
    expect((await unzipAll(original)).includes(Buffer.from(SECRETS.company))).toBe(true);
    const cleaned = await stripOfficeMetadata(original, 'ooxml');
    expectNoSecrets(await unzipAll(cleaned));

    const zip = await JSZip.loadAsync(cleaned);
    expect(zip.file('docProps/custom.xml')).toBeNull();
    expect(zip.file('docProps/core.xml')).not.toBeNull();
    const types = await zip.file('[Content_Types].xml')!.async('string');
    const rels = await zip.file('_rels/.rels')!.async('string');
    expect(types).not.toContain('custom.xml');
    expect(types).toContain('/docProps/core.xml');
    expect(rels).not.toContain('custom.xml');
    expect(rels).toContain('word/document.xml');
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Kuitansi pembayaran');
    expect((await fileTypeFromBuffer(cleaned))?.ext).toBe('docx');
  });

  it('odt: meta.xml is emptied and mimetype stays first and uncompressed', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
    zip.file('content.xml', '<office:document-content/>');
    zip.file('meta.xml', `<office:document-meta><office:meta><meta:initial-creator>${SECRETS.author}</meta:initial-creator></office:meta></office:document-meta>`);
    const cleaned = await stripOfficeMetadata(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), 'odf');
    expectNoSecrets(await unzipAll(cleaned));
    expect(cleaned.toString('latin1', 30, 38)).toBe('mimetype');
    expect(cleaned.readUInt16LE(8)).toBe(0); // stored
  });
});

describe('MP4 / MOV / M4A boxes', () => {
  it('turns udta and meta into free boxes of the same size; sample offsets and media stay', () => {
    const original = mp4WithGps();
    expect(original.includes(Buffer.from(SECRETS.gps))).toBe(true);
    const { bytes: cleaned, removedBoxes } = stripIsoBmffMetadata(original);
    expect(removedBoxes).toBe(2);
    expect(cleaned.length).toBe(original.length);
    expectNoSecrets(cleaned);
    expect(cleaned.includes(Buffer.from('com.apple.quicktime.location'))).toBe(false);
    expect(cleaned.includes(Buffer.from([0xe1, 0xa2, 0xb3, 0xc4]))).toBe(false); // creation times zeroed
    // The chunk offset still points at the media data.
    const stco = cleaned.indexOf('stco');
    const offset = cleaned.readUInt32BE(stco + 12);
    expect(cleaned.toString('latin1', offset, offset + 11)).toBe('SAMPLE-DATA');
    expect(cleaned.includes(Buffer.from('udta'))).toBe(false);
    expect(original.includes(Buffer.from(SECRETS.gps))).toBe(true); // input untouched
  });

  it('refuses a box tree that does not add up', () => {
    const broken = Buffer.from(mp4WithGps());
    broken.writeUInt32BE(0x7fffffff, broken.indexOf('udta') - 4);
    expect(() => stripIsoBmffMetadata(broken)).toThrow(MalformedBoxError);
    expect(() => stripIsoBmffMetadata(Buffer.from('0000ftypisom'))).toThrow(MalformedBoxError);
  });
});

describe('audio', () => {
  it('MP3: ID3v2, APE and ID3v1 tags are cut, the frames stay', () => {
    const frames = Buffer.from([0xff, 0xfb, 0x90, 0x64, ...Buffer.alloc(60, 1)]);
    const id3Body = Buffer.from(`TPE1${SECRETS.author}`);
    const id3 = Buffer.concat([Buffer.from('ID3\u0003\u0000\u0000', 'latin1'), Buffer.from([0, 0, 0, id3Body.length]), id3Body]);
    const v1 = Buffer.alloc(128);
    v1.write(`TAG${SECRETS.company}`, 'latin1');
    expect(stripId3(Buffer.concat([id3, frames, v1])).equals(frames)).toBe(true);
  });

  it('WAV: LIST/INFO and bext go, fmt and data stay, sizes fixed', () => {
    const chunk = (id: string, body: Buffer) => {
      const h = Buffer.alloc(8);
      h.write(id, 0, 'latin1');
      h.writeUInt32LE(body.length, 4);
      return Buffer.concat([h, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const fmt = chunk('fmt ', Buffer.alloc(16, 2));
    const data = chunk('data', Buffer.alloc(10, 7));
    const list = chunk('LIST', Buffer.from(`INFOIART${SECRETS.author}`));
    const body = Buffer.concat([fmt, list, data, chunk('bext', Buffer.from(SECRETS.device))]);
    const head = Buffer.from('RIFF0000WAVE', 'latin1');
    head.writeUInt32LE(body.length + 4, 4);
    const cleaned = stripWav(Buffer.concat([head, body]));
    expectNoSecrets(cleaned);
    expect(cleaned.subarray(12).equals(Buffer.concat([fmt, data]))).toBe(true);
    expect(cleaned.readUInt32LE(4)).toBe(cleaned.length - 8);
  });

  it('FLAC: Vorbis comments and pictures go, STREAMINFO stays and ends the header', () => {
    const block = (type: number, body: Buffer, last = false) =>
      Buffer.concat([Buffer.from([(last ? 0x80 : 0) | type, 0, 0, body.length]), body]);
    const streaminfo = block(0, Buffer.alloc(34, 3));
    const input = Buffer.concat([Buffer.from('fLaC'), streaminfo, block(4, Buffer.from(SECRETS.author), true), Buffer.from('AUDIO')]);
    const cleaned = stripFlac(input);
    expectNoSecrets(cleaned);
    expect(cleaned[4]).toBe(0x80);
    expect(cleaned.subarray(-5).toString()).toBe('AUDIO');
  });
});

describe('prepareEvidence', () => {
  it('stores no author, company, GPS or device for a PDF, a docx, an MP4 and a JPEG', async () => {
    const prepared = await prepareEvidence(
      [
        asFile(await pdfWithAuthor(), 'a.pdf'),
        asFile(await docxWithAuthor(), 'b.docx'),
        asFile(mp4WithGps(), 'c.mp4'),
        asFile(await jpegWithGps(), 'd.jpg'),
      ],
      LIMITS,
    );
    expect(prepared.map((p) => [p.extension, p.metadataStripped])).toEqual([
      ['pdf', true],
      ['docx', true],
      ['mp4', true],
      ['jpg', true],
    ]);
    for (const file of prepared) {
      expectNoSecrets(file.extension === 'docx' ? await unzipAll(file.bytes) : file.bytes);
    }
    expect((await sharp(prepared[3].bytes).metadata()).exif).toBeUndefined();
  });

  it('refuses a cleaned type it cannot clean, with a message for the reporter', async () => {
    const broken = Buffer.from(mp4WithGps());
    broken.writeUInt32BE(0x7fffffff, broken.indexOf('udta') - 4);
    await expect(prepareEvidence([asFile(broken, 'video.mp4')], LIMITS)).rejects.toMatchObject({
      code: 'metadata_not_removable',
      field: 'evidence',
      userMessage: expect.stringContaining('video.mp4'),
    });
  });

  it('has a policy for every detected type it accepts, and the form names every type left as is', () => {
    for (const [ext, policy] of Object.entries(METADATA_POLICY)) {
      const label = { doc: '.doc', xls: '.xls', ppt: '.ppt', rtf: 'RTF', ogg: 'OGG', opus: 'OPUS', webm: 'WEBM', mkv: 'MKV', avi: 'AVI' }[ext];
      if (policy === 'kept') expect(METADATA_NOT_CLEANED_TEXT, ext).toContain(label);
      else if (policy !== 'none') expect(METADATA_CLEANED_TEXT.toLowerCase(), ext).toContain(ext === 'tif' ? 'tiff' : ext);
    }
  });
});
