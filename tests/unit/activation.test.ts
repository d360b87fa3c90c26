import { describe, expect, it } from 'vitest';
import { activationDependsOnOffice, activationSteps } from '@/lib/auth/activation';

describe('activationSteps', () => {
  const cases = [
    // [mustChangePassword, totpEnabled, requireTotp] → [change, enrol, pending]
    [false, false, false, false, false, false],
    [false, true, false, false, false, false],
    [false, true, true, false, false, false],
    [false, false, true, false, true, true],
    [true, false, false, true, false, true],
    [true, true, true, true, false, true],
    [true, false, true, true, true, true],
  ] as const;
  for (const [mustChangePassword, totpEnabled, requireTotp, change, enrol, pending] of cases) {
    it(`one-time password ${mustChangePassword}, TOTP ${totpEnabled}, office requires TOTP ${requireTotp} → pending ${pending}`, () => {
      expect(activationSteps({ mustChangePassword, totpEnabled }, { requireTotp })).toEqual({
        mustChangePassword: change,
        mustEnrolTotp: enrol,
        pending,
      });
    });
  }

  it('needs the office setting only for an officer without TOTP', () => {
    expect(activationDependsOnOffice({ totpEnabled: true })).toBe(false);
    expect(activationDependsOnOffice({ totpEnabled: false })).toBe(true);
    for (const mustChangePassword of [true, false]) {
      for (const requireTotp of [true, false]) {
        const officer = { mustChangePassword, totpEnabled: true };
        expect(activationSteps(officer, { requireTotp })).toEqual(activationSteps(officer, { requireTotp: !requireTotp }));
      }
    }
  });
});
