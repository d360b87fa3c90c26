import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { addCategory, allCategories, listCategories, moveCategory, renameCategory, setCategoryActive } from '@/lib/admin/categories';
import { handleReportSubmission } from '@/lib/cases/report-submission';
import { listInbox } from '@/lib/cases/inbox';
import type { Database } from '@/lib/db/client';
import { auditLog, cases, categories } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { activeCategories } from '@/lib/settings';
import { loadStatistics } from '@/lib/stats/officer-stats';
import { yearPeriod } from '@/lib/stats/period';
import { freshDatabase } from '../support/db';
import { createOfficer } from '../support/factories';
import { validReportForm } from '../support/forms';

/* Issue 13, point 6: categories are settings kept in the database, edited by admins. */

let db: Database;
let admin: Awaited<ReturnType<typeof createOfficer>>;
let officer: Awaited<ReturnType<typeof createOfficer>>;

beforeAll(async () => {
  db = (await freshDatabase()).db;
  admin = await createOfficer(db, 'admin');
  officer = await createOfficer(db);
});

async function refused(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('categories as settings', () => {
  it('starts with the seeded default list, read from the table', async () => {
    const labels = (await activeCategories(db)).map((c) => c.label);
    expect(labels).toContain('Pungutan liar');
    expect(labels.length).toBeGreaterThanOrEqual(10);
  });

  it('an added category is offered and accepted by the report form, and lands last', async () => {
    const created = await addCategory(db, admin, { label: 'Pelanggaran netralitas ASN' });
    expect(created.slug).toBe('pelanggaran-netralitas-asn');
    const active = await activeCategories(db);
    expect(active.at(-1)?.label).toBe('Pelanggaran netralitas ASN');
    const result = await handleReportSubmission(db, validReportForm({ category: created.slug }));
    expect(result.ok).toBe(true);
    await refused(addCategory(db, admin, { label: 'pelanggaran NETRALITAS asn' }), 'category_duplicate');
    await refused(addCategory(db, admin, { label: 'ab' }), 'invalid_category');
  });

  it('only admins may change categories, and every change is audited', async () => {
    await refused(addCategory(db, officer, { label: 'Kategori petugas biasa' }), 'forbidden');
    const actions = (await db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    expect(actions).toContain('category.add');
    expect(actions).not.toContain('category.rename');
  });

  it('rename keeps the cases and the slug; statistics and the inbox show the new name', async () => {
    const [row] = await db.select().from(categories).where(eq(categories.slug, 'pelanggaran-netralitas-asn'));
    await renameCategory(db, admin, { id: row.id, label: 'Netralitas ASN' });
    const [after] = await db.select().from(categories).where(eq(categories.id, row.id));
    expect(after).toMatchObject({ slug: 'pelanggaran-netralitas-asn', label: 'Netralitas ASN' });
    const inbox = await listInbox(db, officer, { view: 'open', categoryId: row.id });
    expect(inbox.rows.map((r) => r.categoryLabel)).toEqual(['Netralitas ASN']);
  });

  it('a deactivated category is no longer offered nor accepted, but its cases keep it and statistics still label it', async () => {
    const [row] = await db.select().from(categories).where(eq(categories.slug, 'pelanggaran-netralitas-asn'));
    await setCategoryActive(db, admin, { id: row.id, active: 'no' });
    expect((await activeCategories(db)).map((c) => c.slug)).not.toContain('pelanggaran-netralitas-asn');
    const refusedReport = await handleReportSubmission(db, validReportForm({ category: 'pelanggaran-netralitas-asn' }));
    expect(refusedReport.ok).toBe(false);
    if (!refusedReport.ok) expect(refusedReport.fieldErrors.category).toBeTruthy();
    expect(await db.select({ id: cases.id }).from(cases).where(eq(cases.categoryId, row.id))).toHaveLength(1);
    expect((await allCategories(db)).find((c) => c.id === row.id)).toMatchObject({ active: false });
    const stats = await loadStatistics(db, officer, yearPeriod(new Date().getUTCFullYear()));
    expect(stats.byCategory.find((c) => c.key === 'pelanggaran-netralitas-asn')).toMatchObject({ label: 'Netralitas ASN', count: 1 });

    await setCategoryActive(db, admin, { id: row.id, active: 'yes' });
    expect((await activeCategories(db)).map((c) => c.slug)).toContain('pelanggaran-netralitas-asn');
  });

  it('reorders by swapping with the neighbour', async () => {
    const before = await listCategories(db, admin);
    const second = before[1];
    await moveCategory(db, admin, { id: second.id, direction: 'up' });
    const after = await listCategories(db, admin);
    expect(after[0].id).toBe(second.id);
    expect(after[1].id).toBe(before[0].id);
    await moveCategory(db, admin, { id: after[0].id, direction: 'up' }); // already first: nothing moves
    expect((await listCategories(db, admin))[0].id).toBe(second.id);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'category.move')));
    expect(audit.detail).toMatchObject({ categoryId: second.id, direction: 'up' });
  });

  it('keeps at least one active category', async () => {
    const all = await listCategories(db, admin);
    for (const row of all.slice(1)) await setCategoryActive(db, admin, { id: row.id, active: 'no' });
    await refused(setCategoryActive(db, admin, { id: all[0].id, active: 'no' }), 'invalid_category');
    expect(await activeCategories(db)).toHaveLength(1);
  });
});
