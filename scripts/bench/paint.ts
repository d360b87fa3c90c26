import { measurePaint, PROFILES } from './lcp';

/**
 * `tsx scripts/bench/paint.ts URL [runs] [profile-name-part]`: the throttled paint
 * figures of one page against a server that is already running (the same measurement
 * as `npm run bench`, for trying a change without the whole bench).
 */
const [url, runs = '1', only] = process.argv.slice(2);
const profiles = PROFILES.filter((p) => !only || p.name.includes(only));
for (const x of await measurePaint(url, { runs: Number(runs), profiles })) {
  console.log(`${x.profile.name.padEnd(20)} JS ${x.javaScript ? 'on ' : 'off'} ${JSON.stringify(x.figure)}`);
}
