import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { walSync } from '@/lib/db/durability';

/** A datasync that finishes only when the test says so, recording the order of events. */
function controlledDisk() {
  const log: string[] = [];
  const pending: (() => void)[] = [];
  const datasync = (file: string) => {
    log.push(`start ${path.basename(file)}`);
    return new Promise<void>((resolve) => pending.push(() => (log.push('done'), resolve())));
  };
  const finishOne = async () => {
    pending.shift()?.();
    // Let the awaiting callers and the follow-up sync run.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { log, datasync, finishOne, inFlight: () => pending.length };
}

describe('durable commits by a shared WAL sync', () => {
  it('syncs the WAL file of the database', async () => {
    const disk = controlledDisk();
    const wal = walSync('/data/wbs.db', disk.datasync);
    const done = wal.sync();
    expect(disk.log).toEqual(['start wbs.db-wal']);
    await disk.finishOne();
    await done;
  });

  it('makes a commit that lands during a running sync wait for the next sync, shared by all such commits', async () => {
    const disk = controlledDisk();
    const wal = walSync('/data/wbs.db', disk.datasync);
    let firstDone = false;
    let laterDone = 0;
    void wal.sync().then(() => (firstDone = true));
    // Three commits arrive while the first sync runs: it may have started before them.
    for (let i = 0; i < 3; i++) void wal.sync().then(() => (laterDone += 1));
    expect(disk.inFlight()).toBe(1);

    await disk.finishOne();
    expect(firstDone).toBe(true);
    expect(laterDone).toBe(0);
    // One more sync, started after all three commits, covers them together.
    expect(disk.inFlight()).toBe(1);
    await disk.finishOne();
    expect(laterDone).toBe(3);
    expect(disk.log).toEqual(['start wbs.db-wal', 'done', 'start wbs.db-wal', 'done']);
  });

  it('reports a failed sync to the commits waiting on it and recovers for the next', async () => {
    let fail = true;
    const wal = walSync('/data/wbs.db', async () => {
      if (fail) throw Object.assign(new Error('EIO'), { code: 'EIO' });
    });
    await expect(wal.sync()).rejects.toThrow('EIO');
    fail = false;
    await expect(wal.sync()).resolves.toBeUndefined();
  });

  it('syncs a real file, and treats a missing WAL (checkpointed and removed) as durable', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wbs-wal-'));
    writeFileSync(path.join(dir, 'wbs.db-wal'), 'frames');
    await expect(walSync(path.join(dir, 'wbs.db')).sync()).resolves.toBeUndefined();
    await expect(walSync(path.join(dir, 'none.db')).sync()).resolves.toBeUndefined();
  });
});
