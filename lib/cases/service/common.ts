import { and, eq } from 'drizzle-orm';
import { appendAudit, type AuditDetail, type DbTransaction } from '@/lib/audit/log';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { caseEvents, cases, type Case } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { assertCaseAccess } from '../assignment';
import { dueFields } from '../due';
import { notifyReporterIfConsented } from '../notify';
import { loadCaseCipher, SEAL_PENDING, sealRow } from '../case-crypto';
import { isFinal, officerLabel, transition, type CaseState } from '../workflow';
import { closeOpenInfoRequests } from './closing';

/**
 * What every officer service shares, in documenso's order: the caller arrives
 * authorised (an AuthorizedOfficer, which only lib/auth/guard.ts makes) → load the
 * case → check the move against the workflow table (and against the state the
 * officer's form was showing) → write the case, its event and the audit row in one
 * transaction.
 */

export type CaseCommand = {
  caseNumber: string;
  /** The state the officer's page showed; a different current state means a stale form. */
  expectedState?: CaseState;
};

export async function loadCase(db: Database | DbTransaction, caseNumber: string): Promise<Case> {
  const [row] = await db.select().from(cases).where(eq(cases.caseNumber, caseNumber)).limit(1);
  if (!row) throw new AppError('case_not_found', { userMessage: `Kasus ${caseNumber} tidak ditemukan.` });
  return row;
}

/**
 * The case for an officer's action: loaded, then refused (AppError 'case_access_refused')
 * when the officer recused or stands outside a restricted case.
 */
export async function loadCaseFor(db: Database | DbTransaction, officer: AuthorizedOfficer, caseNumber: string): Promise<Case> {
  const row = await loadCase(db, caseNumber);
  await assertCaseAccess(db, officer, row.id);
  return row;
}

export function staleError(current: CaseState): AppError {
  return new AppError('stale_case', {
    userMessage: `Kasus ini sudah berubah (kini berstatus "${officerLabel(current)}") sejak halaman Anda dibuka. Muat ulang halaman dan periksa kembali sebelum melanjutkan.`,
  });
}

/** Refuses a move the table forbids, or one made from a page showing an older state. */
export function assertMove(current: Case, to: CaseState, expectedState?: CaseState): void {
  if (expectedState && expectedState !== current.state) throw staleError(current.state);
  const result = transition(current.state, to);
  if (!result.ok) {
    throw new AppError('move_not_allowed', {
      userMessage: `Tindakan ini tidak dapat dilakukan pada kasus berstatus "${officerLabel(current.state)}".`,
    });
  }
}

/** Refuses an action that needs the case in one of `states`. */
export function assertState(current: Case, states: readonly CaseState[], expectedState?: CaseState): void {
  if (expectedState && expectedState !== current.state) throw staleError(current.state);
  if (!states.includes(current.state)) {
    throw new AppError('action_not_allowed', {
      userMessage: `Tindakan ini tidak dapat dilakukan pada kasus berstatus "${officerLabel(current.state)}".`,
    });
  }
}

export type MoveOptions = {
  caseRow: Case;
  to: CaseState;
  officerId: number | null;
  kind: string;
  internalNote?: string | null;
  /** What the reporter is shown on /status; null keeps the event internal. */
  publicNote?: string | null;
  /** Other case columns to set with the move. */
  set?: Partial<Omit<Case, 'id' | 'state'>>;
  audit?: AuditDetail;
  /** Due date of the information request opened with this move (awaiting_info). */
  openInfoRequestDueAt?: Date;
  now?: Date;
};

/**
 * Moves a case inside a transaction. The update is guarded by the state read before,
 * so two officers acting at once cannot both move the same case: the second one gets
 * the stale-form message and nothing changes.
 */
export async function moveCase(tx: DbTransaction, options: MoveOptions): Promise<void> {
  const { caseRow, to, now = new Date() } = options;
  const due = await dueFields(tx, {
    state: to,
    createdAt: caseRow.createdAt,
    completedAt: options.set?.completedAt ?? caseRow.completedAt,
    stateChangedAt: now,
    openInfoRequestDueAt: options.openInfoRequestDueAt,
  });
  const updated = await tx
    .update(cases)
    .set({ ...options.set, ...due, state: to, stateChangedAt: now, updatedAt: now })
    .where(and(eq(cases.id, caseRow.id), eq(cases.state, caseRow.state)))
    .returning({ id: cases.id });
  if (updated.length === 0) {
    const [fresh] = await tx.select({ state: cases.state }).from(cases).where(eq(cases.id, caseRow.id));
    throw staleError(fresh?.state ?? caseRow.state);
  }
  // A closed case takes no more answers: its open questions close with it.
  const closedRequests = isFinal(to) ? await closeOpenInfoRequests(tx, caseRow.id) : [];
  await recordEvent(tx, {
    caseId: caseRow.id,
    kind: options.kind,
    fromState: caseRow.state,
    toState: to,
    officerId: options.officerId,
    internalNote: options.internalNote ?? null,
    publicNote: options.publicNote ?? null,
    now,
  });
  await appendAudit(tx, {
    officerId: options.officerId,
    action: `case.${options.kind}`,
    caseId: caseRow.id,
    detail: { from: caseRow.state, to, ...options.audit, ...(closedRequests.length > 0 ? { closedInfoRequestIds: closedRequests } : {}) },
    at: now,
  });
}

/**
 * The common shape of an officer's decision: for an authorised officer, load the case, check
 * the move (and the state the form showed), let `details` refuse or describe the move,
 * then move in one transaction.
 */
export async function decide(
  db: Database,
  officer: AuthorizedOfficer,
  command: CaseCommand,
  to: CaseState,
  details: (caseRow: Case, officer: AuthorizedOfficer) => Promise<MoveDetails> | MoveDetails,
): Promise<void> {
  const caseRow = await loadCaseFor(db, officer, command.caseNumber);
  assertMove(caseRow, to, command.expectedState);
  const move = await details(caseRow, officer);
  await db.transaction((tx) => moveCase(tx, { ...move, caseRow, to, officerId: officer.id }));
}

export type MoveDetails = Omit<MoveOptions, 'caseRow' | 'to' | 'officerId'>;

export async function recordEvent(
  tx: DbTransaction,
  event: {
    caseId: number;
    kind: string;
    fromState?: CaseState | null;
    toState?: CaseState | null;
    officerId: number | null;
    internalNote?: string | null;
    publicNote?: string | null;
    now?: Date;
  },
): Promise<void> {
  // An officer's news for the reporter also goes, as a bare "there is an update", to the
  // reporter's email when they agreed; their own actions never mail them.
  if (event.publicNote && event.officerId !== null) await notifyReporterIfConsented(tx, event.caseId, event.now);
  const [inserted] = await tx.insert(caseEvents).values({
    caseId: event.caseId,
    kind: event.kind,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    officerId: event.officerId,
    internalNote: null,
    publicNote: event.publicNote ? SEAL_PENDING : null,
    visibleToReporter: Boolean(event.publicNote),
    createdAt: event.now ?? new Date(),
  }).returning({ id: caseEvents.id });
  await sealRow(tx, await loadCaseCipher(tx, event.caseId), caseEvents, inserted.id, {
    internalNote: event.internalNote ?? null,
    publicNote: event.publicNote ?? null,
  });
}

/** Touches the case's updatedAt for changes that do not move it (messages, summons). */
export async function touchCase(tx: DbTransaction, caseId: number, now = new Date()): Promise<void> {
  await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId));
}
