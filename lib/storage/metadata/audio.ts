/**
 * Metadata removal for plain audio files: MP3 and AAC (ID3v2 at the start, APEv2 and
 * ID3v1 at the end), WAV (every RIFF chunk but the sound itself: LIST/INFO, bext with
 * the recorder's name and time, iXML, id3) and FLAC (every metadata block but the
 * stream description and seek table: Vorbis comments, pictures, application data).
 * Each format is simple enough that cutting the tags out is a few checked byte ranges;
 * a file whose structure does not add up is an error, never half-cleaned.
 */

export class MalformedAudioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedAudioError';
  }
}

function syncsafe(bytes: Buffer, at: number): number {
  return ((bytes[at] & 0x7f) << 21) | ((bytes[at + 1] & 0x7f) << 14) | ((bytes[at + 2] & 0x7f) << 7) | (bytes[at + 3] & 0x7f);
}

/** MP3 / AAC (ADTS): the audio frames without ID3v2, APEv2 and ID3v1 tags. */
export function stripId3(input: Uint8Array): Buffer {
  const bytes = Buffer.from(input);
  let start = 0;
  // ID3v2 tags (possibly more than one, back to back) at the start.
  while (bytes.length - start >= 10 && bytes.toString('latin1', start, start + 3) === 'ID3') {
    const flags = bytes[start + 5];
    const size = 10 + syncsafe(bytes, start + 6) + (flags & 0x10 ? 10 : 0);
    if (start + size > bytes.length) throw new MalformedAudioError('ID3v2 tag overruns the file');
    start += size;
  }
  let end = bytes.length;
  // ID3v1 (128 bytes, "TAG") and its "TAG+" extension (227 bytes before it).
  if (end - start >= 128 && bytes.toString('latin1', end - 128, end - 125) === 'TAG') {
    end -= 128;
    if (end - start >= 227 && bytes.toString('latin1', end - 227, end - 223) === 'TAG+') end -= 227;
  }
  // APEv2: a 32-byte footer "APETAGEX"; its size counts the items and footer, not the header.
  if (end - start >= 32 && bytes.toString('latin1', end - 32, end - 24) === 'APETAGEX') {
    const size = bytes.readUInt32LE(end - 20);
    const hasHeader = (bytes.readUInt32LE(end - 12) & 0x80000000) !== 0;
    const total = size + (hasHeader ? 32 : 0);
    if (total > end - start) throw new MalformedAudioError('APE tag overruns the file');
    end -= total;
  }
  if (end <= start) throw new MalformedAudioError('no audio after the tags');
  return Buffer.from(bytes.subarray(start, end));
}

/** RIFF chunks a WAV player needs; everything else is dropped. */
const WAV_KEEP = new Set(['fmt ', 'data', 'fact', 'cue ', 'smpl']);

export function stripWav(input: Uint8Array): Buffer {
  const bytes = Buffer.from(input);
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WAVE') {
    throw new MalformedAudioError('not a RIFF/WAVE file');
  }
  const kept: Buffer[] = [];
  let offset = 12;
  let sawData = false;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const padded = size + (size % 2);
    let end = offset + 8 + padded;
    if (offset + 8 + size > bytes.length) {
      // Recorders that crash leave the data chunk short: keep what is there.
      if (id !== 'data') throw new MalformedAudioError(`chunk ${JSON.stringify(id)} overruns the file`);
      end = bytes.length;
    }
    if (WAV_KEEP.has(id)) {
      kept.push(bytes.subarray(offset, Math.min(end, bytes.length)));
      if (id === 'data') sawData = true;
    }
    offset = end;
  }
  if (!sawData) throw new MalformedAudioError('no data chunk');
  const body = Buffer.concat(kept);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WAVE', 8, 'latin1');
  return Buffer.concat([header, body]);
}

/** FLAC metadata blocks kept: STREAMINFO (0), SEEKTABLE (3), CUESHEET (5). */
const FLAC_KEEP = new Set([0, 3, 5]);

export function stripFlac(input: Uint8Array): Buffer {
  const bytes = Buffer.from(input);
  let start = 0;
  // Some taggers put an ID3v2 tag before "fLaC".
  while (bytes.length - start >= 10 && bytes.toString('latin1', start, start + 3) === 'ID3') {
    start += 10 + syncsafe(bytes, start + 6) + (bytes[start + 5] & 0x10 ? 10 : 0);
  }
  if (bytes.toString('latin1', start, start + 4) !== 'fLaC') throw new MalformedAudioError('no fLaC marker');
  let offset = start + 4;
  const blocks: Buffer[] = [];
  for (;;) {
    if (offset + 4 > bytes.length) throw new MalformedAudioError('truncated metadata block');
    const last = (bytes[offset] & 0x80) !== 0;
    const type = bytes[offset] & 0x7f;
    const length = bytes.readUIntBE(offset + 1, 3);
    const end = offset + 4 + length;
    if (end > bytes.length) throw new MalformedAudioError('metadata block overruns the file');
    if (FLAC_KEEP.has(type)) blocks.push(Buffer.from(bytes.subarray(offset, end)));
    offset = end;
    if (last) break;
  }
  if (blocks.length === 0 || (blocks[0][0] & 0x7f) !== 0) throw new MalformedAudioError('no STREAMINFO first');
  blocks.forEach((block, i) => {
    block[0] = (block[0] & 0x7f) | (i === blocks.length - 1 ? 0x80 : 0);
  });
  return Buffer.concat([Buffer.from('fLaC', 'latin1'), ...blocks, bytes.subarray(offset)]);
}
