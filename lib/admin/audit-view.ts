import { inArray } from 'drizzle-orm';
import { listAudit, verifyAuditChainAndCheckpoint, verifyAuditChainIncrementally, verifyAuditRows, type AuditChainResult } from '@/lib/audit/log';
import { asAdmin, type AuthorizedOfficer } from '@/lib/auth/guard';
import { EVENT_LABELS } from '@/lib/cases/officer-view';
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

/** Readable Indonesian names for the action keys the app writes; unknown keys show raw. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  sign_in: 'Masuk ke sistem',
  sign_in_failed: 'Gagal masuk',
  sign_out: 'Keluar dari sistem',
  password_changed: 'Mengganti kata sandi sendiri',
  totp_enrolled: 'Mengaktifkan verifikasi dua langkah',
  totp_disabled: 'Menonaktifkan verifikasi dua langkah',
  officer_created: 'Membuat akun petugas',
  officer_deactivated: 'Menonaktifkan akun petugas',
  officer_reactivated: 'Mengaktifkan kembali akun petugas',
  password_reset: 'Mengatur ulang kata sandi petugas',
  totp_reset: 'Menghapus verifikasi dua langkah petugas',
  role_changed: 'Mengubah peran petugas',
  'settings.update': 'Mengubah pengaturan kantor',
  'holiday.add': 'Menambah hari libur kantor',
  'holiday.remove': 'Menghapus hari libur kantor',
  'identity.request': 'Meminta akses identitas pelapor',
  'identity.view': 'Melihat identitas pelapor',
  'identity.approve': 'Menyetujui akses identitas pelapor',
  'identity.deny': 'Menolak akses identitas pelapor',
  'identity.self_approve': 'Menyetujui permintaan identitas miliknya sendiri (satu-satunya admin, dengan kode verifikasi)',
  'identity.self_approval_failed': 'Kode verifikasi salah saat menyetujui permintaan identitas sendiri',
  'evidence.download': 'Mengunduh berkas bukti',
  'email.read': 'Membaca email di kotak keluar',
  'email.retry': 'Mengirim ulang email',
  'officer.notify_mode': 'Mengubah pilihan pemberitahuan email',
  'summons.ics_download': 'Mengunduh jadwal pemanggilan (.ics)',
  'summons.letter_view': 'Membuka surat panggilan',
};

/** The label for an action key: the table above, then the case timeline's labels for `case.*`, else the key. */
export function auditActionLabel(action: string): string {
  if (AUDIT_ACTION_LABELS[action]) return AUDIT_ACTION_LABELS[action];
  if (action.startsWith('case.')) {
    const event = EVENT_LABELS[action.slice('case.'.length)];
    if (event) return `Kasus: ${event}`;
  }
  return action;
}

/** A detail object in one short line: `from: verifying · to: investigating · fields: officeName, maxFiles`. */
export function formatAuditDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object' || Array.isArray(detail)) return JSON.stringify(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([key, value]) => {
      const shown = Array.isArray(value)
        ? value.map(String).join(', ')
        : value !== null && typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
      return `${key}: ${shown}`;
    })
    .join(' · ');
}

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
