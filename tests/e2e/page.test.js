// The page as an officer uses it, in real headless Chromium, opened from file:// and from
// http://: choose a list, check the columns, clean, download both files, and check them.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const XLSX = require('xlsx');
const { execFileSync } = require('child_process');
const { ROOT, PAGE, OUT, launch, serve, openPage, waitState, download, screenshot, pageUrls, sheetRows } = require('./browser');

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'title_rows.xlsx');
const CLI = path.join(ROOT, 'target', 'release', 'lamsach');

/** Today on this computer's calendar, as the page takes it. */
function today() {
  const d = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** The workbook the page wrote for `input` is, byte for byte, the one the CLI writes. */
function assertSameAsCli(xlsxPath, input = FIXTURE) {
  const cliOut = path.join(path.dirname(xlsxPath), 'cli.xlsx');
  execFileSync(CLI, ['clean', input, '-o', cliOut, '--reference-date', today()], { stdio: 'pipe' });
  assert.ok(fs.readFileSync(xlsxPath).equals(fs.readFileSync(cliOut)), "the page's workbook is the CLI's");
}

let context;
let server;
test.before(async () => {
  assert.ok(fs.existsSync(PAGE), `${PAGE} is missing: run scripts/build`);
  context = await launch();
  server = await serve();
});
test.after(async () => {
  if (context) await context.close();
  if (server) server.close();
});

const urls = () => pageUrls(server);

/** Requests other than the page itself and the blob:/data: URLs it makes for itself. */
function foreignRequests(requests, pageUrl) {
  return requests.filter((u) => u !== pageUrl && !u.startsWith('blob:') && !u.startsWith('data:'));
}

for (const scheme of ['file://', 'http://']) {
  test(`${scheme} clean a list end to end and download the workbook and the report`, async () => {
    const url = urls()[scheme];
    const { page, requests, consoleMessages } = await openPage(context, url);
    await page.setInputFiles('[data-testid=file-input]', FIXTURE);
    await waitState(page, 'ready');
    // The detected roles are shown before cleaning.
    assert.equal(await page.inputValue('[data-testid=role-B]'), 'child_name');
    assert.equal(await page.inputValue('[data-testid=role-J]'), '');
    await screenshot(page, `${scheme.replace('://', '')}-2-check`);
    await page.click('[data-testid=start]');
    assert.equal(await waitState(page, ['done', 'error']), 'done');
    const summary = await page.textContent('[data-testid=summary]');
    assert.match(summary, /6\s*Trẻ trong danh sách/);
    await screenshot(page, `${scheme.replace('://', '')}-4-done`);

    const dir = path.join(OUT, scheme.replace('://', ''));
    const xlsx = await download(page, 'download-xlsx', path.join(dir, 'cleaned.xlsx'));
    assert.equal(xlsx.suggested, 'title_rows.lamsach.xlsx');
    // The second worker inflated the list's large parts and zipped the workbook, and the
    // file is byte for byte the one the CLI writes.
    assert.equal(await page.getAttribute('[data-testid=status]', 'data-inflated-by'), 'zipper');
    assert.equal(await page.getAttribute('[data-testid=status]', 'data-zipped-by'), 'zipper');
    assertSameAsCli(xlsx.path);
    const report = await download(page, 'download-report', path.join(dir, 'report.json'));

    const input = sheetRows(FIXTURE).rows;
    const { wb, ws, rows } = sheetRows(xlsx.path);
    assert.deepEqual(wb.SheetNames, ['DS tre em', 'Phát hiện', 'Tổng hợp', 'Cần công an xác minh', 'Cần rà soát tại hộ gia đình', 'Trùng lặp']);
    assert.equal(rows.length, input.length, 'every row present');
    assert.deepEqual(rows[0], input[0], 'title row unchanged');
    assert.deepEqual(rows[3], input[3], 'header unchanged');
    for (let r = 5; r <= 10; r++) assert.equal(rows[r][0], input[r][0], `row ${r + 1} in its place`);
    assert.equal(ws.C6.t, 's', 'the date of birth is text');
    assert.equal(ws.C6.v, '05/03/2012');
    assert.equal(ws.F6.t, 's', 'the ID is text');
    assert.equal(ws.F6.v, '079212000001');
    assert.equal(ws.J7.v, 20.25, 'an unknown column passes through');
    assert.equal(rows[12][1], 'Người lập biểu');

    const police = await download(page, 'download-police', path.join(dir, 'police.xlsx'));
    const policeRows = sheetRows(police.path).rows;
    assert.equal(policeRows[0][0], 'Dòng gốc');
    // Sheet row 8 (no ID) is on the police list with its original row number.
    assert.ok(policeRows.some((r) => r[0] === 8 && /Chưa có số định danh/.test(r[r.length - 3])), JSON.stringify(policeRows));
    const household = await download(page, 'download-household', path.join(dir, 'household.xlsx'));
    assert.ok(XLSX.read(fs.readFileSync(household.path)).SheetNames.length >= 1);

    const json = JSON.parse(fs.readFileSync(report.path, 'utf8'));
    assert.equal(json.version, 1);
    assert.equal(json.summary.records, 6);
    const findingsSheet = XLSX.utils.sheet_to_json(wb.Sheets['Phát hiện'], { header: 1 });
    assert.equal(findingsSheet.length - 1, json.findings.length, 'one findings row per finding');
    assert.ok(json.findings.some((f) => f.code === 'dob.excel_date' && f.row === 6 && f.column === 'C' && f.after === '05/03/2012'));

    assert.deepEqual(foreignRequests(requests, url), [], 'no network request beyond the page');
    const errors = consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror');
    assert.deepEqual(errors, [], 'no console error');
    await page.close();
  });
}

test('when the second worker cannot start, the first zips the workbook itself, to the same bytes', async () => {
  // No MessageChannel stands for any failure to start the zipper.
  const { page, consoleMessages } = await openPage(context, urls()['file://'], { init: () => { delete window.MessageChannel; } });
  await page.setInputFiles('[data-testid=file-input]', FIXTURE);
  await waitState(page, 'ready');
  await page.click('[data-testid=start]');
  assert.equal(await waitState(page, ['done', 'error']), 'done');
  const xlsx = await download(page, 'download-xlsx', path.join(OUT, 'no-zipper', 'cleaned.xlsx'));
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-inflated-by'), 'self');
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-zipped-by'), 'self');
  assertSameAsCli(xlsx.path);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await page.close();
});

const LARGE_LIST = path.join(OUT, 'large', 'list-40000.xlsx');

/** A generated list of 40,000 children, made once. */
function largeList() {
  if (!fs.existsSync(LARGE_LIST)) {
    fs.mkdirSync(path.dirname(LARGE_LIST), { recursive: true });
    execFileSync(path.join(ROOT, 'target', 'release', 'examples', 'make_list'), ['--rows', '40000', '--seed', '7', '-o', LARGE_LIST], { stdio: 'pipe' });
  }
  return LARGE_LIST;
}

/** The large list opened from file:// and cleaned. */
async function cleanLargeList() {
  largeList();
  const opened = await openPage(context, urls()['file://']);
  await opened.page.setInputFiles('[data-testid=file-input]', LARGE_LIST);
  await waitState(opened.page, 'ready');
  await opened.page.click('[data-testid=start]');
  assert.equal(await waitState(opened.page, ['done', 'error'], 120000), 'done');
  return opened;
}

test('a list of 40,000 children: the zipper inflates it, both workers deflate, and the workbook is still the CLI\'s', async () => {
  const { page, consoleMessages } = await cleanLargeList();
  // Read from the zipper's pieces (many more than it may send ahead), to the CLI's table.
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-inflated-by'), 'zipper');
  const xlsx = await download(page, 'download-xlsx', path.join(OUT, 'large', 'cleaned.xlsx'));
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-zipped-by'), 'zipper');
  assert.ok(Number(await page.getAttribute('[data-testid=status]', 'data-zip-pauses')) > 0, 'the writing paused for the zipper\'s returns');
  assert.ok(Number(await page.getAttribute('[data-testid=status]', 'data-zip-shared')) > 0, 'the first worker deflated some of the XML itself');
  assertSameAsCli(xlsx.path, LARGE_LIST);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await page.close();
});

test('the worker\'s memory made ready while a file is read is the memory its reading then uses', async () => {
  // The memory after opening and cleaning a list, with and without the page's word to the
  // worker that a file is coming (taken out before the page's own scripts run).
  const memoryAfterCleaning = async (init) => {
    const { page, consoleMessages } = await openPage(context, urls()['file://'], { init });
    await page.setInputFiles('[data-testid=file-input]', largeList());
    await page.waitForFunction(() => ['cleaned', 'failed'].includes(document.querySelector('[data-testid=status]').dataset.early), null, { timeout: 120000 });
    assert.equal(await page.getAttribute('[data-testid=status]', 'data-early'), 'cleaned');
    const bytes = Number(await page.getAttribute('[data-testid=status]', 'data-wasm-bytes'));
    assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
    await page.close();
    return bytes;
  };
  const told = await memoryAfterCleaning();
  const untold = await memoryAfterCleaning(() => {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, transfer) {
      if (message && message.type === 'expect') return;
      return post.call(this, message, transfer);
    };
  });
  assert.ok(untold > 0, 'the worker reports its memory');
  // Made ready and then not used, it would add three times the file's size (10 MB).
  assert.ok(told <= untold + (1 << 20), `memory with the word ${told} bytes, without it ${untold} bytes`);
});

test('right after cleaning (the workbook being written in the background), a work list and an edit: the edit is in the workbook', async () => {
  const dir = path.join(OUT, 'large-edit');
  const { page, consoleMessages } = await cleanLargeList();
  // At once, while the worker writes the workbook: an edit gives up what is left of it, and
  // a work list waits for the workbook begun in its place.
  await page.click('[data-testid=findings-table] .f-row');
  await page.waitForSelector('[data-testid=record][open]');
  const row = Number(await page.getAttribute('[data-testid=record]', 'data-row'));
  await page.fill('[data-testid=edit-B]', 'Nguyễn Văn Sửa');
  await page.click('[data-testid=record-save]');
  await page.waitForSelector('[data-testid=record][open]', { state: 'hidden' });
  await waitState(page, 'done');
  const police = sheetRows((await download(page, 'download-police', path.join(dir, 'police.xlsx'))).path).rows;
  assert.equal(police[0][0], 'Dòng gốc');
  const xlsx = await download(page, 'download-xlsx', path.join(dir, 'cleaned.xlsx'));
  const { wb, ws } = sheetRows(xlsx.path);
  assert.equal(ws[`B${row}`].v, 'Nguyễn Văn Sửa', 'the edit is in the workbook');
  const findings = XLSX.utils.sheet_to_json(wb.Sheets['Phát hiện'], { header: 1 });
  assert.ok(findings.some((r) => r[0] === row && r[1] === 'B' && r[3] === 'edit.manual'), 'kept as a manual edit');
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await page.close();
});

test('the built-in sample list is ready with one click', async () => {
  const { page, consoleMessages } = await openPage(context, urls()['file://']);
  await screenshot(page, 'file-1-start');
  await page.click('[data-testid=sample-data]');
  await waitState(page, 'ready');
  await page.click('[data-testid=start]');
  assert.equal(await waitState(page, ['done', 'error']), 'done');
  const summary = await page.textContent('[data-testid=summary]');
  assert.match(summary, /300\s*Trẻ trong danh sách/);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error'), []);
  await page.close();
});

test('a file that is not a spreadsheet gets a clear message and the page stays usable', async () => {
  const { page } = await openPage(context, urls()['file://']);
  const bad = path.join(OUT, 'not-a-list.xlsx');
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(bad, '%PDF-1.7 not a spreadsheet');
  await page.setInputFiles('[data-testid=file-input]', bad);
  assert.equal(await waitState(page, ['error', 'ready']), 'error');
  assert.match(await page.textContent('[data-testid=error-message]'), /không phải tệp bảng tính/);
  await screenshot(page, 'file-error');
  await page.setInputFiles('[data-testid=file-input]', FIXTURE);
  // The error state is still shown until the page reacts: wait for the new file's state.
  assert.equal(await waitState(page, 'ready'), 'ready');
  assert.equal(await page.isHidden('[data-testid=error-message]'), true);
  await page.close();
});

for (const scheme of ['file://', 'http://']) test(`${scheme} changing a column role changes the result`, async () => {
  const { page } = await openPage(context, urls()[scheme]);
  await page.setInputFiles('[data-testid=file-input]', FIXTURE);
  await waitState(page, 'ready');
  await page.selectOption('[data-testid=role-C]', '');
  await page.click('[data-testid=start]');
  await waitState(page, 'done');
  const report = await download(page, 'download-report', path.join(OUT, `role-change-${scheme.replace('://', '')}.json`));
  const json = JSON.parse(fs.readFileSync(report.path, 'utf8'));
  assert.equal(json.columns[2].role, null);
  assert.equal(json.findings.filter((f) => f.column === 'C').length, 0, 'the untouched column has no findings');
  // On the page too: no date of birth, so no ages and no column C in the charts.
  assert.match(await page.textContent('[data-testid=chart-pyramid]'), /Chưa có ngày sinh nào đọc được/);
  assert.equal(await page.$$eval('[data-testid=chart-complete] g.bar[data-key=C]', (g) => g.length), 0);
  assert.equal(await page.$$eval('[data-testid=filter-column] option[value=C]', (o) => o.length), 0);
  await page.close();
});

test('the Content-Security-Policy blocks any network request the page might attempt', async () => {
  const { page } = await openPage(context, urls()['http://']);
  const port = server.address().port;
  const before = server.probeHits;
  const outcome = await page.evaluate(async (p) => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    let fetched = true;
    try { await fetch(`http://127.0.0.1:${p}/probe-fetch`); } catch (e) { fetched = false; }
    await new Promise((resolve) => {
      const img = new Image();
      img.onload = img.onerror = resolve;
      img.src = `http://127.0.0.1:${p}/probe-image`;
    });
    await new Promise((r) => setTimeout(r, 200));
    return { fetched, violations };
  }, port);
  assert.equal(outcome.fetched, false, 'fetch was refused');
  assert.ok(outcome.violations.includes('connect-src'), `violations: ${outcome.violations}`);
  assert.ok(outcome.violations.includes('img-src'), `violations: ${outcome.violations}`);
  assert.equal(server.probeHits, before, 'the loopback server received nothing');
  await page.close();
});

test('review: filter the findings, open a record, edit a cell, and download the edit', async () => {
  const { page, consoleMessages } = await openPage(context, urls()['file://']);
  await page.setInputFiles('[data-testid=file-input]', path.join(ROOT, 'tests', 'fixtures', 'rules.csv'));
  await waitState(page, 'ready');
  await page.fill('[data-testid=reference-date]', '27/11/2026');
  await page.click('[data-testid=start]');
  await waitState(page, 'done');
  await page.waitForSelector('[data-testid=findings-table] .f-row');
  const total = await page.textContent('[data-testid=findings-count]');
  await page.selectOption('[data-testid=filter-severity]', 'error');
  await page.waitForFunction((t) => document.querySelector('[data-testid=findings-count]').textContent !== t, total);
  const errorsShown = await page.$$eval('[data-testid=findings-table] .f-row', (rows) => rows.map((r) => r.className));
  assert.ok(errorsShown.length > 0 && errorsShown.every((c) => c.includes('sev-error')), errorsShown.join());
  await page.fill('[data-testid=filter-search]', 'vu thi lan');
  await page.waitForFunction(() => /^[1-9]\d* /.test(document.querySelector('[data-testid=findings-count]').textContent)
    && [...document.querySelectorAll('[data-testid=findings-table] .f-row')].every((r) => r.dataset.row === '6'));
  await screenshot(page, 'file-5-review');
  // Open sheet row 6 (an impossible date) with the keyboard and fix it.
  await page.focus('[data-testid=findings-table] .f-row');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid=record][open]');
  await page.fill('[data-testid=edit-C]', '28/02/2015');
  await screenshot(page, 'file-6-record');
  await page.click('[data-testid=record-save]');
  await page.waitForSelector('[data-testid=record][open]', { state: 'hidden' });
  const xlsx = await download(page, 'download-xlsx', path.join(OUT, 'edited.xlsx'));
  const { wb, ws } = sheetRows(xlsx.path);
  assert.equal(ws.C6.v, '28/02/2015', 'the edit is in the workbook');
  const findings = XLSX.utils.sheet_to_json(wb.Sheets['Phát hiện'], { header: 1 });
  assert.ok(findings.some((r) => r[0] === 6 && r[3] === 'edit.manual' && r[5] === '31/02/2015' && r[6] === '28/02/2015'));
  assert.ok(!findings.some((r) => r[0] === 6 && r[3] === 'dob.invalid'), 'the row was checked again');
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error'), []);
  await page.close();
});

test('a name written as HTML is shown as text, never run', async () => {
  const { page } = await openPage(context, urls()['file://']);
  const file = path.join(OUT, 'hostile.csv');
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(file, 'STT,Họ và tên,Ngày sinh,Giới tính\n1,<img src=x onerror="window.__pwned=1">,01/01/2015,X\n2,Lê Văn B,02/02/2015,X\n');
  await page.setInputFiles('[data-testid=file-input]', file);
  await waitState(page, 'ready');
  await page.click('[data-testid=start]');
  await waitState(page, 'done');
  await page.fill('[data-testid=filter-search]', 'img');
  await page.waitForFunction(() => document.querySelector('[data-testid=findings-table]').textContent.includes('<img'));
  const shown = await page.textContent('[data-testid=findings-table]');
  assert.match(shown, /<img src=x onerror/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.$$eval('img', (imgs) => imgs.length), 0);
  await page.close();
});

for (const scheme of ['file://', 'http://']) test(`${scheme} the English switch translates the page`, async () => {
  const { page } = await openPage(context, urls()[scheme]);
  await page.click('[data-testid=lang-switch]');
  assert.match(await page.textContent('h2#h-file'), /Choose the list file/);
  await page.click('[data-testid=sample-data]');
  await waitState(page, 'ready');
  await page.click('[data-testid=start]');
  await waitState(page, 'done');
  assert.match(await page.textContent('[data-testid=summary]'), /Children in the list/);
  assert.match(await page.textContent('[data-testid=chart-pyramid] figcaption'), /Children by age and gender/);
  await page.waitForFunction(() => document.querySelector('[data-testid=findings-table]').textContent.includes('Excel date cell written as dd/mm/yyyy text'));
  assert.ok(!(await page.textContent('[data-testid=findings-table]')).includes('Ô ngày Excel'), 'findings in English');
  await screenshot(page, `${scheme.replace('://', '')}-7-english`);
  // The language is remembered; the next tests expect the page in Vietnamese.
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('children found in households are merged in from a second file', async () => {
  const { page } = await openPage(context, urls()['file://']);
  await page.setInputFiles('[data-testid=file-input]', path.join(ROOT, 'tests', 'fixtures', 'merge_export.csv'));
  await waitState(page, 'ready');
  await page.click('[data-testid=start]');
  await waitState(page, 'done');
  await page.setInputFiles('[data-testid=merge-input]', path.join(ROOT, 'tests', 'fixtures', 'merge_found.csv'));
  await page.waitForFunction(() => /3 trẻ/.test(document.querySelector('[data-testid=merge-result]').textContent));
  assert.match(await page.textContent('[data-testid=merge-result]'), /đã thêm 1, đã có 1, có thể đã có 1/);
  const xlsx = await download(page, 'download-xlsx', path.join(OUT, 'merged.xlsx'));
  const { wb, rows } = sheetRows(xlsx.path);
  assert.equal(rows.length, 5, 'header, three listed children, one added');
  assert.equal(rows[4][1], 'Đỗ Minh Quân');
  assert.ok(wb.SheetNames.includes('Trẻ mới phát hiện'));
  await screenshot(page, 'file-8-merged');
  await page.close();
});

test('damaged .xls files found by fuzzing get a clear message and the page stays usable', async () => {
  const { page } = await openPage(context, urls()['file://']);
  const dir = path.join(ROOT, 'tests', 'fixtures', 'fuzz');
  const crash = path.join(dir, fs.readdirSync(dir)[0]);
  const copy = path.join(OUT, 'damaged.xls');
  fs.mkdirSync(OUT, { recursive: true });
  fs.copyFileSync(crash, copy);
  await page.setInputFiles('[data-testid=file-input]', copy);
  assert.equal(await waitState(page, ['error', 'ready']), 'error');
  assert.match(await page.textContent('[data-testid=error-message]'), /bị hỏng/);
  // The page still works for the next file.
  await page.setInputFiles('[data-testid=file-input]', FIXTURE);
  assert.equal(await waitState(page, 'ready'), 'ready');
  await page.click('[data-testid=start]');
  assert.equal(await waitState(page, ['done', 'error']), 'done');
  await page.close();
});

test('privacy: only the settings are stored; no child data in storage, cookies or the console after a clean', async () => {
  const { page, consoleMessages } = await openPage(context, urls()['http://']);
  await page.setInputFiles('[data-testid=file-input]', FIXTURE);
  await waitState(page, 'ready');
  // An option changed: it is remembered (the settings are the only thing stored).
  await page.selectOption('[data-testid=tone-style]', 'new');
  await page.click('[data-testid=start]');
  await waitState(page, 'done');
  await page.fill('[data-testid=filter-search]', 'Nguyễn Văn An');
  await page.click('[data-testid=findings-table] .f-row');
  await page.waitForSelector('[data-testid=record][open]');
  await page.click('#record-close');
  await download(page, 'download-xlsx', path.join(OUT, 'privacy.xlsx'));
  const stored = await page.evaluate(async () => ({
    local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
    session: sessionStorage.length,
    cookie: document.cookie,
    databases: (await indexedDB.databases()).map((d) => d.name),
    caches: 'caches' in self ? (await caches.keys()).length : 0,
  }));
  assert.deepEqual(Object.keys(stored.local), ['lamsach.settings'], 'one key: the settings');
  const settings = JSON.parse(stored.local['lamsach.settings']);
  assert.deepEqual(settings, { lang: 'vi', tone_style: 'new', ethnicity_list: 'modern', date_output: 'text', name_casing: true, age_limit: 16 });
  assert.deepEqual({ ...stored, local: null }, { local: null, session: 0, cookie: '', databases: [], caches: 0 });
  const logged = consoleMessages.map((m) => m.text).join('\n');
  for (const name of ['Nguyễn Văn An', 'Trần Thị Bích', 'Lò Văn Páo', '079212000001', 'title_rows']) {
    assert.ok(!logged.includes(name), `"${name}" was written to the console`);
    assert.ok(!JSON.stringify(stored).includes(name), `"${name}" was stored`);
  }
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('the cleaning starts while the columns are shown: Start uses it, or cleans again when an option changed', async () => {
  const dir = path.join(OUT, 'early');
  const { page, consoleMessages } = await openPage(context, urls()['file://']);
  const early = () => page.getAttribute('[data-testid=status]', 'data-early');
  const cleanedEarly = () => page.waitForFunction(() => document.querySelector('[data-testid=status]').dataset.early === 'cleaned');
  // Nothing clicked: the worker cleans with the options as shown.
  await page.setInputFiles('[data-testid=file-input]', FIXTURE);
  await waitState(page, 'ready');
  await cleanedEarly();
  assert.equal(await page.isVisible('#step-check'), true, 'still on the column check');
  await page.click('[data-testid=start]');
  assert.equal(await waitState(page, ['done', 'error']), 'done');
  assert.equal(await early(), 'used');
  const asShown = (await download(page, 'download-xlsx', path.join(dir, 'as-shown.xlsx'))).path;
  assertSameAsCli(asShown);

  // The same file again; an option changed after its early cleaning ended: cleaned again,
  // from the file read again, with that option.
  await page.setInputFiles('[data-testid=file-input]', FIXTURE);
  await waitState(page, 'ready');
  await cleanedEarly();
  await page.selectOption('[data-testid=date-output]', 'date_cell');
  await page.click('[data-testid=start]');
  assert.equal(await waitState(page, ['done', 'error']), 'done');
  assert.equal(await early(), 'redone');
  const changed = (await download(page, 'download-xlsx', path.join(dir, 'changed.xlsx'))).path;
  const cliOut = path.join(dir, 'cli-date-cells.xlsx');
  execFileSync(CLI, ['clean', FIXTURE, '-o', cliOut, '--reference-date', today(), '--date-cells'], { stdio: 'pipe' });
  assert.ok(fs.readFileSync(changed).equals(fs.readFileSync(cliOut)), 'the workbook is the CLI\'s with date cells');
  assert.ok(!fs.readFileSync(changed).equals(fs.readFileSync(asShown)), 'and not the early cleaning\'s');
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
  await page.close();
});
