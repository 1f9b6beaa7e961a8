// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core (never a
// downloaded browser), a fresh profile each time, and a loopback static server for dist/.
'use strict';
const XLSX = require('xlsx');
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..', '..');
const PAGE = path.join(ROOT, process.env.LAMSACH_DIST || 'dist', 'lamsach.html');
const SHOTS = path.join(ROOT, 'tests', 'screenshots');
const OUT = path.join(ROOT, 'tests', 'out');

async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lamsach-pw-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1366, height: 768 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return context;
}

/** Serves dist/ on 127.0.0.1 at a free port. */
function serve() {
  const dir = path.dirname(PAGE);
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    if (name.startsWith('probe')) server.probeHits += 1;
    const file = path.join(dir, name);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end(); return;
    }
    res.writeHead(200, { 'content-type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  server.probeHits = 0;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Opens the page and records every request and console message it makes. */
/** `init`: a function run in the page before its own scripts (to take a feature away). */
async function openPage(context, url, { init } = {}) {
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const requests = [];
  const consoleMessages = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => consoleMessages.push({ type: 'pageerror', text: String(e) }));
  await page.goto(url);
  return { page, requests, consoleMessages };
}

async function waitState(page, states, timeout = 60000) {
  const list = Array.isArray(states) ? states : [states];
  await page.waitForFunction(
    (l) => l.includes(document.querySelector('[data-testid=status]').dataset.state),
    list, { timeout });
  return page.getAttribute('[data-testid=status]', 'data-state');
}

async function download(page, testid, to) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  await dl.saveAs(to);
  return { path: to, suggested: dl.suggestedFilename() };
}

/** Saves tests/screenshots/NAME.png: the whole page, or only what the screen shows. */
async function screenshot(page, name, { fullPage = true } = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name + '.png'), fullPage });
}

/** A downloaded workbook's sheet as SheetJS (an independent reader) sees it: rows of raw values. */
function sheetRows(file, sheetIndex = 0) {
  const wb = XLSX.read(fs.readFileSync(file), { type: 'buffer', cellText: false, cellDates: false });
  const ws = wb.Sheets[wb.SheetNames[sheetIndex]];
  return { wb, ws, rows: XLSX.utils.sheet_to_json(ws, { header: 1, raw: true, defval: null, blankrows: true }) };
}

/** The page's address from file:// and from the loopback server. */
function pageUrls(server) {
  return {
    'file://': require('url').pathToFileURL(PAGE).href,
    'http://': `http://127.0.0.1:${server.address().port}/lamsach.html`,
  };
}

module.exports = { ROOT, PAGE, OUT, launch, serve, openPage, waitState, download, screenshot, pageUrls, sheetRows };
