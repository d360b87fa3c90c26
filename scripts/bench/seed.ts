import type { Client } from '@libsql/client';
import { performance } from 'node:perf_hooks';
import { CaseCipher, masterKeys } from '@/lib/cases/case-crypto';
import { formatCaseNumber } from '@/lib/cases/case-number';
import { generateTicket, hashTicket } from '@/lib/cases/ticket';
import { CASE_STATES } from '@/lib/cases/workflow';
import { newCaseKey, wrapCaseKey } from '@/lib/crypto/case-keys';
import { caseEvents, cases, reportedParties } from '@/lib/db/schema';
import { ticketKey } from '@/lib/env';
import { officeYear } from '@/lib/office-time';

/**
 * Seeds `count` cases the way the app would store them, only faster: each case has its
 * own data key wrapped by the master key, its text columns and its reported person are
 * sealed with that key (the same CaseCipher the services use, so every ciphertext opens
 * in the app), a `submitted` timeline event, a real ticket hash, and `sealed = 1`, so the
 * server's start-up check (assertFullySealed) accepts the database as a real one.
 *
 * Rows go in with explicit ids (the row id is part of every field's associated data)
 * in multi-row INSERTs inside a few large batches: 100,000 cases take seconds, where
 * 100,000 submissions through submitReport would take many minutes.
 */

const FINAL_STATES = new Set(['concluded', 'referred', 'rejected']);
const ROWS_PER_INSERT = 200;
const CASES_PER_BATCH = 2000;

const TEXT = {
  what: 'Meminta uang kepada setiap penyedia sebelum pembayaran tagihan dicairkan.',
  where: 'Ruang Keuangan Biro Umum, lantai 2',
  when: 'Setiap awal bulan sejak Januari 2026',
  who: 'Dua staf keuangan mengetahui kejadian ini',
  how: 'Uang diminta secara tunai di ruang kerja dengan alasan biaya administrasi.',
  note: 'Laporan Anda telah diterima dan menunggu diperiksa oleh petugas.',
};

export type SeedResult = {
  /** Tickets of a sample of the seeded cases (every 10th), for lookups that find a case. */
  tickets: string[];
  seconds: number;
};

type Row = (string | number | null)[];

function multiInsert(table: string, columns: string[], rows: Row[]) {
  const placeholders = `(${columns.map(() => '?').join(',')})`;
  return { sql: `INSERT INTO ${table} (${columns.join(',')}) VALUES ${rows.map(() => placeholders).join(',')}`, args: rows.flat() };
}

function inserts(table: string, columns: string[], rows: Row[]) {
  const out = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(multiInsert(table, columns, rows.slice(i, i + ROWS_PER_INSERT)));
  return out;
}

export async function seedCases(client: Client, count: number, now: Date = new Date()): Promise<SeedResult> {
  const started = performance.now();
  // A throwaway database: a large page cache (the indexes of 100,000 rows exceed SQLite's
  // default 2 MB, and random ticket hashes touch every page) and no fsync per batch.
  await client.execute('PRAGMA cache_size = -262144');
  await client.execute('PRAGMA synchronous = OFF');
  const { current: master } = masterKeys();
  const tKey = ticketKey();
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const [{ maxId }] = (await client.execute('SELECT coalesce(max(id), 0) AS maxId FROM cases')).rows as unknown as { maxId: number }[];
  const [{ maxParty }] = (await client.execute('SELECT coalesce(max(id), 0) AS maxParty FROM reported_parties')).rows as unknown as { maxParty: number }[];
  const [{ maxEvent }] = (await client.execute('SELECT coalesce(max(id), 0) AS maxEvent FROM case_events')).rows as unknown as { maxEvent: number }[];
  const counters = new Map<number, number>();
  for (const row of (await client.execute('SELECT year, last FROM case_counters')).rows) counters.set(Number(row.year), Number(row.last));
  const tickets: string[] = [];

  for (let offset = 0; offset < count; offset += CASES_PER_BATCH) {
    const caseRows: Row[] = [];
    const keyRows: Row[] = [];
    const partyRows: Row[] = [];
    const eventRows: Row[] = [];
    for (let i = offset; i < Math.min(count, offset + CASES_PER_BATCH); i++) {
      const id = Number(maxId) + i + 1;
      const partyId = Number(maxParty) + i + 1;
      const eventId = Number(maxEvent) + i + 1;
      const ticket = generateTicket();
      if (i % 10 === 0) tickets.push(ticket);
      const state = CASE_STATES[i % CASE_STATES.length];
      // One case a minute, oldest first, ending now.
      const created = nowSeconds - (count - i) * 60;
      const year = officeYear(new Date(created * 1000));
      const sequence = (counters.get(year) ?? 0) + 1;
      counters.set(year, sequence);
      const due = FINAL_STATES.has(state) ? null : created + ((i * 7919) % (90 * 86400));
      const key = newCaseKey();
      const cipher = new CaseCipher(id, key);
      caseRows.push([
        id,
        formatCaseNumber(year, sequence),
        hashTicket(ticket, tKey)!,
        state,
        (i % 11) + 1,
        cipher.seal(cases.what, id, TEXT.what),
        cipher.seal(cases.whereText, id, TEXT.where),
        cipher.seal(cases.whenText, id, TEXT.when),
        cipher.seal(cases.whoText, id, TEXT.who),
        cipher.seal(cases.howText, id, TEXT.how),
        i % 50 === 0 ? 1 : 0,
        due,
        due === null ? null : 'conclusion',
        created,
        created,
        created,
        1,
      ]);
      keyRows.push([id, wrapCaseKey(key, master, id), master.id, created]);
      partyRows.push([
        partyId,
        id,
        cipher.seal(reportedParties.name, partyId, `Terlapor ${i}`),
        cipher.seal(reportedParties.position, partyId, 'Bendahara'),
        cipher.seal(reportedParties.workUnit, partyId, 'Subbagian Keuangan'),
        0,
        1,
      ]);
      eventRows.push([eventId, id, 'submitted', 'received', cipher.seal(caseEvents.publicNote, eventId, TEXT.note), 1, created, 1]);
    }
    await client.batch(
      [
        ...inserts(
          'cases',
          ['id', 'case_number', 'ticket_hash', 'state', 'category_id', 'what', 'where_text', 'when_text', 'who_text', 'how_text', 'quarantined', 'due_at', 'due_kind', 'state_changed_at', 'created_at', 'updated_at', 'sealed'],
          caseRows,
        ),
        ...inserts('case_keys', ['case_id', 'wrapped_key', 'master_key_id', 'created_at'], keyRows),
        ...inserts('reported_parties', ['id', 'case_id', 'name', 'position', 'work_unit', 'sort_order', 'sealed'], partyRows),
        ...inserts('case_events', ['id', 'case_id', 'kind', 'to_state', 'public_note', 'visible_to_reporter', 'created_at', 'sealed'], eventRows),
      ],
      'write',
    );
  }
  // Reports submitted during the bench continue each year's sequence.
  await client.batch(
    [...counters].map(([year, last]) => ({
      sql: 'INSERT INTO case_counters (year, last) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last = max(last, excluded.last)',
      args: [year, last],
    })),
    'write',
  );
  await client.execute('PRAGMA synchronous = FULL');
  await client.execute('ANALYZE');
  return { tickets, seconds: (performance.now() - started) / 1000 };
}
