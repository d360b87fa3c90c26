import type { CaseState } from './workflow';

/**
 * The summons (pemanggilan) rules of the procedure, pure like workflow.ts so the
 * schema (column enums), the officer-actions rule, the services and the pages share
 * one copy and the rules are unit-tested without a database.
 */

/** Who can be summoned: the reporter, a witness, the reported party. */
export const SUMMONS_ROLES = ['pelapor', 'saksi', 'terlapor'] as const;
export type SummonsRole = (typeof SUMMONS_ROLES)[number];

/** A summons is scheduled until it is recorded (attended or not), rescheduled or cancelled. */
export const SUMMONS_STATUSES = ['scheduled', 'attended', 'not_attended', 'rescheduled', 'cancelled'] as const;
export type SummonsStatus = (typeof SUMMONS_STATUSES)[number];

/**
 * The state a summons of `role` puts the case in, or null when it cannot be made from
 * `from`: the reporter or a witness from Penelaahan or Klarifikasi (→ Klarifikasi), the
 * reported party also from Pemeriksaan Terlapor (→ Pemeriksaan Terlapor).
 */
export function stateAfterSummons(from: CaseState, role: SummonsRole): CaseState | null {
  if (role === 'terlapor') {
    return ['investigating', 'hearing_witnesses', 'examining_reported'].includes(from) ? 'examining_reported' : null;
  }
  return ['investigating', 'hearing_witnesses'].includes(from) ? 'hearing_witnesses' : null;
}
