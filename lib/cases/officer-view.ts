import { asc, eq } from 'drizzle-orm';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import {
  attachments,
  caseEvents,
  caseKeys,
  cases,
  categories,
  infoRequests,
  messages,
  officers,
  reportedParties,
  summons,
  type Case,
  type InfoRequest,
  type Summons,
} from '@/lib/db/schema';
import { getSettings } from '@/lib/settings';
import { caseDeadlines, type CaseDeadline } from './deadlines';
import { loadHolidaySet } from './holidays';
import { OUTCOME_LABELS } from './officer-schemas';
import { assertCaseAccess, assignedOfficerNames } from './assignment';
import { identityAccessFor } from './service/identity';
import { allowedActionsFor, type AllowedAction, type SummonsRole } from './officer-actions';
import { cipherFromRow, type CaseCipher } from './case-crypto';
import { isFinal, officerLabel, REJECTION_REASON_LABELS, type CaseState } from './workflow';
import { QUARANTINE_THRESHOLD } from '@/lib/security/spam';

/**
 * One case as an officer works it: the report, evidence, timeline, thread, summons,
 * deadline and the actions its state allows. Every query names its columns and none
 * reads `reporter_identity_enc` or `ticket_hash`: the reporter's identity is only ever
 * decrypted by viewReporterIdentity, which checks and audits the officer's access.
 */

export { allowedActionsFor, findAction, type AllowedAction, type OfficerActionKind, type SummonsRole } from './officer-actions';

export const EVENT_LABELS: Record<string, string> = {
  submitted: 'Laporan diterima',
  verification_started: 'Verifikasi dimulai',
  information_requested: 'Kelengkapan informasi diminta',
  information_answered: 'Pelapor menjawab permintaan kelengkapan',
  accepted_complete: 'Laporan dinyatakan lengkap',
  rejected: 'Laporan ditolak',
  referred: 'Laporan dilimpahkan',
  returned_to_investigation: 'Kembali ke penelaahan',
  concluded: 'Kasus diselesaikan',
  summons_scheduled: 'Pemanggilan dijadwalkan',
  summons_attended: 'Pemanggilan: hadir',
  summons_not_attended: 'Pemanggilan: tidak hadir',
  summons_rescheduled: 'Pemanggilan dijadwalkan ulang',
  summons_cancelled: 'Pemanggilan dibatalkan',
  summons_response: 'Tanggapan pelapor atas pemanggilan',
  message_to_reporter: 'Pesan kepada pelapor',
  message_from_reporter: 'Pesan dari pelapor',
  quarantine_released: 'Dikeluarkan dari karantina (bukan spam)',
  rejected_as_spam: 'Ditolak sebagai spam',
  content_erased: 'Isi kasus dihapus (retensi)',
};

export const SUMMONS_STATUS_LABELS: Record<Summons['status'], string> = {
  scheduled: 'Terjadwal',
  attended: 'Hadir',
  not_attended: 'Tidak hadir',
  rescheduled: 'Dijadwalkan ulang',
  cancelled: 'Dibatalkan',
};

export type OfficerAttachment = {
  id: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: Date;
  /** Null for evidence sent with the report; else the reporter's message it came with. */
  messageId: number | null;
};

export type OfficerTimelineEntry = {
  id: number;
  at: Date;
  kind: string;
  label: string;
  fromState: CaseState | null;
  toState: CaseState | null;
  officerName: string | null;
  internalNote: string | null;
  publicNote: string | null;
  visibleToReporter: boolean;
};

export type OfficerInfoRequest = {
  id: number;
  questions: string;
  dueAt: Date;
  status: InfoRequest['status'];
  officerName: string | null;
  answeredAt: Date | null;
  createdAt: Date;
};

export type OfficerMessage = {
  id: number;
  author: 'reporter' | 'officer';
  officerName: string | null;
  body: string;
  createdAt: Date;
  attachments: OfficerAttachment[];
  /** The information request this message answers, with its questions. */
  answers: { id: number; questions: string } | null;
  /** The reporter's message looked like spam, so no officer was emailed about it. */
  suspectedSpam: boolean;
};

export type OfficerSummons = {
  id: number;
  role: SummonsRole;
  personName: string;
  scheduledAt: Date;
  place: string;
  agenda: string;
  letterNumber: string | null;
  status: Summons['status'];
  statusLabel: string;
  minutes: string | null;
  statusReason: string | null;
  replacesId: number | null;
  officerName: string | null;
  /** Still scheduled on an open case: attendance, rescheduling and cancelling are offered. */
  canChange: boolean;
};

export type OfficerCaseView = {
  id: number;
  caseNumber: string;
  state: CaseState;
  stateLabel: string;
  category: string | null;
  createdAt: Date;
  stateChangedAt: Date;
  report: { what: string; where: string; whenText: string; whenDate: string | null; who: string; how: string };
  anonymous: boolean;
  quarantined: boolean;
  /** The handling officers' names, comma-separated (lib/cases/assignment.ts); null when none. */
  assignedOfficerName: string | null;
  rejectionReason: string | null;
  outcome: string | null;
  outcomeSummary: string | null;
  referredTo: string | null;
  reportedParties: { name: string | null; position: string | null; workUnit: string | null }[];
  attachments: OfficerAttachment[];
  timeline: OfficerTimelineEntry[];
  thread: OfficerMessage[];
  infoRequests: OfficerInfoRequest[];
  summons: OfficerSummons[];
  deadline: CaseDeadline | null;
  allowedActions: AllowedAction[];
  /** The asking officer's latest identity request; null if none. */
  identityAccess: 'pending' | 'approved' | 'denied' | null;
  /** When retention erased the content (case key destroyed); then every text field is empty. */
  erasedAt: Date | null;
};

function fileNameOf(cipher: CaseCipher, row: { id: number; storageKey: string; fileNameEnc: string; extension: string }): string {
  try {
    return cipher.open(attachments.fileNameEnc, row.storageKey, row.fileNameEnc);
  } catch {
    // A name that no longer decrypts must not hide the file itself.
    return `berkas-${row.id}.${row.extension}`;
  }
}

/**
 * A case's timeline, oldest first, with the officer's name. The notes come sealed: the
 * case view opens them with the case key; an erased case's view drops them unread.
 */
function timelineRows(db: Database, caseId: number) {
  return db
    .select({
      id: caseEvents.id,
      at: caseEvents.createdAt,
      kind: caseEvents.kind,
      fromState: caseEvents.fromState,
      toState: caseEvents.toState,
      officerName: officers.name,
      internalNote: caseEvents.internalNote,
      publicNote: caseEvents.publicNote,
      visibleToReporter: caseEvents.visibleToReporter,
    })
    .from(caseEvents)
    .leftJoin(officers, eq(officers.id, caseEvents.officerId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.createdAt), asc(caseEvents.id));
}

/**
 * The case with this number as `officer` sees it, or null when there is none. It takes
 * the AuthorizedOfficer only the guard makes, so no page can show a case without it.
 */
export async function loadOfficerCaseView(
  db: Database,
  officer: AuthorizedOfficer,
  caseNumber: string,
  options: { now?: Date } = {},
): Promise<OfficerCaseView | null> {
  const now = options.now ?? new Date();
  const [row] = await db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      state: cases.state,
      category: categories.label,
      what: cases.what,
      whereText: cases.whereText,
      whenText: cases.whenText,
      whenDate: cases.whenDate,
      whoText: cases.whoText,
      howText: cases.howText,
      anonymous: cases.anonymous,
      quarantined: cases.quarantined,
      rejectionReason: cases.rejectionReason,
      outcome: cases.outcome,
      outcomeSummary: cases.outcomeSummary,
      referredTo: cases.referredTo,
      completedAt: cases.completedAt,
      stateChangedAt: cases.stateChangedAt,
      createdAt: cases.createdAt,
      wrappedKey: caseKeys.wrappedKey,
      masterKeyId: caseKeys.masterKeyId,
      destroyedAt: caseKeys.destroyedAt,
    })
    .from(cases)
    .leftJoin(caseKeys, eq(caseKeys.caseId, cases.id))
    .leftJoin(categories, eq(categories.id, cases.categoryId))
    .where(eq(cases.caseNumber, caseNumber))
    .limit(1);
  if (!row) return null;
  const caseId = row.id;
  // Recused, or outside a restricted case: a refusal before anything is opened.
  await assertCaseAccess(db, officer, caseId);
  if (row.destroyedAt) return erasedCaseView(db, row, row.destroyedAt);
  const cipher = cipherFromRow(caseId, row.masterKeyId ? { wrappedKey: row.wrappedKey, masterKeyId: row.masterKeyId } : null);

  const [parties, fileRows, events, messageRows, requestRows, summonsRows, settings, access, handlers] = await Promise.all([
    db
      .select({ id: reportedParties.id, name: reportedParties.name, position: reportedParties.position, workUnit: reportedParties.workUnit })
      .from(reportedParties)
      .where(eq(reportedParties.caseId, caseId))
      .orderBy(asc(reportedParties.sortOrder), asc(reportedParties.id)),
    db
      .select({
        id: attachments.id,
        storageKey: attachments.storageKey,
        fileNameEnc: attachments.fileNameEnc,
        extension: attachments.extension,
        mimeType: attachments.mimeType,
        sizeBytes: attachments.sizeBytes,
        createdAt: attachments.createdAt,
        messageId: attachments.messageId,
      })
      .from(attachments)
      .where(eq(attachments.caseId, caseId))
      .orderBy(asc(attachments.createdAt), asc(attachments.id)),
    timelineRows(db, caseId),
    db
      .select({
        id: messages.id,
        author: messages.author,
        officerName: officers.name,
        infoRequestId: messages.infoRequestId,
        body: messages.body,
        spamScore: messages.spamScore,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .leftJoin(officers, eq(officers.id, messages.officerId))
      .where(eq(messages.caseId, caseId))
      .orderBy(asc(messages.createdAt), asc(messages.id)),
    db
      .select({
        id: infoRequests.id,
        questions: infoRequests.questions,
        dueAt: infoRequests.dueAt,
        status: infoRequests.status,
        officerName: officers.name,
        answeredAt: infoRequests.answeredAt,
        createdAt: infoRequests.createdAt,
      })
      .from(infoRequests)
      .leftJoin(officers, eq(officers.id, infoRequests.officerId))
      .where(eq(infoRequests.caseId, caseId))
      .orderBy(asc(infoRequests.createdAt), asc(infoRequests.id)),
    db
      .select({
        id: summons.id,
        role: summons.role,
        personName: summons.personName,
        scheduledAt: summons.scheduledAt,
        place: summons.place,
        agenda: summons.agenda,
        letterNumber: summons.letterNumber,
        status: summons.status,
        minutes: summons.minutes,
        statusReason: summons.statusReason,
        replacesId: summons.replacesId,
        officerName: officers.name,
      })
      .from(summons)
      .leftJoin(officers, eq(officers.id, summons.officerId))
      .where(eq(summons.caseId, caseId))
      .orderBy(asc(summons.scheduledAt), asc(summons.id)),
    getSettings(db),
    identityAccessFor(db, caseId, officer.id),
    assignedOfficerNames(db, caseId),
  ]);

  const files: OfficerAttachment[] = fileRows.map((file) => ({
    id: file.id,
    fileName: fileNameOf(cipher, file),
    mimeType: file.mimeType,
    sizeBytes: file.sizeBytes,
    createdAt: file.createdAt,
    messageId: file.messageId,
  }));
  const openRequests = requestRows.map((request) => ({ ...request, questions: cipher.open(infoRequests.questions, request.id, request.questions) }));
  const questionsById = new Map(openRequests.map((request) => [request.id, request.questions]));
  const openRequest = requestRows.filter((request) => request.status === 'open').at(-1);

  const years = [row.createdAt, row.completedAt ?? row.createdAt, now].map((date) => date.getUTCFullYear());
  const holidaySet = await loadHolidaySet(db, Math.min(...years), Math.max(...years) + 1);
  const deadline = caseDeadlines(
    { ...row, openInfoRequestDueAt: openRequest?.dueAt ?? null },
    settings,
    holidaySet,
    now,
  );
  const final = isFinal(row.state);

  return {
    id: caseId,
    caseNumber: row.caseNumber,
    state: row.state,
    stateLabel: officerLabel(row.state),
    category: row.category,
    createdAt: row.createdAt,
    stateChangedAt: row.stateChangedAt,
    report: {
      what: cipher.open(cases.what, caseId, row.what),
      where: cipher.open(cases.whereText, caseId, row.whereText),
      whenText: cipher.open(cases.whenText, caseId, row.whenText),
      whenDate: row.whenDate,
      who: cipher.open(cases.whoText, caseId, row.whoText),
      how: cipher.open(cases.howText, caseId, row.howText),
    },
    anonymous: row.anonymous,
    quarantined: row.quarantined,
    assignedOfficerName: handlers.length > 0 ? handlers.join(', ') : null,
    rejectionReason: row.rejectionReason ? REJECTION_REASON_LABELS[row.rejectionReason] : null,
    outcome: row.outcome ? OUTCOME_LABELS[row.outcome] : null,
    outcomeSummary: cipher.open(cases.outcomeSummary, caseId, row.outcomeSummary),
    referredTo: cipher.open(cases.referredTo, caseId, row.referredTo),
    reportedParties: parties.map((party) => ({
      name: cipher.open(reportedParties.name, party.id, party.name),
      position: cipher.open(reportedParties.position, party.id, party.position),
      workUnit: cipher.open(reportedParties.workUnit, party.id, party.workUnit),
    })),
    attachments: files,
    timeline: events.map((event) => ({
      ...event,
      internalNote: cipher.open(caseEvents.internalNote, event.id, event.internalNote),
      publicNote: cipher.open(caseEvents.publicNote, event.id, event.publicNote),
      label: EVENT_LABELS[event.kind] ?? event.kind,
    })),
    thread: messageRows.map(({ infoRequestId, spamScore, ...message }) => ({
      ...message,
      body: cipher.open(messages.body, message.id, message.body),
      suspectedSpam: spamScore >= QUARANTINE_THRESHOLD,
      attachments: files.filter((file) => file.messageId === message.id),
      answers: infoRequestId !== null && questionsById.has(infoRequestId)
        ? { id: infoRequestId, questions: questionsById.get(infoRequestId)! }
        : null,
    })),
    infoRequests: openRequests,
    summons: summonsRows.map((item) => ({
      ...item,
      personName: cipher.open(summons.personName, item.id, item.personName),
      place: cipher.open(summons.place, item.id, item.place),
      agenda: cipher.open(summons.agenda, item.id, item.agenda),
      minutes: cipher.open(summons.minutes, item.id, item.minutes),
      statusReason: cipher.open(summons.statusReason, item.id, item.statusReason),
      statusLabel: SUMMONS_STATUS_LABELS[item.status],
      canChange: item.status === 'scheduled' && !final,
    })),
    deadline,
    allowedActions: allowedActionsFor(row.state, { openInfoRequestDueAt: openRequest?.dueAt ?? null, now, quarantined: row.quarantined }),
    identityAccess: access?.status ?? null,
    erasedAt: null,
  };
}

/**
 * A case erased by retention: what stays in clear (number, category, state, dates,
 * outcome, the timeline's steps without their notes) and nothing that needs the key.
 */
async function erasedCaseView(
  db: Database,
  row: {
    id: number;
    caseNumber: string;
    state: CaseState;
    category: string | null;
    whenDate: string | null;
    anonymous: boolean;
    quarantined: boolean;
    rejectionReason: Case['rejectionReason'];
    outcome: Case['outcome'];
    createdAt: Date;
    stateChangedAt: Date;
  },
  erasedAt: Date,
): Promise<OfficerCaseView> {
  const events = await timelineRows(db, row.id);
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    state: row.state,
    stateLabel: officerLabel(row.state),
    category: row.category,
    createdAt: row.createdAt,
    stateChangedAt: row.stateChangedAt,
    report: { what: '', where: '', whenText: '', whenDate: row.whenDate, who: '', how: '' },
    anonymous: row.anonymous,
    quarantined: row.quarantined,
    assignedOfficerName: await assignedOfficerNames(db, row.id).then((names) => (names.length > 0 ? names.join(', ') : null)),
    rejectionReason: row.rejectionReason ? REJECTION_REASON_LABELS[row.rejectionReason] : null,
    outcome: row.outcome ? OUTCOME_LABELS[row.outcome] : null,
    outcomeSummary: null,
    referredTo: null,
    reportedParties: [],
    attachments: [],
    timeline: events.map((event) => ({ ...event, internalNote: null, publicNote: null, label: EVENT_LABELS[event.kind] ?? event.kind })),
    thread: [],
    infoRequests: [],
    summons: [],
    deadline: null,
    allowedActions: [],
    identityAccess: null,
    erasedAt,
  };
}
