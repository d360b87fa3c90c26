import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'libsql';

/**
 * `npx tsx scripts/bench/micro.ts`: two small measurements behind choices in lib/db and
 * lib/email, for anyone to rerun.
 * 1. What a commit costs at SQLite's synchronous = FULL (an fsync inside the native call,
 *    blocking the event loop) against NORMAL (lib/db/durability.ts syncs the WAL off the loop).
 * 2. What rendering an officer email costs in full against renderEmail's template memo.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'wbs-micro-'));
try {
  const db = new Database(path.join(dir, 'commits.db'));
  db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER)');
  const insert = db.prepare('INSERT INTO t VALUES (?)');
  for (const level of ['FULL', 'NORMAL']) {
    db.exec(`PRAGMA synchronous = ${level}`);
    const started = performance.now();
    for (let i = 0; i < 200; i++) insert.run(i);
    console.log(`commit at synchronous = ${level}: ${((performance.now() - started) / 200).toFixed(2)} ms (200 commits)`);
  }
  db.close();

  const { render } = await import('@react-email/render');
  const { createElement } = await import('react');
  const { NewReportEmail } = await import('@/lib/email/templates/new-report');
  const { renderEmail } = await import('@/lib/email/render');
  const office = { name: 'Biro Umum Setda Provinsi NTT', address: 'Kupang' };
  const props = (i: number) => ({ caseNumber: `2026-${String(i + 1).padStart(4, '0')}`, office, baseUrl: 'https://wbs.example.go.id' });
  let started = performance.now();
  for (let i = 0; i < 50; i++) {
    const element = createElement(NewReportEmail, props(i));
    await Promise.all([render(element), render(element, { plainText: true })]);
  }
  console.log(`officer email, full render: ${((performance.now() - started) / 50).toFixed(2)} ms (50 emails)`);
  await renderEmail('new_report', props(0));
  started = performance.now();
  for (let i = 0; i < 50; i++) await renderEmail('new_report', props(i));
  console.log(`officer email, renderEmail (template memo): ${((performance.now() - started) / 50).toFixed(3)} ms (50 emails)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
