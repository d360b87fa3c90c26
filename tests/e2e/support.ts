import { expect, type Locator, type Page } from '@playwright/test';

/** What a reporter types into the form; every required element, well above minimums. */
export const REPORT = {
  party0Name: 'Budi Santoso',
  party0Position: 'Bendahara Pengeluaran',
  what: 'Bendahara meminta uang Rp 500.000 kepada setiap penyedia sebelum tagihan dibayarkan.',
  where: 'Ruang Keuangan Biro Umum, lantai 2',
  whenText: 'Setiap awal bulan sejak Januari 2026',
  who: 'Dua staf keuangan mengetahui kejadian ini',
  how: 'Uang diminta tunai di ruang kerja dengan alasan biaya administrasi yang tidak ada dasarnya.',
};

export const CATEGORY_LABEL = 'Pungutan liar';

/** Fills the report form by label, as a person would. */
export async function fillReport(page: Page, overrides: Partial<typeof REPORT> = {}) {
  const r = { ...REPORT, ...overrides };
  await page.getByLabel('Nama terlapor', { exact: false }).first().fill(r.party0Name);
  await page.locator('#party0Position').fill(r.party0Position);
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
  await expect(page).toHaveURL(/\/lapor\/terkirim$/);
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

export async function signInAsAdmin(page: Page) {
  await page.goto('/petugas/masuk');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/petugas$/);
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
