import { defineConfig } from 'vitest/config';

/**
 * The integration tests once more, each against its database over HTTP: the libSQL
 * remote protocol (Hrana over HTTP) spoken by tests/support/hrana-server.ts, a stand-in
 * for sqld / Turso backed by the test's file. `npm test` runs it after the main suite.
 */
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    name: 'integration-remote',
    include: ['tests/integration/**/*.test.ts'],
    exclude: [
      // About local files: several processes starting on one file; the raw file read back
      // for clear text left in free pages (a server compacts its own storage).
      'tests/integration/concurrent-start.test.ts',
      'tests/integration/seal-existing.test.ts',
      // Time budgets that an extra HTTP round trip per query misses on a loaded 2-core
      // machine: 20 submissions within 4 s, a 2-second delivery loop, three delivery
      // processes within 30 s, 1,000 sign-in attempts within 30 s.
      'tests/integration/concurrent-submissions.test.ts',
      'tests/integration/email-delivery.test.ts',
      'tests/integration/auth.test.ts',
    ],
    environment: 'node',
    env: { WBS_TEST_DATABASE: 'remote' },
    setupFiles: ['tests/support/remote-run.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
