// Benchmark (not a test): the native CLI, the real page in headless Chromium, and the peer
// (SheetJS XLSX.read of the same file in the same browser), on generated dirty lists.
// Usage: node scripts/bench.js [rows...]   (default 34000 340782 1000000)
// Lists are generated once into bench-data/ (git-ignored). Results: bench-data/results.json.
// To compare builds: PAGE=path/to/lamsach.html CLI=path/to/lamsach (default: this tree's),
// RESULTS=path/to/results.json (default bench-data/results.json). LIST=path/to/list.xlsx
// benches that file instead of a generated one (one size: give its row count), e.g. the
// generated list saved again by another writer (openpyxl's inline strings, XlsxWriter).
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { pathToFileURL } = require('url');
const { launch } = require('../tests/e2e/browser');

const ROOT = path.resolve(__dirname, '..');
const DATA = path.join(ROOT, 'bench-data');
const RUNS = Number(process.env.RUNS || 3);
const PAGE = path.resolve(process.env.PAGE || path.join(ROOT, 'dist', 'lamsach.html'));
const CLI = path.resolve(process.env.CLI || path.join(ROOT, 'target/release/lamsach'));
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
if (!sizes.length) sizes.push(34000, 340782, 1000000);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

function listFor(rows) {
  if (process.env.LIST) return path.resolve(process.env.LIST);
  fs.mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, `list-${rows}.xlsx`);
  if (!fs.existsSync(file)) {
    execFileSync(path.join(ROOT, 'target/release/examples/make_list'), ['--rows', String(rows), '--seed', String(rows), '-o', file]);
  }
  return file;
}

function cli(file) {
  const out = path.join(DATA, 'cli-out.xlsx');
  const times = [];
  let peakKb = 0;
  let stages = null;
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M', CLI, 'clean', file,
      '-o', out, '--reference-date', '2026-11-27'], { env: { ...process.env, LAMSACH_TIMINGS: '1' }, encoding: 'utf8' });
    const t = /timings_ms read=(\d+) check=(\d+) report=(\d+) write=(\d+) total=(\d+)/.exec(r.stderr);
    const m = /MAXRSS (\d+)/.exec(r.stderr);
    if (t) { times.push(Number(t[5])); stages = { read: +t[1], check: +t[2], write: +t[4] }; }
    if (m) peakKb = Math.max(peakKb, Number(m[1]));
  }
  return { total_ms: median(times), runs_ms: times, stages_ms: stages, peak_rss_mb: Math.round(peakKb / 1024) };
}

async function page(file) {
  const pageUrl = pathToFileURL(PAGE).href;
  const sheetjs = fs.readFileSync(path.join(ROOT, 'node_modules/xlsx/dist/xlsx.full.min.js'), 'utf8');
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await launch();
    const p = await context.newPage();
    await p.goto(pageUrl);
    // Long tasks on the page's thread while it works.
    await p.evaluate(() => {
      window.__long = [];
      window.__states = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ d: e.duration, t: e.startTime }); }).observe({ entryTypes: ['longtask'] });
      // When each state began, to tell in which step a long task fell.
      const status = document.querySelector('[data-testid=status]');
      new MutationObserver(() => window.__states.push({ t: performance.now(), s: status.dataset.state })).observe(status, { attributes: true, attributeFilter: ['data-state'] });
    });
    const t0 = Date.now();
    await p.setInputFiles('[data-testid=file-input]', file);
    await p.waitForFunction(() => ['ready', 'error'].includes(document.querySelector('[data-testid=status]').dataset.state), null, { timeout: 600000 });
    const tRead = Date.now();
    const wasmMbAt = async () => p.evaluate(() => Math.round(Number(document.querySelector('[data-testid=status]').dataset.wasmBytes || 0) / 1048576));
    const wasmAfterRead = await wasmMbAt();
    const rendererAfterRead = peakRendererMb();
    await p.click('[data-testid=start]');
    await p.waitForFunction(() => ['done', 'error'].includes(document.querySelector('[data-testid=status]').dataset.state), null, { timeout: 600000 });
    const tChecked = Date.now();
    const wasmAfterCheck = await wasmMbAt();
    const rendererAfterCheck = peakRendererMb();
    const [dl] = await Promise.all([p.waitForEvent('download', { timeout: 600000 }), p.click('[data-testid=download-xlsx]')]);
    await dl.path();
    const tWritten = Date.now();
    const workerMs = await p.evaluate(() => JSON.parse(document.querySelector('[data-testid=status]').dataset.workerMs || '{}'));
    const longTasks = await p.evaluate(() => window.__long.map((x) => {
      const before = window.__states.filter((st) => st.t <= x.t).pop();
      return { d: x.d, after_state: before ? before.s : 'start' };
    }));
    const longest = longTasks.reduce((a, b) => (b.d > a.d ? b : a), { d: 0, after_state: '' });
    const wasmMb = await p.evaluate(() => Number(document.querySelector('[data-testid=status]').dataset.wasmBytes || 0) / 1048576);
    const rendererPeak = peakRendererMb();
    // The peer in the same browser: SheetJS reading the same bytes, in a tab of its own (so
    // that running out of memory there, as it does on a million rows, ends only that tab);
    // the shipped page never contains it.
    await p.close();
    const q = await context.newPage();
    const b64 = fs.readFileSync(file).toString('base64');
    const peerRun = q.evaluate(async ({ lib, data }) => {
      (0, eval)(lib);
      const bin = atob(data);
      const u8 = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
      const t = performance.now();
      const wb = XLSX.read(u8, { type: 'array', dense: true });
      const ms = performance.now() - t;
      return { ms, sheets: wb.SheetNames.length };
    }, { lib: sheetjs, data: b64 });
    // On a million rows SheetJS can work for many minutes at the edge of its heap: give up
    // after PEER_TIMEOUT_S and say so.
    const limit = Number(process.env.PEER_TIMEOUT_S || 240);
    const peer = await Promise.race([
      peerRun,
      new Promise((resolve) => setTimeout(() => resolve({ ms: NaN, error: `no result within ${limit} s` }), limit * 1000)),
    ]).catch((e) => ({ ms: NaN, error: String(e).split('\n')[0] }));
    results.push({
      read_ms: tRead - t0, check_ms: tChecked - tRead, write_ms: tWritten - tChecked, total_ms: tWritten - t0,
      longest_task_ms: longest.d, longest_task_after_state: longest.after_state, long_tasks: longTasks.length, worker_ms: workerMs, renderer_peak_mb: rendererPeak, renderer_peak_mb_after: { read: rendererAfterRead, check: rendererAfterCheck, write: rendererPeak }, wasm_memory_mb: Math.round(wasmMb), wasm_mb_after: { read: wasmAfterRead, check: wasmAfterCheck, write: Math.round(wasmMb) }, sheetjs_read_ms: Math.round(peer.ms),
      sheetjs_error: peer.error,
    });
    await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10000))]);
  }
  const pick = (k) => median(results.map((r) => r[k]));
  return {
    total_ms: pick('total_ms'), read_ms: pick('read_ms'), check_ms: pick('check_ms'), write_ms: pick('write_ms'),
    longest_task_ms: Math.max(...results.map((r) => r.longest_task_ms)),
    longest_task_after_state: results.reduce((a, b) => (b.longest_task_ms > a.longest_task_ms ? b : a)).longest_task_after_state, renderer_peak_mb: Math.max(...results.map((r) => r.renderer_peak_mb || 0)),
    wasm_memory_mb: Math.max(...results.map((r) => r.wasm_memory_mb || 0)),
    wasm_mb_after: results[results.length - 1].wasm_mb_after,
    renderer_peak_mb_after: results[results.length - 1].renderer_peak_mb_after,
    worker_ms: results[results.length - 1].worker_ms,
    sheetjs_read_ms: pick('sheetjs_read_ms'), sheetjs_error: results.map((r) => r.sheetjs_error).find(Boolean), runs: results,
  };
}

/** Largest VmHWM among Chromium renderer processes now alive (the page's tab). */
function peakRendererMb() {
  let peak = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Math.round(Number(m[1]) / 1024));
    } catch (e) { /* the process ended */ }
  }
  return peak;
}

(async () => {
  const all = [];
  for (const rows of sizes) {
    const file = listFor(rows);
    const c = cli(file);
    const w = await page(file);
    const row = {
      rows, file_mb: +(fs.statSync(file).size / 1048576).toFixed(1), cli: c, page: w,
      ratio_page_vs_sheetjs_read: +(w.total_ms / w.sheetjs_read_ms).toFixed(2),
      ratio_wasm_vs_native: +(w.total_ms / c.total_ms).toFixed(2),
      page_us_per_row: +(w.total_ms * 1000 / rows).toFixed(1),
    };
    all.push(row);
    console.log(`${rows} rows (${row.file_mb} MB): CLI ${c.total_ms} ms (read ${c.stages_ms.read}, check ${c.stages_ms.check}, write ${c.stages_ms.write}; ${c.peak_rss_mb} MB) | ` +
      `page ${w.total_ms} ms (read ${w.read_ms}, check ${w.check_ms}, write ${w.write_ms}; renderer ${w.renderer_peak_mb} MB (peak by read ${w.renderer_peak_mb_after.read}, check ${w.renderer_peak_mb_after.check}), wasm ${w.wasm_memory_mb} MB (after read ${w.wasm_mb_after.read}, check ${w.wasm_mb_after.check}); longest task ${Math.round(w.longest_task_ms)} ms, in state '${w.longest_task_after_state}'; worker ${JSON.stringify(w.worker_ms)}) | ` +
      `SheetJS read ${w.sheetjs_error ? 'failed: ' + w.sheetjs_error : w.sheetjs_read_ms + ' ms'} | page/SheetJS ${row.ratio_page_vs_sheetjs_read} | wasm/native ${row.ratio_wasm_vs_native} | ${row.page_us_per_row} µs/row`);
  }
  const results = path.resolve(process.env.RESULTS || path.join(DATA, 'results.json'));
  fs.writeFileSync(results, JSON.stringify(all, null, 2));
  console.log(`written ${results}`);
  // A browser whose tab ran out of memory may not close: do not wait for it.
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
