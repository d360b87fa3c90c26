import { count, eq, sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { officerActionWith } from '@/lib/auth/action';
import { beginTotpEnrolment, changeOwnPassword, confirmTotpEnrolment, pendingTotpEnrolment } from '@/lib/auth/account';
import { authorizeOfficer, sessionOfficer } from '@/lib/auth/guard';
import { accountKey, authenticateOfficer, type LoginInput } from '@/lib/auth/login';
import { databaseSignInLimiter } from '@/lib/auth/sign-in-limits';
import { SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ACCOUNT_CLIENT, SIGN_IN_PER_CLIENT } from '@/lib/security/rate-limit';
import {
  changeOfficerRole,
  createOfficer,
  createOfficerSchema,
  listOfficers,
  resetOfficerPassword,
  setOfficerActive,
} from '@/lib/auth/officers';
import { hashPassword } from '@/lib/auth/password';
import { consumeSignInProof, endOfficerSessions, issueSignInProof } from '@/lib/auth/sessions';
import { openTotp, sealTotp } from '@/lib/auth/totp';
import type { Database } from '@/lib/db/client';
import { auditLog, officers, rateLimits, settings } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { freshDatabase } from '../support/db';

let db: Database;
const PASSWORD = 'kata-sandi-yang-panjang-1';
const MINUTE = 60_000;

async function addOfficer(values: { email: string; role?: 'officer' | 'admin'; active?: boolean; password?: string }) {
  const [row] = await db
    .insert(officers)
    .values({
      email: values.email,
      name: values.email.split('@')[0],
      passwordHash: await hashPassword(values.password ?? PASSWORD),
      role: values.role ?? 'officer',
      active: values.active ?? true,
    })
    .returning();
  return row;
}

async function officerRow(id: number) {
  const [row] = await db.select().from(officers).where(eq(officers.id, id));
  return row;
}

async function auditCount(action?: string) {
  const [{ n }] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(action ? eq(auditLog.action, action) : undefined);
  return n;
}

async function setOfficerActiveDirect(id: number, active: boolean) {
  await db.update(officers).set({ active }).where(eq(officers.id, id));
}

async function setRequireTotp(value: boolean) {
  await db.insert(settings).values({ key: 'requireTotp', value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

/** Audit rows of `action` whose detail names `targetOfficerId`. */
async function auditedAbout(action: string, targetOfficerId: number) {
  const rows = await db.select({ detail: auditLog.detail }).from(auditLog).where(eq(auditLog.action, action));
  return rows.filter((row) => (row.detail as { targetOfficerId?: number } | null)?.targetOfficerId === targetOfficerId).length;
}

beforeAll(async () => {
  ({ db } = await freshDatabase());
});

/** A sign-in as the sign-in action makes it, from the client address `clientKey`. */
function login(input: LoginInput, options: { now?: Date; clientKey?: string } = {}) {
  return authenticateOfficer(db, input, { client: options.clientKey ?? '192.0.2.1', limiter: databaseSignInLimiter(db), now: options.now });
}

beforeEach(async () => {
  await db.run(sql`DELETE FROM rate_limits`);
  await setRequireTotp(false);
});

describe('authenticateOfficer', () => {
  it('[AUTH] the right password signs in, with a normalised e-mail, and forgives this address its earlier failures', async () => {
    const officer = await addOfficer({ email: 'ani@wbs.test' });
    for (let i = 0; i < 3; i++) expect(await login({ email: 'ani@wbs.test', password: 'salah' })).toEqual({ ok: false, reason: 'invalid' });
    const before = await auditCount('sign_in');

    const result = await login({ email: '  ANI@wbs.test ', password: PASSWORD });

    expect(result).toMatchObject({ ok: true, officer: { id: officer.id, role: 'officer' }, mustEnrolTotp: false });
    expect(await auditCount('sign_in')).toBe(before + 1);
    // 3 failures + 1 success: the pair's count is given back, the account's tries stay counted.
    const rows = await db.select().from(rateLimits);
    expect(rows.find((r) => r.bucket === SIGN_IN_PER_ACCOUNT_CLIENT.bucket)).toBeUndefined();
    expect(rows.find((r) => r.bucket === SIGN_IN_PER_ACCOUNT.bucket)?.count).toBe(4);
    expect(JSON.stringify(rows)).not.toContain(accountKey('ani@wbs.test'));
  });

  it('[AUTH] a stranger failing 1,000 times from one address is held to 5 guesses an hour; the officer from another address gets straight in', async () => {
    const officer = await addOfficer({ email: 'budi@wbs.test' });
    const t0 = new Date('2026-05-01T08:00:00Z');
    const auditBefore = await auditCount('sign_in_failed');
    const answers: string[] = [];
    for (let i = 0; i < 1000; i++) {
      // Different client keys per try would be the address-forging attack; the client
      // key comes from the app (lib/security), so one address is one key.
      const r = await login({ email: 'budi@wbs.test', password: `tebakan-${i}` }, { now: new Date(t0.getTime() + i * 1000), clientKey: 'attacker' });
      answers.push(r.ok ? 'ok' : r.reason);
    }
    // Per address across accounts: 30 tries per 10 minutes; per account and address: 5 failures per hour.
    expect(answers.filter((a) => a === 'invalid').length).toBe(SIGN_IN_PER_ACCOUNT_CLIENT.limit);
    expect(answers.filter((a) => a === 'limited').length).toBe(1000 - SIGN_IN_PER_ACCOUNT_CLIENT.limit);
    // Only the guesses that were checked reached the audit log.
    expect(await auditCount('sign_in_failed')).toBe(auditBefore + SIGN_IN_PER_ACCOUNT_CLIENT.limit);

    const during = new Date(t0.getTime() + 1000 * 1000);
    expect(await login({ email: 'budi@wbs.test', password: PASSWORD }, { now: during, clientKey: 'officer-office' })).toMatchObject({
      ok: true,
      officer: { id: officer.id },
    });
    // …and the attacker, even with the right password now, is still refused from that address.
    expect(await login({ email: 'budi@wbs.test', password: PASSWORD }, { now: during, clientKey: 'attacker' })).toMatchObject({ ok: false, reason: 'limited' });
    // An hour after its window began, the attacker has another 5 guesses, no more.
    const later = new Date(t0.getTime() + 61 * MINUTE);
    let checked = 0;
    for (let i = 0; i < 40; i++) {
      const r = await login({ email: 'budi@wbs.test', password: `lagi-${i}` }, { now: new Date(later.getTime() + i * 60_000), clientKey: 'attacker' });
      if (!r.ok && r.reason === 'invalid') checked += 1;
    }
    expect(checked).toBe(SIGN_IN_PER_ACCOUNT_CLIENT.limit);
  });

  it('[AUTH] 30 guesses sent at once from one address on one account: still only 5 are checked', async () => {
    await addOfficer({ email: 'serentak@wbs.test' });
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login({ email: 'serentak@wbs.test', password: `tebakan-${i}` }, { clientKey: '203.0.113.30' })),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(SIGN_IN_PER_ACCOUNT_CLIENT.limit);
    expect(results.filter((r) => !r.ok && r.reason === 'limited')).toHaveLength(30 - SIGN_IN_PER_ACCOUNT_CLIENT.limit);
  });

  it('[AUTH] one address trying many accounts is held to 30 tries per 10 minutes', async () => {
    const now = new Date('2026-05-02T08:00:00Z');
    const reasons: string[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await login({ email: `spray${i}@wbs.test`, password: 'Password123!' }, { now, clientKey: 'sprayer' });
      reasons.push(r.ok ? 'ok' : r.reason);
    }
    expect(reasons.filter((r) => r === 'invalid').length).toBe(SIGN_IN_PER_CLIENT.limit);
    expect(reasons.slice(SIGN_IN_PER_CLIENT.limit).every((r) => r === 'limited')).toBe(true);
  });

  it('[AUTH] an unknown e-mail answers exactly like a known one at every step, is counted in the database, and leaves no audit row nor the address in clear', async () => {
    await addOfficer({ email: 'known@wbs.test' });
    const now = new Date('2026-05-03T08:00:00Z');
    const auditBefore = await auditCount();
    const run = async (email: string, clientKey: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 12; i++) out.push(await login({ email, password: 'salah-terus' }, { now, clientKey }));
      return out;
    };
    const known = await run('known@wbs.test', 'k');
    const unknown = await run('unknown@wbs.test', 'u');
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatchObject({ ok: false, reason: 'limited' });
    // One row per checked failure for the known account; none for the unknown address.
    expect((await auditCount()) - auditBefore).toBe(SIGN_IN_PER_ACCOUNT_CLIENT.limit);
    const stored = JSON.stringify(await db.select().from(rateLimits)) + JSON.stringify(await db.select().from(auditLog));
    expect(stored).not.toContain('unknown@wbs.test');
    expect(stored).not.toContain('unknown');
  });

  it('[AUTH] a password over the field limit is refused before any work', async () => {
    await addOfficer({ email: 'panjang@wbs.test' });
    const started = Date.now();
    expect(await login({ email: 'panjang@wbs.test', password: 'x'.repeat(20 * 1024 * 1024) })).toEqual({ ok: false, reason: 'invalid' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await db.select().from(rateLimits)).toEqual([]);
  });

  it('[AUTH] a deactivated officer cannot sign in', async () => {
    const officer = await addOfficer({ email: 'citra@wbs.test', active: false });
    expect(await login({ email: 'citra@wbs.test', password: 'salah' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await login({ email: 'citra@wbs.test', password: PASSWORD })).toEqual({ ok: false, reason: 'inactive' });
    expect(officer.id).toBeGreaterThan(0);
  });

  it('[AUTH] with TOTP required, a missing or wrong code is refused and the right code is accepted once', async () => {
    await setRequireTotp(true);
    const officer = await addOfficer({ email: 'dewi@wbs.test' });
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await db
      .update(officers)
      .set({ totpEnabled: true, totpSecretEnc: sealTotp(officer.id, { secret }) })
      .where(eq(officers.id, officer.id));

    expect(await login({ email: 'dewi@wbs.test', password: PASSWORD })).toEqual({ ok: false, reason: 'totp_required' });
    expect(await login({ email: 'dewi@wbs.test', password: PASSWORD, code: '' })).toEqual({ ok: false, reason: 'totp_required' });

    const right = await generate({ secret });
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(await login({ email: 'dewi@wbs.test', password: PASSWORD, code: wrong })).toEqual({ ok: false, reason: 'totp_invalid' });
    expect(await login({ email: 'dewi@wbs.test', password: 'salah', code: right })).toEqual({ ok: false, reason: 'invalid' });

    const ok = await login({ email: 'dewi@wbs.test', password: PASSWORD, code: right });
    expect(ok).toMatchObject({ ok: true, mustEnrolTotp: false });
    expect((await officerRow(officer.id)).totpLastStep).toBeGreaterThanOrEqual(Math.floor(Date.now() / 30_000) - 1);

    // The same code cannot be used a second time (replay).
    expect(await login({ email: 'dewi@wbs.test', password: PASSWORD, code: right })).toEqual({ ok: false, reason: 'totp_invalid' });
  });

  it('[AUTH] one TOTP code sent by 6 sign-ins at the same moment opens exactly one session', async () => {
    const officer = await addOfficer({ email: 'paralel@wbs.test' });
    const secret = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';
    await db.update(officers).set({ totpEnabled: true, totpSecretEnc: sealTotp(officer.id, { secret }) }).where(eq(officers.id, officer.id));
    const code = await generate({ secret });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => login({ email: 'paralel@wbs.test', password: PASSWORD, code }, { clientKey: `device-${i}` })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'totp_invalid')).toHaveLength(5);
  });

  it('[AUTH] with TOTP required but not enrolled, the officer gets in and must enrol', async () => {
    await setRequireTotp(true);
    await addOfficer({ email: 'eko@wbs.test' });
    expect(await login({ email: 'eko@wbs.test', password: PASSWORD })).toMatchObject({ ok: true, mustEnrolTotp: true });
  });

  it('[AUTH] enrolment stores the secret encrypted and turns on only after a right code', async () => {
    const officer = await addOfficer({ email: 'fajar@wbs.test' });
    const session = await sessionOfficer(db, { id: String(officer.id), role: 'officer' });
    await beginTotpEnrolment(db, session);
    const pending = await pendingTotpEnrolment(db, session);
    expect(pending?.uri).toMatch(/^otpauth:\/\/totp\/WBS%20/);
    const row = await officerRow(officer.id);
    expect(row.totpEnabled).toBe(false);
    expect(row.totpSecretEnc).not.toContain(pending!.secret);
    expect(openTotp(officer.id, row.totpSecretEnc!).secret).toBe(pending!.secret);

    const current = await generate({ secret: pending!.secret });
    const wrong = String((Number(current) + 1) % 1_000_000).padStart(6, '0');
    await expectAppError(confirmTotpEnrolment(db, session, { code: wrong }), 'totp_invalid');
    const before = await auditCount('totp_enrolled');
    // A code from the previous 30 seconds still counts (±1 step).
    const previousStep = await generate({ secret: pending!.secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    await confirmTotpEnrolment(db, session, { code: previousStep });
    expect((await officerRow(officer.id)).totpEnabled).toBe(true);
    expect(await auditCount('totp_enrolled')).toBe(before + 1);

    const now = await generate({ secret: pending!.secret });
    expect(await login({ email: 'fajar@wbs.test', password: PASSWORD, code: now })).toMatchObject({ ok: true });
  });
});

describe('session proofs and versions', () => {
  it('[AUTH] a sign-in proof opens one session only, and not after it expired', async () => {
    const officer = await addOfficer({ email: 'bukti@wbs.test' });
    const proof = await issueSignInProof(db, officer.id);
    expect(await consumeSignInProof(db, proof)).toMatchObject({ id: officer.id, sessionVersion: 0 });
    expect(await consumeSignInProof(db, proof)).toBeNull();
    const old = await issueSignInProof(db, officer.id, new Date(Date.now() - 60_000));
    expect(await consumeSignInProof(db, old)).toBeNull();
    expect(await consumeSignInProof(db, 'a-password-is-not-a-proof')).toBeNull();
    await setOfficerActiveDirect(officer.id, false);
    expect(await consumeSignInProof(db, await issueSignInProof(db, officer.id))).toBeNull();
  });

  it('[AUTH] a session from before sign-out, a password change or a TOTP change is refused; the current version passes', async () => {
    const officer = await addOfficer({ email: 'versi@wbs.test', password: PASSWORD });
    const session = (sv: number) => ({ id: String(officer.id), role: 'officer', sv });
    await expect(authorizeOfficer(db, session(0))).resolves.toMatchObject({ id: officer.id });
    await endOfficerSessions(db, officer.id);
    await expectAppError(authorizeOfficer(db, session(0)), 'unauthorized');
    await expect(authorizeOfficer(db, session(1))).resolves.toMatchObject({ id: officer.id });

    await changeOwnPassword(db, await sessionOfficer(db, session(1)), { currentPassword: PASSWORD, newPassword: 'frasa-baru-yang-panjang', confirmPassword: 'frasa-baru-yang-panjang' });
    await expectAppError(authorizeOfficer(db, session(1)), 'unauthorized');
    expect((await officerRow(officer.id)).sessionVersion).toBe(2);

    const me = await sessionOfficer(db, session(2));
    await beginTotpEnrolment(db, me);
    const pending = await pendingTotpEnrolment(db, me);
    await confirmTotpEnrolment(db, me, { code: await generate({ secret: pending!.secret }) });
    await expectAppError(authorizeOfficer(db, session(2)), 'unauthorized');
    expect((await officerRow(officer.id)).sessionVersion).toBe(3);
  });
});

describe('authorizeOfficer', () => {
  it('[AUTH] refuses no session, a malformed one, a deactivated officer and a missing role', async () => {
    const officer = await addOfficer({ email: 'gita@wbs.test' });
    const admin = await addOfficer({ email: 'hadi@wbs.test', role: 'admin' });

    await expectAppError(authorizeOfficer(db, null, 'officer'), 'unauthorized');
    await expectAppError(authorizeOfficer(db, { id: 'abc' }, 'officer'), 'unauthorized');
    await expectAppError(authorizeOfficer(db, { id: '999999' }, 'officer'), 'unauthorized');
    // The role in the session does not count: the stored role does.
    await expectAppError(authorizeOfficer(db, { id: String(officer.id), role: 'admin' }, 'admin'), 'forbidden');

    const ok = await authorizeOfficer(db, { id: String(admin.id), role: 'admin' }, 'admin');
    expect(ok).toEqual({
      id: admin.id,
      name: 'hadi',
      email: 'hadi@wbs.test',
      role: 'admin',
      totpEnabled: false,
      mustChangePassword: false,
      activation: { mustChangePassword: false, mustEnrolTotp: false, pending: false },
    });
    expect(ok).not.toHaveProperty('passwordHash');

    await db.update(officers).set({ active: false }).where(eq(officers.id, officer.id));
    await expectAppError(authorizeOfficer(db, { id: String(officer.id), role: 'officer' }, 'officer'), 'unauthorized');
  });
});

describe('an account still activating', () => {
  it('[AUTH] may take only its own steps: the guard and a plain action refuse it, an activation step runs', async () => {
    const pending = await addOfficer({ email: 'umar@wbs.test' });
    await setRequireTotp(true);
    const session = { id: String(pending.id), role: 'officer' };
    expect((await sessionOfficer(db, session)).activation).toEqual({ mustChangePassword: false, mustEnrolTotp: true, pending: true });
    await expectAppError(authorizeOfficer(db, session), 'activation_required');

    const officerAction = officerActionWith(async () => session);
    const noop = () => Promise.resolve({ message: 'jalan' });
    const plain = officerAction(createOfficerSchema.pick({}), noop);
    const step = officerAction(createOfficerSchema.pick({}), noop, { allowPendingActivation: true });
    expect(await plain({ status: 'idle' }, new FormData())).toMatchObject({ status: 'error', message: expect.stringMatching(/aktivasi/) });
    expect(await step({ status: 'idle' }, new FormData())).toMatchObject({ status: 'success', message: 'jalan' });

    // Once the office no longer requires TOTP, the same account is authorised.
    await setRequireTotp(false);
    expect((await authorizeOfficer(db, session)).id).toBe(pending.id);
  });
});

describe('officer management', () => {
  it('[AUTH] an officer who is not an admin cannot create, deactivate, reset or change roles, and nothing changes', async () => {
    const plain = await addOfficer({ email: 'indah@wbs.test' });
    const target = await addOfficer({ email: 'joko@wbs.test' });
    // A forged role in the session changes nothing: the guard reads the stored one.
    const actor = await authorizeOfficer(db, { id: String(plain.id), role: 'admin' });
    const officersBefore = (await db.select({ n: count() }).from(officers))[0].n;
    const auditBefore = await auditCount();
    const targetBefore = await officerRow(target.id);

    await expectAppError(createOfficer(db, actor, { name: 'Baru', email: 'baru@wbs.test', role: 'admin' }), 'forbidden');
    await expectAppError(setOfficerActive(db, actor, { officerId: target.id, active: false }), 'forbidden');
    await expectAppError(resetOfficerPassword(db, actor, { officerId: target.id }), 'forbidden');
    await expectAppError(changeOfficerRole(db, actor, { officerId: plain.id, role: 'admin' }), 'forbidden');
    await expectAppError(listOfficers(db, actor), 'forbidden');
    await expectAppError(
      authorizeOfficer(db, null).then((nobody) => createOfficer(db, nobody, { name: 'Baru', email: 'baru@wbs.test', role: 'admin' })),
      'unauthorized',
    );

    expect((await db.select({ n: count() }).from(officers))[0].n).toBe(officersBefore);
    expect(await officerRow(target.id)).toEqual(targetBefore);
    expect((await officerRow(plain.id)).role).toBe('officer');
    expect(await auditCount()).toBe(auditBefore);
  });

  it('[AUTH] an admin creates an officer with a one-time password that must be changed', async () => {
    const admin = await addOfficer({ email: 'kartika@wbs.test', role: 'admin' });
    const actor = await authorizeOfficer(db, { id: String(admin.id), role: 'admin' });
    const { officerId, oneTimePassword } = await createOfficer(db, actor, { name: 'Lina', email: ' Lina@WBS.test ', role: 'officer' });

    const created = await officerRow(officerId);
    expect(created).toMatchObject({ email: 'lina@wbs.test', role: 'officer', mustChangePassword: true, active: true });
    expect(created.passwordHash).not.toContain(oneTimePassword);
    expect(await login({ email: 'lina@wbs.test', password: oneTimePassword })).toMatchObject({
      ok: true,
      mustChangePassword: true,
    });
    await expectAppError(createOfficer(db, actor, { name: 'Lina 2', email: 'lina@wbs.test', role: 'officer' }), 'email_taken');

    // The officer replaces the one-time password.
    const self = await sessionOfficer(db, { id: String(officerId), role: 'officer' });
    expect(self.activation).toEqual({ mustChangePassword: true, mustEnrolTotp: false, pending: true });
    // Still activating: nothing but the account's own steps.
    await expectAppError(authorizeOfficer(db, { id: String(officerId) }), 'activation_required');
    await expectAppError(
      changeOwnPassword(db, self, { currentPassword: 'salah', newPassword: 'frasa-baru-yang-panjang', confirmPassword: 'frasa-baru-yang-panjang' }),
      'wrong_password',
    );
    await changeOwnPassword(db, self, { currentPassword: oneTimePassword, newPassword: 'frasa-baru-yang-panjang', confirmPassword: 'frasa-baru-yang-panjang' });
    expect((await officerRow(officerId)).mustChangePassword).toBe(false);

    // A reset gives a new one-time password; the old password stops working.
    const { oneTimePassword: fresh } = await resetOfficerPassword(db, actor, { officerId });
    expect(await login({ email: 'lina@wbs.test', password: 'frasa-baru-yang-panjang' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await login({ email: 'lina@wbs.test', password: fresh })).toMatchObject({ ok: true, mustChangePassword: true });

    await setOfficerActive(db, actor, { officerId, active: false });
    expect(await login({ email: 'lina@wbs.test', password: fresh })).toEqual({ ok: false, reason: 'inactive' });
    // Each step audited once, about this officer (the file shares one database, so a
    // bare "count > 0" would pass on rows other tests wrote).
    expect(await auditedAbout('officer_created', officerId)).toBe(1);
    expect(await auditedAbout('officer_deactivated', officerId)).toBe(1);
    expect(await auditedAbout('password_reset', officerId)).toBe(1);
  });

  it('[AUTH] the last active admin cannot be demoted or deactivated', async () => {
    // Only one active admin from here on.
    await db.update(officers).set({ active: false }).where(eq(officers.role, 'admin'));
    const last = await addOfficer({ email: 'mira@wbs.test', role: 'admin' });
    const second = await addOfficer({ email: 'nanda@wbs.test', role: 'officer' });
    const actor = await authorizeOfficer(db, { id: String(last.id), role: 'admin' });

    await expectAppError(changeOfficerRole(db, actor, { officerId: last.id, role: 'officer' }), 'last_admin');
    await expectAppError(setOfficerActive(db, actor, { officerId: last.id, active: false }), 'self_deactivation');
    expect((await officerRow(last.id)).role).toBe('admin');

    // With a second admin, demoting the first works; the second is then the last one.
    await changeOfficerRole(db, actor, { officerId: second.id, role: 'admin' });
    const secondActor = await authorizeOfficer(db, { id: String(second.id) }, 'admin');
    await changeOfficerRole(db, secondActor, { officerId: last.id, role: 'officer' });
    expect((await officerRow(last.id)).role).toBe('officer');
    await expectAppError(changeOfficerRole(db, secondActor, { officerId: second.id, role: 'officer' }), 'last_admin');
    expect(await auditCount('role_changed')).toBe(2);

    // The demoted officer has lost the admin powers from the next request on.
    await expectAppError(
      authorizeOfficer(db, { id: String(last.id), role: 'admin' }).then((next) => setOfficerActive(db, next, { officerId: second.id, active: false })),
      'forbidden',
    );
    await expectAppError(authorizeOfficer(db, { id: String(last.id), role: 'admin' }, 'admin'), 'forbidden');
  });
});

describe('officerAction', () => {
  function createAction(sessionUser: { id: string; role: string } | null) {
    const officerAction = officerActionWith(async () => sessionUser);
    return officerAction(
      createOfficerSchema,
      async (input, { db: actionDb, officer }) => {
        const { oneTimePassword } = await createOfficer(actionDb, officer, input);
        return { message: 'dibuat', data: { oneTimePassword } };
      },
      { role: 'admin' },
    );
  }
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };
  const officerCount = async () => (await db.select({ n: count() }).from(officers))[0].n;

  it('[AUTH] without a session the action refuses with a clear message and changes nothing', async () => {
    const before = await officerCount();
    const state = await createAction(null)({ status: 'idle' }, form({ name: 'Oki', email: 'oki@wbs.test', role: 'officer' }));
    expect(state).toMatchObject({ status: 'error', message: expect.stringMatching(/Sesi Anda telah berakhir/) });
    expect(await officerCount()).toBe(before);
  });

  it('[AUTH] an officer without the role is refused before the form is read', async () => {
    const plain = await addOfficer({ email: 'putri@wbs.test' });
    const before = await officerCount();
    const state = await createAction({ id: String(plain.id), role: 'admin' })({ status: 'idle' }, form({ name: '', email: 'bad' }));
    expect(state).toMatchObject({ status: 'error', message: 'Anda tidak memiliki hak akses untuk tindakan ini.', fieldErrors: {} });
    expect(await officerCount()).toBe(before);
  });

  it('[AUTH] bad input returns every field message and the typed values, never a password', async () => {
    const admin = await addOfficer({ email: 'rudi@wbs.test', role: 'admin' });
    const action = createAction({ id: String(admin.id), role: 'admin' });
    const state = await action({ status: 'idle' }, form({ name: '', email: 'bukan-email', role: 'raja', password: 'rahasia', code: '123456' }));
    expect(state.status).toBe('error');
    if (state.status !== 'error') return;
    expect(Object.keys(state.fieldErrors).sort()).toEqual(['email', 'name', 'role']);
    expect(state.values).toEqual({ name: '', email: 'bukan-email', role: 'raja' });

    const taken = await action({ status: 'idle' }, form({ name: 'Rudi', email: 'rudi@wbs.test', role: 'officer' }));
    expect(taken).toMatchObject({ status: 'error', fieldErrors: { email: 'Email ini sudah dipakai oleh akun petugas lain.' } });

    const ok = await action({ status: 'idle' }, form({ name: 'Sari', email: 'sari@wbs.test', role: 'officer' }));
    expect(ok).toMatchObject({ status: 'success', message: 'dibuat', data: { oneTimePassword: expect.any(String) } });
  });
});
