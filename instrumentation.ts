/**
 * Runs once when `next start` boots (Node runtime only, never during the build): starts
 * the outbox delivery loop in this app instance. Several instances may each run one;
 * rows are claimed atomically. OUTBOX_WORKER=off leaves delivery to `npm run
 * outbox:deliver` from cron.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.OUTBOX_WORKER === 'off') return;
  const { getDb } = await import('@/lib/db/client');
  const { startDeliveryLoop } = await import('@/lib/email/delivery');
  startDeliveryLoop(getDb(), { intervalMs: Number(process.env.OUTBOX_INTERVAL_MS) || 2000 });
}
