/**
 * Runs once when `next start` boots (Node runtime only, never during the build): starts
 * the outbox delivery loop in this app instance. Several instances may each run one;
 * rows are claimed atomically. OUTBOX_WORKER=off leaves delivery to `npm run
 * outbox:deliver` from cron.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getDb } = await import('@/lib/db/client');
  // Never serve a half-encrypted database (scripts/prepare.ts finishes the migration).
  const { assertFullySealed } = await import('@/lib/cases/seal-existing');
  try {
    await assertFullySealed(getDb());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  if (process.env.OUTBOX_WORKER === 'off') return;
  const { startDeliveryLoop } = await import('@/lib/email/delivery');
  startDeliveryLoop(getDb(), { intervalMs: Number(process.env.OUTBOX_INTERVAL_MS) || 2000 });
}
