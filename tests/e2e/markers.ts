import { appendFileSync } from 'node:fs';

/**
 * Where the markers typed in this run are listed (beside the data folder, not in it):
 * tests/e2e/marker-scan.scan.ts searches the data folder for each after the whole suite.
 */
export function markersFile(): string {
  return `${process.env.E2E_DATA_DIR ?? 'tests/.tmp/e2e'}.markers`;
}

// Consonants without s/l/t/x: no random tail can spell a gambling word the spam check knows.
const MARKER_ALPHABET = 'bcdfghjkmnpqrvwz';

function random(alphabet: string, n: number): string {
  return Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
}

/**
 * A unique, recognisable marker for one field a person types (`MRK-what-kzqbvhdm`),
 * recorded for the marker scan. `digits` for fields that take numbers only (a phone).
 */
export function marker(field: string, options: { digits?: boolean } = {}): string {
  const value = options.digits ? `0812${random('0123456789', 9)}` : `MRK-${field}-${random(MARKER_ALPHABET, 8)}`;
  appendFileSync(markersFile(), `${field}\t${value}\n`);
  return value;
}
