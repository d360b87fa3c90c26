import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { cases, infoRequests, settings, summons } from '@/lib/db/schema';
import { deadlineStatus, officeDateKey } from '@/lib/cases/deadlines';
import { loadHolidaySet } from '@/lib/cases/holidays';
import { OPEN_STATES } from '@/lib/cases/workflow';
import { caseVisibility } from '@/lib/cases/assignment';
import { notifyOfficers } from '@/lib/cases/notify';
import { getSettings } from '@/lib/settings';
import { enqueueDeadlineDigest, officeFromSettings } from './outbox';
import { officeHour } from '@/lib/office-time';

/**
 * Notifications no request causes, run by the delivery loop on every pass: information
 * requests past their due date, tomorrow's summons, the daily deadline digest. Each is
 * claimed by a guarded UPDATE in the same transaction as its emails, so when several app
 * instances run this at once exactly one of them sends each notification.
 */

export const DIGEST_HOUR_WITA = 7;
const DIGEST_KEY = 'lastDigestDate';
const REMINDER_WINDOW_MS = 24 * 3600 * 1000;

export type ScheduledResult = { expired: number; reminders: number; digest: boolean };

export async function runScheduledNotifications(db: Database, now = new Date()): Promise<ScheduledResult> {
  return {
    expired: await notifyExpiredInfoRequests(db, now),
    reminders: await remindTomorrowsSummons(db, now),
    digest: await sendDailyDigest(db, now),
  };
}

/** Officers hear once that an information request passed its due date unanswered. */
async function notifyExpiredInfoRequests(db: Database, now: Date): Promise<number> {
  const due = await db
    .select({ id: infoRequests.id, caseNumber: cases.caseNumber })
    .from(infoRequests)
    .innerJoin(cases, eq(cases.id, infoRequests.caseId))
    .where(and(eq(infoRequests.status, 'open'), lt(infoRequests.dueAt, now), isNull(infoRequests.expiryNotifiedAt)))
    .limit(100);
  let sent = 0;
  for (const request of due) {
    const won = await db.transaction(async (tx) => {
      const claimed = await tx
        .update(infoRequests)
        .set({ expiryNotifiedAt: now })
        .where(and(eq(infoRequests.id, request.id), isNull(infoRequests.expiryNotifiedAt)))
        .returning({ id: infoRequests.id });
      if (claimed.length === 0) return false;
      await notifyOfficers(tx, 'info_request_expired', request.caseNumber, now);
      return true;
    });
    if (won) sent += 1;
  }
  return sent;
}

/** Officers are reminded of each scheduled summons in the 24 hours before it. */
async function remindTomorrowsSummons(db: Database, now: Date): Promise<number> {
  const upcoming = await db
    .select({ id: summons.id, caseNumber: cases.caseNumber })
    .from(summons)
    .innerJoin(cases, eq(cases.id, summons.caseId))
    .where(
      and(
        eq(summons.status, 'scheduled'),
        gt(summons.scheduledAt, now),
        lte(summons.scheduledAt, new Date(now.getTime() + REMINDER_WINDOW_MS)),
        isNull(summons.reminderSentAt),
      ),
    )
    .limit(100);
  let sent = 0;
  for (const item of upcoming) {
    const won = await db.transaction(async (tx) => {
      const claimed = await tx
        .update(summons)
        .set({ reminderSentAt: now })
        .where(and(eq(summons.id, item.id), isNull(summons.reminderSentAt)))
        .returning({ id: summons.id });
      if (claimed.length === 0) return false;
      await notifyOfficers(tx, 'summons_reminder', item.caseNumber, now);
      return true;
    });
    if (won) sent += 1;
  }
  return sent;
}

/**
 * Once a day from 07:00 WITA: every officer gets the list of open cases overdue or due
 * within two working days (nothing when there are none). The day is claimed in the
 * settings table, so a restart or a second instance does not send it again.
 */
async function sendDailyDigest(db: Database, now: Date): Promise<boolean> {
  if (officeHour(now) < DIGEST_HOUR_WITA) return false;
  const today = officeDateKey(now);
  const [last] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, DIGEST_KEY));
  if (last?.value === today) return false;

  const holidays = await loadHolidaySet(db, now.getUTCFullYear(), now.getUTCFullYear() + 1);
  // Due within two working days is at most a few calendar days (weekends, holidays).
  const horizon = new Date(now.getTime() + 10 * 24 * 3600 * 1000);
  const candidates = await db
    .select({ caseNumber: cases.caseNumber, state: cases.state, dueAt: cases.dueAt })
    .from(cases)
    .where(and(eq(cases.quarantined, false), isNotNull(cases.dueAt), lte(cases.dueAt, horizon), inArray(cases.state, [...OPEN_STATES])))
    .orderBy(cases.dueAt)
    .limit(500);
  const items = candidates
    .map((c) => ({ ...c, status: deadlineStatus(c.dueAt!, now, holidays).status }))
    .filter((c) => c.status !== 'ok')
    .map((c) => ({ caseNumber: c.caseNumber, state: c.state, dueAt: c.dueAt!, overdue: c.status === 'overdue' }));
  const office = officeFromSettings(await getSettings(db));
  // Each officer's digest leaves out the cases they may not open (recused, restricted).
  const visibleTo = await caseVisibility(db, items.map((item) => item.caseNumber));

  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(settings)
      .values({ key: DIGEST_KEY, value: today })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: today, updatedAt: now },
        setWhere: sql`${settings.value} <> ${JSON.stringify(today)}`,
      })
      .returning({ key: settings.key });
    if (claimed.length === 0) return false;
    await enqueueDeadlineDigest(tx, { items, office, now, visibleTo });
    return true;
  });
}
