import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * Configuration from the environment, with one-machine defaults. Secrets absent from
 * the environment are generated once into DATA_DIR/secrets.json (mode 0600) so a fresh
 * install starts with no input; environment variables always win.
 */

export type Secrets = {
  AUTH_SECRET: string;
  DATA_ENCRYPTION_KEY: string;
  TICKET_HMAC_KEY: string;
};

const SECRET_NAMES: (keyof Secrets)[] = ['AUTH_SECRET', 'DATA_ENCRYPTION_KEY', 'TICKET_HMAC_KEY'];

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || './data');
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL || `file:${path.join(dataDir(), 'wbs.db')}`;
}

export function secretsFile(): string {
  return path.join(dataDir(), 'secrets.json');
}

/**
 * Reads the secrets file, creating it with fresh random values when missing.
 * Returns the values and whether the file was created now (so the caller can say so once).
 */
export function loadOrCreateSecretsFile(): { secrets: Secrets; created: boolean } {
  const file = secretsFile();
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
    const missing = SECRET_NAMES.filter((name) => !stored[name]);
    if (missing.length === 0) return { secrets: stored as Secrets, created: false };
    for (const name of missing) stored[name] = randomBytes(32).toString('base64');
    writeFileSync(file, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
    return { secrets: stored as Secrets, created: true };
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secrets = Object.fromEntries(
    SECRET_NAMES.map((name) => [name, randomBytes(32).toString('base64')]),
  ) as Secrets;
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { secrets, created: true };
}

let cachedSecrets: Secrets | undefined;

/** The secrets in force: environment first, then the secrets file. */
export function secrets(): Secrets {
  if (cachedSecrets) return cachedSecrets;
  const fromEnv = Object.fromEntries(SECRET_NAMES.map((n) => [n, process.env[n]])) as Partial<Secrets>;
  const needFile = SECRET_NAMES.some((n) => !fromEnv[n]);
  const fromFile = needFile ? loadOrCreateSecretsFile().secrets : undefined;
  cachedSecrets = Object.fromEntries(
    SECRET_NAMES.map((n) => [n, fromEnv[n] || fromFile![n]]),
  ) as Secrets;
  return cachedSecrets;
}

function keyFrom(name: keyof Secrets): Buffer {
  const value = secrets()[name];
  const decoded = Buffer.from(value, 'base64');
  if (decoded.length === 32) return decoded;
  const hex = Buffer.from(value, 'hex');
  if (hex.length === 32 && /^[0-9a-f]{64}$/i.test(value)) return hex;
  throw new Error(`${name} must be 32 bytes, base64 or hex encoded`);
}

export function dataKey(): Buffer {
  return keyFrom('DATA_ENCRYPTION_KEY');
}

export function ticketKey(): Buffer {
  return keyFrom('TICKET_HMAC_KEY');
}

/** Forgets cached secrets; tests use it after changing the environment. */
export function resetEnvCache(): void {
  cachedSecrets = undefined;
}

/**
 * TRUSTED_PROXY_HOPS: how many reverse proxies stand in front of the app (default 0:
 * the TCP peer is the client and X-Forwarded-For is ignored). See lib/security/client-address.ts.
 */
export function trustedProxyHops(): number {
  const raw = process.env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw) return 0;
  const hops = Number(raw);
  if (!Number.isSafeInteger(hops) || hops < 0 || hops > 20) {
    throw new Error('TRUSTED_PROXY_HOPS must be a whole number from 0 to 20');
  }
  return hops;
}
