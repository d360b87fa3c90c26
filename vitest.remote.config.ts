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
    // Starting several processes on one file is about local files, not the remote path.
    exclude: ['tests/integration/concurrent-start.test.ts'],
    environment: 'node',
    env: { WBS_TEST_DATABASE: 'remote' },
    setupFiles: ['tests/support/remote-run.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
