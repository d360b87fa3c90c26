import type { Database, DbTransaction } from '@/lib/db/client';
import type { Case } from '@/lib/db/schema';
import { getSettings } from '@/lib/settings';
import { currentDeadline, type DeadlineCase } from './deadlines';
import { loadHolidaySet } from './holidays';

/**
 * The due date to keep on a case row after a change (cases.due_at / due_kind), from the
 * deadline rules, the office settings and the holiday calendar in force now.
 */
export async function dueFields(
  db: Database | DbTransaction,
  c: DeadlineCase,
): Promise<Pick<Case, 'dueAt' | 'dueKind'>> {
  const settings = await getSettings(db as Database);
  const start = c.completedAt ?? c.createdAt;
  const year = start.getUTCFullYear();
  const holidays = await loadHolidaySet(db, year, year + 1);
  const due = currentDeadline(c, settings, holidays);
  return { dueAt: due?.dueAt ?? null, dueKind: due?.kind ?? null };
}
