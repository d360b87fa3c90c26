import { chmodSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds the database, its WAL, the encrypted evidence and (by default)
 * the secrets file: only the account running WBS should read any of it. Called on every
 * start: folders become 0700 and files 0600. SQLite gives its -wal/-shm files the mode
 * of the database file, and evidence is written 0600, so new files stay private too.
 * Returns what could not be changed (another owner, a read-only mount) for a warning.
 */
export function restrictDataDir(root: string): { changed: number; failed: string[] } {
  let changed = 0;
  const failed: string[] = [];
  const visit = (entry: string) => {
    let stat;
    try {
      stat = statSync(entry);
    } catch {
      return; // vanished meanwhile (a -shm file): nothing to protect
    }
    const wanted = stat.isDirectory() ? 0o700 : 0o600;
    if ((stat.mode & 0o777) !== wanted) {
      try {
        chmodSync(entry, wanted);
        changed += 1;
      } catch {
        failed.push(entry);
      }
    }
    if (stat.isDirectory()) {
      let children: string[] = [];
      try {
        children = readdirSync(entry);
      } catch {
        failed.push(entry);
      }
      for (const child of children) visit(path.join(entry, child));
    }
  };
  visit(root);
  return { changed, failed };
}
