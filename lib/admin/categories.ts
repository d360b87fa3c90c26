import { and, asc, count, eq, gt, lt, desc, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { appendAudit } from '@/lib/audit/log';
import { asAdmin, type AuthorizedOfficer } from '@/lib/auth/guard';
import type { Database } from '@/lib/db/client';
import { cases, categories } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';

/**
 * The report categories as settings (/petugas/admin/kategori): admins add, rename,
 * reorder and deactivate them. A category is never deleted: cases keep theirs, the
 * statistics still label them, and a deactivated one is only no longer offered on
 * /lapor (nor accepted from it: lib/cases/report-submission.ts reads active ones).
 * The slug is fixed at creation (statistics and filters key on it); the label may change.
 */

export type CategoryRow = { id: number; slug: string; label: string; active: boolean; sortOrder: number; cases: number };

/** Every category in display order with how many cases carry it. Admins only. */
export async function listCategories(db: Database, officer: AuthorizedOfficer): Promise<CategoryRow[]> {
  asAdmin(officer);
  const rows = await db
    .select({ id: categories.id, slug: categories.slug, label: categories.label, active: categories.active, sortOrder: categories.sortOrder, cases: count(cases.id) })
    .from(categories)
    .leftJoin(cases, eq(cases.categoryId, categories.id))
    .groupBy(categories.id)
    .orderBy(asc(categories.sortOrder), asc(categories.id));
  return rows;
}

/** Every category, active or not, in display order: for filters over existing cases. */
export async function allCategories(db: Database) {
  return db
    .select({ id: categories.id, slug: categories.slug, label: categories.label, active: categories.active })
    .from(categories)
    .orderBy(asc(categories.sortOrder), asc(categories.id));
}

const label = z
  .string({ error: 'Nama kategori wajib diisi.' })
  .trim()
  .min(3, 'Nama kategori terlalu singkat (minimal 3 karakter).')
  .max(80, 'Nama kategori terlalu panjang (maksimal 80 karakter).')
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'Nama kategori harus ditulis dalam satu baris.');
const id = z.coerce.number({ error: 'Kategori tidak ditemukan.' }).int().positive('Kategori tidak ditemukan.');

export const addCategorySchema = z.object({ label });
export const renameCategorySchema = z.object({ id, label });
export const moveCategorySchema = z.object({ id, direction: z.enum(['up', 'down'], { error: 'Arah tidak valid.' }) });
export const setCategoryActiveSchema = z.object({ id, active: z.enum(['yes', 'no'], { error: 'Pilihan tidak valid.' }) });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_category', { field: String(issue.path[0] ?? 'label'), userMessage: issue.message });
  }
  return parsed.data;
}

/** A slug from a label: lower-case ASCII words joined by hyphens ("Pungutan liar" → pungutan-liar), as the seeded ones. */
export function slugFromLabel(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'kategori';
}

async function assertLabelFree(db: Pick<Database, 'select'>, text: string, exceptId?: number) {
  const [clash] = await db
    .select({ id: categories.id })
    .from(categories)
    .where(and(sql`lower(${categories.label}) = lower(${text})`, exceptId ? ne(categories.id, exceptId) : undefined))
    .limit(1);
  if (clash) throw new AppError('category_duplicate', { field: 'label', userMessage: `Kategori "${text}" sudah ada.` });
}

async function loadCategory(db: Pick<Database, 'select'>, categoryId: number) {
  const [row] = await db.select().from(categories).where(eq(categories.id, categoryId)).limit(1);
  if (!row) throw new AppError('category_not_found', { userMessage: 'Kategori tidak ditemukan; mungkin halaman sudah usang. Muat ulang halaman.' });
  return row;
}

/** Adds an active category at the end of the list; audited as `category.add`. */
export async function addCategory(db: Database, officer: AuthorizedOfficer, input: { label: string }) {
  const admin = asAdmin(officer);
  const { label: text } = parse(addCategorySchema, input);
  return db.transaction(async (tx) => {
    await assertLabelFree(tx, text);
    let slug = slugFromLabel(text);
    for (let n = 2; (await tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).limit(1)).length > 0; n += 1) {
      slug = `${slugFromLabel(text).slice(0, 56)}-${n}`;
    }
    const [last] = await tx.select({ sortOrder: categories.sortOrder }).from(categories).orderBy(desc(categories.sortOrder)).limit(1);
    const [created] = await tx
      .insert(categories)
      .values({ slug, label: text, active: true, sortOrder: (last?.sortOrder ?? 0) + 1 })
      .returning();
    await appendAudit(tx, { officerId: admin.id, action: 'category.add', detail: { categoryId: created.id, slug } });
    return created;
  });
}

/** Renames a category (cases keep it; the new name shows everywhere); audited as `category.rename`. */
export async function renameCategory(db: Database, officer: AuthorizedOfficer, input: { id: number | string; label: string }) {
  const admin = asAdmin(officer);
  const { id: categoryId, label: text } = parse(renameCategorySchema, input);
  await db.transaction(async (tx) => {
    const row = await loadCategory(tx, categoryId);
    await assertLabelFree(tx, text, row.id);
    await tx.update(categories).set({ label: text }).where(eq(categories.id, row.id));
    await appendAudit(tx, { officerId: admin.id, action: 'category.rename', detail: { categoryId: row.id, slug: row.slug } });
  });
}

/** Swaps a category with its neighbour above or below; audited as `category.move`. */
export async function moveCategory(db: Database, officer: AuthorizedOfficer, input: { id: number | string; direction: string }) {
  const admin = asAdmin(officer);
  const { id: categoryId, direction } = parse(moveCategorySchema, input);
  await db.transaction(async (tx) => {
    // Renumber first, so equal sort orders (seeded or old rows) cannot make a swap a no-op.
    const ordered = await tx.select({ id: categories.id }).from(categories).orderBy(asc(categories.sortOrder), asc(categories.id));
    for (const [index, row] of ordered.entries()) await tx.update(categories).set({ sortOrder: index + 1 }).where(eq(categories.id, row.id));
    const row = await loadCategory(tx, categoryId);
    const [neighbour] = await tx
      .select({ id: categories.id, sortOrder: categories.sortOrder })
      .from(categories)
      .where(direction === 'up' ? lt(categories.sortOrder, row.sortOrder) : gt(categories.sortOrder, row.sortOrder))
      .orderBy(direction === 'up' ? desc(categories.sortOrder) : asc(categories.sortOrder))
      .limit(1);
    if (!neighbour) return;
    await tx.update(categories).set({ sortOrder: neighbour.sortOrder }).where(eq(categories.id, row.id));
    await tx.update(categories).set({ sortOrder: row.sortOrder }).where(eq(categories.id, neighbour.id));
    await appendAudit(tx, { officerId: admin.id, action: 'category.move', detail: { categoryId: row.id, direction } });
  });
}

/**
 * Deactivates (no longer offered on /lapor) or reactivates a category. The last active
 * one cannot be deactivated: the report form needs a choice. Audited as
 * `category.deactivate` / `category.activate`.
 */
export async function setCategoryActive(db: Database, officer: AuthorizedOfficer, input: { id: number | string; active: string }) {
  const admin = asAdmin(officer);
  const { id: categoryId, active } = parse(setCategoryActiveSchema, input);
  const on = active === 'yes';
  await db.transaction(async (tx) => {
    const row = await loadCategory(tx, categoryId);
    if (!on && row.active) {
      const [{ n }] = await tx.select({ n: count() }).from(categories).where(eq(categories.active, true));
      if (n <= 1) {
        throw new AppError('invalid_category', { userMessage: 'Kategori aktif terakhir tidak dapat dinonaktifkan: formulir laporan memerlukan setidaknya satu kategori.' });
      }
    }
    await tx.update(categories).set({ active: on }).where(eq(categories.id, row.id));
    await appendAudit(tx, { officerId: admin.id, action: on ? 'category.activate' : 'category.deactivate', detail: { categoryId: row.id, slug: row.slug } });
  });
}
