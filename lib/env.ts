import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

/**
 * Configuration from the environment. Every variable the app reads is declared, parsed
 * and defaulted here, once, with zod; no other module reads `process.env` (the README's
 * configuration table lists the same variables: tests/unit/env.test.ts compares them).
 *
 * `env()` throws an EnvError for a bad value. `npm start` calls it first
 * (scripts/prepare.ts), and so does next.config.ts, so a bad value stops the start with
 * one line naming the variable and what it expects, instead of surfacing later as an odd
 * limit or a 500.
 *
 * Secrets absent from the environment are generated once into DATA_DIR/secrets.json
 * (mode 0600) so a fresh install starts with no input; environment variables always win.
 */

// Unset and empty mean the same: "use the default".
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** An optional one-line string; `expected` is said when `check` refuses it. */
function optionalString(expected: string, check: (value: string) => boolean = () => true) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .refine((value) => !/[\u0000-\u001f\u007f]/.test(value) && check(value), expected)
      .optional(),
  );
}

function integer(expected: string, min: number, max: number, fallback: number) {
  return z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .regex(/^\d+$/, expected)
        .transform(Number)
        .refine((value) => value >= min && value <= max, expected)
        .optional(),
    )
    .transform((value) => value ?? fallback);
}

function flag(expected: string, fallback: boolean, truthy: readonly string[], falsy: readonly string[]) {
  return z
    .preprocess(
      (value) => {
        const present = blankToUndefined(value);
        return typeof present === 'string' ? present.trim().toLowerCase() : present;
      },
      z
        .string()
        .refine((value) => truthy.includes(value) || falsy.includes(value), expected)
        .optional(),
    )
    .transform((value) => (value === undefined ? fallback : truthy.includes(value)));
}

/** 32 bytes written as base64 (`openssl rand -base64 32`) or hex (`openssl rand -hex 32`); null otherwise. */
export function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(value)) return null;
  const decoded = Buffer.from(value, 'base64');
  return decoded.length === 32 ? decoded : null;
}

const key = () =>
  optionalString('32 bytes, base64 (openssl rand -base64 32) or hex (openssl rand -hex 32)', (value) => decodeKey(value) !== null);

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** What the uploadthing SDK accepts as a token: base64 of JSON `{ apiKey: 'sk_…', appId, regions: [...] }`. */
function isUploadthingToken(value: string): boolean {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64').toString('utf8')) as Record<string, unknown>;
    return (
      typeof parsed.apiKey === 'string' &&
      parsed.apiKey.startsWith('sk_') &&
      typeof parsed.appId === 'string' &&
      Array.isArray(parsed.regions) &&
      parsed.regions.length > 0
    );
  } catch {
    return false;
  }
}

/** A URL @libsql/client opens: a local file, or a libSQL server (sqld / Turso). */
function isLibsqlUrl(value: string): boolean {
  return /^(file:.+|(libsql|https?|wss?):\/\/[^\s/]+\S*)$/.test(value);
}

const EMAIL_ADDRESS = /^[^\s<>@"]+@[^\s<>@".]+(\.[^\s<>@".]+)*$/;

/** The officer password minimum (lib/auth/account.ts holds officers to the same). */
const MIN_PASSWORD_LENGTH = 12;

/**
 * Every variable the app reads, its rule and its default, in the README table's order.
 * Messages are English: whoever runs the server reads them in its log.
 */
export const envSchema = z.object({
  PORT: integer('a port number from 1 to 65535', 1, 65535, 3000),
  HOSTNAME: optionalString('a host name or IP address to listen on, e.g. 0.0.0.0', (value) => /^[A-Za-z0-9.:\-[\]]+$/.test(value)),
  DATA_DIR: optionalString('a folder path'),
  DATABASE_URL: optionalString('a libSQL URL: file:…, libsql://…, http(s)://… or ws(s)://…', isLibsqlUrl),
  DATABASE_AUTH_TOKEN: optionalString('a token without spaces', (value) => !/\s/.test(value)),
  DATABASE_SYNC_URL: optionalString('a remote libSQL URL: libsql://…, http(s)://… or ws(s)://…', (value) => isLibsqlUrl(value) && !value.startsWith('file:')),
  AUTH_SECRET: optionalString('at least 32 characters (openssl rand -base64 32)', (value) => value.length >= 32),
  DATA_ENCRYPTION_KEY: key(),
  DATA_ENCRYPTION_KEY_PREVIOUS: key(),
  TICKET_HMAC_KEY: key(),
  ADMIN_EMAIL: optionalString('an email address, e.g. admin@kantor.go.id', (value) => EMAIL_ADDRESS.test(value)),
  ADMIN_PASSWORD: z.preprocess(
    blankToUndefined,
    z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).optional(),
  ),
  WBS_MAX_BODY_MB: integer('a whole number of megabytes from 1 to 1024', 1, 1024, 32),
  WBS_RATE_LIMIT_FACTOR: integer('a whole number from 1 to 1000', 1, 1000, 1),
  TRUSTED_PROXY_HOPS: integer('a whole number of reverse proxies from 0 to 10', 0, 10, 0),
  APP_URL: optionalString('an http:// or https:// address, e.g. https://wbs.kantor.go.id', isHttpUrl).transform((value) =>
    (value ?? 'http://localhost:3000').replace(/\/+$/, ''),
  ),
  RESEND_API_KEY: optionalString('an API key without spaces', (value) => !/\s/.test(value)),
  RESEND_BASE_URL: optionalString('an http:// or https:// address', isHttpUrl),
  EMAIL_FROM: optionalString('an address, or a name and an address: WBS Biro Umum <wbs@kantor.go.id>', (value) => {
    const named = /^[^<>"]{1,100}<([^<>]+)>$/.exec(value);
    return EMAIL_ADDRESS.test(named ? named[1].trim() : value);
  }),
  UPLOADTHING_TOKEN: optionalString('the token from the uploadthing dashboard (base64 JSON with apiKey, appId, regions)', isUploadthingToken),
  UPLOADTHING_API_URL: optionalString('an http:// or https:// address', isHttpUrl),
  UPLOADTHING_INGEST_URL: optionalString('an http:// or https:// address', isHttpUrl),
  UPLOADTHING_UFS_HOST: optionalString('a host name, with an optional port, e.g. ufs.sh', (value) => /^[A-Za-z0-9.\-]+(:\d{1,5})?$/.test(value)),
  UPLOADTHING_UFS_APP_ID_LOCATION: z.preprocess(
    blankToUndefined,
    z.enum(['subdomain', 'path'], { message: 'subdomain or path' }).optional(),
  ),
  OUTBOX_WORKER: flag('on or off', true, ['on', 'true', '1'], ['off', 'false', '0']),
  OUTBOX_INTERVAL_MS: integer('a whole number of milliseconds from 100 to 3600000', 100, 3_600_000, 2000),
  AUTH_TRUST_HOST: flag('true or false', true, ['true', '1'], ['false', '0']),
})
  // An embedded replica is a local file kept in step with the server it names.
  .superRefine((value, context) => {
    if (value.DATABASE_SYNC_URL && value.DATABASE_URL && !value.DATABASE_URL.startsWith('file:')) {
      context.addIssue({ code: 'custom', path: ['DATABASE_SYNC_URL'], message: 'DATABASE_URL to be a file: URL (the embedded replica) when set' });
    }
  });

export type Env = z.output<typeof envSchema>;
export type EnvName = keyof typeof envSchema.shape;
/** Every variable the app reads, in the README table's order. */
export const ENV_NAMES = Object.keys(envSchema.shape) as EnvName[];

/** Values never echoed in an error line: they are secrets. */
const SECRET_VALUES = new Set<string>(['AUTH_SECRET', 'DATA_ENCRYPTION_KEY', 'DATA_ENCRYPTION_KEY_PREVIOUS', 'TICKET_HMAC_KEY', 'ADMIN_PASSWORD', 'RESEND_API_KEY', 'DATABASE_AUTH_TOKEN', 'UPLOADTHING_TOKEN']);

/** A bad configuration value. `message` is one line naming each bad variable and what it expects. */
export class EnvError extends Error {
  constructor(
    readonly variables: string[],
    message: string,
  ) {
    super(message);
    this.name = 'EnvError';
  }
}

/** Parses a set of variables (`process.env` by default); throws EnvError naming every bad one. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const raw = Object.fromEntries(ENV_NAMES.map((name) => [name, source[name]]));
  const result = envSchema.safeParse(raw);
  if (result.success) return result.data;
  const variables = [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
  const parts = variables.map((name) => {
    const issue = result.error.issues.find((i) => String(i.path[0]) === name)!;
    // JSON-quoted so a value with a line break still makes one line.
    const shown = SECRET_VALUES.has(name) ? '' : `=${JSON.stringify(String(source[name]).slice(0, 60))}`;
    return `${name}${shown} is not valid: expected ${issue.message}`;
  });
  throw new EnvError(variables, `Invalid configuration: ${parts.join('; ')}.`);
}

let cachedEnv: { fingerprint: string; env: Env } | undefined;

/**
 * The configuration in force, parsed from `process.env`. Re-parsed only when one of the
 * variables changed (tests change them between cases; a server never does).
 */
export function env(): Env {
  const fingerprint = ENV_NAMES.map((name) => process.env[name] ?? '').join('\u0000');
  if (cachedEnv?.fingerprint !== fingerprint) cachedEnv = { fingerprint, env: parseEnv(process.env) };
  return cachedEnv.env;
}

/** Running under `next dev` (Next.js sets NODE_ENV; it is not ours to configure). */
export function isDevelopment(): boolean {
  return process.env.NODE_ENV === 'development';
}

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ env().DATA_DIR ?? './data');
}

export function databaseUrl(): string {
  return env().DATABASE_URL ?? `file:${path.join(dataDir(), 'wbs.db')}`;
}

/** The public origin links in emails use, without a trailing slash. */
export function appUrl(): string {
  return env().APP_URL;
}

/** The largest request body the server accepts, in megabytes. */
export function maxBodyMb(): number {
  return env().WBS_MAX_BODY_MB;
}

/** Whether emails leave through Resend (RESEND_API_KEY set) or stay captured in the outbox. */
export function emailSendingConfigured(): boolean {
  return Boolean(env().RESEND_API_KEY);
}

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For; 0 means the
 * header is not trusted at all (the client address is the socket's).
 */
export function trustedProxyHops(): number {
  return env().TRUSTED_PROXY_HOPS;
}

export type UploadthingConfig = {
  token: string;
  apiUrl?: string;
  ingestUrl?: string;
  ufsHost?: string;
  ufsAppIdLocation?: 'subdomain' | 'path';
};

/**
 * Evidence goes to uploadthing when UPLOADTHING_TOKEN is set (null: local disk). The URL
 * overrides are handed to the SDK explicitly, so it never reads the environment itself.
 */
export function uploadthingConfig(): UploadthingConfig | null {
  const current = env();
  if (!current.UPLOADTHING_TOKEN) return null;
  return {
    token: current.UPLOADTHING_TOKEN,
    apiUrl: current.UPLOADTHING_API_URL,
    ingestUrl: current.UPLOADTHING_INGEST_URL,
    ufsHost: current.UPLOADTHING_UFS_HOST,
    ufsAppIdLocation: current.UPLOADTHING_UFS_APP_ID_LOCATION,
  };
}

export type Secrets = {
  AUTH_SECRET: string;
  DATA_ENCRYPTION_KEY: string;
  TICKET_HMAC_KEY: string;
};

const SECRET_NAMES: (keyof Secrets)[] = ['AUTH_SECRET', 'DATA_ENCRYPTION_KEY', 'TICKET_HMAC_KEY'];

export function secretsFile(): string {
  return path.join(dataDir(), 'secrets.json');
}

/** Whether any secret must come from the secrets file (it is not in the environment). */
export function secretsFileNeeded(): boolean {
  const current = env();
  return SECRET_NAMES.some((name) => !current[name]);
}

/**
 * Reads the secrets file, creating it with fresh random values when missing.
 * Returns the values and whether the file was created now (so the caller can say so once).
 * Several instances may start at once on one machine: the file is written whole (a
 * temporary file renamed into place) under a lock file, and re-read once the lock is
 * held, so every process ends up with the same values.
 */
export function loadOrCreateSecretsFile(): { secrets: Secrets; created: boolean } {
  const file = secretsFile();
  const complete = (stored: Partial<Secrets> | null): stored is Secrets => stored !== null && SECRET_NAMES.every((name) => stored[name]);
  const existing = readSecretsFile(file);
  if (complete(existing)) return { secrets: existing, created: false };
  mkdirSync(path.dirname(file), { recursive: true });
  return withLockFile(`${file}.lock`, () => {
    const stored = readSecretsFile(file) ?? {};
    if (complete(stored)) return { secrets: stored, created: false };
    for (const name of SECRET_NAMES) stored[name] ||= randomBytes(32).toString('base64');
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
    return { secrets: stored as Secrets, created: true };
  });
}

function readSecretsFile(file: string): Partial<Secrets> | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>) : null;
}

/** Runs `work` while this process holds `lock` (created exclusively; a lock older than 30 s is stale). */
function withLockFile<T>(lock: string, work: () => T): T {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx', 0o600));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 30_000) rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} is held by another process; remove it if none is starting.`);
      // A synchronous pause: secrets() is synchronous and this happens only at first start.
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

let cachedSecrets: Secrets | undefined;

/** The secrets in force: environment first, then the secrets file. */
export function secrets(): Secrets {
  if (cachedSecrets) return cachedSecrets;
  const current = env();
  const fromFile = secretsFileNeeded() ? loadOrCreateSecretsFile().secrets : undefined;
  cachedSecrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, current[n] || fromFile![n]])) as Secrets;
  return cachedSecrets;
}

function keyFrom(name: keyof Secrets): Buffer {
  const decoded = decodeKey(secrets()[name]);
  // Environment values were checked by env(); this catches a hand-edited secrets file.
  if (!decoded) throw new Error(`${name} must be 32 bytes, base64 or hex encoded`);
  return decoded;
}

export function dataKey(): Buffer {
  return keyFrom('DATA_ENCRYPTION_KEY');
}

/**
 * The master key being rotated out (`DATA_ENCRYPTION_KEY_PREVIOUS`), environment only:
 * set during `npm run keys:rotate` and until every instance runs with the new key.
 */
export function previousDataKey(): Buffer | null {
  const value = env().DATA_ENCRYPTION_KEY_PREVIOUS;
  // env() already refused a value that is not a key.
  return value ? decodeKey(value) : null;
}

export function ticketKey(): Buffer {
  return keyFrom('TICKET_HMAC_KEY');
}

/** Forgets cached secrets and configuration; tests use it after changing the environment. */
export function resetEnvCache(): void {
  cachedSecrets = undefined;
  cachedEnv = undefined;
}
