import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dataKey,
  env,
  ENV_NAMES,
  EnvError,
  loadOrCreateSecretsFile,
  parseEnv,
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
    expect(() => dataKey()).toThrow(/DATA_ENCRYPTION_KEY/);
    delete process.env.DATA_ENCRYPTION_KEY;
    process.env.TICKET_HMAC_KEY = value;
    expect(() => ticketKey()).toThrow(/TICKET_HMAC_KEY/);
  });

  it('throw for a hand-edited secrets file holding a short key', () => {
    writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify({ AUTH_SECRET: key32(), DATA_ENCRYPTION_KEY: 'AAAA', TICKET_HMAC_KEY: key32() }));
    expect(() => dataKey()).toThrow(/DATA_ENCRYPTION_KEY must be 32 bytes/);
  });
});

/** The one line a bad value produces, or null when the value is accepted. */
function refusal(name: string, value: string): string | null {
  try {
    parseEnv({ [name]: value });
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
}

describe('parseEnv(): each variable', () => {
  it('gives every default when nothing is set, and treats empty as unset', () => {
    const expected = {
      PORT: 3000,
      WBS_MAX_BODY_MB: 32,
      WBS_RATE_LIMIT_FACTOR: 1,
      TRUSTED_PROXY_HOPS: 0,
      APP_URL: 'http://localhost:3000',
      OUTBOX_WORKER: true,
      OUTBOX_INTERVAL_MS: 2000,
      AUTH_TRUST_HOST: true,
    };
    expect(parseEnv({})).toEqual(expected);
    expect(parseEnv(Object.fromEntries(ENV_NAMES.map((name) => [name, ' '])))).toEqual(expected);
  });

  const key = randomBytes(32);
  const UT_TOKEN = Buffer.from(JSON.stringify({ apiKey: 'sk_live_abc', appId: 'app1', regions: ['sea1'] })).toString('base64');
  // [variable, accepted values with what they parse to, refused values]
  const cases: [string, [string, unknown][], string[]][] = [
    ['PORT', [['8080', 8080], ['1', 1], ['65535', 65535]], ['0', '65536', 'abc', '80.5', '-1']],
    ['HOSTNAME', [['127.0.0.1', '127.0.0.1'], ['0.0.0.0', '0.0.0.0'], ['::', '::'], ['wbs-host', 'wbs-host']], ['two words', 'a/b']],
    ['DATA_DIR', [['./data', './data'], ['/var/lib/wbs', '/var/lib/wbs']], ['line\nbreak']],
    [
      'DATABASE_URL',
      [['file:./data/wbs.db', 'file:./data/wbs.db'], ['libsql://db.example.org', 'libsql://db.example.org'], ['https://db.example.org', 'https://db.example.org'], ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'], ['ws://127.0.0.1:8080', 'ws://127.0.0.1:8080'], ['wss://db.example.org', 'wss://db.example.org']],
      ['./data/wbs.db', 'postgres://x', 'file:', 'libsql://'],
    ],
    ['DATABASE_AUTH_TOKEN', [['eyJ.abc.def', 'eyJ.abc.def']], ['two words']],
    ['DATABASE_SYNC_URL', [['libsql://db.example.org', 'libsql://db.example.org'], ['wss://db.example.org', 'wss://db.example.org']], ['file:./x.db', 'db.example.org']],
    ['AUTH_SECRET', [['x'.repeat(32), 'x'.repeat(32)]], ['short-secret', 'x'.repeat(31)]],
    [
      'DATA_ENCRYPTION_KEY',
      [[key.toString('base64'), key.toString('base64')], [key.toString('hex'), key.toString('hex')]],
      ['AAAAAAA=', randomBytes(5).toString('base64'), randomBytes(31).toString('base64'), 'a'.repeat(63), 'z'.repeat(64)],
    ],
    ['DATA_ENCRYPTION_KEY_PREVIOUS', [[key.toString('base64'), key.toString('base64')]], [randomBytes(31).toString('base64'), 'kunci-lama']],
    ['TICKET_HMAC_KEY', [[key.toString('hex'), key.toString('hex')]], [randomBytes(5).toString('hex'), 'rahasia']],
    ['ADMIN_EMAIL', [['admin@wbs.local', 'admin@wbs.local'], ['kepala@nttprov.go.id', 'kepala@nttprov.go.id']], ['admin', 'admin@', 'a b@c.d']],
    ['ADMIN_PASSWORD', [['admin-e2e-password', 'admin-e2e-password']], ['short', 'elevenchars']],
    ['WBS_MAX_BODY_MB', [['32', 32], ['1', 1], ['1024', 1024], [' 64 ', 64]], ['abc', '0', '1025', '2.5', '32mb', '-5']],
    ['WBS_RATE_LIMIT_FACTOR', [['100', 100], ['1', 1]], ['0', 'x', '1.5', '1001']],
    ['TRUSTED_PROXY_HOPS', [['0', 0], ['1', 1], ['2', 2]], ['-1', 'one', '11', '1.5']],
    ['APP_URL', [['https://wbs.nttprov.go.id', 'https://wbs.nttprov.go.id'], ['https://wbs.nttprov.go.id/', 'https://wbs.nttprov.go.id'], ['http://127.0.0.1:3000', 'http://127.0.0.1:3000']], ['localhost', 'wbs.nttprov.go.id', 'ftp://x.org', 'https://']],
    ['RESEND_API_KEY', [['re_123abc', 're_123abc']], ['re 123']],
    ['RESEND_BASE_URL', [['http://127.0.0.1:3999', 'http://127.0.0.1:3999']], ['127.0.0.1:3999']],
    ['EMAIL_FROM', [['wbs@nttprov.go.id', 'wbs@nttprov.go.id'], ['WBS Biro Umum <wbs@nttprov.go.id>', 'WBS Biro Umum <wbs@nttprov.go.id>']], ['WBS Biro Umum', 'a@b.c\nBcc: x@y.z', '<>']],
    [
      'UPLOADTHING_TOKEN',
      [[UT_TOKEN, UT_TOKEN]],
      [Buffer.from(JSON.stringify({ apiKey: 'pk_x', appId: 'a', regions: ['sea1'] })).toString('base64'), 'sk_live_abc', 'bm90IGpzb24='],
    ],
    ['UPLOADTHING_API_URL', [['http://127.0.0.1:3999', 'http://127.0.0.1:3999']], ['127.0.0.1:3999']],
    ['UPLOADTHING_INGEST_URL', [['https://sea1.ingest.uploadthing.com', 'https://sea1.ingest.uploadthing.com']], ['sea1.ingest']],
    ['UPLOADTHING_UFS_HOST', [['ufs.sh', 'ufs.sh'], ['localhost:3999', 'localhost:3999']], ['https://ufs.sh', 'a b']],
    ['UPLOADTHING_UFS_APP_ID_LOCATION', [['path', 'path'], ['subdomain', 'subdomain']], ['query']],
    ['OUTBOX_WORKER', [['off', false], ['OFF', false], ['on', true], ['true', true], ['0', false]], ['no', 'maybe']],
    ['OUTBOX_INTERVAL_MS', [['500', 500], ['100', 100]], ['99', 'fast', '3600001']],
    ['AUTH_TRUST_HOST', [['false', false], ['true', true], ['1', true], ['0', false]], ['yes please', 'ja']],
  ];

  it('has a case here for every variable in the module', () => {
    expect(cases.map(([name]) => name).sort()).toEqual([...ENV_NAMES].sort());
  });

  for (const [name, good, bad] of cases) {
    it.each(good)(`${name}: accepts %j`, (value, parsed) => {
      expect(parseEnv({ [name]: value })[name as keyof ReturnType<typeof parseEnv>]).toEqual(parsed);
    });
    it.each(bad)(`${name}: refuses %j with one line naming it`, (value) => {
      const message = refusal(name, value);
      expect(message).toMatch(new RegExp(`^Invalid configuration: ${name}\\b.* is not valid: expected `));
      expect(message).not.toContain('\n');
    });
  }

  it('names every bad variable in the one line, and never echoes a secret', () => {
    const secret = 'short-but-secret';
    try {
      parseEnv({ WBS_MAX_BODY_MB: 'abc', AUTH_SECRET: secret, PORT: '3000' });
      expect.unreachable();
    } catch (error) {
      expect((error as EnvError).variables).toEqual(['AUTH_SECRET', 'WBS_MAX_BODY_MB']);
      expect((error as Error).message).toBe(
        'Invalid configuration: AUTH_SECRET is not valid: expected at least 32 characters (openssl rand -base64 32); ' +
          'WBS_MAX_BODY_MB="abc" is not valid: expected a whole number of megabytes from 1 to 1024.',
      );
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('refuses an embedded replica (DATABASE_SYNC_URL) whose DATABASE_URL is not a local file', () => {
    expect(() => parseEnv({ DATABASE_URL: 'libsql://a.example.org', DATABASE_SYNC_URL: 'libsql://b.example.org' })).toThrow(
      /^Invalid configuration: DATABASE_SYNC_URL="libsql:\/\/b.example.org" is not valid: expected DATABASE_URL to be a file: URL/,
    );
    expect(parseEnv({ DATABASE_URL: 'file:./replica.db', DATABASE_SYNC_URL: 'libsql://b.example.org' }).DATABASE_SYNC_URL).toBe('libsql://b.example.org');
  });

  it('env() follows process.env when it changes, and throws for a bad value', () => {
    process.env.WBS_MAX_BODY_MB = '64';
    expect(env().WBS_MAX_BODY_MB).toBe(64);
    process.env.WBS_MAX_BODY_MB = 'abc';
    expect(() => env()).toThrow(/WBS_MAX_BODY_MB="abc"/);
  });
});

describe('the README configuration table', () => {
  it('lists exactly the variables the module reads, in the same order', () => {
    const readme = readFileSync(path.resolve('README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
    const documented = [...section.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((match) => match[1]);
    expect(documented).toEqual(ENV_NAMES);
  });

  it('states the default the module applies', () => {
    const readme = readFileSync(path.resolve('README.md'), 'utf8');
    const defaults = parseEnv({});
    for (const name of ['PORT', 'WBS_MAX_BODY_MB', 'WBS_RATE_LIMIT_FACTOR', 'TRUSTED_PROXY_HOPS', 'OUTBOX_INTERVAL_MS', 'APP_URL', 'AUTH_TRUST_HOST'] as const) {
      const row = new RegExp(`^\\| \`${name}\` \\| \`([^\`]+)\` \\|`, 'm').exec(readme);
      expect(row?.[1], name).toBe(String(defaults[name]));
    }
  });
});

describe('no other module reads process.env', () => {
  // Next.js's own NODE_ENV / NEXT_RUNTIME are read where the bundler needs them literally.
  const allowed = new Set(['lib/env.ts']);
  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return sources(full);
      return /\.(ts|tsx|mts)$/.test(entry.name) ? [full] : [];
    });
  }

  it('in app/, components/ and lib/', () => {
    const readers = ['app', 'components', 'lib']
      .flatMap((dir) => sources(path.resolve(dir)))
      .map((file) => path.relative(process.cwd(), file))
      .filter((file) => !allowed.has(file) && readFileSync(file, 'utf8').includes('process.env'));
    expect(readers).toEqual([]);
  });
});
