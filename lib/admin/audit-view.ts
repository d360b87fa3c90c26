import { inArray } from 'drizzle-orm';
import { listAudit, verifyAuditChainAndCheckpoint, verifyAuditChainIncrementally, verifyAuditRows, type AuditChainResult } from '@/lib/audit/log';
import { asAdmin, type AuthorizedOfficer } from '@/lib/auth/guard';
import { auditActionLabel, formatAuditDetail } from '@/lib/audit/labels';
import type { Database } from '@/lib/db/client';
import { cases, officers } from '@/lib/db/schema';

/**
 * The data behind /petugas/admin/audit: one keyset page of the log, newest first, with
 * officer names and case numbers looked up for that page only, and the state of the
 * hash chain.
 *
 * The chain check of a view does not grow with the log: it recomputes the rows appended
 * since the last verified checkpoint (lib/audit/log.ts) and the rows on the page shown.
 * The full verification runs when the admin asks for it (`full`), and from
 * `npm run audit:verify`.
 */

export const AUDIT_PAGE_SIZE = 50;

// The labels live in a pure module (tested against every action the code writes).
export { AUDIT_ACTION_LABELS, auditActionLabel, formatAuditDetail } from '@/lib/audit/labels';

export type AuditViewRow = {
  id: number;
  at: Date;
  officerId: number | null;
  /** Null when the system or a reporter acted (officerId null). */
  officerName: string | null;
  action: string;
  actionLabel: string;
  caseId: number | null;
  caseNumber: string | null;
  detail: string;
};

export type AuditPageView = {
  rows: AuditViewRow[];
  /** Pass as `beforeId` for the next (older) page; null on the oldest page. */
  nextBeforeId: number | null;
  chain: AuditChainResult;
  /** 'full': every row recomputed now; 'incremental': rows since the last checkpoint and this page. */
  scope: 'full' | 'incremental';
  /** Incremental only: more rows were appended than one view checks; the next view goes on. */
  pending: boolean;
};

/** The chain as one view sees it: incremental (bounded cost), or full when asked. */
async function checkChain(db: Database, pageIds: number[], full: boolean): Promise<Pick<AuditPageView, 'chain' | 'scope' | 'pending'>> {
  if (full) return { chain: await verifyAuditChainAndCheckpoint(db), scope: 'full', pending: false };
  const since = await verifyAuditChainIncrementally(db);
  const onPage = pageIds.length ? await verifyAuditRows(db, Math.min(...pageIds), Math.max(...pageIds)) : null;
  const chain: AuditChainResult = !since.intact
    ? { intact: false, brokenAtId: since.brokenAtId, reason: since.reason }
    : onPage ?? { intact: true, rows: since.rows, lastHash: since.lastHash };
  return { chain, scope: 'incremental', pending: Boolean(since.pending) };
}

/**
 * One page of the audit log for an admin, with the chain checked as described above
 * (`full: true` recomputes the whole log).
 */
export async function loadAuditPage(
  db: Database,
  officer: AuthorizedOfficer,
  options: { beforeId?: number | null; limit?: number; full?: boolean } = {},
): Promise<AuditPageView> {
  asAdmin(officer);
  const beforeId = options.beforeId != null && Number.isSafeInteger(options.beforeId) && options.beforeId > 0 ? options.beforeId : null;
  const page = await listAudit(db, { beforeId, limit: options.limit ?? AUDIT_PAGE_SIZE });
  const { chain, scope, pending } = await checkChain(db, page.rows.map((row) => row.id), Boolean(options.full));

  const officerIds = [...new Set(page.rows.map((row) => row.officerId).filter((id): id is number => id !== null))];
  const caseIds = [...new Set(page.rows.map((row) => row.caseId).filter((id): id is number => id !== null))];
  const [names, numbers] = await Promise.all([
    officerIds.length
      ? db.select({ id: officers.id, name: officers.name }).from(officers).where(inArray(officers.id, officerIds))
      : Promise.resolve([]),
    caseIds.length
      ? db.select({ id: cases.id, caseNumber: cases.caseNumber }).from(cases).where(inArray(cases.id, caseIds))
      : Promise.resolve([]),
  ]);
  const nameOf = new Map(names.map((row) => [row.id, row.name]));
  const numberOf = new Map(numbers.map((row) => [row.id, row.caseNumber]));

  return {
    rows: page.rows.map((row) => ({
      id: row.id,
      at: row.at,
      officerId: row.officerId,
      officerName: row.officerId === null ? null : (nameOf.get(row.officerId) ?? `Petugas #${row.officerId}`),
      action: row.action,
      actionLabel: auditActionLabel(row.action),
      caseId: row.caseId,
      caseNumber: row.caseId === null ? null : (numberOf.get(row.caseId) ?? null),
      detail: formatAuditDetail(row.detail),
    })),
    nextBeforeId: page.nextBeforeId,
    chain,
    scope,
    pending,
  };
}
