/**
 * "Is this account still activating?" — the one rule behind the guard, the officer
 * layout, the activation page and the sign-in result. An account on its one-time
 * password must replace it; an account without two-step verification must enrol when
 * the office requires it. Until both are done it may only take those steps.
 */

export type ActivationSteps = {
  mustChangePassword: boolean;
  mustEnrolTotp: boolean;
  /** Either step is left: the officer area is closed except for the activation page. */
  pending: boolean;
};

export function activationSteps(
  officer: { mustChangePassword: boolean; totpEnabled: boolean },
  office: { requireTotp: boolean },
): ActivationSteps {
  const mustChangePassword = officer.mustChangePassword;
  const mustEnrolTotp = office.requireTotp && !officer.totpEnabled;
  return { mustChangePassword, mustEnrolTotp, pending: mustChangePassword || mustEnrolTotp };
}

/** Whether the office's TOTP setting can change the answer (saves reading settings when not). */
export function activationDependsOnOffice(officer: { totpEnabled: boolean }): boolean {
  return !officer.totpEnabled;
}
