import { writeFileSync } from 'node:fs';
import { expect, test, type TestInfo } from '@playwright/test';
import { fillReport } from './support';

/**
 * Errors a user can read: a report body over the server's limit (WBS_MAX_BODY_MB, 32 MB
 * in these tests) or a broken multipart post is answered by proxy.ts with a 413 / 400
 * in Indonesian, never a 500 with Next.js's English page.
 */
const LIMIT_MB = Number(process.env.WBS_MAX_BODY_MB || 32);

/** A file one megabyte over the limit, on disk: the browser reads it itself (a buffer this size crawls through the driver). */
function tooLarge(testInfo: TestInfo): string {
  const file = testInfo.outputPath('rekaman.pdf');
  writeFileSync(file, Buffer.alloc((LIMIT_MB + 1) * 1024 * 1024, 0x25));
  return file;
}

test.describe('[GALAT] JS off', () => {
  test.use({ javaScriptEnabled: false });

  test('[GALAT] JS off: a report larger than the server limit gets a 413 page in Indonesian with a way back to the form', async ({ page }, testInfo) => {
    await page.goto('/lapor');
    await fillReport(page);
    await page.getByLabel('Berkas bukti').setInputFiles(tooLarge(testInfo));
    const answer = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/lapor');
    await page.getByRole('button', { name: 'Kirim Laporan' }).click();
    expect((await answer).status()).toBe(413);
    await expect(page.getByRole('heading', { level: 1, name: 'Kiriman terlalu besar' })).toBeVisible();
    await expect(page.getByText(`paling besar ${LIMIT_MB} MB`)).toBeVisible();
    await page.getByRole('link', { name: 'Kembali ke formulir' }).click();
    await expect(page).toHaveURL(/\/lapor$/);
    await expect(page.getByRole('button', { name: 'Kirim Laporan' })).toBeVisible();
  });
});

test.describe('[GALAT] JS on', () => {
  test('[GALAT] JS on: a file larger than the limits is refused in the browser, in the server\'s words, and never sent', async ({ page }, testInfo) => {
    // With JavaScript each file uploads on its own as soon as it is chosen (uploads.spec.ts),
    // so an oversized file never makes a body over the server limit; the server's 413 for
    // a script's post is checked below with a hand-made request.
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') sent.push(new URL(request.url()).pathname);
    });
    await page.goto('/lapor');
    await fillReport(page);
    await page.getByLabel('Berkas bukti').setInputFiles(tooLarge(testInfo));
    await expect(page.locator('#evidence-uploads')).toContainText(`Berkas "rekaman.pdf" terlalu besar (${LIMIT_MB + 1} MB). Ukuran maksimal per berkas 10 MB.`);
    await expect(page.locator('#evidence-uploads')).toContainText('Ditolak, tidak dikirim');
    expect(sent).toEqual([]);
    await expect(page.locator('body')).not.toContainText(/Application error|server-side exception|Internal Server Error/i);
  });
});

test('[GALAT] a truncated or boundary-less multipart post to /lapor gets a 400 in Indonesian', async ({ request }) => {
  const truncated = '--Batas123\r\nContent-Disposition: form-data; name="what"\r\n\r\nLaporan yang terpotong di tengah jalan';
  for (const [contentType, body] of [
    ['multipart/form-data; boundary=Batas123', truncated],
    ['multipart/form-data', 'bukan multipart sama sekali'],
  ]) {
    const response = await request.post('/lapor', { headers: { 'content-type': contentType }, data: body });
    expect(response.status()).toBe(400);
    expect(response.headers()['content-type']).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Kiriman tidak dapat diproses');
    expect(html).toContain('href="/lapor"');
  }

  // The same from a server action call made by JavaScript: text the client shows as the message.
  const fromScript = await request.post('/lapor', {
    headers: { 'content-type': 'multipart/form-data; boundary=Batas123', 'next-action': '0'.repeat(42) },
    data: truncated,
  });
  expect(fromScript.status()).toBe(400);
  expect(fromScript.headers()['content-type']).toBe('text/plain');
  expect(await fromScript.text()).toMatch(/^Kiriman Anda tidak lengkap atau rusak/);
});
