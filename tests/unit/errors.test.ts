import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, httpStatusOf, isAppErrorCode } from '@/lib/errors';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

describe('AppError codes', () => {
  it('map to the statuses a refusal should carry', () => {
    expect(httpStatusOf('unauthorized')).toBe(401);
    expect(httpStatusOf('forbidden')).toBe(403);
    expect(httpStatusOf('activation_required')).toBe(403);
    expect(httpStatusOf('evidence_not_found')).toBe(404);
    expect(httpStatusOf('summons_not_found')).toBe(404);
    expect(httpStatusOf('stale_case')).toBe(409);
    expect(httpStatusOf('submission_too_large')).toBe(413);
    expect(httpStatusOf('evidence_unreadable')).toBe(500);
    expect(new AppError('case_not_found', { userMessage: 'Kasus tidak ditemukan.' }).status).toBe(404);
  });

  it('are all known: every code written in app/, lib/ and components/ is in the one list', () => {
    const written = new Set<string>();
    for (const file of ['app', 'lib', 'components'].flatMap(sourceFiles)) {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      for (const match of source.matchAll(/new AppError\(\s*'([^']+)'/g)) written.add(match[1]);
    }
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((code) => !isAppErrorCode(code))).toEqual([]);
    expect(isAppErrorCode('toString')).toBe(false);
    expect(isAppErrorCode('made_up')).toBe(false);
  });
});
