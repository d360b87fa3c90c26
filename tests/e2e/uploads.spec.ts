import { expect, test } from '@playwright/test';
import { fillReport, openReceivedCase, reloadPage, signInAsAdmin, submitAndReadTicket } from './support';
import { MINIMAL_PDF } from '../support/forms';

/**
 * JavaScript on, at a phone's width: each chosen file uploads at once with its progress,
 * and the report is sent with the uploads once they are in. (Without JavaScript the
 * files post with the form: report.spec.ts.)
 */

/** A real PDF padded inside a comment to `kb` kilobytes (the server rewrites it, so it must parse). */
function pdf(kb: number): Buffer {
  const head = `${MINIMAL_PDF}%`;
  return Buffer.from(`${head}${'x'.repeat(Math.max(0, kb * 1024 - head.length - 7))}\n%%EOF\n`);
}

test('[UNGGAH] a chosen file uploads with progress and size, can be cancelled, is retried after a failure, and reaches the officer', async ({
  page,
  browser,
}) => {
  // Signing the admin in may wait for the next TOTP step.
  test.setTimeout(150_000);
  const marker = `PenandaUnggah${Date.now()}`;
  const uploads: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/unggah')) uploads.push(`${request.method()} ${request.headers()['x-file-name'] ?? ''}`);
  });

  await page.goto('/lapor');
  await fillReport(page, { what: `Bendahara meminta uang Rp 500.000 kepada setiap penyedia. ${marker}` });
  const picker = page.getByLabel('Berkas bukti');
  const list = page.locator('#evidence-uploads');

  // A slow uplink (about 30 KB/s): the progress can be seen, and the upload cancelled.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: -1, uploadThroughput: 30 * 1024 });
  await picker.setInputFiles({ name: 'rekaman-lambat.pdf', mimeType: 'application/pdf', buffer: pdf(300) });
  const progress = page.getByRole('progressbar', { name: 'Unggahan rekaman-lambat.pdf' });
  await expect(progress).toBeVisible();
  await expect(list).toContainText('rekaman-lambat.pdf — 300 KB');
  await expect(page.getByText('Jangan tutup halaman ini')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Menunggu berkas selesai diunggah…' })).toBeDisabled();
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(Number(await progress.getAttribute('value'))).toBeLessThan(300 * 1024);
  await page.getByRole('button', { name: 'Batalkan rekaman-lambat.pdf' }).click();
  await expect(list).toHaveCount(0);
  await expect(page.getByText('Jangan tutup halaman ini')).toHaveCount(0);
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  // A file the rules refuse is refused here, in the server's words, and never sent.
  const sentBefore = uploads.length;
  await picker.setInputFiles({ name: 'IMG_2024.HEIC', mimeType: 'image/heic', buffer: Buffer.from('ftypheic') });
  await expect(list).toContainText('Foto "IMG_2024.HEIC" berformat HEIC. Simpan sebagai JPG terlebih dahulu');
  await expect(list).toContainText('Ditolak, tidak dikirim');
  expect(uploads.length).toBe(sentBefore);
  await page.getByRole('button', { name: 'Hapus IMG_2024.HEIC' }).click();

  // The server fails once (an overloaded proxy's 503): the file waits for a retry, and the report waits for it.
  let failed = false;
  await page.route('**/api/unggah', async (route) => {
    if (failed) return route.fallback();
    failed = true;
    await route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>503 Service Unavailable</h1>' });
  });
  await picker.setInputFiles({ name: 'kuitansi.pdf', mimeType: 'application/pdf', buffer: pdf(20) });
  await expect(list).toContainText('Gagal terkirim');
  await expect(list).toContainText('Server tidak dapat menerima berkas ini sekarang.');
  await expect(page.getByRole('button', { name: 'Kirim ulang atau hapus berkas yang gagal dahulu' })).toBeDisabled();
  await page.getByRole('button', { name: 'Coba lagi kuitansi.pdf' }).click();
  await expect(list).toContainText('Terkirim');
  await expect(list).toContainText('kuitansi.pdf — 20 KB');
  await expect(page.locator('input[type="hidden"][name="upload"]')).toHaveCount(1);
  // The picker is empty again: the form carries the upload's id, not the file a second time.
  expect(await picker.evaluate((input: HTMLInputElement) => input.files?.length ?? 0)).toBe(0);

  // The uploads are bound to this browser by a random token in an HttpOnly cookie...
  const bound = (await page.context().cookies()).find((c) => c.name === 'wbs_unggah');
  expect(bound).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  await submitAndReadTicket(page);
  // ...which goes once the report has claimed them.
  expect((await page.context().cookies()).some((c) => c.name === 'wbs_unggah')).toBe(false);

  // The officer finds the retried file on the case, and not the cancelled one.
  const officerContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  const officer = await officerContext.newPage();
  await signInAsAdmin(officer);
  await openReceivedCase(officer, marker);
  await reloadPage(officer);
  const evidence = officer.locator('#bukti');
  await expect(evidence.getByRole('link', { name: 'kuitansi.pdf' })).toBeVisible();
  await expect(evidence).not.toContainText('rekaman-lambat.pdf');
  const download = await officer.request.get((await evidence.getByRole('link', { name: 'kuitansi.pdf' }).getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await officerContext.close();
});

test('[UNGGAH] a sent file taken back with "Hapus" does not go with the report', async ({ page }) => {
  await page.goto('/lapor');
  await fillReport(page);
  const picker = page.getByLabel('Berkas bukti');
  await picker.setInputFiles([
    { name: 'tetap.pdf', mimeType: 'application/pdf', buffer: pdf(4) },
    { name: 'salah-pilih.pdf', mimeType: 'application/pdf', buffer: pdf(4) },
  ]);
  const list = page.locator('#evidence-uploads');
  await expect(list.getByText('Terkirim')).toHaveCount(2);
  const removed = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/api/unggah/'));
  await page.getByRole('button', { name: 'Hapus salah-pilih.pdf' }).click();
  expect((await removed).status()).toBe(204);
  await expect(list).not.toContainText('salah-pilih.pdf');
  await expect(page.locator('input[type="hidden"][name="upload"]')).toHaveCount(1);
  await submitAndReadTicket(page);
});
