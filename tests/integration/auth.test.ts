import { count, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { officerActionWith } from '@/lib/auth/action';
import { beginTotpEnrolment, changeOwnPassword, confirmTotpEnrolment, pendingTotpEnrolment } from '@/lib/auth/account';
import { authorizeOfficer, sessionOfficer } from '@/lib/auth/guard';
import { authenticateOfficer, lockDurationMs, resetShadowFailures } from '@/lib/auth/login';
import {
  changeOfficerRole,
  createOfficer,
  createOfficerSchema,
  listOfficers,
  resetOfficerPassword,
  setOfficerActive,
} from '@/lib/auth/officers';
import { hashPassword } from '@/lib/auth/password';
import { openTotp, sealTotp } from '@/lib/auth/totp';
import type { Database } from '@/lib/db/client';
import { auditLog, officers, settings } from '@/lib/db/schema';
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

beforeEach(async () => {
  resetShadowFailures();
  await setRequireTotp(false);
});

describe('authenticateOfficer', () => {
  it('[AUTH] the right password signs in, with a normalised e-mail, and resets the failure counter', async () => {
    const officer = await addOfficer({ email: 'ani@wbs.test' });
    await db.update(officers).set({ failedLogins: 3 }).where(eq(officers.id, officer.id));
    const before = await auditCount('sign_in');

    const result = await authenticateOfficer(db, { email: '  ANI@wbs.test ', password: PASSWORD });

    expect(result).toMatchObject({ ok: true, officer: { id: officer.id, role: 'officer' }, mustEnrolTotp: false });
    expect((await officerRow(officer.id)).failedLogins).toBe(0);
    expect(await auditCount('sign_in')).toBe(before + 1);
  });

  it('[AUTH] five wrong passwords lock the account for 15 minutes; even the right password is refused while locked', async () => {
    const officer = await addOfficer({ email: 'budi@wbs.test' });
    const t0 = new Date('2026-05-01T08:00:00Z');

    for (let i = 1; i <= 4; i++) {
      const result = await authenticateOfficer(db, { email: 'budi@wbs.test', password: 'salah' }, { now: t0 });
      expect(result).toEqual({ ok: false, reason: 'invalid' });
      expect((await officerRow(officer.id)).failedLogins).toBe(i);
    }
    const fifth = await authenticateOfficer(db, { email: 'budi@wbs.test', password: 'salah' }, { now: t0 });
    expect(fifth).toEqual({ ok: false, reason: 'locked', retryAfterMinutes: 15 });
    expect((await officerRow(officer.id)).lockedUntil?.getTime()).toBe(t0.getTime() + 15 * MINUTE);

    const whileLocked = await authenticateOfficer(db, { email: 'budi@wbs.test', password: PASSWORD }, { now: new Date(t0.getTime() + 10 * MINUTE) });
    expect(whileLocked).toEqual({ ok: false, reason: 'locked', retryAfterMinutes: 5 });

    // After the lock, one more failure locks again for twice as long.
    const t1 = new Date(t0.getTime() + 16 * MINUTE);
    const sixth = await authenticateOfficer(db, { email: 'budi@wbs.test', password: 'salah' }, { now: t1 });
    expect(sixth).toEqual({ ok: false, reason: 'locked', retryAfterMinutes: 30 });

    // Once that lock has passed, the right password works and clears everything.
    const ok = await authenticateOfficer(db, { email: 'budi@wbs.test', password: PASSWORD }, { now: new Date(t1.getTime() + 31 * MINUTE) });
    expect(ok.ok).toBe(true);
    const row = await officerRow(officer.id);
    expect(row.failedLogins).toBe(0);
    expect(row.lockedUntil).toBeNull();
  });

  it('[AUTH] the lock grows 15 min × 2^(n−5) and stops at 24 hours', () => {
    expect(lockDurationMs(4)).toBe(0);
    expect(lockDurationMs(5)).toBe(15 * MINUTE);
    expect(lockDurationMs(6)).toBe(30 * MINUTE);
    expect(lockDurationMs(7)).toBe(60 * MINUTE);
    expect(lockDurationMs(12)).toBe(24 * 60 * MINUTE);
    expect(lockDurationMs(500)).toBe(24 * 60 * MINUTE);
  });

  it('[AUTH] an unknown e-mail answers like a wrong password and "locks" the same way', async () => {
    const now = new Date();
    for (let i = 1; i <= 4; i++) {
      expect(await authenticateOfficer(db, { email: 'nobody@wbs.test', password: 'x' }, { now })).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await authenticateOfficer(db, { email: 'nobody@wbs.test', password: 'x' }, { now })).toEqual({
      ok: false,
      reason: 'locked',
      retryAfterMinutes: 15,
    });
  });

  it('[AUTH] a deactivated officer cannot sign in', async () => {
    const officer = await addOfficer({ email: 'citra@wbs.test', active: false });
    expect(await authenticateOfficer(db, { email: 'citra@wbs.test', password: 'salah' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticateOfficer(db, { email: 'citra@wbs.test', password: PASSWORD })).toEqual({ ok: false, reason: 'inactive' });
    expect((await officerRow(officer.id)).failedLogins).toBe(0);
  });

  it('[AUTH] with TOTP required, a missing or wrong code is refused and the right code is accepted once', async () => {
    await setRequireTotp(true);
    const officer = await addOfficer({ email: 'dewi@wbs.test' });
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await db
      .update(officers)
      .set({ totpEnabled: true, totpSecretEnc: sealTotp(officer.id, { secret }) })
      .where(eq(officers.id, officer.id));

    expect(await authenticateOfficer(db, { email: 'dewi@wbs.test', password: PASSWORD })).toEqual({ ok: false, reason: 'totp_required' });
    expect(await authenticateOfficer(db, { email: 'dewi@wbs.test', password: PASSWORD, code: '' })).toEqual({ ok: false, reason: 'totp_required' });

    const right = await generate({ secret });
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(await authenticateOfficer(db, { email: 'dewi@wbs.test', password: PASSWORD, code: wrong })).toEqual({ ok: false, reason: 'totp_invalid' });
    expect((await officerRow(officer.id)).failedLogins).toBe(1);
    expect(await authenticateOfficer(db, { email: 'dewi@wbs.test', password: 'salah', code: right })).toEqual({ ok: false, reason: 'invalid' });

    const ok = await authenticateOfficer(db, { email: 'dewi@wbs.test', password: PASSWORD, code: right });
    expect(ok).toMatchObject({ ok: true, mustEnrolTotp: false });
    expect((await officerRow(officer.id)).failedLogins).toBe(0);

    // The same code cannot be used a second time (replay).
    expect(await authenticateOfficer(db, { email: 'dewi@wbs.test', password: PASSWORD, code: right })).toEqual({ ok: false, reason: 'totp_invalid' });
  });

  it('[AUTH] with TOTP required but not enrolled, the officer gets in and must enrol', async () => {
    await setRequireTotp(true);
    await addOfficer({ email: 'eko@wbs.test' });
    expect(await authenticateOfficer(db, { email: 'eko@wbs.test', password: PASSWORD })).toMatchObject({ ok: true, mustEnrolTotp: true });
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
    expect(await authenticateOfficer(db, { email: 'fajar@wbs.test', password: PASSWORD, code: now })).toMatchObject({ ok: true });
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
    expect(await authenticateOfficer(db, { email: 'lina@wbs.test', password: oneTimePassword })).toMatchObject({
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
    expect(await authenticateOfficer(db, { email: 'lina@wbs.test', password: 'frasa-baru-yang-panjang' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await authenticateOfficer(db, { email: 'lina@wbs.test', password: fresh })).toMatchObject({ ok: true, mustChangePassword: true });

    await setOfficerActive(db, actor, { officerId, active: false });
    expect(await authenticateOfficer(db, { email: 'lina@wbs.test', password: fresh })).toEqual({ ok: false, reason: 'inactive' });
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
