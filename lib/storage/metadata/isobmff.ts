/**
 * Metadata removal for ISO base media files (MP4, MOV, M4A, 3GP), in place.
 *
 * No well-kept npm library edits boxes in place (mp4box.js and codem-isoboxer parse;
 * rewriting through them would rebuild the whole file and every sample offset). So this
 * walker only overwrites: each `udta` and `meta` box (where phones keep the location
 * `©xyz`, the make and model, iTunes tags and Apple's `com.apple.quicktime.location.*`
 * keys) and each XMP `uuid` box becomes a `free` box of the SAME size with zeroed
 * content, and the creation/modification times in `mvhd`, `tkhd` and `mdhd` become 0.
 * No byte moves, so the absolute offsets in `stco`/`co64`/`tfhd` stay valid and the
 * file plays as before. Old `free`/`skip` boxes are zeroed too: editors leave stale
 * metadata in them. A malformed box tree is an error: nothing half-cleaned is returned.
 */

/** Boxes whose children we visit (the ones that can hold udta/meta or the time headers). */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'edts', 'dinf', 'moof', 'traf', 'mvex', 'mfra']);
/** Boxes replaced by `free` wherever they are found. */
const METADATA_BOXES = new Set(['udta', 'meta']);
/** Padding boxes whose content is zeroed (may hold leftovers of earlier edits). */
const PADDING_BOXES = new Set(['free', 'skip', 'wide']);
/** Full boxes starting with version + flags, then creation and modification time. */
const TIMED_HEADERS = new Set(['mvhd', 'tkhd', 'mdhd']);
/** The uuid Adobe XMP is stored under (BE7ACFCB-97A9-42E8-9C71-999491E3AFAC). */
const XMP_UUID = Buffer.from('be7acfcb97a942e89c71999491e3afac', 'hex');

export class MalformedBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedBoxError';
  }
}

type Box = { type: string; start: number; headerSize: number; end: number };

/** The boxes directly inside [start, end), checked to nest exactly. */
function readBoxes(bytes: Buffer, start: number, end: number, topLevel: boolean): Box[] {
  const boxes: Box[] = [];
  let offset = start;
  while (offset < end) {
    if (end - offset < 8) {
      // Some muxers pad a container with up to 4 zero bytes; anything else is damage.
      if (bytes.subarray(offset, end).every((b) => b === 0)) break;
      throw new MalformedBoxError(`truncated box header at ${offset}`);
    }
    let size = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    let headerSize = 8;
    if (size === 1) {
      if (end - offset < 16) throw new MalformedBoxError(`truncated large size at ${offset}`);
      const large = bytes.readBigUInt64BE(offset + 8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) throw new MalformedBoxError(`box too large at ${offset}`);
      size = Number(large);
      headerSize = 16;
    } else if (size === 0) {
      // "To the end of the file": only allowed for the last top-level box.
      if (!topLevel) throw new MalformedBoxError(`open-ended box inside a container at ${offset}`);
      size = end - offset;
    }
    if (type === 'uuid') headerSize += 16;
    if (size < headerSize || offset + size > end) throw new MalformedBoxError(`box ${JSON.stringify(type)} at ${offset} overruns its parent`);
    boxes.push({ type, start: offset, headerSize, end: offset + size });
    offset += size;
  }
  return boxes;
}

function blankAsFree(bytes: Buffer, box: Box): void {
  bytes.write('free', box.start + 4, 'latin1');
  // A uuid header is 16 bytes longer; after renaming, that part is content and is zeroed too.
  const contentStart = box.start + (box.headerSize - (box.type === 'uuid' ? 16 : 0));
  bytes.fill(0, contentStart, box.end);
}

function zeroTimes(bytes: Buffer, box: Box): void {
  const at = box.start + box.headerSize;
  if (box.end - at < 4) throw new MalformedBoxError(`short ${box.type}`);
  const version = bytes[at];
  const width = version === 1 ? 8 : 4;
  if (box.end - at < 4 + 2 * width) throw new MalformedBoxError(`short ${box.type}`);
  bytes.fill(0, at + 4, at + 4 + 2 * width);
}

export type IsoCleanResult = { bytes: Buffer; removedBoxes: number };

function visit(bytes: Buffer, start: number, end: number, topLevel: boolean, counter: { removed: number }): void {
  for (const box of readBoxes(bytes, start, end, topLevel)) {
    const isXmp = box.type === 'uuid' && bytes.subarray(box.start + box.headerSize - 16, box.start + box.headerSize).equals(XMP_UUID);
    if (METADATA_BOXES.has(box.type) || isXmp) {
      blankAsFree(bytes, box);
      counter.removed += 1;
    } else if (PADDING_BOXES.has(box.type)) {
      bytes.fill(0, box.start + box.headerSize, box.end);
    } else if (TIMED_HEADERS.has(box.type)) {
      zeroTimes(bytes, box);
    } else if (CONTAINERS.has(box.type)) {
      visit(bytes, box.start + box.headerSize, box.end, false, counter);
    }
  }
}

/**
 * A cleaned copy of an ISO-BMFF file (the input is left untouched).
 * Throws MalformedBoxError when the box tree does not add up, or has no `moov`.
 */
export function stripIsoBmffMetadata(input: Uint8Array): IsoCleanResult {
  const bytes = Buffer.from(input); // a copy: the original is never edited
  const top = readBoxes(bytes, 0, bytes.length, true);
  if (!top.some((b) => b.type === 'moov')) throw new MalformedBoxError('no moov box');
  const counter = { removed: 0 };
  visit(bytes, 0, bytes.length, true, counter);
  return { bytes, removedBoxes: counter.removed };
}
