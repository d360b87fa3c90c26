import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHranaServer, type HranaServer } from '../support/hrana-server';

/**
 * The stand-in for a libSQL server, through the real @libsql/client over http://: what
 * the app relies on when DATABASE_URL names a server (statements, batches, interactive
 * transactions held across requests by batons, the token), so the remote run of the
 * integration tests means something.
 */
let server: HranaServer;
let file: string;
const token = 'stand-in-token';
const clients: Client[] = [];

function client(authToken = token): Client {
  const opened = createClient({ url: server.url, authToken });
  clients.push(opened);
  return opened;
}

beforeAll(async () => {
  const base = path.resolve('tests/.tmp');
  mkdirSync(base, { recursive: true });
  file = path.join(mkdtempSync(path.join(base, 'hrana-')), 'remote.db');
  server = await startHranaServer({ file, authToken: token });
  await client().executeMultiple('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, data BLOB, big INTEGER, ratio REAL); CREATE UNIQUE INDEX notes_body ON notes (body);');
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
});

describe('the Hrana-over-HTTP stand-in, through @libsql/client', () => {
  it('executes statements with arguments and returns typed values', async () => {
    const db = client();
    const inserted = await db.execute({ sql: 'INSERT INTO notes (body, data, big, ratio) VALUES (?, ?, ?, ?)', args: ['satu', new Uint8Array([0, 255]), 9007199254740993n, 0.5] });
    expect(inserted.rowsAffected).toBe(1);
    expect(inserted.lastInsertRowid).toBe(1n);
    const named = await db.execute({ sql: 'SELECT body, data, ratio FROM notes WHERE body = :body', args: { body: 'satu' } });
    expect(named.columns).toEqual(['body', 'data', 'ratio']);
    const row = named.rows[0];
    expect(row.body).toBe('satu');
    expect([...new Uint8Array(row.data as ArrayBuffer)]).toEqual([0, 255]);
    // Read back in bigint mode: the 64-bit integer crossed JSON as a string, exactly.
    const exact = createClient({ url: server.url, authToken: token, intMode: 'bigint' });
    clients.push(exact);
    expect((await exact.execute('SELECT big FROM notes')).rows[0].big).toBe(9007199254740993n);
    expect(row.ratio).toBe(0.5);
    const returning = await db.execute({ sql: 'INSERT INTO notes (body) VALUES (?) RETURNING id', args: ['dua'] });
    expect(returning.rows[0].id).toBe(2);
    expect(returning.rowsAffected).toBe(1);
  });

  it('answers a failing statement with the SQLite error, and the next one still runs', async () => {
    const db = client();
    await expect(db.execute({ sql: 'INSERT INTO notes (body) VALUES (?)', args: ['satu'] })).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect((await db.execute('SELECT count(*) AS n FROM notes')).rows[0].n).toBe(2);
  });

  it('runs a batch in one transaction: all or nothing', async () => {
    const db = client();
    await expect(
      db.batch([{ sql: 'INSERT INTO notes (body) VALUES (?)', args: ['tiga'] }, { sql: 'INSERT INTO notes (body) VALUES (?)', args: ['satu'] }], 'write'),
    ).rejects.toThrow(/UNIQUE/);
    expect((await db.execute({ sql: 'SELECT count(*) AS n FROM notes WHERE body = ?', args: ['tiga'] })).rows[0].n).toBe(0);
    await db.batch([{ sql: 'INSERT INTO notes (body) VALUES (?)', args: ['tiga'] }], 'write');
    expect((await db.execute({ sql: 'SELECT count(*) AS n FROM notes WHERE body = ?', args: ['tiga'] })).rows[0].n).toBe(1);
  });

  it('holds an interactive transaction across requests: others see it only after commit; rollback leaves nothing', async () => {
    const db = client();
    const other = client();
    const tx = await db.transaction('write');
    await tx.execute({ sql: 'INSERT INTO notes (body) VALUES (?)', args: ['empat'] });
    // Read inside the transaction, on its own connection (a later HTTP request, same baton chain).
    expect((await tx.execute({ sql: 'SELECT count(*) AS n FROM notes WHERE body = ?', args: ['empat'] })).rows[0].n).toBe(1);
    expect((await other.execute({ sql: 'SELECT count(*) AS n FROM notes WHERE body = ?', args: ['empat'] })).rows[0].n).toBe(0);
    await tx.commit();
    expect((await other.execute({ sql: 'SELECT count(*) AS n FROM notes WHERE body = ?', args: ['empat'] })).rows[0].n).toBe(1);

    const undone = await db.transaction('write');
    await undone.execute({ sql: 'INSERT INTO notes (body) VALUES (?)', args: ['lima'] });
    await undone.rollback();
    expect((await other.execute({ sql: 'SELECT count(*) AS n FROM notes WHERE body = ?', args: ['lima'] })).rows[0].n).toBe(0);
  });

  it('a second writer waits for the first transaction instead of failing', async () => {
    const first = await client().transaction('write');
    await first.execute({ sql: 'INSERT INTO notes (body) VALUES (?)', args: ['enam'] });
    const second = client().execute({ sql: 'INSERT INTO notes (body) VALUES (?)', args: ['tujuh'] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await first.commit();
    await second;
    expect((await client().execute("SELECT count(*) AS n FROM notes WHERE body IN ('enam', 'tujuh')")).rows[0].n).toBe(2);
  });

  it('is reached by a libsql:// URL too (the client opens it as HTTP; ?tls=0 for plain HTTP)', async () => {
    const viaLibsql = createClient({ url: `${server.url.replace('http://', 'libsql://')}?tls=0`, authToken: token });
    clients.push(viaLibsql);
    expect(viaLibsql.protocol).toBe('http');
    expect((await viaLibsql.execute('SELECT count(*) AS n FROM notes')).rows[0].n).toBeGreaterThan(0);
  });

  it('refuses a spent baton and a missing or wrong token', async () => {
    const post = (body: unknown, authorization = `Bearer ${token}`) =>
      fetch(`${server.url}/v2/pipeline`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const opened = await post({ baton: null, requests: [{ type: 'execute', stmt: { sql: 'SELECT 1' } }] });
    const { baton } = (await opened.json()) as { baton: string };
    expect((await post({ baton, requests: [{ type: 'close' }] })).status).toBe(200);
    expect((await post({ baton, requests: [{ type: 'close' }] })).status).toBe(400);
    expect((await post({ baton: null, requests: [] }, 'Bearer wrong')).status).toBe(401);
    await expect(client('wrong').execute('SELECT 1')).rejects.toThrow();
  });

  it('speaks the v3 pipeline too (get_autocommit, is_autocommit conditions)', async () => {
    const post = async (body: unknown) =>
      (await (
        await fetch(`${server.url}/v3/pipeline`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(body) })
      ).json()) as { baton: string | null; results: { type: string; response?: Record<string, unknown> }[] };
    const begun = await post({ baton: null, requests: [{ type: 'execute', stmt: { sql: 'BEGIN' } }, { type: 'get_autocommit' }] });
    expect(begun.results[1].response).toEqual({ type: 'get_autocommit', is_autocommit: false });
    const done = await post({
      baton: begun.baton,
      requests: [
        { type: 'batch', batch: { steps: [{ stmt: { sql: 'COMMIT' }, condition: { type: 'not', cond: { type: 'is_autocommit' } } }, { stmt: { sql: 'SELECT 1' }, condition: { type: 'ok', step: 0 } }] } },
        { type: 'get_autocommit' },
        { type: 'close' },
      ],
    });
    const batch = done.results[0].response as { result: { step_results: unknown[]; step_errors: unknown[] } };
    expect(batch.result.step_errors).toEqual([null, null]);
    expect(done.results[1].response).toEqual({ type: 'get_autocommit', is_autocommit: true });
    expect(done.baton).toBeNull();
  });
});
