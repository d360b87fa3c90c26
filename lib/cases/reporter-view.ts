import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { attachments, caseEvents, caseKeys, cases, infoRequests, messages, summons, type Summons } from '@/lib/db/schema';
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

/** A file the reporter sent with an answer or a message, acknowledged by name, type and size. */
export type ReporterFile = { name: string; mimeType: string; sizeBytes: number };

/** One item of the thread as the reporter reads it, newest first. */
export type ReporterThreadItem =
  | {
      kind: 'question';
      /** The latest activity: the answer's time, else the question's. */
      at: Date;
      askedAt: Date;
      questions: string;
      dueAt: Date;
      status: string;
      answer: { body: string; at: Date; files: ReporterFile[] } | null;
    }
  | { kind: 'message'; at: Date; from: 'reporter' | 'officer'; body: string; files: ReporterFile[] };

export type ReporterView = {
  stateLabel: string;
  /** "What now?": the state in plain words, and what (if anything) the reporter has to do. */
  now: string;
  /** Once closed: how it ended, with the officer's words for the reporter. */
  outcome: { heading: string; text: string | null } | null;
  /** Questions (each with its answer and files) and messages, newest first. */
  thread: ReporterThreadItem[];
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

/** The state in plain words: where the report is and whether the reporter must act. */
const NOW_TEXT: Record<CaseState, string> = {
  received: 'Laporan Anda sudah kami terima dan menunggu diperiksa petugas. Saat ini Anda tidak perlu melakukan apa pun.',
  verifying:
    'Petugas sedang memeriksa kelengkapan laporan Anda (unsur 4W1H dan bukti). Saat ini Anda tidak perlu melakukan apa pun; bila ada yang kurang, pertanyaannya tampil di halaman ini.',
  awaiting_info: 'Petugas memerlukan keterangan tambahan dari Anda. Jawab pertanyaan di bawah ini sebelum batas waktunya.',
  investigating: 'Laporan Anda lengkap dan sedang ditangani. Bila Anda diundang untuk klarifikasi, jadwalnya tampil di halaman ini.',
  hearing_witnesses: 'Laporan Anda lengkap dan sedang ditangani. Bila Anda diundang untuk klarifikasi, jadwalnya tampil di halaman ini.',
  examining_reported: 'Laporan Anda lengkap dan sedang ditangani. Bila Anda diundang untuk klarifikasi, jadwalnya tampil di halaman ini.',
  concluded: 'Penanganan laporan Anda sudah selesai. Hasilnya tertulis di bawah ini.',
  referred: 'Laporan Anda dilimpahkan kepada instansi yang berwenang menanganinya. Penjelasannya tertulis di bawah ini.',
  rejected: 'Laporan Anda tidak dapat ditindaklanjuti. Penjelasannya tertulis di bawah ini.',
};

const OUTCOME_HEADINGS: Partial<Record<CaseState, string>> = {
  concluded: 'Hasil penanganan',
  referred: 'Laporan dilimpahkan',
  rejected: 'Laporan tidak dapat ditindaklanjuti',
};

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
  const [caseRows, events, requests, summonsRows, thread, files] = await Promise.all([
    db
      .select({
        state: cases.state,
        createdAt: cases.createdAt,
        outcomeSummary: cases.outcomeSummary,
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
      .select({ id: infoRequests.id, questions: infoRequests.questions, dueAt: infoRequests.dueAt, status: infoRequests.status, createdAt: infoRequests.createdAt })
      .from(infoRequests)
      // Every request, answered ones too: the thread shows each question with its answer.
      .where(eq(infoRequests.caseId, caseId))
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
      .select({ id: messages.id, from: messages.author, body: messages.body, at: messages.createdAt, infoRequestId: messages.infoRequestId })
      .from(messages)
      .where(eq(messages.caseId, caseId))
      .orderBy(asc(messages.createdAt), asc(messages.id)),
    db
      .select({
        id: attachments.id,
        messageId: attachments.messageId,
        storageKey: attachments.storageKey,
        fileNameEnc: attachments.fileNameEnc,
        mimeType: attachments.mimeType,
        sizeBytes: attachments.sizeBytes,
      })
      .from(attachments)
      // Only files that came with a reply: the report's own evidence is not part of the thread.
      .where(and(eq(attachments.caseId, caseId), isNotNull(attachments.messageId)))
      .orderBy(asc(attachments.id)),
  ]);

  const found = caseRows[0];
  if (!found) return null;
  if (found.destroyedAt) {
    // Erased by retention: the steps stay, every text needs the destroyed key.
    const heading = OUTCOME_HEADINGS[found.state];
    return {
      stateLabel: reporterLabel(found.state),
      now: NOW_TEXT[found.state],
      outcome: heading ? { heading, text: null } : null,
      thread: [],
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

  const filesOf = new Map<number, ReporterFile[]>();
  for (const file of files) {
    const list = filesOf.get(file.messageId!) ?? [];
    let name: string;
    try {
      name = cipher.open(attachments.fileNameEnc, file.storageKey, file.fileNameEnc);
    } catch {
      // A name that no longer decrypts must not hide that the file arrived.
      name = `berkas-${file.id}`;
    }
    list.push({ name, mimeType: file.mimeType, sizeBytes: file.sizeBytes });
    filesOf.set(file.messageId!, list);
  }
  const openedMessages = thread.map((message) => ({ ...message, body: cipher.open(messages.body, message.id, message.body) }));
  const openedRequests = requests.map((request) => ({ ...request, questions: cipher.open(infoRequests.questions, request.id, request.questions) }));
  const answerOf = new Map(
    openedMessages.filter((message) => message.infoRequestId !== null && message.from === 'reporter').map((message) => [message.infoRequestId!, message]),
  );
  const threadItems: ReporterThreadItem[] = [
    ...openedRequests.map((request): ReporterThreadItem => {
      const answer = answerOf.get(request.id);
      return {
        kind: 'question',
        at: answer?.at ?? request.createdAt,
        askedAt: request.createdAt,
        questions: request.questions,
        dueAt: request.dueAt,
        status: request.status,
        answer: answer ? { body: answer.body, at: answer.at, files: filesOf.get(answer.id) ?? [] } : null,
      };
    }),
    ...openedMessages
      .filter((message) => !(message.infoRequestId !== null && answerOf.get(message.infoRequestId) === message))
      .map((message): ReporterThreadItem => ({ kind: 'message', at: message.at, from: message.from, body: message.body, files: filesOf.get(message.id) ?? [] })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());

  const closingNote = [...timeline].reverse().find((entry) => entry.label === reporterLabel(found.state))?.note ?? null;
  const heading = OUTCOME_HEADINGS[found.state];
  const outcome = heading
    ? { heading, text: (found.state === 'concluded' ? cipher.open(cases.outcomeSummary, caseId, found.outcomeSummary)?.trim() : null) || closingNote }
    : null;

  return {
    stateLabel: reporterLabel(found.state),
    now: NOW_TEXT[found.state],
    outcome,
    thread: threadItems,
    open: !isFinal(found.state),
    messages: openedMessages.map(({ from, body, at }) => ({ from, body, at })),
    submittedAt: found.createdAt,
    timeline,
    openInfoRequests: openedRequests.filter((request) => request.status === 'open').map(({ id, questions, dueAt }) => ({ id, questions, dueAt })),
    reporterSummons,
    erasedAt: null,
  };
}
