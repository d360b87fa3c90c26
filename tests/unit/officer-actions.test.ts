import { describe, expect, it } from 'vitest';
import { allowedActionsFor, findAction, rejectionReasonsFor, type OfficerActionKind } from '@/lib/cases/officer-actions';
import { CASE_STATES, type CaseState } from '@/lib/cases/workflow';

/*
 * The officer page offers exactly the actions the services accept. Expected values are
 * written out from DESIGN.md's procedure, not derived from the module. No database.
 */

const kinds = (state: CaseState, context?: Parameters<typeof allowedActionsFor>[1]) =>
  allowedActionsFor(state, context).map((action) => action.kind);

describe('allowed actions follow the workflow table', () => {
  const expected: Record<CaseState, OfficerActionKind[]> = {
    received: ['start_verification', 'message'],
    verifying: ['request_information', 'accept', 'refer', 'reject', 'message'],
    awaiting_info: ['message'],
    investigating: ['request_information', 'schedule_summons', 'conclude', 'refer', 'message'],
    hearing_witnesses: ['schedule_summons', 'return_to_investigation', 'conclude', 'message'],
    examining_reported: ['schedule_summons', 'conclude', 'refer', 'message'],
    concluded: [],
    referred: [],
    rejected: [],
  };
  for (const [state, actions] of Object.entries(expected) as [CaseState, OfficerActionKind[]][]) {
    it(`offers only ${actions.join(', ') || 'nothing'} in ${state}`, () => {
      expect(kinds(state, { openInfoRequestDueAt: new Date(Date.now() + 86400_000) })).toEqual(actions);
    });
  }

  it('offers the summons roles the state allows', () => {
    expect(findAction(allowedActionsFor('investigating'), 'schedule_summons')?.roles).toEqual(['pelapor', 'saksi', 'terlapor']);
    expect(findAction(allowedActionsFor('hearing_witnesses'), 'schedule_summons')?.roles).toEqual(['pelapor', 'saksi', 'terlapor']);
    expect(findAction(allowedActionsFor('examining_reported'), 'schedule_summons')?.roles).toEqual(['terlapor']);
    expect(findAction(allowedActionsFor('verifying'), 'schedule_summons')).toBeUndefined();
  });

  it('offers rejection from Menunggu Kelengkapan only for no answer, once the request is due', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    expect(kinds('awaiting_info', { openInfoRequestDueAt: new Date(now.getTime() + 1000), now })).not.toContain('reject');
    const due = findAction(allowedActionsFor('awaiting_info', { openInfoRequestDueAt: new Date(now.getTime() - 1000), now }), 'reject');
    expect(due?.reasons).toEqual(['tidak_ada_jawaban']);
    // Exactly at the due instant the reporter's time is up.
    expect(kinds('awaiting_info', { openInfoRequestDueAt: now, now })).toContain('reject');
    // Without an open request (it was answered or expired) the case may be rejected too.
    expect(kinds('awaiting_info', { openInfoRequestDueAt: null, now })).toContain('reject');
    expect(findAction(allowedActionsFor('verifying'), 'reject')?.reasons).toEqual([
      'bukan_wewenang',
      'tidak_memenuhi_4w1h',
      'bukan_pelanggaran',
      'duplikat',
      'spam',
      'tidak_ada_jawaban',
    ]);
  });
});

describe('rejectionReasonsFor (shared by the page and rejectCase)', () => {
  it('allows rejection only from Verifikasi, and from Menunggu Kelengkapan once due', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    const allowed = CASE_STATES.filter((state) => rejectionReasonsFor(state, { now }).length > 0);
    expect(allowed).toEqual(['verifying', 'awaiting_info']);
    expect(rejectionReasonsFor('awaiting_info', { openInfoRequestDueAt: new Date(now.getTime() + 60_000), now })).toEqual([]);
    expect(rejectionReasonsFor('awaiting_info', { openInfoRequestDueAt: new Date(now.getTime() - 60_000), now })).toEqual(['tidak_ada_jawaban']);
    expect(rejectionReasonsFor('verifying', { now })).toHaveLength(6);
  });
});
