import JSZip from 'jszip';

/**
 * Metadata removal for Office Open XML (docx, xlsx, pptx) and OpenDocument (odt, ods,
 * odp) with jszip.
 *
 * OOXML keeps who and where in `docProps/`: core.xml (author, last modified by, dates,
 * title, keywords), app.xml (company, manager, template, editing time) and custom.xml
 * (anything, e.g. SharePoint fields). core.xml and app.xml are replaced by empty but
 * valid parts, so the package references stay as they are and Office opens the file
 * without a repair prompt; custom.xml is removed together with its relationship and
 * content-type entry. ODF keeps the same in meta.xml, replaced by an empty one.
 *
 * Not touched, and said so on the form: what is inside the document itself (its text,
 * comment and tracked-change author names, embedded pictures).
 */

const EMPTY_CORE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
  'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>';

const EMPTY_APP =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>';

const EMPTY_ODF_META =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2">' +
  '<office:meta/></office:document-meta>';

/** A fixed date for every entry: zip headers otherwise keep when each part was last saved. */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

export class NotAnOfficePackageError extends Error {
  constructor() {
    super('not an office package');
    this.name = 'NotAnOfficePackageError';
  }
}

/** Part names are matched without case: zip tools differ in how they spell them. */
function findPart(zip: JSZip, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(zip.files).find((k) => k.toLowerCase() === lower);
}

/** Removes `<Override PartName="/docProps/custom.xml" …/>` and the package relationship pointing at it. */
async function dropCustomProperties(zip: JSZip): Promise<void> {
  const custom = findPart(zip, 'docProps/custom.xml');
  if (custom) zip.remove(custom);

  const typesName = findPart(zip, '[Content_Types].xml');
  if (typesName) {
    const types = await zip.file(typesName)!.async('string');
    zip.file(typesName, types.replace(/<Override\b[^>]*PartName="\/docProps\/custom\.xml"[^>]*\/>/gi, ''));
  }
  const relsName = findPart(zip, '_rels/.rels');
  if (relsName) {
    const rels = await zip.file(relsName)!.async('string');
    zip.file(relsName, rels.replace(/<Relationship\b[^>]*Target="\/?docProps\/custom\.xml"[^>]*\/>/gi, ''));
  }
}

export async function stripOfficeMetadata(input: Uint8Array, kind: 'ooxml' | 'odf'): Promise<Buffer> {
  const zip = await JSZip.loadAsync(input);
  if (kind === 'ooxml') {
    if (!findPart(zip, '[Content_Types].xml')) throw new NotAnOfficePackageError();
    // Replaced under the same name: the content types and relationships stay valid.
    const core = findPart(zip, 'docProps/core.xml');
    if (core) zip.file(core, EMPTY_CORE);
    const app = findPart(zip, 'docProps/app.xml');
    if (app) zip.file(app, EMPTY_APP);
    await dropCustomProperties(zip);
  } else {
    const mimetype = zip.file('mimetype');
    if (!mimetype) throw new NotAnOfficePackageError();
    // ODF requires `mimetype` first and stored uncompressed; re-adding keeps its place.
    zip.file('mimetype', await mimetype.async('uint8array'), { compression: 'STORE' });
    const meta = findPart(zip, 'meta.xml');
    if (meta) zip.file(meta, EMPTY_ODF_META);
  }
  for (const entry of Object.values(zip.files)) entry.date = FIXED_DATE;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
