/**
 * Runs once when `next start` boots (Node runtime only, never during the build): checks
 * the configuration and starts the retention and outbox delivery loops in this app instance. Several
 * instances may each run one; rows are claimed atomically. OUTBOX_WORKER=off leaves
 * delivery to `npm run outbox:deliver` from cron.
 */
export async function register() {
  // NEXT_RUNTIME is set by Next.js itself, and read literally so the bundler can drop
  // the Node-only imports below from the edge build; it is not app configuration.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('@/lib/env');
  const config = env();
  const { getDb } = await import('@/lib/db/client');
  // Never serve a half-encrypted database (scripts/prepare.ts finishes the migration).
  const { assertFullySealed } = await import('@/lib/cases/seal-existing');
  try {
    await assertFullySealed(getDb());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // Retention erasure, hourly (a no-op until an admin confirms a retention period).
  const { startRetentionLoop } = await import('@/lib/cases/retention');
  startRetentionLoop(getDb());
  if (!config.OUTBOX_WORKER) return;
  const { startDeliveryLoop } = await import('@/lib/email/delivery');
  startDeliveryLoop(getDb(), { intervalMs: config.OUTBOX_INTERVAL_MS });
}
