import { defineConfig } from 'vitest/config';

/**
 * A subset of the integration tests once more, each against its database over HTTP: the libSQL
 * remote protocol (Hrana over HTTP) spoken by tests/support/hrana-server.ts, a stand-in
 * for sqld / Turso backed by the test's file. `npm test` runs it after the main suite.
 */
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    name: 'integration-remote',
    // A representative subset, not every file: over HTTP each query costs a round trip, and
    // the whole integration folder took 726 s here, too long for CI on 2 cores. These cover
    // interactive transactions (submission, case services, rotation, retention, claims of
    // pending uploads), the database-held rate limits, the reporter's status lookup and the
    // outbox claims; the stand-in's own protocol tests are in hrana-stand-in.test.ts.
    include: [
      'tests/integration/hrana-stand-in.test.ts',
      'tests/integration/submit-report.test.ts',
      'tests/integration/status.test.ts',
      'tests/integration/case-services.test.ts',
      'tests/integration/rate-limit.test.ts',
      'tests/integration/key-rotation.test.ts',
      'tests/integration/retention.test.ts',
      'tests/integration/pending-uploads.test.ts',
      'tests/integration/outbox-admin.test.ts',
    ],
    environment: 'node',
    env: { WBS_TEST_DATABASE: 'remote' },
    setupFiles: ['tests/support/remote-run.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
