import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dataKey,
  loadOrCreateSecretsFile,
  resetEnvCache,
  secrets,
  secretsFile,
  ticketKey,
  type Secrets,
} from '@/lib/env';

const SECRET_NAMES = ['AUTH_SECRET', 'DATA_ENCRYPTION_KEY', 'TICKET_HMAC_KEY'] as const;
const TMP_ROOT = path.resolve('tests/.tmp');

const savedEnv = { ...process.env };
let dataDir: string;

function restoreEnv() {
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
}

const readSecretsFile = (): Secrets => JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8'));
const fileMode = (file: string) => statSync(file).mode & 0o777;
const key32 = () => randomBytes(32).toString('base64');

beforeEach(() => {
  mkdirSync(TMP_ROOT, { recursive: true });
  dataDir = mkdtempSync(path.join(TMP_ROOT, 'env-'));
  process.env.DATA_DIR = dataDir;
  for (const name of SECRET_NAMES) delete process.env[name];
  resetEnvCache();
});

afterEach(() => {
  restoreEnv();
  resetEnvCache();
  vi.resetModules();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('secrets() on a fresh install (no secret in the environment)', () => {
  it('creates DATA_DIR/secrets.json, readable by the owner only (0600)', () => {
    expect(existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);
    secrets();
    expect(secretsFile()).toBe(path.join(dataDir, 'secrets.json'));
    expect(fileMode(secretsFile())).toBe(0o600);
  });

  it('writes exactly three random 32-byte keys, base64 encoded', () => {
    const result = secrets();
    const stored = readSecretsFile();
    expect(Object.keys(stored).sort()).toEqual([...SECRET_NAMES].sort());
    for (const name of SECRET_NAMES) {
      expect(stored[name]).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(stored[name], 'base64')).toHaveLength(32);
      expect(result[name]).toBe(stored[name]);
    }
    expect(new Set(SECRET_NAMES.map((name) => stored[name])).size).toBe(3);
  });

  it('creates DATA_DIR itself when it does not exist yet', () => {
    process.env.DATA_DIR = path.join(dataDir, 'nested', 'data');
    secrets();
    expect(fileMode(path.join(dataDir, 'nested', 'data', 'secrets.json'))).toBe(0o600);
  });

  it('gives different keys to different installs', () => {
    const first = secrets();
    const otherDir = mkdtempSync(path.join(TMP_ROOT, 'env-'));
    try {
      process.env.DATA_DIR = otherDir;
      resetEnvCache();
      const second = secrets();
      for (const name of SECRET_NAMES) expect(second[name]).not.toBe(first[name]);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

describe('secrets() on later starts', () => {
  it('returns the same values on a second call', () => {
    expect(secrets()).toEqual(secrets());
  });

  it('reuses the file after the cache is reset, without rewriting it', () => {
    const first = secrets();
    const before = readFileSync(secretsFile(), 'utf8');
    resetEnvCache();
    expect(secrets()).toEqual(first);
    expect(readFileSync(secretsFile(), 'utf8')).toBe(before);
    expect(loadOrCreateSecretsFile()).toEqual({ secrets: first, created: false });
  });

  it('reuses the file when the module is loaded afresh (a restart)', async () => {
    const first = secrets();
    vi.resetModules();
    const reloaded = await import('@/lib/env');
    expect(reloaded.secrets()).toEqual(first);
  });

  it('adds only the keys missing from an existing file and keeps the others', () => {
    const authSecret = key32();
    writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify({ AUTH_SECRET: authSecret }), { mode: 0o600 });
    const { secrets: result, created } = loadOrCreateSecretsFile();
    expect(created).toBe(true);
    expect(result.AUTH_SECRET).toBe(authSecret);
    expect(readSecretsFile()).toEqual(result);
    expect(Buffer.from(result.DATA_ENCRYPTION_KEY, 'base64')).toHaveLength(32);
    expect(Buffer.from(result.TICKET_HMAC_KEY, 'base64')).toHaveLength(32);
    expect(fileMode(secretsFile())).toBe(0o600);
  });
});

describe('environment variables', () => {
  it('win over the secrets file', () => {
    const fromFile = secrets();
    const fromEnv = { AUTH_SECRET: key32(), DATA_ENCRYPTION_KEY: key32(), TICKET_HMAC_KEY: key32() };
    Object.assign(process.env, fromEnv);
    resetEnvCache();
    expect(secrets()).toEqual(fromEnv);
    expect(readSecretsFile()).toEqual(fromFile);
  });

  it('need no secrets file when all three are set', () => {
    const fromEnv = { AUTH_SECRET: key32(), DATA_ENCRYPTION_KEY: key32(), TICKET_HMAC_KEY: key32() };
    Object.assign(process.env, fromEnv);
    expect(secrets()).toEqual(fromEnv);
    expect(existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);
  });

  it('override one key while the file supplies the others', () => {
    const ticket = key32();
    process.env.TICKET_HMAC_KEY = ticket;
    const result = secrets();
    const stored = readSecretsFile();
    expect(result.TICKET_HMAC_KEY).toBe(ticket);
    expect(result.AUTH_SECRET).toBe(stored.AUTH_SECRET);
    expect(result.DATA_ENCRYPTION_KEY).toBe(stored.DATA_ENCRYPTION_KEY);
  });

  it('count as absent when set to an empty string', () => {
    process.env.DATA_ENCRYPTION_KEY = '';
    expect(secrets().DATA_ENCRYPTION_KEY).toBe(readSecretsFile().DATA_ENCRYPTION_KEY);
  });

  it('are read once and cached until resetEnvCache()', () => {
    const first = secrets();
    process.env.TICKET_HMAC_KEY = key32();
    expect(secrets().TICKET_HMAC_KEY).toBe(first.TICKET_HMAC_KEY);
    resetEnvCache();
    expect(secrets().TICKET_HMAC_KEY).toBe(process.env.TICKET_HMAC_KEY);
  });
});

describe('dataKey() and ticketKey()', () => {
  it('return 32-byte buffers from the generated file', () => {
    expect(Buffer.isBuffer(dataKey())).toBe(true);
    expect(dataKey()).toHaveLength(32);
    expect(ticketKey()).toHaveLength(32);
    expect(dataKey().equals(ticketKey())).toBe(false);
    expect(dataKey().equals(Buffer.from(readSecretsFile().DATA_ENCRYPTION_KEY, 'base64'))).toBe(true);
    expect(ticketKey().equals(Buffer.from(readSecretsFile().TICKET_HMAC_KEY, 'base64'))).toBe(true);
  });

  it('decode a base64 key from the environment', () => {
    const raw = randomBytes(32);
    process.env.DATA_ENCRYPTION_KEY = raw.toString('base64');
    expect(dataKey().equals(raw)).toBe(true);
  });

  it('decode a hex key from the environment (openssl rand -hex 32)', () => {
    const raw = randomBytes(32);
    process.env.TICKET_HMAC_KEY = raw.toString('hex');
    expect(ticketKey().equals(raw)).toBe(true);
  });

  it.each([
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(48).toString('base64')],
    ['a passphrase', 'rahasia-kantor-biro-umum'],
    ['63 hex digits', 'a'.repeat(63)],
  ])('throw, naming the variable, when the key is %s', (_, value) => {
    process.env.DATA_ENCRYPTION_KEY = value;
    process.env.TICKET_HMAC_KEY = value;
    expect(() => dataKey()).toThrow(/DATA_ENCRYPTION_KEY/);
    expect(() => ticketKey()).toThrow(/TICKET_HMAC_KEY/);
  });
});
