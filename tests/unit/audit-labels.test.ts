import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_DETAIL_KEYS, auditActionLabel, formatAuditDetail, hasAuditLabel } from '@/lib/audit/labels';

/*
 * Every audit action the code writes has an Indonesian name, found by reading the code
 * itself: a new `appendAudit(…, { action: 'x.y' })` or a new case event kind without a
 * label fails here instead of showing `x.y` to an admin.
 */

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

const files = ['lib', 'app', 'scripts'].flatMap(sourceFiles).map((file) => ({ file, text: readFileSync(path.join(ROOT, file), 'utf8') }));

/** The text of each `appendAudit(` call up to its closing parenthesis. */
function auditCalls(text: string): string[] {
  const calls: string[] = [];
  let index = text.indexOf('appendAudit(');
  while (index !== -1) {
    let depth = 0;
    let end = index + 'appendAudit'.length;
    for (; end < text.length; end += 1) {
      if (text[end] === '(') depth += 1;
      if (text[end] === ')' && --depth === 0) break;
    }
    calls.push(text.slice(index, end + 1));
    index = text.indexOf('appendAudit(', end);
  }
  return calls.filter((call) => !call.startsWith('appendAudit(tx: ') && /action/.test(call));
}

/** Case event kinds: every `kind: '…'` passed to a case service's move or event, and summons event kinds. */
function caseEventKinds(): string[] {
  const kinds = new Set<string>();
  for (const { file, text } of files) {
    if (!/^lib\/cases\/(service\/|submit\.ts)/.test(file)) continue;
    for (const match of text.matchAll(/\bkind: '([a-z_]+)'/g)) kinds.add(match[1]);
    for (const match of text.matchAll(/recordSummonsEvent\([^)]*?'(summons_[a-z_]+)'/g)) kinds.add(match[1]);
    // `summons_${status}` for the attendance outcomes.
    if (/`summons_\$\{status\}`/.test(text)) for (const status of ['attended', 'not_attended']) kinds.add(`summons_${status}`);
  }
  return [...kinds];
}

const actions = new Set<string>();
const detailKeys = new Set<string>();
for (const { text } of files) {
  for (const call of auditCalls(text)) {
    const actionExpr = /action:\s*([^,\n]+(?:\n\s*[?:][^,\n]+)*)/.exec(call)?.[1] ?? '';
    // Every string the expression can yield; not the operands of a comparison (`decision === 'approved'`).
    for (const match of actionExpr.matchAll(/(?<![=!]==\s*)'([a-z_.]+)'/g)) actions.add(match[1]);
    if (/`case\.\$\{/.test(actionExpr)) for (const kind of caseEventKinds()) actions.add(`case.${kind}`);
    const detailExpr = /detail:\s*(\{[^}]*\})/.exec(call)?.[1] ?? '';
    for (const match of detailExpr.matchAll(/[{,]\s*([a-zA-Z]+)\s*(?=[:,}])/g)) detailKeys.add(match[1]);
  }
  // Details passed through a case move: `audit: { reason: … }`.
  for (const match of text.matchAll(/audit: \{([^}]*)\}/g)) for (const key of match[1].matchAll(/([a-zA-Z]+):/g)) detailKeys.add(key[1]);
}

describe('audit labels', () => {
  it('finds the actions the code writes (the scan itself works)', () => {
    expect(actions).toContain('holiday.add');
    expect(actions).toContain('identity.deny'); // from a ternary
    expect(actions).toContain('officer_reactivated');
    expect(actions).toContain('case.verification_started'); // through `case.${kind}`
    expect(actions).toContain('case.summons_not_attended');
    expect(actions.size).toBeGreaterThan(40);
  });

  it('names every action written in the code in Indonesian', () => {
    const missing = [...actions].filter((action) => !hasAuditLabel(action));
    expect(missing).toEqual([]);
  });

  it('has a rule for every detail key written in the code', () => {
    expect(detailKeys).toContain('totp');
    const missing = [...detailKeys].filter((key) => !AUDIT_DETAIL_KEYS.includes(key));
    expect(missing).toEqual([]);
  });

  it('writes entries as Indonesian, never as keys', () => {
    expect(auditActionLabel('holiday.add')).toBe('Menambah hari libur kantor');
    expect(auditActionLabel('case.referred')).toBe('Kasus: laporan dilimpahkan');
    expect(auditActionLabel('something.new')).toBe('Tindakan lain');
    expect(formatAuditDetail({ from: 'verifying', to: 'referred', referredTo: 'kpk' })).toBe('dari Verifikasi ke Dilimpahkan · dilimpahkan kepada KPK');
    expect(formatAuditDetail({ totp: false })).toBe('tanpa verifikasi dua langkah');
    expect(formatAuditDetail({ totp: true })).toBe('dengan verifikasi dua langkah');
    expect(formatAuditDetail({ date: '2026-12-03' })).toBe('tanggal 3 Desember 2026');
    expect(formatAuditDetail({ fields: ['officeName', 'requireTotp'] })).toBe('yang diubah: nama kantor, kewajiban verifikasi dua langkah');
    expect(formatAuditDetail({ reason: 'wrong_code' })).toBe('alasan: kode verifikasi salah');
    expect(formatAuditDetail({ targetOfficerId: 4, from: 'officer', to: 'admin' })).toBe('dari petugas ke admin · akun petugas #4');
    expect(formatAuditDetail({ brandNewKey: 1 })).toBe('keterangan lain');
  });
});
