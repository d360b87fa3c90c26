import { SUMMONS_ROLES } from '@/lib/db/schema';
import { stateAfterSummons } from './service/summons';
import { canMove, isFinal, REJECTION_REASONS, type CaseState, type RejectionReason } from './workflow';

/**
 * Which officer actions a case offers in its state, derived from the workflow table
 * (lib/cases/workflow.ts) and the summons rules, so the page never offers a move the
 * services would refuse.
 */

export type SummonsRole = (typeof SUMMONS_ROLES)[number];

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
  if (canMove(state, 'rejected')) {
    if (state !== 'awaiting_info') actions.push({ kind: 'reject', reasons: [...REJECTION_REASONS] });
    else if (!context.openInfoRequestDueAt || context.openInfoRequestDueAt.getTime() <= now.getTime()) {
      actions.push({ kind: 'reject', reasons: ['tidak_ada_jawaban'] });
    }
  }
  actions.push({ kind: 'message' });
  return actions;
}

/** The allowed action of `kind`, typed by its kind, or undefined. */
export function findAction<K extends OfficerActionKind>(
  actions: readonly AllowedAction[],
  kind: K,
): Extract<AllowedAction, { kind: K }> | undefined {
  return actions.find((action) => action.kind === kind) as Extract<AllowedAction, { kind: K }> | undefined;
}
