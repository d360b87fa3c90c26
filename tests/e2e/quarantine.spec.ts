import { expect, test, type Browser, type Page } from '@playwright/test';
import { fillReport, lookUp, openAction, signInAsAdmin, submitAndReadTicket } from './support';

/*
 * Issue 8, findings 7 and 8, as people meet them with JavaScript off: disguised gambling
 * spam lands in quarantine (and its sender sees the ordinary "Diterima"), and an officer
 * lets one report out ("Bukan spam") and closes another ("Tolak sebagai spam").
 */

async function noScriptPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  return context.newPage();
}

/** The seed's spam line with a Cyrillic ѕ, a zero-width space, full-width digits and a dash. */
const disguised = (marker: string) => `ѕlot dana ѕl\u200b0t-７７７ gacor maxwin, daftar sekarang. ${marker}`;

async function submitSpam(reporter: Page, marker: string): Promise<string> {
  await reporter.goto('/lapor');
  await fillReport(reporter, { what: disguised(marker) });
  return submitAndReadTicket(reporter);
}

/** Opens, from the quarantine tab, the case whose report contains `marker`; returns its path. */
async function openQuarantinedCase(officer: Page, marker: string): Promise<string> {
  await officer.goto('/petugas?tab=quarantine');
  const links = await officer.locator('table a[href^="/petugas/kasus/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  for (const href of links) {
    await officer.goto(href);
    if ((await officer.locator('#laporan').textContent())?.includes(marker)) return href;
  }
  throw new Error(`no quarantined case contains ${marker}`);
}

async function quarantineTabLists(officer: Page, path: string): Promise<boolean> {
  await officer.goto('/petugas?tab=quarantine');
  return (await officer.locator(`table a[href="${path}"]`).count()) > 0;
}

test('[KARANTINA] an officer clears one quarantined report and rejects another as spam, JavaScript off', async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const keepMarker = `Penanda-bukan-spam-${stamp}`;
  const dropMarker = `Penanda-spam-${stamp}`;
  // Two senders, each in their own browser (the status page remembers one ticket).
  const keepSender = await noScriptPage(browser);
  const dropSender = await noScriptPage(browser);
  const officer = await noScriptPage(browser);

  const keepTicket = await submitSpam(keepSender, keepMarker);
  const dropTicket = await submitSpam(dropSender, dropMarker);

  // The sender sees what any reporter sees right after sending: "Diterima".
  await lookUp(dropSender, dropTicket);
  await expect(dropSender.getByText('Diterima', { exact: true }).first()).toBeVisible();
  await expect(dropSender.locator('main')).not.toContainText(/karantina|spam/i);

  await signInAsAdmin(officer);

  // "Bukan spam": out of quarantine, into the inbox, and now the procedure's first step.
  const keepPath = await openQuarantinedCase(officer, keepMarker);
  await expect(officer.getByText('Karantina (diduga spam)', { exact: true })).toBeVisible();
  await expect(officer.getByRole('button', { name: 'Mulai Verifikasi' })).toHaveCount(0);
  // The officer is told why: each rule that matched, seen through the disguise.
  await expect(officer.locator('#tindakan')).toContainText('nama situs judi (mis. slot777) — “slot777”');
  await expect(officer.locator('#tindakan')).toContainText('istilah "gacor"');
  await openAction(officer, 'Bukan spam');
  await officer.getByRole('button', { name: 'Bukan Spam' }).click();
  await expect(officer.getByText('Laporan dikeluarkan dari karantina')).toBeVisible();
  await officer.goto(keepPath);
  await expect(officer.getByText('Karantina (diduga spam)', { exact: true })).toHaveCount(0);
  await openAction(officer, 'Mulai verifikasi');
  await expect(officer.getByRole('button', { name: 'Mulai Verifikasi' })).toBeVisible();
  await expect(officer.locator('#riwayat')).toContainText('Dikeluarkan dari karantina');
  expect(await quarantineTabLists(officer, keepPath)).toBe(false);
  await officer.goto('/petugas?tab=received');
  await expect(officer.locator(`table a[href="${keepPath}"]`)).toHaveCount(1);

  // "Tolak sebagai spam": closed as rejected with the reason spam.
  const dropPath = await openQuarantinedCase(officer, dropMarker);
  await openAction(officer, 'Tolak sebagai spam');
  await officer.getByRole('button', { name: 'Tolak sebagai Spam' }).click();
  await expect(officer.getByText('Laporan ditolak sebagai spam')).toBeVisible();
  await officer.goto(dropPath);
  await expect(officer.getByText('Tidak Dapat Ditindaklanjuti').first()).toBeVisible();
  await expect(officer.getByText('Alasan: Spam')).toBeVisible();
  await expect(officer.getByRole('button', { name: 'Tolak sebagai Spam' })).toHaveCount(0);
  expect(await quarantineTabLists(officer, dropPath)).toBe(false);

  // Both are in the audit log.
  await officer.goto('/petugas/admin/audit');
  await expect(officer.locator('main')).toContainText('Kasus: dikeluarkan dari karantina (bukan spam)');
  await expect(officer.locator('main')).toContainText('Kasus: ditolak sebagai spam');

  // The senders: the released one still sees "Diterima"; the rejected one the ordinary
  // closed state, with nothing that says why.
  await lookUp(keepSender, keepTicket);
  await expect(keepSender.getByText('Diterima', { exact: true }).first()).toBeVisible();
  await expect(keepSender.locator('main')).not.toContainText(/karantina|spam/i);
  await dropSender.goto('/status');
  await expect(dropSender.getByText('Tidak Dapat Ditindaklanjuti').first()).toBeVisible();
  await expect(dropSender.locator('main')).not.toContainText(/karantina|spam|judi/i);
});
