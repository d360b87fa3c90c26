import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { fillReport, signInAsAdmin } from './support';

/*
 * Accountability: the Zona Integritas report for admins, and the public /statistik page.
 * A report in a category no other spec uses ("Nepotisme / KKN") makes a rare cell.
 */

const RARE_CATEGORY = 'Nepotisme / KKN';

test('[STATISTIK] a visitor with JavaScript off sees this year\'s aggregates, a rare category as "< 3", within the page budget', async ({ browser }) => {
  const reporterContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: 'id-ID' });
  const reporter = await reporterContext.newPage();
  await reporter.goto('/lapor');
  await fillReport(reporter);
  await reporter.getByLabel('Kategori pelanggaran').selectOption({ label: RARE_CATEGORY });
  await reporter.getByRole('button', { name: 'Kirim Laporan' }).click();
  await expect(reporter).toHaveURL(/\/lapor\/terkirim$/);
  // The public figures are a snapshot refreshed at most hourly (a stale one is shown while it
  // refreshes), and another spec (the 360 px route walk) may have made it moments ago: drop
  // it, so this visit computes the figures afresh, as on a new install.
  const db = createClient({ url: `file:${path.join(process.env.E2E_DATA_DIR!, 'wbs.db')}` });
  await db.execute("DELETE FROM stats_snapshots WHERE key LIKE 'public:%'");
  db.close();

  await reporter.goto('/');
  await reporter.getByRole('contentinfo').getByRole('link', { name: 'Statistik pengaduan' }).click();
  await expect(reporter).toHaveURL(/\/statistik$/);
  const year = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Makassar' }).format(new Date());
  await expect(reporter.getByRole('heading', { level: 1 })).toHaveText(`Statistik pengaduan tahun ${year}`);
  const rareRow = reporter.getByRole('table', { name: 'Laporan diterima menurut kategori' }).getByRole('row').filter({ hasText: RARE_CATEGORY });
  await expect(rareRow.getByRole('cell').last()).toHaveText('< 3');
  // No exact small number anywhere in the tables: every figure is 0, "< 3", rounded or withheld.
  const cells = await reporter.locator('table tbody td:last-child').allTextContents();
  for (const text of cells) expect(text.trim()).toMatch(/^(0|< 3|± [\d.]+|disembunyikan)$/);

  // Critical path within DESIGN.md's 50 KB: the HTML and its stylesheets, compressed.
  const html = await (await reporter.request.get('/statistik')).text();
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  let bytes = gzipSync(html).length;
  for (const href of styles) bytes += gzipSync(Buffer.from(await (await reporter.request.get(href)).body())).length;
  expect(bytes).toBeLessThan(50 * 1024);
  await reporterContext.close();
});

test('[STATISTIK] an admin writes the evaluation and follow-up for a month, prints without navigation, and downloads a CSV that matches the page', async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole('navigation', { name: 'Menu petugas' }).getByRole('link', { name: 'Statistik' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistik' })).toBeVisible();
  await page.getByRole('link', { name: 'Buka Laporan Pengelolaan WBS untuk periode ini' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan Pengelolaan Whistleblowing System' })).toBeVisible();
  const reportUrl = page.url();

  const evaluation = `Dua laporan terlambat diverifikasi karena petugas dinas luar ${Date.now()}.`;
  const followUp = `Menunjuk petugas pengganti selama dinas luar ${Date.now()}.`;
  await page.locator('#evaluasi-hasil_evaluasi').fill(evaluation);
  await page.getByRole('button', { name: 'Simpan hasil evaluasi' }).click();
  await expect(page.getByText('Hasil evaluasi tersimpan.')).toBeVisible();
  await page.locator('#evaluasi-tindak_lanjut').fill(followUp);
  await page.getByRole('button', { name: 'Simpan tindak lanjut hasil evaluasi' }).click();
  await expect(page.getByText('Tindak lanjut hasil evaluasi tersimpan.')).toBeVisible();

  // What was recorded, after a fresh load: the text with who wrote it.
  await page.goto(reportUrl);
  const evaluationSection = page.locator('section#hasil_evaluasi');
  await expect(evaluationSection.locator('p.whitespace-pre-line')).toHaveText(evaluation);
  await expect(evaluationSection.getByText(/^Ditulis oleh Administrator/)).toBeVisible();
  await expect(page.locator('section#tindak_lanjut p.whitespace-pre-line')).toHaveText(followUp);

  // Empty custom range refused at the field, input kept.
  await page.goto('/petugas/statistik/laporan?periode=rentang&dari=2026-05-10&sampai=2026-05-01');
  await expect(page.getByText('Tanggal akhir tidak boleh sebelum tanggal mulai.')).toBeVisible();
  await expect(page.getByLabel(/Dari tanggal/)).toHaveValue('2026-05-10');

  // Print: a clean document — no navigation, no forms.
  await page.goto(reportUrl);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Menu petugas' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Simpan hasil evaluasi' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan Pengelolaan Whistleblowing System' })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // CSV: the same figures as the page.
  const received = (await page.locator('dt:text-is("Laporan masuk") + dd').textContent())?.trim();
  const closedRows = await page.getByRole('table', { name: 'Kasus yang ditutup dalam periode ini' }).locator('tbody tr').count().catch(() => 0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Unduh CSV (Excel)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^laporan-wbs-\d{4}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain(`\r\nLaporan masuk;${received}\r\n`);
  const listed = csv.split('Kasus yang ditutup dalam periode ini')[1].trim().split('\r\n').slice(1);
  expect(listed).toHaveLength(closedRows);
});

test('[STATISTIK] a visitor without a session gets no statistics for officers', async ({ page }) => {
  await page.goto('/petugas/statistik');
  await expect(page).toHaveURL(/\/petugas\/masuk/);
  const csv = await page.request.get('/petugas/statistik/laporan/csv', { maxRedirects: 0 });
  expect([302, 303, 307, 401]).toContain(csv.status());
  expect(await csv.text()).not.toContain('Laporan masuk');
});
