import { afterEach, describe, expect, it } from 'vitest';
import {
  PEER_HEADER,
  PEER_MARK,
  UNKNOWN_ADDRESS,
  clientAddress,
  normalizeAddress,
  requestClientAddress,
} from '@/lib/security/client-address';

const xff = (value?: string, extra: Record<string, string> = {}) =>
  new Headers(value === undefined ? extra : { 'x-forwarded-for': value, ...extra });

describe('clientAddress without trusted proxies (TRUSTED_PROXY_HOPS=0)', () => {
  it('is the TCP peer', () => {
    expect(clientAddress(xff(), '203.0.113.7', 0)).toBe('203.0.113.7');
  });

  it('ignores X-Forwarded-For entirely, whatever it says', () => {
    for (const forged of ['198.51.100.1', '198.51.100.1, 10.0.0.1', '', 'garbage', '1.1.1.1,2.2.2.2,3.3.3.3']) {
      expect(clientAddress(xff(forged), '203.0.113.7', 0)).toBe('203.0.113.7');
    }
  });

  it('a fresh forged header each time still gives one client', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) seen.add(clientAddress(xff(`10.0.${i}.1`), '203.0.113.7', 0));
    expect([...seen]).toEqual(['203.0.113.7']);
  });

  it('is "unknown" when the peer is unknown (one shared bucket), never the header', () => {
    expect(clientAddress(xff('198.51.100.1'), null, 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(xff('198.51.100.1'), undefined, 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(xff('198.51.100.1'), '', 0)).toBe(UNKNOWN_ADDRESS);
  });

  it('treats negative, fractional or NaN hops as 0', () => {
    for (const hops of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(clientAddress(xff('198.51.100.1'), '203.0.113.7', hops)).toBe('203.0.113.7');
    }
  });
});

describe('clientAddress behind N trusted proxies', () => {
  it('one proxy: the rightmost entry (what the proxy appended)', () => {
    expect(clientAddress(xff('203.0.113.7'), '10.0.0.2', 1)).toBe('203.0.113.7');
    // The client sent its own header; the proxy appended the real address.
    expect(clientAddress(xff('6.6.6.6, 203.0.113.7'), '10.0.0.2', 1)).toBe('203.0.113.7');
  });

  it('two proxies: the second entry from the right', () => {
    expect(clientAddress(xff('6.6.6.6, 203.0.113.7, 10.0.0.9'), '10.0.0.2', 2)).toBe('203.0.113.7');
    expect(clientAddress(xff('203.0.113.7, 10.0.0.9'), '10.0.0.2', 2)).toBe('203.0.113.7');
  });

  it('a client prepending fresh values cannot change its address', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) seen.add(clientAddress(xff(`10.${i}.0.1, 203.0.113.7`), '10.0.0.2', 1));
    expect([...seen]).toEqual(['203.0.113.7']);
  });

  it('a chain shorter than the hops: its leftmost entry; no header at all: the peer', () => {
    expect(clientAddress(xff('203.0.113.7'), '10.0.0.2', 3)).toBe('203.0.113.7');
    expect(clientAddress(xff(), '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddress(xff(' , ,'), '10.0.0.2', 1)).toBe('10.0.0.2');
  });

  it('joins repeated X-Forwarded-For headers in order', () => {
    const h = new Headers();
    h.append('x-forwarded-for', '6.6.6.6');
    h.append('x-forwarded-for', '203.0.113.7');
    expect(clientAddress(h, '10.0.0.2', 1)).toBe('203.0.113.7');
  });

  it('an entry that is not an address becomes "unknown"', () => {
    expect(clientAddress(xff('203.0.113.7, not-an-ip'), '10.0.0.2', 1)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(xff('unknown'), '10.0.0.2', 1)).toBe(UNKNOWN_ADDRESS);
  });
});

describe('normalizeAddress', () => {
  it('spells one IPv4 client one way', () => {
    for (const raw of ['203.0.113.7', ' 203.0.113.7 ', '203.0.113.7:51234', '::ffff:203.0.113.7', '::FFFF:203.0.113.7', '[::ffff:203.0.113.7]:80', '::ffff:cb00:7107', '0:0:0:0:0:ffff:203.0.113.7', '"203.0.113.7"']) {
      expect(normalizeAddress(raw), raw).toBe('203.0.113.7');
    }
  });

  it('reduces IPv6 to its /64, so one subscriber cannot rotate through its prefix', () => {
    const a = normalizeAddress('2001:db8:1:2::1');
    expect(a).toBe('2001:db8:1:2::/64');
    expect(normalizeAddress('2001:0DB8:0001:0002:ffff:ffff:ffff:fffe')).toBe(a);
    expect(normalizeAddress('[2001:db8:1:2::abcd]:443')).toBe(a);
    expect(normalizeAddress('2001:db8:1:2::1%eth0')).toBe(a);
    expect(normalizeAddress('2001:db8:1:3::1')).not.toBe(a);
    expect(normalizeAddress('::1')).toBe('0:0:0:0::/64');
  });

  it('refuses what is not an address', () => {
    for (const raw of ['', null, undefined, 'localhost', '999.1.1.1', '1.2.3', '2001:db8::1::2', '1:2:3:4:5:6:7:8:9', 'unknown', '_hidden', '1.2.3.4.5']) {
      expect(normalizeAddress(raw as string), String(raw)).toBe(UNKNOWN_ADDRESS);
    }
  });
});

describe('requestClientAddress', () => {
  const g = globalThis as Record<symbol, unknown>;
  afterEach(() => {
    delete g[PEER_MARK];
    delete process.env.TRUSTED_PROXY_HOPS;
  });

  it('uses the peer header only when scripts/serve.ts set it (the mark is on globalThis)', () => {
    const h = xff('198.51.100.1', { [PEER_HEADER]: '203.0.113.7' });
    expect(requestClientAddress(h)).toBe(UNKNOWN_ADDRESS);
    g[PEER_MARK] = true;
    expect(requestClientAddress(h)).toBe('203.0.113.7');
  });

  it('reads TRUSTED_PROXY_HOPS', () => {
    g[PEER_MARK] = true;
    const h = xff('6.6.6.6, 198.51.100.1', { [PEER_HEADER]: '10.0.0.2' });
    expect(requestClientAddress(h)).toBe('10.0.0.2');
    process.env.TRUSTED_PROXY_HOPS = '1';
    expect(requestClientAddress(h)).toBe('198.51.100.1');
    process.env.TRUSTED_PROXY_HOPS = 'two';
    expect(() => requestClientAddress(h)).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
