import { expect, test, type Browser } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { startFakeUploadthing, type FakeUploadthing } from '../support/fake-uploadthing';
import { startServer, type AppServer } from './servers';
import { fillReport, openReceivedCase, signInAsAdmin, submitAndReadTicket } from './support';

/**
 * The app under `npm start` with UPLOADTHING_TOKEN pointing at a fake uploadthing on
 * 127.0.0.1: a reporter's file goes there encrypted (the browser talks only to the app),
 * the officer downloads the same bytes, and while uploadthing is down the reporter gets a
 * clear message with the typed input kept. The instance shares the main test server's
 * data folder (one database, one admin), as a second instance behind a balancer would.
 */

const port = Number(process.env.E2E_PORT ?? 3210) + 3;
const base = `http://127.0.0.1:${port}`;
let fake: FakeUploadthing;
let server: AppServer | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(200_000);
  fake = await startFakeUploadthing();
  // The suite's data folder, so its secrets.json: none of the keys another spec may have
  // set in this worker's environment reach this server (tests/e2e/servers.ts).
  server = await startServer(port, {
    ...fake.env,
    DATA_DIR: process.env.E2E_DATA_DIR,
    ADMIN_EMAIL: 'admin@wbs.test',
    ADMIN_PASSWORD: 'admin-e2e-password',
    WBS_RATE_LIMIT_FACTOR: '100',
    OUTBOX_WORKER: 'off',
  });
});

test.afterAll(async () => {
  await server?.stop();
  await fake?.stop();
});

async function pageOn(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL: base, locale: 'id-ID', timezoneId: 'Asia/Makassar', viewport: { width: 360, height: 740 }, javaScriptEnabled });
  return context.newPage();
}

test('a report with a file goes to uploadthing encrypted, and the officer downloads it', async ({ browser }) => {
  const marker = `UT${Date.now().toString(36).toUpperCase()}`;
  const evidence = `Catatan rahasia ${marker}: kuitansi pungutan Rp 500.000 tanggal 3 Maret.`;
  const reporter = await pageOn(browser);
  await reporter.goto('/lapor');
  await fillReport(reporter, { what: `Bendahara meminta uang tunai kepada penyedia. ${marker}` });
  await reporter.getByLabel('Berkas bukti').setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from(evidence) });
  await submitAndReadTicket(reporter);

  // uploadthing holds one new file, and not a readable byte of it.
  expect(fake.files.size).toBe(1);
  expect(fake.allBytes().includes(Buffer.from(marker))).toBe(false);

  const officer = await pageOn(browser);
  await signInAsAdmin(officer);
  await openReceivedCase(officer, marker);
  const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByRole('link', { name: 'catatan.txt' }).click()]);
  expect(await readFile((await download.path())!, 'utf8')).toBe(evidence);
  expect(fake.requests.some((r) => r.method === 'GET' && r.path.startsWith(`/a/${fake.appId}/`) && r.status === 200)).toBe(true);
});

test('while uploadthing is down the reporter is told so, with the typed input kept', async ({ browser }) => {
  fake.down();
  try {
    const what = `Pungutan di loket pelayanan setiap Senin pagi. DOWN${Date.now()}`;
    // JavaScript off: the file goes with the form post (with it on, it is sent ahead to the
    // app, and the storage failure shows on the file instead).
    const reporter = await pageOn(browser, false);
    await reporter.goto('/lapor');
    await fillReport(reporter, { what });
    await reporter.getByLabel('Berkas bukti').setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukti') });
    await reporter.getByRole('button', { name: 'Kirim Laporan' }).click();
    await expect(reporter.getByText('layanan penyimpanan berkas bukti sedang terganggu').first()).toBeVisible();
    await expect(reporter).toHaveURL(/\/lapor$/);
    await expect(reporter.locator('#what')).toHaveValue(what);
  } finally {
    fake.recover();
  }
  expect(fake.files.size).toBe(1);
});
