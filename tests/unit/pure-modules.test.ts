import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The domain rules stay framework-free (STYLE.md): following every import of these
 * modules must never reach the database, drizzle, Next.js or the services. The schema
 * may import their constants; the reverse would make the rules untestable without a DB.
 */

const ROOT = path.resolve(__dirname, '../..');
const PURE_ROOTS = [
  'lib/cases/workflow.ts',
  'lib/cases/summons-rules.ts',
  'lib/cases/officer-actions.ts',
  'lib/cases/case-number.ts',
  'lib/cases/retention-rules.ts',
  'lib/auth/activation.ts',
  'lib/errors.ts',
  'lib/audit/labels.ts',
  'lib/format.ts',
];
const FORBIDDEN = [/^@\/lib\/db\//, /^drizzle-orm/, /^next(\/|$)/, /^@libsql\//, /\/service\//];

function importsOf(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
}

function resolveLocal(from: string, specifier: string): string | null {
  let target: string;
  if (specifier.startsWith('@/')) target = specifier.slice(2);
  else if (specifier.startsWith('.')) target = path.join(path.dirname(from), specifier);
  else return null;
  for (const candidate of [`${target}.ts`, `${target}.tsx`, `${target}/index.ts`]) {
    try {
      readFileSync(path.join(ROOT, candidate));
      return candidate;
    } catch {
      // try the next extension
    }
  }
  return null;
}

describe('pure domain modules', () => {
  for (const root of PURE_ROOTS) {
    it(`${root} reaches no database, drizzle, Next.js or service module`, () => {
      const seen = new Set<string>();
      const queue = [root];
      const reached: string[] = [];
      while (queue.length > 0) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        for (const specifier of importsOf(file)) {
          reached.push(`${file} → ${specifier}`);
          const local = resolveLocal(file, specifier);
          if (local) queue.push(local);
        }
      }
      const bad = reached.filter((edge) => FORBIDDEN.some((pattern) => pattern.test(edge.split(' → ')[1])));
      expect(bad).toEqual([]);
    });
  }
});
