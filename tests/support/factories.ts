import type { Database } from '@/lib/db/client';
import { identityRequests, officers } from '@/lib/db/schema';
import { desc, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { authorizeOfficer, sessionOfficer, type AuthorizedOfficer } from '@/lib/auth/guard';
import { hashPassword } from '@/lib/auth/password';
import { newTotpSecret, sealTotp } from '@/lib/auth/totp';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { validReportForm } from './forms';
import { isWorkingDay } from '@/lib/cases/deadlines';
import { nationalHolidayDates } from '@/lib/cases/holidays';

let officerSeq = 0;

/**
 * An active officer (or admin) row, enrolled in two-step sign-in as a new install
 * requires (`totp: false` for one that has not enrolled yet), authorised through the
 * real guard: the AuthorizedOfficer services take, plus its password, the session user
 * (`session`), its TOTP secret and a helper for the current code.
 */
export async function createOfficer(
  db: Database,
  role: 'officer' | 'admin' = 'officer',
  password = 'officer-password-123',
  options: { totp?: boolean } = {},
) {
  officerSeq += 1;
  const [row] = await db
    .insert(officers)
    .values({ email: `petugas${officerSeq}-${Date.now()}@wbs.test`, name: `Petugas ${officerSeq}`, passwordHash: await hashPassword(password), role })
    .returning({ id: officers.id, email: officers.email });
  const totpSecret = options.totp === false ? null : newTotpSecret();
  if (totpSecret) {
    await db.update(officers).set({ totpEnabled: true, totpSecretEnc: sealTotp(row.id, { secret: totpSecret }) }).where(eq(officers.id, row.id));
  }
  const session = { id: String(row.id), role };
  const extra = { password, session, totpSecret, totpCode: () => generate({ secret: totpSecret ?? '' }) };
  // Not enrolled: the guard refuses it (activation_required), so only the session user exists.
  const authorized = totpSecret
    ? await authorizeOfficer(db, session)
    : await authorizeOfficer(db, session).catch(async () => (await sessionOfficer(db, session)) as unknown as AuthorizedOfficer);
  return Object.assign(authorized, extra);
}

/** A submitted report through the real submission path; returns its numbers and ticket. */
export async function createCase(db: Database, overrides: Record<string, string> = {}) {
  const result = await handleReportSubmission(db, validReportForm(overrides));
  if (!result.ok) throw new Error(`factory report refused: ${JSON.stringify(result.fieldErrors)}`);
  return result.submitted;
}

/** The id of the newest identity request (requestIdentityAccess returns only its status). */
export async function latestIdentityRequestId(db: Database): Promise<number> {
  const [row] = await db.select({ id: identityRequests.id }).from(identityRequests).orderBy(desc(identityRequests.id)).limit(1);
  return row.id;
}

/**
 * A WITA date at least `days` ahead that is a working day (no weekend, no national
 * holiday), for summons the tests schedule without the weekend confirmation.
 */
export function workingDayAhead(days: number): string {
  for (let n = days; ; n += 1) {
    const date = new Date(Date.now() + n * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    if (isWorkingDay(date, new Set(nationalHolidayDates(Number(date.slice(0, 4)))))) return date;
  }
}

/** An instant safely after a summons scheduled up to `days` ahead: "the meeting has taken place". */
export function afterMeeting(days = 60): Date {
  return new Date(Date.now() + days * 86400_000);
}
