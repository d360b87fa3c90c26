import { cache } from 'react';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { categories, settings } from '@/lib/db/schema';
import { DEFAULT_SETTINGS, type OfficeSettings } from './defaults';

export { DEFAULT_SETTINGS, DEFAULT_CATEGORIES, MB, type OfficeSettings } from './defaults';

/**
 * Office settings: stored values over defaults, so a new key needs no migration.
 * Cached per request: the layout, metadata and page of one render read them once.
 */
export const getSettings = cache(async function getSettings(db: Database): Promise<OfficeSettings> {
  const rows = await db.select().from(settings);
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const merged = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof OfficeSettings)[]) {
    if (key in stored && typeof stored[key] === typeof DEFAULT_SETTINGS[key]) {
      (merged as Record<string, unknown>)[key] = stored[key];
    }
  }
  return merged;
});

export async function activeCategories(db: Database) {
  return db
    .select({ id: categories.id, slug: categories.slug, label: categories.label })
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.sortOrder), asc(categories.id));
}
