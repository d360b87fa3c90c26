import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { markersFile } from './markers';

/*
 * Runs after the whole browser suite (project "marker-scan" depends on "phone"): every
 * spec typed MRK- markers (tests/e2e/markers.ts) into the fields a person types; none
 * may be found at rest — not in the database file, not in its WAL, not anywhere in the
 * data folder (evidence files included).
 */

/** Every kind of field a person types that must be encrypted at rest (SECURITY.md). */
const REQUIRED_FIELDS = [
  'what', 'where', 'when', 'who', 'how',
  'idname', 'idphone', 'idemail', 'idaddress',
  'partyname', 'partyposition', 'partyunit',
  'filename', 'question', 'answer', 'officermessage', 'reportermessage',
  'summonsname', 'summonsplace', 'summonsagenda', 'minutes',
  'publicnote', 'internalnote', 'identityreason', 'conclusion',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test('[MARKERS] after the whole suite, no marker typed into any field is found in the database, its WAL or the data folder', () => {
  const dataDir = process.env.E2E_DATA_DIR!;
  const markers = readFileSync(markersFile(), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [field, value] = line.split('\t');
      return { field, value };
    });
  // The suite typed a marker into every kind of field (else this scan would prove little).
  const typed = new Set(markers.map((m) => m.field));
  expect(REQUIRED_FIELDS.filter((field) => !typed.has(field))).toEqual([]);

  const files = filesUnder(dataDir);
  expect(files.map((file) => path.relative(dataDir, file))).toContain('wbs.db');
  expect(files.some((file) => file.includes(`${path.sep}evidence${path.sep}`))).toBe(true);
  const wal = path.join(dataDir, 'wbs.db-wal');
  if (existsSync(wal)) expect(files).toContain(wal);

  const found: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const { field, value } of markers) {
      // As typed, and lower-cased (an email address may be normalised).
      for (const needle of new Set([value, value.toLowerCase()])) {
        if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'))) {
          found.push(`${field} (${value}) in ${path.relative(dataDir, file)}`);
        }
      }
    }
  }
  expect(found).toEqual([]);
  console.log(`[markers] ${markers.length} markers in ${typed.size} kinds of field; ${files.length} files scanned, none found`);
});
