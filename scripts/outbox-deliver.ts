import { openDatabase } from '@/lib/db/client';
import { deliverAllDue } from '@/lib/email/delivery';
import { runScheduledNotifications } from '@/lib/email/scheduled';
import { databaseUrl } from '@/lib/env';

/**
 * `npm run outbox:deliver`: one delivery pass over every due outbox row, for a cron job
 * (e.g. every minute) where the app's own loop is switched off or as a second worker.
 * Safe to run beside running app instances: claims are atomic. Prints counts only.
 */
async function main(): Promise<number> {
  const { client, db } = openDatabase(databaseUrl());
  try {
    const scheduled = await runScheduledNotifications(db);
    console.log(`[outbox] scheduled: ${scheduled.expired} expired requests, ${scheduled.reminders} summons reminders, digest ${scheduled.digest ? 'sent' : 'not due'}`);
    const result = await deliverAllDue(db);
    console.log(
      `[outbox] pass done: claimed ${result.claimed}, sent ${result.sent}, captured ${result.captured}, ` +
        `retrying ${result.retrying}, failed ${result.failed}, deferred ${result.deferred}`,
    );
    return 0;
  } finally {
    client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // The error's code or class only: a driver message could quote a row.
    const code = (error as { code?: unknown })?.code;
    console.error(`[outbox] pass failed: ${typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error'}`);
    process.exit(1);
  },
);
