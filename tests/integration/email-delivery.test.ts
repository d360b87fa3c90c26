import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { spawn } from 'node:child_process';
import { openDatabase, type Database } from '@/lib/db/client';
import { emailOutbox, officers } from '@/lib/db/schema';
import {
  capturedTransport,
  deliverAllDue,
  deliverPending,
  resendTransport,
  startDeliveryLoop,
  type Transport,
} from '@/lib/email/delivery';
import { enqueueEmail, enqueueOfficerNotification, enqueueReporterUpdate, requeueEmail } from '@/lib/email/outbox';
import { getSettings } from '@/lib/settings';
import { freshDatabase } from '../support/db';
import { createOfficer } from '../support/factories';
import { startFakeResend, type FakeResend } from '../support/fake-resend';

const MIN = 60_000;
const office = { name: 'Biro Umum Setda Provinsi NTT', address: 'Kupang, Nusa Tenggara Timur' };
const baseUrl = 'https://wbs.example.go.id';

let db: Database;
let fake: FakeResend;
let clock = new Date();
let transport: Transport;
let immediate: string[];

beforeAll(async () => {
  db = (await freshDatabase()).db;
  fake = await startFakeResend({ now: () => clock });
  // The SDK reads RESEND_BASE_URL when a client is constructed: set it before.
  process.env.RESEND_BASE_URL = fake.url;
  transport = resendTransport('re_test_key');
  const a = await createOfficer(db);
  const b = await createOfficer(db, 'admin');
  const digestOnly = await createOfficer(db);
  const inactive = await createOfficer(db);
  await db.update(officers).set({ notifyMode: 'digest' }).where(eq(officers.email, digestOnly.email));
  await db.update(officers).set({ active: false }).where(eq(officers.email, inactive.email));
  immediate = [a.email, b.email];
});

afterAll(async () => {
  await fake.stop();
  delete process.env.RESEND_BASE_URL;
});

beforeEach(async () => {
  clock = new Date();
  fake.reset();
  // eslint-disable-next-line drizzle/enforce-delete-with-where -- each test starts with an empty outbox
  await db.delete(emailOutbox);
});

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.RESEND_API_KEY;
});

async function enqueueRaw(n: number, now = clock): Promise<number[]> {
  return db.transaction(async (tx) => {
    const ids: number[] = [];
    for (let i = 0; i < n; i += 1) {
      ids.push(await enqueueEmail(tx, { kind: 'new_report', to: `officer${i}@wbs.test`, subject: `[WBS] Laporan baru 2026-${String(i).padStart(4, '0')}`, html: '<p>x</p>', text: 'x', now }));
    }
    return ids;
  });
}

async function row(id: number) {
  const [found] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return found;
}

/** How often the fake was asked to send each outbox row, whatever it answered. */
function requestsPerRow(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of fake.requests) {
    const key = String(request.headers['idempotency-key']);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe('delivery through the Resend SDK to a fake Resend', () => {
  it('delivers pending rows: the recipients, subject, HTML and text reach the API, and nothing personal reaches the log', async () => {
    const logged: string[] = [];
    for (const level of ['info', 'warn', 'error', 'log'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    await db.transaction(async (tx) => {
      // Officers on the digest, and inactive ones, get nothing immediate.
      expect(await enqueueOfficerNotification(tx, { event: 'new_report', caseNumber: '2026-0001', office, baseUrl })).toBe(2);
      await enqueueReporterUpdate(tx, { email: 'pelapor@contoh.test', office, baseUrl });
    });

    const result = await deliverPending(db, { transport, now: clock, workerId: 'w1' });
    expect(result).toMatchObject({ claimed: 3, sent: 3, retrying: 0, failed: 0 });

    const { emailFrom } = await getSettings(db);
    expect(fake.emails.map((e) => e.to)).toEqual([[immediate[0]], [immediate[1]], ['pelapor@contoh.test']]);
    for (const email of fake.emails.slice(0, 2)) {
      expect(email.from).toBe(emailFrom);
      expect(email.authorization).toBe('Bearer re_test_key');
      expect(email.subject).toBe('[WBS] Laporan baru 2026-0001');
      expect(email.html).toContain('href="https://wbs.example.go.id/petugas/kasus/2026-0001"');
      expect(email.text).toContain('Laporan baru telah diterima dengan nomor kasus 2026-0001');
      expect(email.text).toContain(office.name);
    }
    const reporter = fake.emails[2];
    expect(reporter.subject).toBe('Ada pembaruan pada laporan Anda');
    expect(reporter.text).toContain(`Ada pembaruan pada laporan Anda — periksa di ${baseUrl}/status dengan kode tiket Anda.`);
    expect(`${reporter.subject} ${reporter.html} ${reporter.text}`).not.toContain('2026-0001');

    const rows = await db.select().from(emailOutbox).orderBy(emailOutbox.id);
    for (const [i, sent] of rows.entries()) {
      expect(sent).toMatchObject({ status: 'sent', providerId: fake.emails[i].id, attempts: 1 });
      expect(fake.emails[i].idempotencyKey).toBe(`outbox-${sent.id}`);
    }
    const log = logged.join('\n');
    expect(log).toContain('sent 3');
    expect(log).not.toMatch(/@|Laporan baru|pembaruan/);
  });

  it('retries with backoff (1, 2, 4 … minutes) while the API answers 500 and delivers once it recovers', async () => {
    const t0 = clock;
    const [id] = await enqueueRaw(1, t0);
    fake.failUntil(new Date(t0.getTime() + 5 * MIN));
    const at = (minutes: number) => {
      clock = new Date(t0.getTime() + minutes * MIN);
      return deliverPending(db, { transport, now: clock, workerId: 'w1' });
    };

    expect(await at(0)).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(t0.getTime() + MIN - (t0.getTime() % 1000)) });
    expect(await at(0.5)).toMatchObject({ claimed: 0 });
    expect(await at(1)).toMatchObject({ retrying: 1 });
    expect((await row(id)).nextAttemptAt.getTime()).toBe(Math.floor((t0.getTime() + 3 * MIN) / 1000) * 1000);
    expect(await at(2)).toMatchObject({ claimed: 0 });
    expect(await at(3)).toMatchObject({ retrying: 1 });
    expect((await row(id)).lastError).toMatch(/internal_server_error \(500\)/);
    expect(await at(7)).toMatchObject({ sent: 1 });

    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    expect(fake.emails).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 4, lastError: null });
  });

  it('marks a row failed once it has failed for 24 hours, the waits capped at 2 hours', async () => {
    const t0 = clock;
    const [id] = await enqueueRaw(1, t0);
    fake.failUntil(new Date(t0.getTime() + 48 * 60 * MIN));
    let current = await row(id);
    while (current.status === 'pending') {
      clock = current.nextAttemptAt;
      await deliverPending(db, { transport, now: clock });
      current = await row(id);
    }
    expect(current.status).toBe('failed');
    const times = fake.requests.map((r) => r.at.getTime());
    expect(times.at(-1)! - t0.getTime()).toBeGreaterThanOrEqual(24 * 60 * MIN);
    const waits = times.slice(1).map((t, i) => Math.round((t - times[i]) / MIN));
    expect(waits.slice(0, 8)).toEqual([1, 2, 4, 8, 16, 32, 64, 120]);
    expect(Math.max(...waits)).toBe(120);
    expect(current.attempts).toBe(fake.requests.length);
    // Still failed on the next pass: nobody picks a failed row up again…
    expect(await deliverPending(db, { transport, now: new Date(clock.getTime() + 60 * MIN) })).toMatchObject({ claimed: 0 });
    // …until an admin sends it again, once the API is back.
    fake.recover();
    clock = new Date(clock.getTime() + 2 * 60 * MIN);
    expect(await requeueEmail(db, id, clock)).toBe(true);
    expect(await deliverPending(db, { transport, now: clock })).toMatchObject({ sent: 1 });
    expect(await requeueEmail(db, id, clock)).toBe(false);
  });

  it('a 429 puts the rest of the batch back for the wait the API asked for, without counting an attempt', async () => {
    const ids = await enqueueRaw(3);
    fake.rateLimitNext(1, 2);
    expect(await deliverPending(db, { transport, now: clock })).toMatchObject({ claimed: 3, sent: 0, deferred: 3 });
    expect(await row(ids[0])).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await deliverPending(db, { transport, now: new Date(clock.getTime() + 1000) })).toMatchObject({ claimed: 0 });
    expect(await deliverPending(db, { transport, now: new Date(clock.getTime() + 2000) })).toMatchObject({ sent: 3 });
  });
});

describe('never twice', () => {
  it('two workers racing in one process, and two clients on the same file, send every row exactly once', async () => {
    await enqueueRaw(40);
    const second = openDatabase(process.env.DATABASE_URL!);
    try {
      const runs = await Promise.all([
        deliverAllDue(db, { transport, now: clock, workerId: 'a', batch: 5 }),
        deliverAllDue(db, { transport, now: clock, workerId: 'b', batch: 5 }),
        deliverAllDue(second.db, { transport: resendTransport('re_test_key'), now: clock, workerId: 'c', batch: 5 }),
        deliverAllDue(second.db, { transport: resendTransport('re_test_key'), now: clock, workerId: 'd', batch: 5 }),
      ]);
      expect(runs.reduce((sum, r) => sum + r.sent, 0)).toBe(40);
    } finally {
      second.client.close();
    }
    expect(fake.requests).toHaveLength(40);
    expect([...requestsPerRow().values()].every((n) => n === 1)).toBe(true);
    const rows = await db.select().from(emailOutbox);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(new Set(rows.map((r) => r.claimedBy)).size).toBeGreaterThan(1);
  });

  it('separate processes (npm run outbox:deliver three times at once) send every row exactly once', async () => {
    await enqueueRaw(60);
    const env = { ...process.env, RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: fake.url };
    const runs = Array.from({ length: 3 }, () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/outbox-deliver.ts'], { env, stdio: 'ignore' });
        child.on('exit', (code) => resolve(code ?? 1));
      }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0]);
    expect(fake.emails).toHaveLength(60);
    expect([...requestsPerRow().values()].every((n) => n === 1)).toBe(true);
    const workers = new Set((await db.select({ by: emailOutbox.claimedBy }).from(emailOutbox)).map((r) => r.by));
    console.info(`[email-delivery test] 60 rows claimed by ${workers.size} processes`);
  });

  it('a worker that crashed mid-send leaves the row to be reclaimed after 10 minutes, and Resend delivers it once', async () => {
    const [id] = await enqueueRaw(1);
    // Sends, then "crashes": never returns, so the row is never marked sent.
    const crashing: Transport = { mode: 'send', send: async (email) => (await transport.send(email), new Promise<{ id: string }>(() => {})) };
    void deliverPending(db, { transport: crashing, now: clock, workerId: 'crashed' });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    expect(await row(id)).toMatchObject({ status: 'sending', claimedBy: 'crashed' });

    expect(await deliverPending(db, { transport, now: new Date(clock.getTime() + 5 * MIN), workerId: 'restarted' })).toMatchObject({ claimed: 0 });
    expect(await deliverPending(db, { transport, now: new Date(clock.getTime() + 11 * MIN), workerId: 'restarted' })).toMatchObject({ sent: 1 });

    expect(fake.requests).toHaveLength(2);
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual([`outbox-${id}`, `outbox-${id}`]);
    expect(fake.emails).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent', claimedBy: 'restarted', providerId: fake.emails[0].id });
  });
});

describe('without RESEND_API_KEY', () => {
  it('captures rows in the outbox for admins instead of sending them', async () => {
    const [id] = await enqueueRaw(1);
    delete process.env.RESEND_API_KEY;
    expect(await deliverPending(db)).toMatchObject({ claimed: 1, captured: 1, sent: 0 });
    expect(await row(id)).toMatchObject({ status: 'captured', html: '<p>x</p>', textBody: 'x', toAddress: 'officer0@wbs.test' });
    expect(fake.requests).toHaveLength(0);
    expect(await deliverPending(db, { transport: capturedTransport })).toMatchObject({ claimed: 0 });
    // Once a key is configured, an admin can send a captured email for real.
    expect(await requeueEmail(db, id)).toBe(true);
    expect(await deliverPending(db, { transport })).toMatchObject({ sent: 1 });
    expect(fake.emails.map((e) => e.to)).toEqual([['officer0@wbs.test']]);
  });
});

describe('the delivery loop', () => {
  it('delivers a newly written email within one 2-second interval', async () => {
    process.env.RESEND_API_KEY = 're_test_key';
    const stop = startDeliveryLoop(db, { intervalMs: 2000 });
    try {
      // Write after the loop's first (empty) pass, as a report arriving at any moment would.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      await db.transaction((tx) => enqueueOfficerNotification(tx, { event: 'reporter_message', caseNumber: '2026-0009', office, baseUrl }));
      await vi.waitFor(() => expect(fake.emails).toHaveLength(2), { timeout: 5000, interval: 20 });
      const elapsed = Date.now() - started;
      console.info(`[email-delivery test] enqueue → fake Resend: ${elapsed} ms with a 2 s loop`);
      expect(elapsed).toBeLessThan(2600);
      expect(fake.emails[0].subject).toBe('[WBS] Pesan baru dari pelapor 2026-0009');
    } finally {
      await stop();
    }
  });
});
