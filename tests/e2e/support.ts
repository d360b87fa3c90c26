import { expect, type Page } from '@playwright/test';

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
