import { expect, test } from '@playwright/test';
import { REPORT, caseState, fillReport, lookUp, openReceivedCase, signInAsAdmin, sloppy, submitAndReadTicket } from './support';
import { MINIMAL_PDF } from '../support/forms';

// A real one-page PDF: the server rewrites evidence without metadata, so it must parse.
const PDF = Buffer.from(`${MINIMAL_PDF}%%EOF\n`);

for (const javaScriptEnabled of [false, true]) {
  const mode = javaScriptEnabled ? 'JS on' : 'JS off';

  test.describe(`[LAPOR] ${mode}`, () => {
    test.use({ javaScriptEnabled });

    test(`[LAPOR] ${mode}: a reporter submits anonymously, keeps the ticket once, and /status shows "Diterima"`, async ({
      page,
    }) => {
      await page.goto('/lapor');
      await expect(page.getByLabel('Kirim secara anonim')).toBeChecked();
      await fillReport(page);
      await page.getByLabel('Berkas bukti').setInputFiles({ name: 'kuitansi.pdf', mimeType: 'application/pdf', buffer: PDF });
      const ticket = await submitAndReadTicket(page);
      await expect(page.getByRole('link', { name: 'Unduh sebagai berkas teks' })).toHaveAttribute('download', 'kode-tiket-wbs.txt');

      // Shown once: a reload (or the history) never brings the code back.
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Kode tiket tidak dapat ditampilkan lagi' })).toBeVisible();
      await expect(page.locator('body')).not.toContainText(ticket);

      await lookUp(page, sloppy(ticket));
      await expect(caseState(page)).toHaveText('Diterima');
      await expect(page.locator('body')).not.toContainText(REPORT.party0Name);
    });

    test(`[LAPOR] ${mode}: a bad submission shows the message at the field and keeps every other input`, async ({ page }) => {
      await page.goto('/lapor');
      await fillReport(page, { what: 'uang' });
      await page.getByRole('button', { name: 'Kirim Laporan' }).click();

      await expect(page).toHaveURL(/\/lapor$/);
      await expect(page.locator('#form-status')).toContainText('Laporan belum terkirim');
      await expect(page.locator('#what-error')).toContainText('terlalu singkat');
      await expect(page.locator('#what')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#what')).toHaveValue('uang');
      await expect(page.locator('#where')).toHaveValue(REPORT.where);
      await expect(page.locator('#how')).toHaveValue(REPORT.how);
      await expect(page.locator('#party0Name')).toHaveValue(REPORT.party0Name);
      await expect(page.getByLabel('Kategori pelanggaran')).toHaveValue('pungutan-liar');
    });

    test(`[LAPOR] ${mode}: an executable renamed .pdf is refused with a clear message`, async ({ page }) => {
      await page.goto('/lapor');
      await fillReport(page);
      const exe = Buffer.alloc(512);
      exe.write('MZ', 0, 'latin1');
      exe.writeUInt32LE(0x80, 0x3c);
      exe.write('PE\0\0', 0x80, 'latin1');
      await page.getByLabel('Berkas bukti').setInputFiles({ name: 'laporan.pdf', mimeType: 'application/pdf', buffer: exe });
      if (javaScriptEnabled) {
        // Sent ahead as soon as it is chosen (uploads.spec.ts): refused there, before the report.
        await expect(page.locator('#evidence-uploads')).toContainText('bukan jenis yang diizinkan');
        await expect(page.locator('#evidence-uploads')).toContainText('Ditolak, tidak dikirim');
        await expect(page.locator('#what')).toHaveValue(REPORT.what);
        return;
      }
      await page.getByRole('button', { name: 'Kirim Laporan' }).click();
      await expect(page).toHaveURL(/\/lapor$/);
      await expect(page.locator('#evidence-error')).toContainText('bukan jenis yang diizinkan');
      await expect(page.locator('#form-status')).toContainText('pilih ulang 1 berkas');
      await expect(page.locator('#what')).toHaveValue(REPORT.what);
    });
  });
}

test('[LAPOR] text with HTML or script is shown as text, never parsed or run, on the form and on the case page', async ({ page, browser }) => {
  // Signing the admin in may wait for the next TOTP step (each code opens one session).
  test.setTimeout(120_000);
  const marker = `PenandaHtml${Date.now()}`;
  const injected = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2"> Uang diminta tunai oleh bendahara. ${marker}`;
  const pwned = (p: typeof page) => p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
  // The CSP would stop an injected script from running anyway, so the checks that can
  // fail are the DOM ones: no injected element, and the markup visible as text.
  await page.goto('/lapor');
  await fillReport(page, { what: injected, party0Name: '<b>Budi</b>' });
  await page.locator('#how').fill('x');
  await page.getByRole('button', { name: 'Kirim Laporan' }).click();
  await expect(page.locator('#how-error')).toBeVisible();
  await expect(page.locator('#what')).toHaveValue(injected);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await pwned(page)).toBeUndefined();

  // Stored and shown to an officer: as text there too.
  await page.locator('#how').fill(REPORT.how);
  await submitAndReadTicket(page);
  const officer = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' })).newPage();
  await signInAsAdmin(officer);
  await openReceivedCase(officer, marker);
  await expect(officer.getByText('<script>window.__pwned = 1</script><img src=x')).toBeVisible();
  await expect(officer.getByText('<b>Budi</b>')).toBeVisible();
  await expect(officer.locator('#laporan img, #laporan b')).toHaveCount(0);
  expect(await pwned(officer)).toBeUndefined();
});

test('[LAPOR] the form can be completed with the keyboard alone', async ({ page }) => {
  await page.goto('/lapor');
  const typed: Record<string, string> = {
    party0Name: REPORT.party0Name,
    what: REPORT.what,
    where: REPORT.where,
    whenText: REPORT.whenText,
    who: REPORT.who,
    how: REPORT.how,
  };
  const visited = new Set<string>();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.id ?? '');
    if (id && !visited.has(id)) {
      visited.add(id);
      if (typed[id]) await page.keyboard.type(typed[id]);
      if (id === 'category') await page.keyboard.type('Pungutan');
    }
    const isSubmit = await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type === 'submit');
    if (isSubmit) break;
  }
  for (const id of [...Object.keys(typed), 'category', 'evidence']) expect(visited, `reached #${id}`).toContain(id);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lapor\/terkirim$/);
  await expect(page.getByTestId('ticket-code')).toBeVisible();
});
