'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS worker, loaded by path at run time (see pdf.ts) */
/**
 * Runs in a worker thread (see pdf.ts): removes a PDF's metadata with pdf-lib.
 *
 * In a worker because pdf-lib's recovery from damaged input is slow beyond measure
 * (100 KB of junk between objects takes seconds, 10 MB would take hours) and fully
 * synchronous: run on the main thread, one hostile upload would stop the whole server.
 * Here the parent kills the worker after a time limit and refuses the file.
 * Workers are kept between jobs (see pdf.ts): starting one costs more than a small PDF.
 *
 * Removed: the document information dictionary (Author, Creator, Producer, dates, Title,
 * Subject, Keywords, custom keys), every XMP `/Metadata` stream (catalog, pages,
 * images, fonts), `/PieceInfo` (private data of the editing application) and the
 * trailer `/ID`. The file is written anew, so older revisions of an incrementally saved
 * PDF (which keep earlier Info dictionaries) are gone, and objects that nothing
 * reachable from the catalog points to are dropped.
 */
const { parentPort } = require('node:worker_threads');
// The one-file build loads in a fraction of the time of the many-module one.
const { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } = require('pdf-lib/dist/pdf-lib.min.js');

const STRIPPED_KEYS = [PDFName.of('Metadata'), PDFName.of('PieceInfo')];

function dictOf(object) {
  if (object instanceof PDFDict) return object;
  if (object instanceof PDFStream) return object.dict;
  return undefined;
}

function reachableRefs(context, roots) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length > 0) {
    const object = stack.pop();
    if (object instanceof PDFRef) {
      const key = object.toString();
      if (seen.has(key)) continue;
      seen.add(key);
      const target = context.lookup(object);
      if (target) stack.push(target);
    } else if (object instanceof PDFArray) {
      stack.push(...object.asArray());
    } else {
      const dict = dictOf(object);
      if (dict) stack.push(...dict.values());
    }
  }
  return seen;
}

async function clean(bytes) {
  // updateMetadata: false, or pdf-lib would write its own Producer and dates. Loaded
  // even when encrypted only to say so: pdf-lib cannot rewrite an encrypted file.
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  if (doc.isEncrypted) return { error: 'encrypted' };

  const { context } = doc;
  const root = context.trailerInfo.Root;
  if (!(root instanceof PDFRef) || !(context.lookup(root) instanceof PDFDict)) return { error: 'malformed' };
  context.trailerInfo.Info = undefined;
  context.trailerInfo.ID = undefined;

  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = dictOf(object);
    if (dict) for (const key of STRIPPED_KEYS) dict.delete(key);
  }

  const keep = reachableRefs(context, [root]);
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!keep.has(ref.toString())) context.delete(ref);
  }

  const out = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return { bytes: out };
}

// pdf-lib reports every damaged object on the console; the parent decides what to say.
console.warn = () => {};
console.log = () => {};

// One job at a time per worker; the parent keeps the worker for the next job, or kills it
// when a job runs past its time limit.
parentPort.on('message', ({ id, bytes }) => {
  clean(bytes)
    .then((result) => parentPort.postMessage({ id, ...result }, result.bytes ? [result.bytes.buffer] : []))
    .catch(() => parentPort.postMessage({ id, error: 'malformed' }));
});
