import { SUMMONS_ROLES, stateAfterSummons, type SummonsRole } from './summons-rules';
import { canMove, isFinal, REJECTION_REASONS, type CaseState, type RejectionReason } from './workflow';

/**
 * Which officer actions a case offers in its state, derived from the workflow table
 * (lib/cases/workflow.ts) and the summons rules, so the page never offers a move the
 * services would refuse.
 */

export type { SummonsRole };

export type OfficerActionKind =
  | 'start_verification'
  | 'request_information'
  | 'accept'
  | 'reject'
  | 'refer'
  | 'schedule_summons'
  | 'return_to_investigation'
  | 'conclude'
  | 'message'
  | 'release_quarantine'
  | 'reject_spam';

export type AllowedAction =
  | { kind: 'schedule_summons'; roles: SummonsRole[] }
  | { kind: 'reject'; reasons: RejectionReason[] }
  | { kind: Exclude<OfficerActionKind, 'schedule_summons' | 'reject'> };

/**
 * What an officer may do with a case in `state`, from the workflow table. From Menunggu
 * Kelengkapan a case may only be rejected for "no answer", once the open request is due.
 */
export function allowedActionsFor(
  state: CaseState,
  context: { openInfoRequestDueAt?: Date | null; now?: Date; quarantined?: boolean } = {},
): AllowedAction[] {
  if (isFinal(state)) return [];
  // A quarantined report has two exits instead of the procedure (service/quarantine.ts).
  if (context.quarantined && state === 'received') return [{ kind: 'release_quarantine' }, { kind: 'reject_spam' }, { kind: 'message' }];
  const now = context.now ?? new Date();
  const actions: AllowedAction[] = [];
  if (state === 'received' && canMove(state, 'verifying')) actions.push({ kind: 'start_verification' });
  if (canMove(state, 'awaiting_info')) actions.push({ kind: 'request_information' });
  if (state === 'verifying' && canMove(state, 'investigating')) actions.push({ kind: 'accept' });
  const roles = SUMMONS_ROLES.filter((role) => stateAfterSummons(state, role) !== null);
  if (roles.length > 0) actions.push({ kind: 'schedule_summons', roles });
  if (state === 'hearing_witnesses' && canMove(state, 'investigating')) actions.push({ kind: 'return_to_investigation' });
  if (canMove(state, 'concluded')) actions.push({ kind: 'conclude' });
  if (canMove(state, 'referred')) actions.push({ kind: 'refer' });
  const reasons = rejectionReasonsFor(state, { openInfoRequestDueAt: context.openInfoRequestDueAt, now });
  if (reasons.length > 0) actions.push({ kind: 'reject', reasons });
  actions.push({ kind: 'message' });
  return actions;
}

/**
 * The reasons a case in `state` may be rejected for now; empty when it may not be. From
 * Menunggu Kelengkapan only for "no answer", and only once the open request is due (the
 * page offers this list, and rejectCase refuses anything outside it).
 */
export function rejectionReasonsFor(
  state: CaseState,
  context: { openInfoRequestDueAt?: Date | null; now?: Date } = {},
): RejectionReason[] {
  if (!canMove(state, 'rejected')) return [];
  if (state !== 'awaiting_info') return [...REJECTION_REASONS];
  const now = context.now ?? new Date();
  const due = context.openInfoRequestDueAt;
  return !due || due.getTime() <= now.getTime() ? ['tidak_ada_jawaban'] : [];
}

/** The allowed action of `kind`, typed by its kind, or undefined. */
export function findAction<K extends OfficerActionKind>(
  actions: readonly AllowedAction[],
  kind: K,
): Extract<AllowedAction, { kind: K }> | undefined {
  return actions.find((action) => action.kind === kind) as Extract<AllowedAction, { kind: K }> | undefined;
}
