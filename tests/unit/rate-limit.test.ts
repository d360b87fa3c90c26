import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { clientKeyFromHeaders, createRateLimiter, STATUS_LOOKUP_LIMIT } from '@/lib/security/rate-limit';

const MINUTE = 60 * 1000;

function clock(start = Date.UTC(2026, 4, 12, 3, 0, 0)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createRateLimiter (fixed window)', () => {
  it('allows the limit and refuses the next attempt with the time left in the window', () => {
    const c = clock();
    const limiter = createRateLimiter({ now: c.now });
    for (let i = 0; i < 10; i++) expect(limiter.consume('status', 'a', STATUS_LOOKUP_LIMIT).allowed).toBe(true);
    c.advance(4 * MINUTE);
    expect(limiter.consume('status', 'a', STATUS_LOOKUP_LIMIT)).toEqual({ allowed: false, retryAfterSeconds: 360 });
  });

  it('opens a new window once the old one has passed', () => {
    const c = clock();
    const limiter = createRateLimiter({ now: c.now });
    const options = { limit: 2, windowMs: MINUTE };
    limiter.consume('b', 'a', options);
    limiter.consume('b', 'a', options);
    expect(limiter.consume('b', 'a', options).allowed).toBe(false);
    c.advance(MINUTE);
    expect(limiter.consume('b', 'a', options)).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it('counts clients and buckets separately', () => {
    const limiter = createRateLimiter({ now: clock().now });
    const options = { limit: 1, windowMs: MINUTE };
    expect(limiter.consume('status', 'a', options).allowed).toBe(true);
    expect(limiter.consume('status', 'a', options).allowed).toBe(false);
    expect(limiter.consume('status', 'b', options).allowed).toBe(true);
    expect(limiter.consume('reply', 'a', options).allowed).toBe(true);
  });

  it('prunes expired windows so memory does not grow with past clients', () => {
    const c = clock();
    const limiter = createRateLimiter({ now: c.now });
    for (let i = 0; i < 100; i++) limiter.consume('status', `client-${i}`, { limit: 5, windowMs: MINUTE });
    expect(limiter.size()).toBe(100);
    c.advance(2 * MINUTE);
    limiter.consume('status', 'late', { limit: 5, windowMs: MINUTE });
    expect(limiter.size()).toBe(1);
  });

  it('never holds more than maxEntries windows, even under a flood of new keys', () => {
    const limiter = createRateLimiter({ now: clock().now, maxEntries: 10 });
    for (let i = 0; i < 50; i++) limiter.consume('status', `forged-${i}`, { limit: 5, windowMs: MINUTE });
    expect(limiter.size()).toBe(10);
  });
});

describe('clientKeyFromHeaders', () => {
  beforeEach(() => {
    process.env.AUTH_SECRET = randomBytes(32).toString('base64');
    resetEnvCache();
  });

  const headers = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff });

  it('is a keyed hash of the first forwarded address, never the address itself', () => {
    const c = clock();
    const key = clientKeyFromHeaders(headers('203.0.113.7, 10.0.0.1'), c.now);
    expect(key).not.toContain('203');
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(clientKeyFromHeaders(headers('203.0.113.7'), c.now)).toBe(key);
    expect(clientKeyFromHeaders(headers('::ffff:203.0.113.7'), c.now)).toBe(key);
    expect(clientKeyFromHeaders(headers('198.51.100.1, 10.0.0.1'), c.now)).not.toBe(key);
  });

  it('rotates with the UTC day', () => {
    const c = clock(Date.UTC(2026, 4, 12, 23, 59, 0));
    const before = clientKeyFromHeaders(headers('203.0.113.7'), c.now);
    c.advance(MINUTE);
    expect(clientKeyFromHeaders(headers('203.0.113.7'), c.now)).not.toBe(before);
  });

  it('depends on the server secret', () => {
    const c = clock();
    const first = clientKeyFromHeaders(headers('203.0.113.7'), c.now);
    process.env.AUTH_SECRET = randomBytes(32).toString('base64');
    resetEnvCache();
    expect(clientKeyFromHeaders(headers('203.0.113.7'), c.now)).not.toBe(first);
  });

  it('gives clients without an address one shared key rather than none', () => {
    const c = clock();
    expect(clientKeyFromHeaders(headers(), c.now)).toBe(clientKeyFromHeaders(headers(''), c.now));
  });
});
