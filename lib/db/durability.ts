import { open } from 'node:fs/promises';

/**
 * Durable commits without blocking the event loop ("group commit").
 *
 * With SQLite's default `synchronous = FULL`, every commit to a WAL database calls
 * fsync on the WAL inside the synchronous native call, so the whole Node process waits
 * for the disk: 0.7–4.3 ms per commit on this machine's shared virtual disk, depending on
 * the moment, against 0.03–0.11 ms with `synchronous = NORMAL` (scripts/bench/micro.ts;
 * npm run bench is where it showed: a ticket lookup that writes twice stayed under 100
 * requests a second). NORMAL alone would let a power
 * cut roll back commits a person was already told about (a report and its ticket).
 *
 * So the write connection runs with NORMAL, and after each commit the caller awaits
 * `sync()`: an fdatasync of the WAL file on libuv's thread pool, which makes that commit
 * as durable as FULL would (FULL syncs the WAL after writing the commit frame; a
 * checkpoint in NORMAL syncs the WAL before copying it and the database after). One
 * fdatasync covers every commit written before it started, so concurrent writers share
 * it; a commit that lands while a sync is running waits for the next one.
 */
export type WalSync = { sync: () => Promise<void> };

export function walSync(databaseFile: string, datasync: (file: string) => Promise<void> = datasyncFile): WalSync {
  const wal = `${databaseFile}-wal`;
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;

  const start = (): Promise<void> => {
    const current = datasync(wal).finally(() => {
      if (running === current) running = null;
    });
    running = current;
    return current;
  };

  return {
    sync() {
      if (!running) return start();
      // The running sync may have started before this commit was written: it does not count.
      next ??= running
        .catch(() => undefined)
        .then(() => {
          next = null;
          return start();
        });
      return next;
    },
  };
}

async function datasyncFile(file: string): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    // No WAL file: the last connection checkpointed and removed it, and the checkpoint
    // had already synced the database file.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
