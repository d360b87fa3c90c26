/**
 * Who may work a case, as pure rules (no database, no Next.js), so every read model,
 * service and download asks the same question and gets the same answer.
 *
 * - An officer who declared a conflict of interest (recusal) is refused the case,
 *   whatever their role: an admin who recused cannot see it either.
 * - A case an admin restricted is open only to its assigned officers and to admins
 *   (who must still be able to assign and reassign it).
 * - Anyone else may open it.
 */

export type OfficerRef = { readonly id: number; readonly role: 'officer' | 'admin' };

export type CaseAccessFacts = {
  restricted: boolean;
  assignedOfficerIds: readonly number[];
  recusedOfficerIds: readonly number[];
};

export type CaseAccessRefusal = 'recused' | 'restricted';

export type CaseAccess = { ok: true; assigned: boolean } | { ok: false; reason: CaseAccessRefusal };

/** Whether `officer` may open the case described by `facts`. */
export function caseAccess(officer: OfficerRef, facts: CaseAccessFacts): CaseAccess {
  if (facts.recusedOfficerIds.includes(officer.id)) return { ok: false, reason: 'recused' };
  const assigned = facts.assignedOfficerIds.includes(officer.id);
  if (facts.restricted && !assigned && officer.role !== 'admin') return { ok: false, reason: 'restricted' };
  return { ok: true, assigned };
}

export type TakeRefusal = CaseAccessRefusal | 'already_assigned';

/** An officer may take a case only while nobody handles it (and they may open it). */
export function canTake(officer: OfficerRef, facts: CaseAccessFacts): { ok: true } | { ok: false; reason: TakeRefusal } {
  const access = caseAccess(officer, facts);
  if (!access.ok) return access;
  if (facts.assignedOfficerIds.length > 0) return { ok: false, reason: 'already_assigned' };
  return { ok: true };
}

export type AssignRefusal = 'target_recused' | 'target_inactive' | 'already_assigned';

/** An admin may assign an active officer who has not recused and is not already assigned. */
export function canAssign(
  target: { id: number; active: boolean },
  facts: CaseAccessFacts,
): { ok: true } | { ok: false; reason: AssignRefusal } {
  if (!target.active) return { ok: false, reason: 'target_inactive' };
  if (facts.recusedOfficerIds.includes(target.id)) return { ok: false, reason: 'target_recused' };
  if (facts.assignedOfficerIds.includes(target.id)) return { ok: false, reason: 'already_assigned' };
  return { ok: true };
}

/** The officers to notify about an event on a case, before notification preferences. */
export type NotificationAudience = {
  /** Only these officers (null: every officer). */
  only: readonly number[] | null;
  /** Never these officers (recused). */
  exclude: readonly number[];
  /** With `only`: admins are added too (a restricted case nobody handles yet). */
  includeAdmins: boolean;
};

/**
 * Once a case has officers, its news goes to them; a new report (or one released from
 * quarantine) still reaches every officer who may open it. Recused officers never hear
 * of the case; on a restricted case, nobody beyond its officers and admins does.
 */
export function notificationAudience(event: 'new_report' | 'case_event', facts: CaseAccessFacts): NotificationAudience {
  const exclude = facts.recusedOfficerIds;
  if (event === 'case_event' && facts.assignedOfficerIds.length > 0) {
    return { only: facts.assignedOfficerIds, exclude, includeAdmins: false };
  }
  if (facts.restricted) return { only: facts.assignedOfficerIds, exclude, includeAdmins: true };
  return { only: null, exclude, includeAdmins: false };
}
