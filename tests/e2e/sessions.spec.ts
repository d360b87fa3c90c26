import { expect, test } from '@playwright/test';
import { fillReport, lookUp, marker, submitAndReadTicket } from './support';

/**
 * "Keluar dari halaman status" on /status ends the session on the server: a copy of the status
 * cookie taken before (another browser, a stolen cookie jar) no longer reads the case
 * nor posts a message.
 */
test('[SESI] a status cookie copied before "Keluar" is refused afterwards, for reading and for posting', async ({ browser }) => {
  const reporter = await browser.newContext({ locale: 'id-ID' });
  const page = await reporter.newPage();
  await page.goto('/lapor');
  await fillReport(page);
  const ticket = await submitAndReadTicket(page);
  await lookUp(page, ticket);
  await expect(page.getByRole('button', { name: 'Keluar dari halaman status' })).toBeVisible();

  // Someone copies the cookie into another browser: it works, as a cookie does.
  const copier = await browser.newContext({ locale: 'id-ID', javaScriptEnabled: false });
  await copier.addCookies(await reporter.cookies());
  const copied = await copier.newPage();
  await copied.goto('/status');
  await expect(copied.getByRole('button', { name: 'Keluar dari halaman status' })).toBeVisible();
  const message = copied.getByRole('form', { name: 'Kirim pesan kepada petugas' });
  await expect(message).toBeVisible();

  // The reporter ends the session.
  await page.getByRole('button', { name: 'Keluar dari halaman status' }).click();
  await expect(page.getByLabel('Kode tiket')).toBeVisible();

  // The copy posts from the page it still has open: refused (the page comes back without the case).
  const attempt = `Pesan dari salinan cookie ${Date.now()} ${marker('reportermessage')}`;
  await message.getByLabel('Pesan untuk petugas').fill(attempt);
  await message.getByRole('button', { name: 'Kirim Pesan' }).click();
  await expect(copied.getByLabel('Kode tiket')).toBeVisible();
  await expect(copied.getByText('Pesan Anda telah terkirim')).toHaveCount(0);

  // Reading the case again from the copy gives only the ticket form.
  await copied.goto('/status');
  await expect(copied.getByLabel('Kode tiket')).toBeVisible();
  await expect(copied.getByRole('button', { name: 'Keluar dari halaman status' })).toHaveCount(0);

  // The reporter, with the ticket, finds no such message in the case.
  await lookUp(page, ticket);
  await expect(page.getByRole('button', { name: 'Keluar dari halaman status' })).toBeVisible();
  await expect(page.getByText(attempt)).toHaveCount(0);

  await reporter.close();
  await copier.close();
});
