import { afterEach, describe, expect, it } from 'vitest';
import { clientConfig, REPLICA_SYNC_SECONDS } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';

const saved = { ...process.env };
function setEnv(values: Record<string, string | undefined>) {
  for (const name of ['DATABASE_URL', 'DATABASE_AUTH_TOKEN', 'DATABASE_SYNC_URL']) delete process.env[name];
  Object.assign(process.env, values);
  resetEnvCache();
}

afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe('the libSQL client options from the configuration', () => {
  it('a remote server gets the token; no replica options', () => {
    setEnv({ DATABASE_URL: 'libsql://wbs.example.org', DATABASE_AUTH_TOKEN: 'eyJ.a.b' });
    expect(clientConfig('libsql://wbs.example.org')).toEqual({ url: 'libsql://wbs.example.org', authToken: 'eyJ.a.b', timeout: 5000 });
  });

  it('with DATABASE_SYNC_URL the configured file is an embedded replica of that server', () => {
    setEnv({ DATABASE_URL: 'file:/var/lib/wbs/replica.db', DATABASE_SYNC_URL: 'libsql://wbs.example.org', DATABASE_AUTH_TOKEN: 'eyJ.a.b' });
    expect(clientConfig('file:/var/lib/wbs/replica.db')).toMatchObject({
      url: 'file:/var/lib/wbs/replica.db',
      syncUrl: 'libsql://wbs.example.org',
      syncInterval: REPLICA_SYNC_SECONDS,
      readYourWrites: true,
      authToken: 'eyJ.a.b',
    });
    // Another file (a script's scratch copy, a test database) is never made a replica.
    expect(clientConfig('file:/tmp/other.db')).not.toHaveProperty('syncUrl');
  });
});
