// What a page's first load transfers: opens an address in headless Chromium (the Chrome DevTools Protocol over
// --remote-debugging-pipe, so no npm package is needed), with an empty cache, and lists every script and stylesheet the
// page requested until the network was quiet for two seconds: the bytes on the wire as the server sent them (its
// compression), and the body raw, gzip -9 and Brotli at its highest quality.
//
// Usage: node scripts/first-load.mjs http://127.0.0.1:5099/#/ [--chromium /usr/bin/chromium] [--all]
//   --all lists every request (API answers, map tiles), not only JavaScript and CSS.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const address = args.find((a) => !a.startsWith('--'));
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
if (!address) {
  console.error('usage: node scripts/first-load.mjs URL [--chromium PATH] [--all]');
  process.exit(2);
}
const chromium = option('--chromium', process.env.LEEFKRACHT_CHROMIUM ?? '/usr/bin/chromium');
const everything = args.includes('--all');

const profile = mkdtempSync(join(tmpdir(), 'first-load-'));
const browser = spawn(chromium, [
  '--headless=new', '--remote-debugging-pipe', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--window-size=1366,768', 'about:blank',
], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });

// CDP over the pipe: JSON messages separated by NUL bytes; fd 3 goes to the browser, fd 4 comes from it.
const input = browser.stdio[3];
const output = browser.stdio[4];
let nextId = 0;
const pending = new Map();
const handlers = [];
let buffered = '';
output.on('data', (chunk) => {
  buffered += chunk.toString('utf8');
  let end;
  while ((end = buffered.indexOf('\0')) >= 0) {
    const message = JSON.parse(buffered.slice(0, end));
    buffered = buffered.slice(end + 1);
    if (message.id !== undefined) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${message.error.message} (${message.error.code})`));
      else resolve(message.result);
    } else {
      handlers.forEach((handler) => handler(message));
    }
  }
});
const send = (method, params = {}, sessionId = undefined) => new Promise((resolve, reject) => {
  const id = ++nextId;
  pending.set(id, { resolve, reject });
  input.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
});

const requests = new Map();
let inFlight = 0;
let lastActivity = Date.now();
let loaded = false;
handlers.push(({ method, params }) => {
  if (method === 'Network.requestWillBeSent') {
    if (!requests.has(params.requestId)) inFlight++;
    requests.set(params.requestId, { url: params.request.url, type: params.type, transferred: 0, encoding: '', status: 0 });
  } else if (method === 'Network.responseReceived') {
    const request = requests.get(params.requestId);
    if (request) {
      const headers = Object.fromEntries(Object.entries(params.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      Object.assign(request, { type: params.type, status: params.response.status, encoding: headers['content-encoding'] ?? '' });
    }
  } else if (method === 'Network.loadingFinished' || method === 'Network.loadingFailed') {
    const request = requests.get(params.requestId);
    if (request && method === 'Network.loadingFinished') request.transferred = params.encodedDataLength;
    inFlight--;
  } else if (method === 'Page.loadEventFired') {
    loaded = true;
  } else {
    return;
  }
  lastActivity = Date.now();
});

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
try {
  const { targetInfos } = await send('Target.getTargets');
  const page = targetInfos.find((t) => t.type === 'page');
  const { sessionId } = await send('Target.attachToTarget', { targetId: page.targetId, flatten: true });
  await send('Network.enable', {}, sessionId);
  await send('Network.setCacheDisabled', { cacheDisabled: true }, sessionId);
  await send('Page.enable', {}, sessionId);
  await send('Page.navigate', { url: address }, sessionId);
  const started = Date.now();
  while (!(loaded && inFlight <= 0 && Date.now() - lastActivity > 2000)) {
    if (Date.now() - started > 120_000) throw new Error(`the page did not settle in 120 s (${inFlight} requests in flight)`);
    await sleep(100);
  }
} finally {
  const exited = new Promise((resolve) => { browser.once('exit', resolve); });
  browser.kill();
  await exited;
  rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
}

const kinds = { Script: 'js', Stylesheet: 'css' };
const rows = [];
for (const request of requests.values()) {
  const kind = kinds[request.type];
  if (!kind && !everything) continue;
  const url = new URL(request.url);
  if (!url.protocol.startsWith('http')) continue;
  // The body as the server holds it, fetched again without compression, to size it raw, gzip and Brotli.
  const body = Buffer.from(await (await fetch(url, { headers: { 'Accept-Encoding': 'identity' } })).arrayBuffer());
  rows.push({
    kind: kind ?? request.type, path: url.pathname + url.search, transferred: request.transferred, encoding: request.encoding || 'none', raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
  });
}

const kB = (bytes) => (bytes / 1000).toFixed(1);
console.log(`first load of ${address}: ${requests.size} requests`);
console.log(['kind', 'raw kB', 'gzip -9 kB', 'brotli 11 kB', 'on the wire kB', 'encoding', 'path'].join('\t'));
for (const r of rows) console.log([r.kind, kB(r.raw), kB(r.gzip), kB(r.brotli), kB(r.transferred), r.encoding, r.path].join('\t'));
for (const kind of ['js', 'css']) {
  const of = rows.filter((r) => r.kind === kind);
  const sum = (key) => kB(of.reduce((s, r) => s + r[key], 0));
  console.log(`total ${kind}: ${of.length} files, raw ${sum('raw')} kB, gzip -9 ${sum('gzip')} kB, brotli 11 ${sum('brotli')} kB, on the wire ${sum('transferred')} kB (with headers)`);
}
