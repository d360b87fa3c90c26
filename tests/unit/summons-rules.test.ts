import { describe, expect, it } from 'vitest';
import { SUMMONS_ROLES, SUMMONS_STATUSES, stateAfterSummons, type SummonsRole } from '@/lib/cases/summons-rules';
import { CASE_STATES, OPEN_STATES, OUTCOMES, canMove, type CaseState } from '@/lib/cases/workflow';

/* Expected values written out from DESIGN.md ("Pemanggilan", "Selesai"); no database. */

describe('stateAfterSummons', () => {
  const expected: Record<CaseState, Record<SummonsRole, CaseState | null>> = {
    received: { pelapor: null, saksi: null, terlapor: null },
    verifying: { pelapor: null, saksi: null, terlapor: null },
    awaiting_info: { pelapor: null, saksi: null, terlapor: null },
    investigating: { pelapor: 'hearing_witnesses', saksi: 'hearing_witnesses', terlapor: 'examining_reported' },
    hearing_witnesses: { pelapor: 'hearing_witnesses', saksi: 'hearing_witnesses', terlapor: 'examining_reported' },
    examining_reported: { pelapor: null, saksi: null, terlapor: 'examining_reported' },
    concluded: { pelapor: null, saksi: null, terlapor: null },
    referred: { pelapor: null, saksi: null, terlapor: null },
    rejected: { pelapor: null, saksi: null, terlapor: null },
  };
  for (const from of CASE_STATES) {
    for (const role of SUMMONS_ROLES) {
      it(`a summons of ${role} from ${from} → ${expected[from][role] ?? 'refused'}`, () => {
        expect(stateAfterSummons(from, role)).toBe(expected[from][role]);
      });
    }
  }

  it('never leads to a move the workflow table forbids', () => {
    for (const from of CASE_STATES) {
      for (const role of SUMMONS_ROLES) {
        const to = stateAfterSummons(from, role);
        if (to !== null && to !== from) expect(canMove(from, to)).toBe(true);
      }
    }
  });
});

describe('the constants the schema builds its CHECKs from', () => {
  it('lists the summons roles, statuses and outcomes of the procedure', () => {
    expect(SUMMONS_ROLES).toEqual(['pelapor', 'saksi', 'terlapor']);
    expect(SUMMONS_STATUSES).toEqual(['scheduled', 'attended', 'not_attended', 'rescheduled', 'cancelled']);
    expect(OUTCOMES).toEqual(['terbukti_etik', 'terbukti_disiplin', 'tidak_terbukti']);
  });

  it('counts every state but Selesai, Dilimpahkan and Tidak Dapat Ditindaklanjuti as open', () => {
    expect(OPEN_STATES).toEqual(['received', 'verifying', 'awaiting_info', 'investigating', 'hearing_witnesses', 'examining_reported']);
  });
});
