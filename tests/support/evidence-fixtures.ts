import JSZip from 'jszip';
import { PDFDocument, PDFName } from 'pdf-lib';
import sharp from 'sharp';

/**
 * Evidence files carrying the metadata a real phone or office computer leaves behind,
 * built in code so each test shows exactly what must disappear.
 */

export const SECRETS = {
  author: 'Yohanes Kolo',
  company: 'Sinar Flobamora',
  gps: '+10.1512+123.5834/',
  device: 'Pixel 7 Pelapor',
};

/** A one-page PDF with Author/Creator/Producer in the Info dictionary and the author in XMP. */
export async function pdfWithAuthor(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  page.drawText('Bukti transfer', { x: 20, y: 150, size: 14 });
  doc.setAuthor(SECRETS.author);
  doc.setCreator(`Word (${SECRETS.company})`);
  doc.setProducer(SECRETS.device);
  doc.setKeywords([SECRETS.company]);
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${SECRETS.author}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const stream = doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  // Uncompressed, so a plain byte search finds the names if they survive.
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A minimal docx whose docProps name the author, the last editor, the company and a custom field. */
export async function docxWithAuthor(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kuitansi pembayaran</w:t></w:r></w:p></w:body></w:document>',
  );
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${SECRETS.author}</dc:creator><cp:lastModifiedBy>${SECRETS.author}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-03-02T08:00:00Z</dcterms:created></cp:coreProperties>`,
  );
  zip.file(
    'docProps/app.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Company>${SECRETS.company}</Company><Manager>${SECRETS.author}</Manager></Properties>`,
  );
  zip.file(
    'docProps/custom.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Pemilik"><vt:lpwstr>${SECRETS.device}</vt:lpwstr></property></Properties>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function box(type: string, ...children: Buffer[]): Buffer {
  const body = Buffer.concat(children);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

/** A full box header: version, flags, then creation and modification time (v0, 32-bit). */
function timedFullBox(type: string, rest: number): Buffer {
  const body = Buffer.alloc(4 + 8 + rest);
  body.writeUInt32BE(0xe1a2b3c4, 4); // creation time, recognisable
  body.writeUInt32BE(0xe1a2b3c5, 8); // modification time
  return box(type, body);
}

/**
 * An MP4 as a phone writes it: ftyp, moov (mvhd, a track with tkhd/mdhd and an stco
 * offset, udta with ©xyz and the device, a QuickTime meta with the location key),
 * then mdat.
 */
export function mp4WithGps(): Buffer {
  const xyzText = Buffer.from(SECRETS.gps, 'latin1');
  const xyzHeader = Buffer.alloc(4);
  xyzHeader.writeUInt16BE(xyzText.length, 0);
  xyzHeader.writeUInt16BE(0x15c7, 2);
  const xyz = box('\u00a9xyz', xyzHeader, xyzText);
  const device = box('\u00a9mod', Buffer.from('\u0000\u0010\u0015\u00c7' + SECRETS.device, 'latin1'));
  const udta = box('udta', xyz, device);
  const meta = box(
    'meta',
    box('hdlr', Buffer.alloc(8), Buffer.from('mdta'), Buffer.alloc(13)),
    box('keys', Buffer.alloc(4), Buffer.from([0, 0, 0, 1]), box('mdta', Buffer.from('com.apple.quicktime.location.ISO6709'))),
    box('ilst', box('\u0000\u0000\u0000\u0001', box('data', Buffer.from([0, 0, 0, 1, 0, 0, 0, 0]), Buffer.from(SECRETS.gps)))),
  );
  const stcoBody = Buffer.alloc(12);
  stcoBody.writeUInt32BE(1, 4);
  const ftyp = box('ftyp', Buffer.from('isom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isommp41'));
  const build = (chunkOffset: number) => {
    stcoBody.writeUInt32BE(chunkOffset, 8);
    const stbl = box('stbl', box('stco', stcoBody));
    const trak = box('trak', timedFullBox('tkhd', 72), box('mdia', timedFullBox('mdhd', 8), box('minf', stbl)));
    return box('moov', timedFullBox('mvhd', 88), trak, udta, meta);
  };
  const moovLength = build(0).length;
  const mdatOffset = ftyp.length + moovLength + 8;
  return Buffer.concat([ftyp, build(mdatOffset), box('mdat', Buffer.from('SAMPLE-DATA-0123456789'))]);
}

/** A JPEG with the artist and a GPS position in EXIF. */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .jpeg()
    .withExif({
      IFD0: { Artist: SECRETS.author, Copyright: SECRETS.company },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '10/1 10/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '123/1 35/1 0/1' },
    })
    .toBuffer();
}

/** A one-page PDF named as the uploader likes, e.g. a script file. */
export async function plainPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([100, 100]);
  return Buffer.from(await doc.save());
}

export function asFile(bytes: Buffer, name: string, type = 'application/octet-stream'): File {
  return new File([new Uint8Array(bytes)], name, { type });
}
