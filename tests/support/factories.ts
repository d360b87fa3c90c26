import type { Database } from '@/lib/db/client';
import { officers } from '@/lib/db/schema';
import { authorizeOfficer } from '@/lib/auth/guard';
import { hashPassword } from '@/lib/auth/password';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { validReportForm } from './forms';

let officerSeq = 0;

/**
 * An active officer (or admin) row, authorised through the real guard as a page or action
 * would be: the AuthorizedOfficer services take, plus its password and the session user
 * (`session`) for tests of the guard itself.
 */
export async function createOfficer(db: Database, role: 'officer' | 'admin' = 'officer', password = 'officer-password-123') {
  officerSeq += 1;
  const [row] = await db
    .insert(officers)
    .values({ email: `petugas${officerSeq}-${Date.now()}@wbs.test`, name: `Petugas ${officerSeq}`, passwordHash: await hashPassword(password), role })
    .returning({ id: officers.id, email: officers.email });
  const session = { id: String(row.id), role };
  return Object.assign(await authorizeOfficer(db, session), { password, session });
}

/** A submitted report through the real submission path; returns its numbers and ticket. */
export async function createCase(db: Database, overrides: Record<string, string> = {}) {
  const result = await handleReportSubmission(db, validReportForm(overrides));
  if (!result.ok) throw new Error(`factory report refused: ${JSON.stringify(result.fieldErrors)}`);
  return result.submitted;
}
