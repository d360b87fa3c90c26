/**
 * Disclosure control for the public /statistik page: aggregates that cannot single out a
 * case. As statistics offices do it:
 * 1. A count of 1 or 2 is shown as "< 3" (primary suppression).
 * 2. Every other count, and the total, is rounded to the nearest multiple of 5 ("± 15"), so
 *    no figure on the page is exact and a hidden cell cannot be had as "total minus the
 *    shown cells", nor as "this month's page minus last month's".
 * 3. Rounding alone can still corner a hidden cell at the edges (a total of 7 shown "± 5"
 *    beside two categories of at least 3 leaves exactly 1 for the third). So the page is
 *    checked the way an attacker would read it — every table of the same reports, the
 *    total, and last month's page — and while any hidden cell has only one possible value,
 *    more is withheld: first the total, then the smallest shown cells ("disembunyikan").
 * The check is exact for one page: tables of the same reports share only their total, and
 * a sum of integer intervals is an integer interval. The unit tests confirm it by brute
 * force, over one page and over two consecutive months.
 */

export const SMALL_COUNT_LIMIT = 3;
export const ROUNDING_BASE = 5;

export type PublicCount =
  | { kind: 'zero' }
  | { kind: 'small' }
  | { kind: 'rounded'; value: number }
  | { kind: 'withheld' };

/** The published form of one true count, before the page-level check. */
export function publishCount(count: number): PublicCount {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`A count must be a whole number ≥ 0, got ${count}`);
  if (count === 0) return { kind: 'zero' };
  if (count < SMALL_COUNT_LIMIT) return { kind: 'small' };
  return { kind: 'rounded', value: Math.max(ROUNDING_BASE, Math.round(count / ROUNDING_BASE) * ROUNDING_BASE) };
}

/** "0", "< 3", "± 15" or "disembunyikan". */
export function formatPublicCount(published: PublicCount): string {
  switch (published.kind) {
    case 'zero':
      return '0';
    case 'small':
      return `< ${SMALL_COUNT_LIMIT}`;
    case 'rounded':
      return `± ${published.value.toLocaleString('id-ID')}`;
    case 'withheld':
      return 'disembunyikan';
  }
}

type Interval = readonly [number, number];

/** Every true count an attacker who knows these rules could put behind a published one. */
export function possibleCounts(published: PublicCount): Interval {
  switch (published.kind) {
    case 'zero':
      return [0, 0];
    case 'small':
      return [1, SMALL_COUNT_LIMIT - 1];
    case 'rounded':
      return [Math.max(SMALL_COUNT_LIMIT, published.value - Math.floor(ROUNDING_BASE / 2)), published.value + Math.floor(ROUNDING_BASE / 2)];
    case 'withheld':
      // Only counts of 3 or more are ever withheld as cells (a withheld total: see boundsOf).
      return [SMALL_COUNT_LIMIT, Infinity];
  }
}

export type PublicTable = { cells: PublicCount[]; /** The whole table withheld: too few reports to break down. */ withheld?: boolean };
export type PublicPage = { total: PublicCount; tables: PublicTable[] };
export type TruePage = { total: number; tables: { cells: number[] }[] };

type Bounds = { total: [number, number]; cells: [number, number][][]; shown: boolean[] };

function initialBounds(page: PublicPage): Bounds {
  return {
    total: page.total.kind === 'withheld' ? [0, Infinity] : [...possibleCounts(page.total)],
    cells: page.tables.map((table) => table.cells.map((cell) => (table.withheld ? [0, Infinity] : [...possibleCounts(cell)]))),
    shown: page.tables.map((table) => !table.withheld),
  };
}

function sumOf(intervals: [number, number][]): [number, number] {
  return intervals.reduce<[number, number]>(([lo, hi], [a, b]) => [lo + a, hi + b], [0, 0]);
}

/** Narrows every interval to the values that the rest of the page still allows. */
function narrow(bounds: Bounds): boolean {
  let changed = false;
  const set = (target: [number, number], lo: number, hi: number) => {
    if (lo > target[0]) {
      target[0] = lo;
      changed = true;
    }
    if (hi < target[1]) {
      target[1] = hi;
      changed = true;
    }
  };
  // The total is the sum of every shown table.
  bounds.cells.forEach((cells, t) => {
    if (!bounds.shown[t]) return;
    const [lo, hi] = sumOf(cells);
    set(bounds.total, lo, hi);
  });
  // Each cell is the total minus the rest of its table.
  bounds.cells.forEach((cells, t) => {
    if (!bounds.shown[t]) return;
    cells.forEach((cell, c) => {
      const [lo, hi] = sumOf(cells.filter((_, i) => i !== c));
      set(cell, bounds.total[0] - hi, bounds.total[1] - lo);
    });
  });
  return changed;
}

/**
 * Reads one page, or this month's with last month's, as an attacker would and returns the
 * hidden ("< 3") cells left with a single possible value. Year-to-date counts of tables in
 * `growsOnly` never fall between the two pages (a report keeps its category), nor does the
 * total. Interval reasoning to a fixed point; the unit tests check it against brute force.
 */
export function pinnedCells(page: PublicPage, previous?: PublicPage, growsOnly: boolean[] = []): { page: 'now' | 'before'; table: number; cell: number }[] {
  const now = initialBounds(page);
  const before = previous ? initialBounds(previous) : undefined;
  for (let round = 0; round < 200; round += 1) {
    let changed = narrow(now);
    if (before) {
      changed = narrow(before) || changed;
      const link = (later: [number, number], earlier: [number, number]) => {
        if (earlier[0] > later[0]) {
          later[0] = earlier[0];
          changed = true;
        }
        if (later[1] < earlier[1]) {
          earlier[1] = later[1];
          changed = true;
        }
      };
      link(now.total, before.total);
      growsOnly.forEach((grows, t) => {
        if (grows) now.cells[t].forEach((cell, c) => link(cell, before.cells[t][c]));
      });
    }
    if (!changed) break;
  }
  const pinned: { page: 'now' | 'before'; table: number; cell: number }[] = [];
  const collect = (p: PublicPage, bounds: Bounds, which: 'now' | 'before') =>
    p.tables.forEach((table, t) => {
      if (table.withheld) return;
      table.cells.forEach((cell, c) => {
        const [lo, hi] = bounds.cells[t][c];
        if (cell.kind === 'small' && hi - lo < 1) pinned.push({ page: which, table: t, cell: c });
      });
    });
  collect(page, now, 'now');
  if (previous && before) collect(previous, before, 'before');
  return pinned;
}

/**
 * Publishes a page: every count through publishCount, then — while any hidden cell, on this
 * page or on last month's read beside it, has a single possible value — the total, then the
 * smallest shown cell of another table (or else of the table at fault), then that whole table,
 * are withheld.
 */
export function publishPage(truth: TruePage, previous?: PublicPage, growsOnly: boolean[] = []): PublicPage {
  const page: PublicPage = {
    total: publishCount(truth.total),
    tables: truth.tables.map((table) => ({ cells: table.cells.map(publishCount) })),
  };
  for (let guard = 0; guard < 1000; guard += 1) {
    const pinned = pinnedCells(page, previous, growsOnly);
    if (pinned.length === 0) return page;
    if (page.total.kind !== 'withheld') {
      page.total = { kind: 'withheld' };
      continue;
    }
    const { table } = pinned[0];
    // The figures that bound the total usually sit in the other tables: withholding one of
    // those frees the hidden cell while keeping its own table readable.
    const rounded = (t: number) =>
      page.tables[t].cells
        .map((cell, index) => ({ cell, table: t, index, count: truth.tables[t].cells[index] }))
        .filter(({ cell }) => cell.kind === 'rounded' && !page.tables[t].withheld);
    const others = page.tables.flatMap((_, t) => (t === table ? [] : rounded(t))).sort((a, b) => a.count - b.count);
    const own = rounded(table).sort((a, b) => a.count - b.count);
    const pick = others[0] ?? own[0];
    if (pick) page.tables[pick.table].cells[pick.index] = { kind: 'withheld' };
    else if (!page.tables[table].withheld) page.tables[table] = { cells: page.tables[table].cells.map(() => ({ kind: 'withheld' })), withheld: true };
    else {
      const next = page.tables.findIndex((t) => !t.withheld);
      if (next === -1) return page;
      page.tables[next] = { cells: page.tables[next].cells.map(() => ({ kind: 'withheld' })), withheld: true };
    }
  }
  return page;
}
