import { deliverAllDue } from '@/lib/email/delivery';
import { runScheduledNotifications } from '@/lib/email/scheduled';
import { runOnDatabase } from './run-on-database';

/**
 * `npm run outbox:deliver`: one delivery pass over every due outbox row, for a cron job
 * (e.g. every minute) where the app's own loop is switched off or as a second worker.
 * Safe to run beside running app instances: claims are atomic. Prints counts only.
 */
runOnDatabase(
  'outbox',
  'pass',
  async (db) => {
    const scheduled = await runScheduledNotifications(db);
    console.log(`[outbox] scheduled: ${scheduled.expired} expired requests, ${scheduled.reminders} summons reminders, digest ${scheduled.digest ? 'sent' : 'not due'}`);
    const result = await deliverAllDue(db);
    console.log(
      `[outbox] pass done: claimed ${result.claimed}, sent ${result.sent}, captured ${result.captured}, ` +
        `retrying ${result.retrying}, failed ${result.failed}, deferred ${result.deferred}`,
    );
  },
  // The error's class only: a driver message could quote a row.
  (error) => error.name,
);
