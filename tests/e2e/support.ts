import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Cookie, type Locator, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { marker } from './markers';

export { marker, markersFile } from './markers';
import Holidays from 'date-holidays';

/** What a reporter types into the form; every required element, well above minimums. */
export const REPORT = {
  party0Name: `Budi Santoso ${marker('partyname')}`,
  party0Position: `Bendahara Pengeluaran ${marker('partyposition')}`,
  party0WorkUnit: `Subbagian Keuangan ${marker('partyunit')}`,
  what: `Bendahara meminta uang Rp 500.000 kepada setiap penyedia sebelum tagihan dibayarkan. ${marker('what')}`,
  where: `Ruang Keuangan Biro Umum, lantai 2 ${marker('where')}`,
  whenText: `Setiap awal bulan sejak Januari 2026 ${marker('when')}`,
  who: `Dua staf keuangan mengetahui kejadian ini ${marker('who')}`,
  how: `Uang diminta tunai di ruang kerja dengan alasan biaya administrasi yang tidak ada dasarnya. ${marker('how')}`,
};

export const CATEGORY_LABEL = 'Pungutan liar';

/** Fills the report form by label, as a person would. */
export async function fillReport(page: Page, overrides: Partial<typeof REPORT> = {}) {
  const r = { ...REPORT, ...overrides };
  await page.getByLabel('Nama terlapor', { exact: false }).first().fill(r.party0Name);
  await page.locator('#party0Position').fill(r.party0Position);
  await page.locator('#party0WorkUnit').fill(r.party0WorkUnit);
  await page.getByLabel('Kategori pelanggaran').selectOption({ label: CATEGORY_LABEL });
  await page.locator('#what').fill(r.what);
  await page.locator('#where').fill(r.where);
  await page.locator('#whenText').fill(r.whenText);
  await page.locator('#who').fill(r.who);
  await page.locator('#how').fill(r.how);
}

/** Submits the form and returns the ticket shown on the receipt page. */
export async function submitAndReadTicket(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Kirim Laporan' }).click();
  // A report with files is sealed and its files cleaned before the redirect: slow on a busy machine.
  await expect(page).toHaveURL(/\/lapor\/terkirim$/, { timeout: 30_000 });
  const ticket = (await page.getByTestId('ticket-code').textContent())?.trim() ?? '';
  expect(ticket).toMatch(/^WBS-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  return ticket;
}

/** How a reporter might type the code back: lower case, spaces instead of dashes. */
export function sloppy(ticket: string): string {
  return ticket.toLowerCase().replace(/-/g, ' ');
}

export async function lookUp(page: Page, code: string) {
  await page.goto('/status');
  await page.getByLabel('Kode tiket').fill(code);
  await page.getByRole('button', { name: /Cek Status/i }).click();
}

/** The first admin from playwright.config.ts's webServer environment. */
export const ADMIN = { email: 'admin@wbs.test', password: 'admin-e2e-password' };

/**
 * Where the admin's TOTP secret is kept once enrolled: a new install requires two-step
 * sign-in, so the first sign-in of the run enrols (under a lock, since two workers may
 * arrive at once) and later ones type a code, as an officer would.
 */
const TOTP_SECRET_FILE = () => path.join(process.env.E2E_DATA_DIR ?? 'tests/.tmp', 'admin-totp-secret');
const TOTP_LOCK_DIR = () => path.join(process.env.E2E_DATA_DIR ?? 'tests/.tmp', 'admin-totp.lock');

function storedSecret(): string | null {
  return existsSync(TOTP_SECRET_FILE()) ? readFileSync(TOTP_SECRET_FILE(), 'utf8').trim() : null;
}

/** Codes for this step and the next: each sign-in uses up its step (no replay), so a quick second one needs the next. */
async function codesToTry(secret: string): Promise<string[]> {
  const now = Math.floor(Date.now() / 1000);
  return [await generate({ secret, epoch: now }), await generate({ secret, epoch: now + 30 })];
}

async function enrolAdminTotp(page: Page): Promise<'done' | 'again'> {
  let owner = false;
  try {
    mkdirSync(TOTP_LOCK_DIR());
    owner = true;
  } catch {
    owner = false;
  }
  if (owner) {
    await page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
    const secret = ((await page.locator('code').first().textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel('Kode dari aplikasi').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Konfirmasi dan aktifkan' }).click();
    await expect(page).toHaveURL(/\/petugas$/);
    writeFileSync(TOTP_SECRET_FILE(), secret);
    return 'done';
  }
  // Another worker is enrolling this same account: once it has, sign in again with a code.
  await expect.poll(() => storedSecret(), { timeout: 60_000 }).not.toBeNull();
  return 'again';
}

/**
 * The admin's session cookie once this worker has signed in: later tests open their own
 * context with it instead of signing in again, since each TOTP step opens only one
 * session and a second sign-in in the same half-minute would wait up to 30 s for the
 * next step. Sign-in itself stays covered by the first sign-in of each worker (enrolment
 * or a code) and by sign-in-attacks.spec.ts.
 */
let adminSession: Cookie[] = [];

async function reuseAdminSession(page: Page): Promise<boolean> {
  if (adminSession.length === 0) return false;
  await page.context().addCookies(adminSession);
  await page.goto('/petugas');
  if (await page.getByRole('heading', { level: 1, name: 'Kotak Masuk' }).isVisible()) {
    await keepAdminSession(page);
    return true;
  }
  // Refused (idle for 30 minutes, or ended): sign in afresh.
  adminSession = [];
  await page.context().clearCookies();
  return false;
}

/** Keeps the session cookie as last re-issued, so its idle clock starts again. */
async function keepAdminSession(page: Page) {
  adminSession = (await page.context().cookies()).filter((cookie) => cookie.name.includes('session-token'));
}

export async function signInAsAdmin(page: Page) {
  if (await reuseAdminSession(page)) return;
  await signInAsAdminAfresh(page);
  await keepAdminSession(page);
}

async function signInAsAdminAfresh(page: Page) {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const secret = storedSecret();
    const codes = secret ? await codesToTry(secret) : [''];
    for (const code of codes) {
      await page.goto('/petugas/masuk');
      await page.getByLabel('Email').fill(ADMIN.email);
      await page.getByLabel('Kata sandi').fill(ADMIN.password);
      if (code) await page.getByLabel('Kode verifikasi dua langkah').fill(code);
      await page.getByRole('button', { name: 'Masuk' }).click();
      // Where the sign-in lands, by what the page shows (the URL passes through /petugas
      // on its way to /petugas/aktivasi): the inbox, the activation page, or a refusal.
      const activation = page.getByRole('heading', { level: 1, name: 'Aktivasi Akun' });
      // While another worker enrols the same account, a sign-in may land on an error page:
      // then it simply tries again.
      const landed = await Promise.race([
        activation.waitFor({ timeout: 30_000 }),
        page.getByRole('heading', { level: 1, name: 'Kotak Masuk' }).waitFor({ timeout: 30_000 }),
        page.locator('#code-error, #masuk-error, #password-error').first().waitFor({ timeout: 30_000 }),
      ]).then(
        () => true,
        () => false,
      );
      if (!landed) continue;
      if (await activation.isVisible()) {
        if ((await enrolAdminTotp(page)) === 'done') return;
        break;
      }
      if (await page.getByRole('heading', { level: 1, name: 'Kotak Masuk' }).isVisible()) return;
      if (!secret && storedSecret()) break; // enrolled meanwhile by another worker: sign in with a code
    }
    // Both codes used up by other sign-ins in this half-minute: wait for the next step.
    if (secret) await page.waitForTimeout(31_000 - (Date.now() % 30_000));
  }
  throw new Error('the admin could not sign in');
}

/** Finds, from the officer inbox, the received case whose report contains `marker`. */
export async function openReceivedCase(page: Page, marker: string): Promise<string> {
  await page.goto('/petugas?tab=received');
  const links = await page.locator('table a[href^="/petugas/kasus/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  for (const href of links) {
    await page.goto(href);
    if ((await page.locator('body').textContent())?.includes(marker)) return href;
  }
  throw new Error(`no received case contains ${marker}`);
}

/** The case's state, as the badge beside the heading shows it (officer case page, /status). */
export function caseState(page: Page): Locator {
  return page.getByTestId('case-state');
}

/**
 * Loads the current page again with a GET, so the assertions that follow read what the
 * server recorded rather than what the last response said. Not `page.reload()`: after a
 * form post without JavaScript a reload would post the form again.
 */
export async function reloadPage(page: Page): Promise<void> {
  await page.goto(page.url().split('#')[0]);
}

/** A date some days ahead, as a date input takes it. */
export function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
}

/** A WITA working day (Monday–Friday, not a national holiday) at least `days` ahead. */
export function workingDaysAhead(days: number): string {
  const calendar = new Holidays('ID', { types: ['public'] });
  for (let n = days; ; n += 1) {
    const date = new Date(Date.now() + n * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const holiday = calendar.getHolidays(Number(date.slice(0, 4))).some((h) => h.type === 'public' && h.date.slice(0, 10) === date);
    if (weekday !== 0 && weekday !== 6 && !holiday) return date;
  }
}

/** The next Saturday (WITA) at least two days ahead. */
export function saturdayAhead(): string {
  for (let n = 2; ; n += 1) {
    const date = new Date(Date.now() + n * 86400_000 + 8 * 3600_000);
    if (date.getUTCDay() === 6) return date.toISOString().slice(0, 10);
  }
}

/**
 * Opens one of the case page's actions, each collapsed behind its title (`<details>`),
 * as an officer taps it; works with JavaScript off. `within` narrows to a region (a summons).
 */
export async function openAction(page: Page, title: string, within: Locator | Page = page): Promise<void> {
  const summary = within.locator('summary').filter({ hasText: title }).first();
  const open = await summary.evaluate((element) => (element.parentElement as HTMLDetailsElement).open);
  if (!open) await summary.click();
}
