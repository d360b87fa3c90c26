import { describe, expect, it } from 'vitest';
import { caseNumberFromSearch, formatCaseNumber, isCaseNumber } from '@/lib/cases/case-number';

describe('case numbers', () => {
  it('are the year and a sequence of at least four digits', () => {
    expect(formatCaseNumber(2026, 1)).toBe('2026-0001');
    expect(formatCaseNumber(2026, 12345)).toBe('2026-12345');
    expect(isCaseNumber('2026-0001')).toBe(true);
    expect(isCaseNumber('2026-12345')).toBe(true);
  });

  it('refuses anything else before it reaches a query or a document', () => {
    for (const bad of ['2026-001', '26-0001', '2026_0001', ' 2026-0001', '2026-0001\n', '2026-0001/../x', '', null, 20260001]) {
      expect(isCaseNumber(bad)).toBe(false);
    }
  });

  it('reads what an officer types into the inbox search', () => {
    expect(caseNumberFromSearch('2026-1')).toBe('2026-0001');
    expect(caseNumberFromSearch(' 2026 / 0042 ')).toBe('2026-0042');
    expect(caseNumberFromSearch('2026-0001')).toBe('2026-0001');
    expect(caseNumberFromSearch('Budi')).toBeNull();
    expect(caseNumberFromSearch('2026-1234567')).toBeNull();
  });
});
