import { describe, expect, it } from 'vitest';
import {
  formatPublicCount,
  pinnedCells,
  possibleCounts,
  publishCount,
  publishPage,
  type PublicCount,
  type PublicPage,
  type TruePage,
} from '@/lib/stats/disclosure';

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function consistent(count: number, published: PublicCount): boolean {
  const [lo, hi] = possibleCounts(published);
  return count >= lo && count <= hi;
}

/** Every vector of `size` counts in 0..max that the published cells allow. */
function vectors(table: PublicPage['tables'][number], max: number): number[][] {
  // A withheld cell is 3 or more (only rounded cells are withheld one by one); the cells of
  // a withheld table may be anything.
  let out: number[][] = [[]];
  for (const cell of table.cells) {
    const next: number[][] = [];
    for (const prefix of out) for (let v = 0; v <= max; v += 1) if (table.withheld || consistent(v, cell)) next.push([...prefix, v]);
    out = next;
  }
  return out;
}

const MAX = 14;
const add = (v: number[]) => v.reduce((a, b) => a + b, 0);

/** Brute force: for each page, the true (category vector, total) pairs an attacker cannot rule out. */
function worlds(page: PublicPage) {
  const [categories, states] = page.tables;
  const stateSums = new Set(vectors(states, MAX).map(add));
  return vectors(categories, MAX).filter((v) => {
    const total = add(v);
    return (states.withheld || stateSums.has(total)) && (page.total.kind === 'withheld' || consistent(total, page.total));
  });
}

function randomTruth(next: () => number, base?: TruePage): TruePage {
  const categories = [0, 1, 2].map((i) => (base ? base.tables[0].cells[i] : 0) + Math.floor(next() ** 2 * 5));
  const total = add(categories);
  const first = Math.floor(next() * (total + 1));
  return { total, tables: [{ cells: categories }, { cells: [first, total - first] }] };
}

describe('public counts', () => {
  it('shows 1 and 2 as "< 3", zero as 0, and rounds the rest to the nearest 5', () => {
    expect([0, 1, 2, 3, 4, 7, 8, 12, 13, 102].map((n) => formatPublicCount(publishCount(n)))).toEqual([
      '0', '< 3', '< 3', '± 5', '± 5', '± 5', '± 10', '± 10', '± 15', '± 100',
    ]);
  });

  it('refuses counts that are not whole numbers ≥ 0', () => {
    expect(() => publishCount(-1)).toThrow(RangeError);
    expect(() => publishCount(1.5)).toThrow(RangeError);
  });

  it('withholds more when rounding alone would corner a hidden cell (total 7 beside two categories of 3)', () => {
    const truth: TruePage = { total: 7, tables: [{ cells: [1, 3, 3] }, { cells: [7, 0] }] };
    const naive: PublicPage = { total: publishCount(7), tables: truth.tables.map((t) => ({ cells: t.cells.map(publishCount) })) };
    expect(pinnedCells(naive)).toEqual([{ page: 'now', table: 0, cell: 0 }]);
    const page = publishPage(truth);
    expect(pinnedCells(page)).toEqual([]);
    expect(page.tables[0].withheld).toBeFalsy();
    expect(page.tables[1].cells.map(formatPublicCount)).toEqual(['disembunyikan', '0']);
    const options = new Set(worlds(page).map((v) => v[0]));
    expect([...options].sort()).toEqual([1, 2]);
  });
});

describe('no hidden count can be worked out (brute force over every true table an attacker cannot rule out)', () => {
  it('from one page: the total and both tables of the same reports', () => {
    for (let seed = 1; seed <= 400; seed += 1) {
      const truth = randomTruth(random(seed));
      const page = publishPage(truth);
      const possible = worlds(page);
      page.tables[0].cells.forEach((cell, i) => {
        if (cell.kind !== 'small' || page.tables[0].withheld) return;
        const values = new Set(possible.map((v) => v[i]));
        expect(values.size, `seed ${seed}: category ${i} of ${JSON.stringify(truth)}`).toBeGreaterThan(1);
      });
    }
  });

  it('from this month\'s page and last month\'s (categories only grow over a year)', () => {
    const growsOnly = [true, false];
    for (let seed = 1; seed <= 300; seed += 1) {
      const next = random(seed * 7919);
      const before = randomTruth(next);
      const now = randomTruth(next, before);
      const pageBefore = publishPage(before);
      const pageNow = publishPage(now, pageBefore, growsOnly);
      const worldsBefore = worlds(pageBefore);
      const worldsNow = worlds(pageNow);
      // Pairs of (last month, this month) category vectors that never shrink.
      const pairs = worldsBefore.flatMap((b) => worldsNow.filter((n) => n.every((v, i) => v >= b[i])).map((n) => [b, n] as const));
      pageNow.tables[0].cells.forEach((cell, i) => {
        if (cell.kind !== 'small' || pageNow.tables[0].withheld) return;
        const values = new Set(pairs.map(([, n]) => n[i]));
        expect(values.size, `seed ${seed}: this month, category ${i}`).toBeGreaterThan(1);
      });
      pageBefore.tables[0].cells.forEach((cell, i) => {
        if (cell.kind !== 'small' || pageBefore.tables[0].withheld) return;
        const values = new Set(pairs.map(([b]) => b[i]));
        expect(values.size, `seed ${seed}: last month, category ${i}`).toBeGreaterThan(1);
      });
    }
  });
});
