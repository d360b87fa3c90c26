import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCaseByTicket, loadReporterView } from '@/lib/cases/reporter-view';
import { sealExistingRows } from '@/lib/cases/seal-existing';
import { attemptStatusLookup } from '@/lib/cases/status-lookup';
import { generateTicket, hashTicket } from '@/lib/cases/ticket';
import type { Database } from '@/lib/db/client';
import { caseEvents, cases, infoRequests, officers, summons } from '@/lib/db/schema';
import { ticketKey } from '@/lib/env';
import { freshDatabase } from '../support/db';

let db: Database;
let caseNumberSeq = 0;

const at = (iso: string) => new Date(iso);

async function insertCase(state: (typeof cases.$inferInsert)['state'] = 'received') {
  const ticket = generateTicket();
  caseNumberSeq += 1;
  const caseNumber = `2026-${String(caseNumberSeq).padStart(4, '0')}`;
  const [row] = await db
    .insert(cases)
    .values({
      caseNumber,
      ticketHash: hashTicket(ticket, ticketKey())!,
      state,
      what: 'Pungutan liar pada layanan surat',
      whereText: 'Loket Biro Umum',
      whenText: 'Maret 2026',
      whoText: 'Staf loket',
      howText: 'Meminta uang tambahan',
      createdAt: at('2026-03-02T01:00:00Z'),
    })
    .returning({ id: cases.id });
  return { id: row.id, ticket, caseNumber };
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
});

describe('findCaseByTicket', () => {
  it('finds the case whatever the spelling of the ticket', async () => {
    const { id, ticket } = await insertCase();
    const bare = ticket.replace(/^WBS-/, '').replace(/-/g, '');
    const spellings = [
      ticket,
      ticket.toLowerCase(),
      ` ${ticket.toLowerCase().replace(/-/g, ' ')} `,
      bare,
      bare.replace(/0/g, 'O').replace(/1/g, 'l').toLowerCase(),
      bare.match(/.{4}/g)!.join('.'),
    ];
    for (const spelling of spellings) expect(await findCaseByTicket(db, spelling)).toEqual({ id });
  });

  it('returns null for unknown and malformed codes alike', async () => {
    await insertCase();
    expect(await findCaseByTicket(db, generateTicket())).toBeNull();
    for (const malformed of ['', 'WBS-', 'WBS-1234', 'WBS-UUUU-UUUU-UUUU-UUUU', 'x'.repeat(500), "' OR 1=1 --"]) {
      expect(await findCaseByTicket(db, malformed)).toBeNull();
    }
  });
});

describe('loadReporterView', () => {
  it('shows the public timeline, open requests and reporter summons, and nothing internal', async () => {
    const { id, caseNumber } = await insertCase('hearing_witnesses');
    const [officer] = await db
      .insert(officers)
      .values({ email: `o-${randomUUID()}@wbs.test`, name: 'Petugas Rahasia', passwordHash: 'x' })
      .returning({ id: officers.id });
    await db.insert(caseEvents).values([
      { caseId: id, kind: 'submitted', toState: 'received', visibleToReporter: true, createdAt: at('2026-03-02T01:00:00Z') },
      { caseId: id, kind: 'transition', fromState: 'received', toState: 'verifying', officerId: officer.id,
        internalNote: 'RAHASIA: cek dengan Kabag', publicNote: 'Laporan Anda sedang diperiksa.', visibleToReporter: true,
        createdAt: at('2026-03-03T01:00:00Z') },
      { caseId: id, kind: 'note', internalNote: 'RAHASIA: terlapor kerabat pejabat', visibleToReporter: false,
        createdAt: at('2026-03-04T01:00:00Z') },
      { caseId: id, kind: 'transition', fromState: 'verifying', toState: 'investigating', officerId: officer.id,
        internalNote: 'RAHASIA: lengkap', visibleToReporter: true, createdAt: at('2026-03-05T01:00:00Z') },
      // An internal step that reads "Diproses" again: without a note it must not show.
      { caseId: id, kind: 'transition', fromState: 'investigating', toState: 'hearing_witnesses', officerId: officer.id,
        internalNote: 'RAHASIA: panggil saksi Budi', visibleToReporter: true, createdAt: at('2026-03-06T01:00:00Z') },
    ]);
    await db.insert(infoRequests).values([
      { caseId: id, questions: 'Mohon lampirkan bukti kuitansi.', dueAt: at('2026-03-20T15:59:00Z'), officerId: officer.id },
      { caseId: id, questions: 'Pertanyaan lama', dueAt: at('2026-03-10T15:59:00Z'), status: 'answered' },
    ]);
    const base = { caseId: id, scheduledAt: at('2026-03-25T01:00:00Z'), officerId: officer.id };
    const [moved] = await db
      .insert(summons)
      .values({ ...base, role: 'pelapor', personName: 'Pelapor', place: 'Ruang lama', agenda: 'Klarifikasi', status: 'rescheduled' })
      .returning({ id: summons.id });
    await db.insert(summons).values([
      { ...base, role: 'pelapor', personName: 'Pelapor', place: 'Ruang Rapat Biro Umum', agenda: 'Klarifikasi laporan',
        replacesId: moved.id, scheduledAt: at('2026-03-26T01:00:00Z') },
      { ...base, role: 'pelapor', personName: 'Pelapor', place: 'Ruang batal', agenda: 'Batal', status: 'cancelled' },
      { ...base, role: 'saksi', personName: 'Saksi Budi', place: 'Ruang saksi', agenda: 'RAHASIA saksi' },
      { ...base, role: 'terlapor', personName: 'Terlapor Ani', place: 'Ruang terlapor', agenda: 'RAHASIA terlapor' },
    ]);

    // Rows written in clear, like rows from before encryption: the start-up migration seals them.
    await sealExistingRows(db);
    const view = await loadReporterView(db, id);
    expect(view).toEqual({
      stateLabel: 'Diproses',
      now: expect.stringContaining('sedang ditangani'),
      outcome: null,
      thread: expect.any(Array),
      open: true,
      messages: [],
      submittedAt: at('2026-03-02T01:00:00Z'),
      timeline: [
        { at: at('2026-03-02T01:00:00Z'), label: 'Laporan diterima', note: null },
        { at: at('2026-03-03T01:00:00Z'), label: 'Diverifikasi', note: 'Laporan Anda sedang diperiksa.' },
        { at: at('2026-03-05T01:00:00Z'), label: 'Diproses', note: null },
      ],
      openInfoRequests: [
        { id: expect.any(Number), questions: 'Mohon lampirkan bukti kuitansi.', dueAt: at('2026-03-20T15:59:00Z') },
      ],
      reporterSummons: [
        { scheduledAt: at('2026-03-26T01:00:00Z'), place: 'Ruang Rapat Biro Umum', agenda: 'Klarifikasi laporan' },
      ],
      erasedAt: null,
    });
    // The thread holds every question, answered ones too, each with its state.
    expect(view!.thread.map((item) => item.kind === 'question' && [item.questions, item.status, item.answer])).toEqual(
      expect.arrayContaining([
        ['Mohon lampirkan bukti kuitansi.', 'open', null],
        ['Pertanyaan lama', 'answered', null],
      ]),
    );
    expect(view!.thread).toHaveLength(2);
    const text = JSON.stringify(view);
    for (const secret of ['RAHASIA', caseNumber, 'Petugas Rahasia', 'Saksi Budi', 'Terlapor Ani', 'Pungutan liar', 'Staf loket']) {
      expect(text).not.toContain(secret);
    }
  });

  it('is empty but present for a new case, and null for no case', async () => {
    const { id } = await insertCase();
    await sealExistingRows(db);
    expect(await loadReporterView(db, id)).toMatchObject({
      stateLabel: 'Diterima',
      timeline: [],
      openInfoRequests: [],
      reporterSummons: [],
    });
    expect(await loadReporterView(db, 999_999)).toBeNull();
  });
});

describe('attemptStatusLookup', () => {
  it('returns the normalised code for a found case and one reason for malformed or unknown', async () => {
    const { id, ticket } = await insertCase();
    const client = randomUUID();
    const code = ticket.replace(/^WBS-/, '').replace(/-/g, '');
    expect(await attemptStatusLookup(db, ticket.toLowerCase().replace(/-/g, ' '), client)).toEqual({ ok: true, code, caseId: id });
    expect(await attemptStatusLookup(db, 'WBS-12', client)).toEqual({ ok: false, reason: 'not_found' });
    expect(await attemptStatusLookup(db, generateTicket(), client)).toEqual({ ok: false, reason: 'not_found' });
    expect(await attemptStatusLookup(db, null, client)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('refuses the 11th attempt from one client, even with the right code, and not other clients', async () => {
    const { ticket } = await insertCase();
    const client = randomUUID();
    for (let i = 0; i < 10; i++) {
      expect((await attemptStatusLookup(db, generateTicket(), client)).ok).toBe(false);
    }
    const eleventh = await attemptStatusLookup(db, ticket, client);
    expect(eleventh).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(eleventh.ok === false && eleventh.reason === 'rate_limited' && eleventh.retryAfterSeconds).toBeGreaterThan(500);
    expect((await attemptStatusLookup(db, ticket, randomUUID())).ok).toBe(true);
  });
});
