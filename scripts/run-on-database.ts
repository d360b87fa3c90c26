import { openDatabase, type Database } from '@/lib/db/client';
import { databaseUrl } from '@/lib/env';

/**
 * The frame of a one-pass maintenance command for cron (`npm run outbox:deliver`,
 * `npm run retention:run`): open the database the app uses, run the pass, close it, exit 0.
 * A failure prints one line, `[tag] <what> failed: <detail>`, and exits 1. The detail is
 * the error's code when it has a string one, else what `detail` picks from the error
 * (never the stack: the line goes to a cron log).
 */
export function runOnDatabase(
  tag: string,
  what: string,
  pass: (db: Database) => Promise<void>,
  detail: (error: Error) => string,
): void {
  async function main(): Promise<number> {
    const { client, db } = openDatabase(databaseUrl());
    try {
      await pass(db);
      return 0;
    } finally {
      client.close();
    }
  }
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const code = (error as { code?: unknown })?.code;
      console.error(`[${tag}] ${what} failed: ${typeof code === 'string' ? code : error instanceof Error ? detail(error) : 'unknown error'}`);
      process.exit(1);
    },
  );
}
