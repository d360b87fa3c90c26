import { existsSync } from 'node:fs';
import { PROFILES } from './lcp';

/**
 * `tsx scripts/bench/paint-trace.ts URL profile-name-part on|off`: one throttled cold load,
 * printing the wire in order (request start, response, finish, bytes) and each LCP
 * candidate with its element, to see what competes with the stylesheet.
 */
const [url, only = '2g', js = 'on'] = process.argv.slice(2);
const profile = PROFILES.find((p) => p.name.includes(only))!;
const { chromium } = await import('@playwright/test');
const browser = await chromium.launch({
  executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: js === 'on' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Page.enable');
await cdp.send('DOM.enable');
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.rttMs, downloadThroughput: (profile.kbps * 1024) / 8, uploadThroughput: (profile.kbps * 1024) / 8 });
await cdp.send('PerformanceTimeline.enable', { eventTypes: ['largest-contentful-paint', 'layout-shift'] });
let t0 = 0;
let w0 = 0;
const names = new Map<string, string>();
const lines: [number, string][] = [];
const at = (mono: number) => Math.round((mono - t0) * 1000);
cdp.on('Network.requestWillBeSent', (e) => {
  if (!t0) { t0 = e.timestamp; w0 = e.wallTime; }
  names.set(e.requestId, e.request.url.replace(/^https?:\/\/[^/]+/, '').replace('/_next/static/chunks/', '…/'));
  lines.push([at(e.timestamp), `send   ${names.get(e.requestId)} prio=${e.request.initialPriority}`]);
});
cdp.on('Network.responseReceived', (e) => lines.push([at(e.timestamp), `resp   ${names.get(e.requestId)} conn=${e.response.connectionId}`]));
cdp.on('Network.loadingFinished', (e) => lines.push([at(e.timestamp), `done   ${names.get(e.requestId)} ${e.encodedDataLength} B`]));
cdp.on('Page.domContentEventFired', (e) => lines.push([at(e.timestamp), 'DOMContentLoaded']));
cdp.on('Page.loadEventFired', (e) => lines.push([at(e.timestamp), 'load']));
const lcps: { ms: number; node?: number; size?: number }[] = [];
cdp.on('PerformanceTimeline.timelineEventAdded', ({ event }) => {
  if (event.type === 'largest-contentful-paint') {
    const t = event.lcpDetails?.renderTime || event.lcpDetails?.loadTime || event.time;
    lcps.push({ ms: Math.round((t - w0) * 1000), node: event.lcpDetails?.nodeId, size: event.lcpDetails?.size });
  } else lines.push([Math.round((event.time - w0) * 1000), `layout-shift ${JSON.stringify(event.layoutShiftDetails?.value)}`]);
});
await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
await page.waitForTimeout(1500);
await cdp.send('DOM.getDocument', { depth: -1 });
for (const l of lcps) {
  let desc = '?';
  if (l.node) {
    try {
      const { node } = (await cdp.send('DOM.describeNode', { backendNodeId: l.node }));
      const r = (await cdp.send('DOM.resolveNode', { backendNodeId: l.node }));
      const text = (await cdp.send('Runtime.callFunctionOn', { objectId: r.object.objectId, functionDeclaration: 'function(){return (this.textContent||"").slice(0,50)}', returnByValue: true }));
      desc = `${node.nodeName} ${JSON.stringify(node.attributes ?? [])} "${text.result.value}"`;
    } catch (e) { desc = `node ${l.node} (${(e as Error).message.slice(0, 40)})`; }
  }
  lines.push([l.ms, `LCP candidate size=${l.size} ${desc}`]);
}
lines.sort((a, b) => a[0] - b[0]);
console.log(`${profile.name} JS ${js}`);
for (const [t, s] of lines) console.log(`${String(t).padStart(6)} ${s}`);
await browser.close();
