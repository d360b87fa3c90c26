import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { restrictDataDir } from '@/lib/storage/permissions';

const mode = (p: string) => statSync(p).mode & 0o777;

describe('restrictDataDir', () => {
  it('makes the data folder 0700 and every file in it 0600, nested folders included', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'wbs-perm-'));
    chmodSync(root, 0o755);
    writeFileSync(path.join(root, 'wbs.db'), 'x', { mode: 0o644 });
    writeFileSync(path.join(root, 'wbs.db-wal'), 'x', { mode: 0o664 });
    mkdirSync(path.join(root, 'evidence', 'ab'), { recursive: true, mode: 0o755 });
    writeFileSync(path.join(root, 'evidence', 'ab', 'ab12.bin'), 'x', { mode: 0o644 });

    const { changed, failed } = restrictDataDir(root);
    expect(failed).toEqual([]);
    expect(changed).toBe(6);
    expect(mode(root)).toBe(0o700);
    expect(mode(path.join(root, 'wbs.db'))).toBe(0o600);
    expect(mode(path.join(root, 'wbs.db-wal'))).toBe(0o600);
    expect(mode(path.join(root, 'evidence'))).toBe(0o700);
    expect(mode(path.join(root, 'evidence', 'ab', 'ab12.bin'))).toBe(0o600);
    // A second start has nothing left to change.
    expect(restrictDataDir(root).changed).toBe(0);
  });

  it('reports a folder that does not exist as nothing to do', () => {
    expect(restrictDataDir(path.join(os.tmpdir(), 'wbs-perm-missing-xyz'))).toEqual({ changed: 0, failed: [] });
  });
});
