import { and, asc, count, desc, eq, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { caseAssignments, caseStateCounts, cases, categories } from '@/lib/db/schema';
import { accessibleCasesFor, assignedToCondition, hiddenCasesFor } from './assignment';
import { caseNumberFromSearch } from './case-number';
import { unreadCondition } from './unread';
import { CASE_STATES, OPEN_STATES, type CaseState } from './workflow';

/**
 * The officer inbox: one indexed, keyset-paginated query per page, also with 100,000
 * cases. Open cases come most urgent first (cases.due_at, kept on every move);
 * closed ones newest first. Quarantined (likely spam) reports have their own tab.
 */

export const INBOX_PAGE_SIZE = 50;

/** 'mine': open cases the officer handles; 'unread': open cases with reporter replies they have not seen. */
export type InboxView = 'open' | 'quarantine' | 'mine' | 'unread' | CaseState;

export type InboxFilter = {
  view: InboxView;
  categoryId?: number;
  /** Opaque cursor from the previous page's `nextCursor`. */
  after?: string;
  limit?: number;
};

export type InboxRow = {
  id: number;
  caseNumber: string;
  state: CaseState;
  categoryLabel: string | null;
  createdAt: Date;
  stateChangedAt: Date;
  dueAt: Date | null;
  dueKind: string | null;
  quarantined: boolean;
  /** The reporter wrote since this officer last opened the case ("Balasan baru"). */
  unread: boolean;
};

export type InboxPage = { rows: InboxRow[]; nextCursor: string | null };

/** Views sorted by deadline (open work) versus by recency (closed or quarantined). */
function sortsByDue(view: InboxView): boolean {
  return view === 'open' || view === 'mine' || view === 'unread' || OPEN_STATES.includes(view as CaseState);
}

type Cursor = { due: number | null; id: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof value?.id !== 'number' || (value.due !== null && typeof value.due !== 'number')) return null;
    return value;
  } catch {
    return null;
  }
}

// Read models take the AuthorizedOfficer only lib/auth/guard.ts makes: a page cannot
// list cases without having passed the check, even when it does not use the officer.
// Recused officers, and others on a restricted case, never see it listed (lib/cases/assignment.ts).
export async function listInbox(db: Database, officer: AuthorizedOfficer, filter: InboxFilter): Promise<InboxPage> {
  const limit = Math.min(Math.max(filter.limit ?? INBOX_PAGE_SIZE, 1), 200);
  const cursor = decodeCursor(filter.after);
  const where: (SQL | undefined)[] = [accessibleCasesFor(officer)];

  if (filter.view === 'quarantine') where.push(eq(cases.quarantined, true));
  else {
    where.push(eq(cases.quarantined, false));
    // Every open case has a due date and every closed one none, so "due_at IS NOT NULL"
    // selects the open cases as an index range instead of skipping the closed ones.
    if (filter.view === 'open' || filter.view === 'mine' || filter.view === 'unread') {
      where.push(isNotNull(cases.dueAt), inArray(cases.state, [...OPEN_STATES]));
      if (filter.view === 'mine') where.push(assignedToCondition(officer.id));
      if (filter.view === 'unread') where.push(unreadCondition(officer.id));
    } else where.push(eq(cases.state, filter.view));
  }
  if (filter.categoryId) where.push(eq(cases.categoryId, filter.categoryId));

  const byDue = sortsByDue(filter.view);
  if (cursor) {
    if (byDue && cursor.due !== null) {
      // A row value: SQLite seeks straight to (due_at, id) in the index. The equivalent
      // `due_at > ? OR (due_at = ? AND id > ?)` cost four times the first page at page
      // 1,001 of 100,000 cases (npm run bench).
      where.push(sql`(${cases.dueAt}, ${cases.id}) > (${cursor.due}, ${cursor.id})`);
    } else {
      where.push(lt(cases.id, cursor.id));
    }
  }

  const rows = await db
    .select({
      id: cases.id,
      caseNumber: cases.caseNumber,
      state: cases.state,
      categoryLabel: categories.label,
      createdAt: cases.createdAt,
      stateChangedAt: cases.stateChangedAt,
      dueAt: cases.dueAt,
      dueKind: cases.dueKind,
      quarantined: cases.quarantined,
      unread: sql<number>`${unreadCondition(officer.id)}`.mapWith(Boolean),
    })
    .from(cases)
    .leftJoin(categories, eq(categories.id, cases.categoryId))
    .where(and(...where))
    .orderBy(...(byDue ? [asc(cases.dueAt), asc(cases.id)] : [desc(cases.id)]))
    .limit(limit + 1);

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ due: byDue && last.dueAt ? Math.floor(last.dueAt.getTime() / 1000) : null, id: last.id })
      : null;
  return { rows: page, nextCursor };
}

/**
 * Cases per state (quarantine apart), for the inbox tabs; only cases the officer may open.
 * The totals come from case_state_counts (kept by triggers), minus the few cases this
 * officer may not open: no count over the whole table on each page.
 */
export async function countByState(db: Database, officer: AuthorizedOfficer): Promise<Record<CaseState | 'quarantine', number>> {
  const counts = Object.fromEntries([...CASE_STATES, 'quarantine'].map((s) => [s, 0])) as Record<CaseState | 'quarantine', number>;
  const [rows, hidden] = await Promise.all([
    db.select({ state: caseStateCounts.state, quarantined: caseStateCounts.quarantined, n: caseStateCounts.count }).from(caseStateCounts),
    db
      .select({ state: cases.state, quarantined: cases.quarantined, n: count() })
      .from(cases)
      .where(hiddenCasesFor(officer))
      .groupBy(cases.quarantined, cases.state),
  ]);
  for (const [sign, list] of [[1, rows], [-1, hidden]] as const) {
    for (const row of list) {
      if (row.quarantined) counts.quarantine += sign * row.n;
      else counts[row.state] += sign * row.n;
    }
  }
  return counts;
}

/** Finds a case number typed in any reasonable form (2026-1, 2026-0001), among the cases the officer may open. */
export async function findCaseNumber(db: Database, officer: AuthorizedOfficer, input: string): Promise<string | null> {
  const caseNumber = caseNumberFromSearch(input);
  if (!caseNumber) return null;
  const [row] = await db
    .select({ caseNumber: cases.caseNumber })
    .from(cases)
    .where(and(eq(cases.caseNumber, caseNumber), accessibleCasesFor(officer)))
    .limit(1);
  return row?.caseNumber ?? null;
}

/**
 * Open cases the officer handles ("Kasus saya") and those with unseen reporter replies
 * ("Balasan baru"). The first starts from the officer's assignments, the second from the
 * open cases the reporter wrote in (cases_replied_idx): neither walks every case.
 */
export async function countMineAndUnread(db: Database, officer: AuthorizedOfficer): Promise<{ mine: number; unread: number }> {
  const openAndVisible = and(eq(cases.quarantined, false), isNotNull(cases.dueAt), accessibleCasesFor(officer));
  const [[mine], [unread]] = await Promise.all([
    db
      .select({ n: count() })
      .from(caseAssignments)
      .innerJoin(cases, eq(cases.id, caseAssignments.caseId))
      .where(and(eq(caseAssignments.officerId, officer.id), openAndVisible)),
    db
      .select({ n: count() })
      .from(cases)
      .where(and(isNotNull(cases.lastReporterMessageId), openAndVisible, unreadCondition(officer.id))),
  ]);
  return { mine: Number(mine?.n ?? 0), unread: Number(unread?.n ?? 0) };
}
