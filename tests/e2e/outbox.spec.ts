import { expect, test, type Page } from '@playwright/test';
import { ADMIN, fillReport, openReceivedCase, REPORT, signInAsAdmin, submitAndReadTicket } from './support';

/*
 * The web server runs without RESEND_API_KEY, so the delivery loop (a pass every 2 s,
 * started by instrumentation.ts) marks every email 'captured' instead of sending it.
 */

const NOT_CONFIGURED = 'Pengiriman email belum dikonfigurasi: email disimpan di sini dan tidak dikirim.';
const CAPTURED = 'Disimpan, tidak dikirim';

/** Reloads the outbox until the row for `subject` to the admin shows `status`. */
async function waitForRow(page: Page, subject: string, status: string) {
  const row = page.getByRole('listitem').filter({ hasText: subject }).filter({ hasText: ADMIN.email });
  await expect(async () => {
    await page.goto('/petugas/admin/outbox');
    await expect(row).toHaveCount(1, { timeout: 500 });
    await expect(row).toContainText(status, { timeout: 500 });
  }).toPass({ timeout: 20_000, intervals: [1000, 1000, 2000] });
  return row;
}

test('[OUTBOX] an admin reads a captured email at /petugas/admin/outbox on an install without RESEND_API_KEY', async ({ browser, page }, testInfo) => {
  const marker = `PenandaOutbox${Date.now()}`;
  const report = { ...REPORT, what: `Bendahara meminta uang tunai kepada setiap penyedia. ${marker}`, party0Name: `Terlapor ${marker}` };

  const reporterContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  const reporter = await reporterContext.newPage();
  await reporter.goto('/lapor');
  await fillReport(reporter, report);
  const ticket = await submitAndReadTicket(reporter);
  await reporterContext.close();

  await signInAsAdmin(page);
  const caseNumber = (await openReceivedCase(page, marker)).split('/').pop()!;
  const subject = `[WBS] Laporan baru ${caseNumber}`;

  const row = await waitForRow(page, subject, CAPTURED);
  await expect(page.getByRole('heading', { level: 1, name: 'Email Keluar' })).toBeVisible();
  await expect(page.getByText(NOT_CONFIGURED)).toBeVisible();
  await expect(page.getByRole('link', { name: /^Disimpan, tidak dikirim \(\d+\)$/ })).toBeVisible();
  await expect(row.getByRole('button', { name: /^Kirim ulang/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('outbox-list.png'), fullPage: true });

  // The filter works without JavaScript: a plain link with ?status=captured.
  await page.getByRole('link', { name: /^Disimpan, tidak dikirim \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/status=captured/);
  await expect(page.getByRole('link', { name: /^Disimpan, tidak dikirim/ })).toHaveAttribute('aria-current', 'page');

  await page.goto('/petugas/admin/outbox');
  await row.getByRole('link', { name: subject }).click();
  await expect(page).toHaveURL(/\/petugas\/admin\/outbox\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(page.getByText(ADMIN.email)).toBeVisible();
  await expect(page.getByText(CAPTURED, { exact: true })).toBeVisible();
  const body = page.locator('pre').first();
  await expect(body).toContainText(`Buka kasus ${caseNumber}`);
  await expect(body).toContainText(`/petugas/kasus/${caseNumber}`);
  await page.screenshot({ path: testInfo.outputPath('outbox-email.png'), fullPage: true });

  // The content rule: nothing the reporter wrote, and not the ticket, is in the email.
  const html = await page.content();
  for (const secret of [marker, ticket, report.what, report.where, report.how, report.party0Position, 'Pungutan liar']) {
    expect(html, secret).not.toContain(secret);
  }

  // "Kirim ulang": back in the queue, then captured again by the next pass. The email
  // was captured before the click too, so what shows the retry happened is its audit row.
  const emailId = page.url().match(/\/outbox\/(\d+)/)![1];
  await page.getByRole('button', { name: 'Kirim ulang' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'masuk antrean lagi' })).toBeVisible();
  await page.goto('/petugas/admin/audit');
  await expect(page.getByRole('row').filter({ hasText: 'Mengirim ulang email' }).filter({ hasText: new RegExp(`email #${emailId}\\b`) })).toHaveCount(1);
  await page.goto(`/petugas/admin/outbox/${emailId}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(CAPTURED, { exact: true })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 20_000, intervals: [1000, 1000, 2000] });
});

test('[OUTBOX] without JavaScript an admin sends a captured email again from the list', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  const page = await context.newPage();
  const marker = `PenandaNoJs${Date.now()}`;
  await page.goto('/lapor');
  await fillReport(page, { what: `Bendahara meminta uang tunai kepada setiap penyedia. ${marker}` });
  await submitAndReadTicket(page);

  await signInAsAdmin(page);
  const caseNumber = (await openReceivedCase(page, marker)).split('/').pop()!;

  const row = await waitForRow(page, `[WBS] Laporan baru ${caseNumber}`, CAPTURED);
  await row.getByRole('button', { name: /^Kirim ulang/ }).click();
  await expect(page.getByText(/Email #\d+ masuk antrean lagi/)).toBeVisible();
  await context.close();
});
