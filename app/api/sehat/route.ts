import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { logUnexpected } from '@/lib/errors';

/**
 * Health check for a load balancer or uptime monitor: 200 when this instance answers and
 * its database does, 503 otherwise. One trivial query, nothing about the office, its
 * cases or its configuration. `npm run bench` uses it as the floor: the cheapest dynamic
 * route of the app, against which every other route's throughput is compared.
 */
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  try {
    await getDb().run(sql`SELECT 1`);
    return new Response('{"status":"ok"}', { headers });
  } catch (error) {
    logUnexpected('health check', error);
    return new Response('{"status":"unavailable"}', { status: 503, headers });
  }
}
