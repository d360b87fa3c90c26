import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Browser tests against `next start` on 127.0.0.1 with a fresh data folder per run.
 * Debian's Chromium where it exists (this machine and CI), Playwright's own elsewhere.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://127.0.0.1:${port}`;
export const E2E_DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? `tests/.tmp/e2e-${Date.now()}`);
process.env.E2E_DATA_DIR = E2E_DATA_DIR;

const debianChromium = '/usr/bin/chromium';
const launchOptions = existsSync(debianChromium)
  ? {
      executablePath: debianChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {};

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // An admin sign-in may wait up to 30 s for a fresh TOTP step (codes are accepted once).
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    locale: 'id-ID',
    timezoneId: 'Asia/Makassar',
    launchOptions,
  },
  projects: [
    {
      name: 'phone',
      use: { ...devices['Desktop Chrome'], viewport: { width: 360, height: 740 }, isMobile: false, launchOptions },
    },
    {
      // After every other test: no marker typed by the suite is found in the data folder.
      name: 'marker-scan',
      testMatch: /marker-scan\.scan\.ts$/,
      dependencies: ['phone'],
    },
  ],
  webServer: {
    command: 'node scripts/start.mjs',
    url: `${E2E_BASE_URL}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATA_DIR: E2E_DATA_DIR,
      ADMIN_EMAIL: 'admin@wbs.test',
      ADMIN_PASSWORD: 'admin-e2e-password',
      NEXT_TELEMETRY_DISABLED: '1',
      WBS_RATE_LIMIT_FACTOR: '100',
    },
  },
});
