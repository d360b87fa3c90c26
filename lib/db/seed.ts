import { count } from 'drizzle-orm';
import { hashPassword, generatePassword } from '@/lib/auth/password';
import { DEFAULT_CATEGORIES, DEFAULT_SETTINGS } from '@/lib/settings/defaults';
import type { Database } from './client';
import { categories, officers, settings } from './schema';

/** Stores default settings and categories that are not there yet; never overwrites. */
export async function ensureDefaults(db: Database): Promise<void> {
  await db
    .insert(settings)
    .values(Object.entries(DEFAULT_SETTINGS).map(([key, value]) => ({ key, value })))
    .onConflictDoNothing();
  const [{ n }] = await db.select({ n: count() }).from(categories);
  if (n === 0) {
    await db
      .insert(categories)
      .values(DEFAULT_CATEGORIES.map((c, i) => ({ ...c, sortOrder: i })))
      .onConflictDoNothing();
  }
}

export type FirstAdminResult =
  | { created: false }
  | { created: true; email: string; generatedPassword?: string };

/**
 * Creates the first admin when there is no officer at all. The password comes from
 * the caller (ADMIN_PASSWORD) or is generated and returned so it can be printed once.
 */
export async function ensureFirstAdmin(
  db: Database,
  options: { email?: string; password?: string; name?: string },
): Promise<FirstAdminResult> {
  const [{ n }] = await db.select({ n: count() }).from(officers);
  if (n > 0) return { created: false };
  const email = (options.email ?? 'admin@wbs.local').trim().toLowerCase();
  const generatedPassword = options.password ? undefined : generatePassword();
  const password = options.password ?? generatedPassword!;
  await db.insert(officers).values({
    email,
    name: options.name ?? 'Administrator',
    passwordHash: await hashPassword(password),
    role: 'admin',
    mustChangePassword: Boolean(generatedPassword),
  });
  return { created: true, email, generatedPassword };
}
