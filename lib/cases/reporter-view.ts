import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { caseEvents, caseKeys, cases, infoRequests, messages, summons, type Summons } from '@/lib/db/schema';
import { ticketKey } from '@/lib/env';
import { hashTicket } from './ticket';
import { cipherFromRow } from './case-crypto';
import { isFinal, reporterLabel, type CaseState } from './workflow';

/**
 * What a reporter may see of their case, found by ticket. Every query below names its
 * columns: the case number, category, reported persons, officers, internal notes and
 * summons of witnesses or the reported party are never even read, so no later change
 * to the page can leak them by accident.
 */

type SummonsStatus = Summons['status'];

export type FoundCase = { id: number };

export type ReporterTimelineEntry = { at: Date; label: string; note: string | null };

export type ReporterInfoRequest = { id: number; questions: string; dueAt: Date };

export type ReporterSummons = { scheduledAt: Date; place: string; agenda: string };

export type ReporterMessage = { from: 'reporter' | 'officer'; body: string; at: Date };

export type ReporterView = {
  stateLabel: string;
  /** False once the case is closed: no more replies or messages. */
  open: boolean;
  /** The thread with the officers; never an officer's name. */
  messages: ReporterMessage[];
  submittedAt: Date;
  timeline: ReporterTimelineEntry[];
  openInfoRequests: ReporterInfoRequest[];
  reporterSummons: ReporterSummons[];
  /** When retention erased the case's content; then notes, messages and summons are gone. */
  erasedAt: Date | null;
};

/** Labels for timeline events that do not change the state (kinds written by the officer side). */
const EVENT_KIND_LABELS: Record<string, string> = {
  submitted: 'Laporan diterima',
  information_requested: 'Permintaan kelengkapan informasi',
  information_answered: 'Jawaban Anda diterima',
  message_to_reporter: 'Pesan dari petugas',
  message_from_reporter: 'Pesan Anda terkirim',
  summons_scheduled: 'Undangan klarifikasi',
  summons_rescheduled: 'Jadwal klarifikasi diubah',
  summons_cancelled: 'Undangan klarifikasi dibatalkan',
  summons_response: 'Tanggapan Anda atas undangan klarifikasi',
  note: 'Catatan dari petugas',
};
const FALLBACK_EVENT_LABEL = 'Pembaruan dari petugas';

const SHOWN_SUMMONS_STATUSES: readonly SummonsStatus[] = ['scheduled', 'rescheduled'];

/**
 * Finds a case by what the reporter typed. Malformed input never reaches the database;
 * otherwise this is one read on the unique `ticket_hash` index. Returns null for both
 * malformed and unknown codes so callers cannot tell the two apart.
 */
export async function findCaseByTicket(db: Database, ticketInput: string): Promise<FoundCase | null> {
  const ticketHash = hashTicket(ticketInput, ticketKey());
  if (!ticketHash) return null;
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.ticketHash, ticketHash)).limit(1);
  return row ?? null;
}

function eventLabel(kind: string, fromState: CaseState | null, toState: CaseState | null): string {
  if (kind === 'submitted' || (toState === 'received' && !fromState)) return EVENT_KIND_LABELS.submitted;
  if (toState) return reporterLabel(toState);
  return EVENT_KIND_LABELS[kind] ?? FALLBACK_EVENT_LABEL;
}

/**
 * Several internal states share one reporter label ("Diproses"). A visible move between
 * them would repeat the label and so reveal that an internal step (e.g. a summons of the
 * reported party) happened; such a repeat is dropped unless the officer wrote a note.
 */
function withoutSilentRepeats(entries: ReporterTimelineEntry[]): ReporterTimelineEntry[] {
  const kept: ReporterTimelineEntry[] = [];
  for (const entry of entries) {
    const previous = kept.at(-1);
    if (previous && previous.label === entry.label && !entry.note) continue;
    kept.push(entry);
  }
  return kept;
}

/** The reporter's view of one case, or null when the case does not exist. */
export async function loadReporterView(db: Database, caseId: number): Promise<ReporterView | null> {
  // Independent reads, issued together; each uses an index that starts with case_id.
  const [caseRows, events, requests, summonsRows, thread] = await Promise.all([
    db
      .select({
        state: cases.state,
        createdAt: cases.createdAt,
        wrappedKey: caseKeys.wrappedKey,
        masterKeyId: caseKeys.masterKeyId,
        destroyedAt: caseKeys.destroyedAt,
      })
      .from(cases)
      .leftJoin(caseKeys, eq(caseKeys.caseId, cases.id))
      .where(eq(cases.id, caseId))
      .limit(1),
    db
      .select({
        id: caseEvents.id,
        kind: caseEvents.kind,
        fromState: caseEvents.fromState,
        toState: caseEvents.toState,
        publicNote: caseEvents.publicNote,
        createdAt: caseEvents.createdAt,
      })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.visibleToReporter, true)))
      .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id)),
    db
      .select({ id: infoRequests.id, questions: infoRequests.questions, dueAt: infoRequests.dueAt })
      .from(infoRequests)
      .where(and(eq(infoRequests.caseId, caseId), eq(infoRequests.status, 'open')))
      .orderBy(asc(infoRequests.dueAt), asc(infoRequests.id)),
    db
      .select({
        id: summons.id,
        replacesId: summons.replacesId,
        status: summons.status,
        scheduledAt: summons.scheduledAt,
        place: summons.place,
        agenda: summons.agenda,
      })
      .from(summons)
      // All of the reporter's summons (a handful), so a replaced one can be recognised
      // even when its replacement has since been attended or cancelled.
      .where(and(eq(summons.caseId, caseId), eq(summons.role, 'pelapor')))
      .orderBy(asc(summons.scheduledAt), asc(summons.id)),
    db
      .select({ id: messages.id, from: messages.author, body: messages.body, at: messages.createdAt })
      .from(messages)
      .where(eq(messages.caseId, caseId))
      .orderBy(asc(messages.createdAt), asc(messages.id)),
  ]);

  const found = caseRows[0];
  if (!found) return null;
  if (found.destroyedAt) {
    // Erased by retention: the steps stay, every text needs the destroyed key.
    return {
      stateLabel: reporterLabel(found.state),
      open: false,
      messages: [],
      submittedAt: found.createdAt,
      timeline: withoutSilentRepeats(
        events.map((event) => ({ at: event.createdAt, label: eventLabel(event.kind, event.fromState, event.toState), note: null })),
      ),
      openInfoRequests: [],
      reporterSummons: [],
      erasedAt: found.destroyedAt,
    };
  }
  const cipher = cipherFromRow(caseId, found.masterKeyId ? { wrappedKey: found.wrappedKey, masterKeyId: found.masterKeyId } : null);

  const timeline = withoutSilentRepeats(
    events.map((event) => ({
      at: event.createdAt,
      label: eventLabel(event.kind, event.fromState, event.toState),
      note: cipher.open(caseEvents.publicNote, event.id, event.publicNote)?.trim() || null,
    })),
  );

  // Whichever way rescheduling is recorded (old row marked 'rescheduled' or the new row),
  // a summons that another one replaces would show a stale date: leave it out.
  const replaced = new Set(summonsRows.map((row) => row.replacesId).filter((id) => id !== null));
  const reporterSummons = summonsRows
    .filter((row) => SHOWN_SUMMONS_STATUSES.includes(row.status) && !replaced.has(row.id))
    .map(({ id, scheduledAt, place, agenda }) => ({
      scheduledAt,
      place: cipher.open(summons.place, id, place),
      agenda: cipher.open(summons.agenda, id, agenda),
    }));

  return {
    stateLabel: reporterLabel(found.state),
    open: !isFinal(found.state),
    messages: thread.map(({ id, ...message }) => ({ ...message, body: cipher.open(messages.body, id, message.body) })),
    submittedAt: found.createdAt,
    timeline,
    openInfoRequests: requests.map((request) => ({ ...request, questions: cipher.open(infoRequests.questions, request.id, request.questions) })),
    reporterSummons,
    erasedAt: null,
  };
}
