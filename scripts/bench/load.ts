import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

/**
 * The load generator of `npm run bench`, run as its own process (the bench spawns it
 * once per scenario) so that generating load never shares an event loop with the
 * bench's bookkeeping, nor with the server. Reads a scenario (JSON file named on the
 * command line), drives it with autocannon, prints one JSON result on stdout.
 *
 * Latency percentiles are computed here from every response's own time (autocannon's
 * summary has p97.5 but no p95). `spreadClients` gives each request its own
 * X-Forwarded-For address: the bench server runs with TRUSTED_PROXY_HOPS=1, so this
 * process plays the office's reverse proxy in front of many reporters, each counted
 * against their own rate-limit window, as in production behind a load balancer.
 */

export type Scenario = {
  name: string;
  url: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** Request bodies, base64, used in turn (e.g. one per ticket); content type beside each. */
  bodies?: { base64: string; contentType: string }[];
  spreadClients: boolean;
  /** First octets of the spread addresses, so scenarios never share a client. */
  clientNet: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  expectStatus: number[];
};

export type LoadResult = {
  requests: number;
  /** Every answered request, the warm-up's included (for CPU time per request). */
  answered: number;
  /** Mean response size (headers and body, as sent: compressed where the client asked). */
  bytes_per_response: number;
  seconds: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  statuses: Record<string, number>;
  unexpected: number;
  errors: number;
  timeouts: number;
};

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function run(scenario: Scenario, seconds: number, record: boolean): Promise<LoadResult> {
  const bodies = (scenario.bodies ?? []).map((b) => ({ body: Buffer.from(b.base64, 'base64'), contentType: b.contentType }));
  let sent = 0;
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  const started = Date.now();
  let done!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const finished = new Promise<autocannon.Result>((resolve, reject) => ((done = resolve), (failed = reject)));
  const instance = autocannon({
    url: scenario.url,
    connections: scenario.connections,
    duration: seconds,
    requests: [
      {
        method: scenario.method,
        path: scenario.path,
        setupRequest: (req) => {
          const n = sent++;
          const headers: Record<string, string> = { ...scenario.headers };
          if (scenario.spreadClients) headers['x-forwarded-for'] = `${scenario.clientNet}.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
          if (bodies.length > 0) {
            const { body, contentType } = bodies[n % bodies.length];
            headers['content-type'] = contentType;
            return { ...req, headers, body };
          }
          return { ...req, headers };
        },
      },
    ],
  }, (error, result) => (error ? failed(error) : done(result)));
  let answered = 0;
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    answered += 1;
    if (!record) return;
    times.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await finished;
  const elapsed = (Date.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const unexpected = Object.entries(statuses)
    .filter(([status]) => !scenario.expectStatus.includes(Number(status)))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    requests: times.length,
    answered,
    bytes_per_response: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    seconds: elapsed,
    rps: times.length / elapsed,
    p50_ms: percentile(times, 0.5),
    p95_ms: percentile(times, 0.95),
    p99_ms: percentile(times, 0.99),
    statuses,
    unexpected,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

const scenario = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Scenario;
const warm = scenario.warmupSeconds > 0 ? await run({ ...scenario, clientNet: scenario.clientNet + 100 }, scenario.warmupSeconds, false) : null;
const measured = await run(scenario, scenario.seconds, true);
process.stdout.write(JSON.stringify({ ...measured, answered: measured.answered + (warm?.answered ?? 0) }) + '\n');
