import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { keyHash, retryMessage, subject, waitText } from '@/lib/security/rate-limit';

const at = Date.UTC(2026, 4, 12, 3, 0, 0);

describe('keyHash (how a subject is stored)', () => {
  beforeEach(() => {
    process.env.AUTH_SECRET = randomBytes(32).toString('base64');
    resetEnvCache();
  });

  it('is a keyed hash, never the address itself', () => {
    const key = keyHash('status-lookup', '203.0.113.7', at);
    expect(key).not.toContain('203');
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(keyHash('status-lookup', '203.0.113.7', at + 1000)).toBe(key);
    expect(keyHash('status-lookup', '198.51.100.1', at)).not.toBe(key);
    expect(keyHash('report-submission', '203.0.113.7', at)).not.toBe(key);
  });

  it('rotates with the UTC day', () => {
    const late = Date.UTC(2026, 4, 12, 23, 59, 0);
    expect(keyHash('b', '203.0.113.7', late + 60_000)).not.toBe(keyHash('b', '203.0.113.7', late));
  });

  it('depends on the server secret', () => {
    const first = keyHash('b', '203.0.113.7', at);
    process.env.AUTH_SECRET = randomBytes(32).toString('base64');
    resetEnvCache();
    expect(keyHash('b', '203.0.113.7', at)).not.toBe(first);
  });

  it('joins subject parts unambiguously', () => {
    expect(subject('a@b.go.id', '1.2.3.4')).not.toBe(subject('a@b.go.id1', '.2.3.4'));
    expect(subject('case', 12)).toBe(subject('case', '12'));
  });
});

describe('retryMessage', () => {
  it('says how long to wait, rounded up', () => {
    expect(retryMessage(401)).toBe('Coba lagi dalam 7 menit.');
    expect(retryMessage(1)).toBe('Coba lagi dalam 1 menit.');
    expect(waitText(90 * 60)).toBe('90 menit');
    expect(waitText(5 * 3600 + 1)).toBe('6 jam');
  });
});

describe('limitedResponse', () => {
  it('is a 429 with Retry-After and the Indonesian wait', async () => {
    const { limitedResponse } = await import('@/lib/security/rate-limit');
    const res = limitedResponse({ retryAfterSeconds: 401 });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('401');
    expect(await res.text()).toBe('Terlalu banyak percobaan. Coba lagi dalam 7 menit.');
  });
});
