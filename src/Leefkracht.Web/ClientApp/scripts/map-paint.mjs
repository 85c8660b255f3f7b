// Where the first paint of a map goes: opens a map address in headless Chromium (the Chrome DevTools Protocol over
// --remote-debugging-pipe, like first-load.mjs), waits until the layer is drawn and two animation frames have passed
// (the canvas is painted), and prints the page's own marks (pages/map.js: meta read, values asked and received,
// boundaries received and decoded, layer built) and the map requests' bytes, all in ms from the start of navigation.
// Each run is "cold" (an empty cache) and then "warm" (the same browser again: the boundaries from its cache).
//
// Usage: node scripts/map-paint.mjs 'http://127.0.0.1:5391/#/map?level=buurt' [--runs 3] [--chromium /usr/bin/chromium] [--shot map.png] [--resources]
//   --shot saves a screenshot of the last paint; --resources prints the load event and every resource but the base
//   map's tiles (scripts, styles, requests) with its start and end, in ms from navigation.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const address = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
if (!address) {
  console.error("usage: node scripts/map-paint.mjs 'URL#/map?level=buurt' [--runs N] [--chromium PATH]");
  process.exit(2);
}
const chromium = option('--chromium', process.env.LEEFKRACHT_CHROMIUM ?? '/usr/bin/chromium');
const runs = Number(option('--runs', '3'));
const shot = option('--shot', undefined);
const verbose = args.includes('--resources');
const level = new URLSearchParams(address.split('?')[1] ?? '').get('level') ?? 'gemeente';

/** One browser with its own profile, driven over the pipe. */
function open() {
  const profile = mkdtempSync(join(tmpdir(), 'map-paint-'));
  const browser = spawn(chromium, [
    '--headless=new', '--remote-debugging-pipe', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--window-size=1440,900', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const input = browser.stdio[3];
  const output = browser.stdio[4];
  let nextId = 0;
  const pending = new Map();
  let buffered = '';
  output.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    let end;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      if (message.id === undefined) continue;
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${message.error.message} (${message.error.code})`));
      else resolve(message.result);
    }
  });
  const send = (method, params = {}, sessionId = undefined) => new Promise((resolve, reject) => {
    const id = ++nextId;
    pending.set(id, { resolve, reject });
    input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
  });
  const close = async () => {
    const exited = new Promise((resolve) => { browser.once('exit', resolve); });
    browser.kill();
    await exited;
    // Chromium's helpers may still be writing the profile for a moment after it exits.
    await sleep(500);
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  return { send, close };
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// Runs in the page once the layer is drawn: two frames, then the marks and the map requests.
const report = `new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(JSON.stringify({
  painted: performance.now(),
  // The first of each mark (the gemeente outlines' boundaries come later and mark again).
  marks: Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('map:')).reverse().map((m) => [m.name, m.startTime])),
  loaded: performance.getEntriesByType('navigation')[0]?.loadEventStart,
  // Every resource before the paint (scripts, styles, requests): what the page waited for before the layer drew.
  resources: performance.getEntriesByType('resource').filter((r) => r.initiatorType !== 'img').map((r) => ({ path: new URL(r.name).pathname.split('/').pop(), start: r.startTime, end: r.responseEnd })),
  requests: performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/')).map((r) => ({
    path: new URL(r.name).pathname + new URL(r.name).search, start: r.startTime, end: r.responseEnd, wire: r.transferSize, body: r.decodedBodySize,
  })),
})))))`;

async function paint(send, sessionId) {
  await send('Page.navigate', { url: 'about:blank' }, sessionId);
  await send('Page.navigate', { url: address }, sessionId);
  const started = Date.now();
  for (;;) {
    const { result } = await send('Runtime.evaluate', { expression: `document.querySelector('#map')?.dataset.loaded?.startsWith('${level}:') ?? false`, returnByValue: true }, sessionId);
    if (result.value === true) break;
    if (Date.now() - started > 120_000) throw new Error('the map was not drawn in 120 s');
    await sleep(10);
  }
  const { result } = await send('Runtime.evaluate', { expression: report, awaitPromise: true, returnByValue: true }, sessionId);
  return JSON.parse(result.value);
}

const ms = (n) => (n === undefined ? '-' : Math.round(n).toString());
console.log(`map paint of ${address} (ms from the start of navigation)`);
console.log(['run', 'meta', 'ask', 'values', 'geometry', 'decoded', 'drawn', 'painted', 'map requests: path wire/body bytes start-end'].join('\t'));
for (let run = 1; run <= runs; run++) {
  const { send, close } = open();
  try {
    const { targetInfos } = await send('Target.getTargets');
    const page = targetInfos.find((t) => t.type === 'page');
    const { sessionId } = await send('Target.attachToTarget', { targetId: page.targetId, flatten: true });
    await send('Page.enable', {}, sessionId);
    await send('Runtime.enable', {}, sessionId);
    for (const kind of ['cold', 'warm']) {
      const r = await paint(send, sessionId);
      const m = r.marks;
      const requests = r.requests.filter((q) => q.path.startsWith('/api/v1/map/'))
        .map((q) => `${q.path.split('?')[0].replace('/api/v1/map/', '')} ${q.wire}/${q.body} ${ms(q.start)}-${ms(q.end)}`).join('; ');
      if (shot && run === runs && kind === 'warm') {
        const { data } = await send('Page.captureScreenshot', { format: 'png' }, sessionId);
        writeFileSync(shot, Buffer.from(data, 'base64'));
      }
      if (verbose) console.log(`  load event ${ms(r.loaded)}; ${r.resources.map((q) => `${q.path} ${ms(q.start)}-${ms(q.end)}`).join('; ')}`);
      console.log([`${run} ${kind}`, ms(m['map:meta']), ms(m['map:ask']), ms(m['map:values']), ms(m['map:geometry']), ms(m['map:shapes']), ms(m['map:drawn']), ms(r.painted), requests].join('\t'));
    }
  } finally {
    await close();
  }
}
