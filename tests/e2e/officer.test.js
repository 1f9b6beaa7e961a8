// The review page as a commune officer uses it, from file:// and from http://: keyboard
// only from the sample to the downloads, axe-core on every step, the charts' figures for a
// list whose answers are known, the village filter, the printed one-page summary, cancel
// in the middle of a long run, and the settings remembered (options only).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const XLSX = require('xlsx');
const { ROOT, PAGE, OUT, launch, serve, openPage, waitState, screenshot, pageUrls, sheetRows } = require('./browser');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BIG_ROWS = 300000;
const BIG = path.join(OUT, `big-${BIG_ROWS}.xlsx`);
// Four children whose figures an officer can check by hand on 25/05/2026: An has just
// turned 16, Bích is one day short of 16, Páo is a baby, Mai has no date of birth and no
// ethnic group.
const KNOWN = path.join(OUT, 'known.csv');
const KNOWN_TEXT = 'STT,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số định danh cá nhân,Thôn/Tổ,Xã/Phường\n'
  + '1,Nguyễn Văn An,25/05/2010,Nam,Kinh,079210000001,Thôn 1,Xã Tân Lập\n'
  + '2,Trần Thị Bích,26/05/2010,Nữ,Tày,,Thôn 1,Xã Tân Lập\n'
  + '3,Lò Văn Páo,01/01/2026,Nam,Kinh,,Thôn 2,Xã Tân Lập\n'
  + '4,Hà Thị Mai,,Nữ,,,Thôn 2,Xã Tân Lập\n';

let context;
let server;
test.before(async () => {
  assert.ok(fs.existsSync(PAGE), `${PAGE} is missing: run scripts/build`);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(KNOWN, KNOWN_TEXT);
  if (!fs.existsSync(BIG)) {
    // Big enough that the cleaning still runs when Cancel is pressed, after the checks of
    // the progress step (axe, a screenshot): 120,000 rows were cleaned in about a second,
    // too close to the checks' own time.
    execFileSync(path.join(ROOT, 'target', 'release', 'examples', 'make_list'), ['--rows', String(BIG_ROWS), '--seed', '7', '-o', BIG]);
  }
  context = await launch();
  server = await serve();
});
test.after(async () => {
  if (context) await context.close();
  if (server) server.close();
});

const urls = () => pageUrls(server);
const tag = (scheme) => scheme.replace('://', '');

/** Serious and critical axe-core violations on the page as it is now. */
async function axeViolations(page) {
  // The page's CSP allows no injected <script>; evaluating the source through the
  // debugging protocol is not a page script, so it is not blocked.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
    assert.equal(await page.evaluate(() => typeof window.axe && typeof window.axe.run), 'function', 'axe-core injected');
  }
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + n.failureSummary) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

async function assertAccessible(page, step) {
  const bad = await axeViolations(page);
  assert.deepEqual(bad, [], `axe-core on the ${step} step: ${JSON.stringify(bad, null, 1)}`);
}

/** What has the focus, and whether it is visibly marked. */
function focusInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', visible: false };
    const ring = (e) => {
      const cs = getComputedStyle(e);
      return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
    };
    // A visually hidden file input shows its focus on its label.
    const marked = ring(el) || (!!el.closest('label') && ring(el.closest('label')));
    return {
      tag: el.tagName.toLowerCase(), id: el.id, testid: el.dataset.testid || '', index: el.dataset.index,
      visible: marked, inDialog: !!el.closest('dialog'),
    };
  });
}

/** Presses Tab (or Shift+Tab) until `selector` has the focus; every stop must show it. */
async function tabTo(page, selector, { back = false, max = 80 } = {}) {
  for (let i = 0; i <= max; i++) {
    const here = await page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), selector);
    if (here) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focusInfo(page);
    if (f.tag !== 'body') assert.ok(f.visible, `focus is not visible on ${JSON.stringify(f)}`);
  }
  throw new Error(`${selector} cannot be reached with the Tab key`);
}

async function keyDownload(page, key, to) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press(key)]);
  await dl.saveAs(to);
  return to;
}

for (const scheme of ['file://', 'http://']) {
  test(`${scheme} keyboard only, with axe-core on every step: sample → check → clean → review → record → edit → save → downloads`, async () => {
    const { page, consoleMessages } = await openPage(context, urls()[scheme]);
    const shot = (name) => screenshot(page, `${tag(scheme)}-kb-${name}`);
    await waitState(page, 'idle');
    await assertAccessible(page, 'file');

    // Step 1: the sample button, reached and pressed with the keyboard.
    await tabTo(page, '[data-testid=sample-data]');
    await shot('1-start');
    await page.keyboard.press('Enter');
    await waitState(page, 'ready');
    assert.equal((await focusInfo(page)).id, 'h-check', 'focus moves to the column check');
    await assertAccessible(page, 'check');
    await shot('2-check');
    const dobLetter = await page.$eval('#columns', (t) => [...t.querySelectorAll('select')].find((s) => s.value === 'date_of_birth').dataset.column);

    // Step 2: the reference date typed in dd/mm/yyyy, then Start with the Space bar.
    await tabTo(page, '[data-testid=reference-date]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('27/11/2026');
    await tabTo(page, '[data-testid=start]');
    await page.keyboard.press('Space');
    assert.equal(await waitState(page, ['done', 'error']), 'done');
    assert.equal((await focusInfo(page)).id, 'h-done', 'focus moves to the results');
    await page.waitForSelector('[data-testid=findings-table] .f-row');
    await assertAccessible(page, 'review');
    await shot('4-review');

    // The findings table is one tab stop; the arrow keys move inside it.
    await tabTo(page, '[data-testid=findings-table] .f-row');
    assert.equal((await focusInfo(page)).index, '0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal((await focusInfo(page)).index, '2', 'ArrowDown moves down the findings');
    await page.keyboard.press('ArrowUp');
    assert.equal((await focusInfo(page)).index, '1');
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.index
      === String(Number(document.querySelector('[data-testid=findings-count]').textContent.replace(/\D/g, '')) - 1));
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.index === '0');

    // Escape closes the record and gives the focus back to the row.
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=record][open]');
    assert.ok((await focusInfo(page)).inDialog, 'focus moves into the record');
    await assertAccessible(page, 'record dialog');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=record][open]', { state: 'hidden' });
    // The dialog's close event comes a task later.
    await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.index === '0', null, { timeout: 2000 });
    assert.ok((await focusInfo(page)).visible, 'focus back on the row, visibly');

    // The dialog keeps the focus: Tab from its last control comes back to its first.
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-testid=record][open]');
    const row = Number(await page.getAttribute('[data-testid=record]', 'data-row'));
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await focusInfo(page);
      assert.ok(f.inDialog, `Tab left the dialog: ${JSON.stringify(f)}`);
      assert.ok(f.visible, `focus is not visible on ${JSON.stringify(f)}`);
    }
    await tabTo(page, '#record-close');
    await page.keyboard.press('Tab');
    assert.equal((await focusInfo(page)).tag, 'input', 'Tab wraps to the first field');
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focusInfo(page)).id, 'record-close', 'Shift+Tab wraps to the last button');

    // Edit the date of birth and save with the keyboard.
    await tabTo(page, `[data-testid=edit-${dobLetter}]`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('25/05/2015');
    await screenshot(page, `${tag(scheme)}-kb-6-record`, { fullPage: false });
    await tabTo(page, '[data-testid=record-save]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=record][open]', { state: 'hidden' });
    await waitState(page, 'done');
    await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('f-row'), null, { timeout: 2000 });

    // Downloads, each reached with Tab and pressed with Enter.
    const dir = path.join(OUT, 'kb-' + tag(scheme));
    fs.mkdirSync(dir, { recursive: true });
    await tabTo(page, '[data-testid=download-xlsx]');
    const xlsx = await keyDownload(page, 'Enter', path.join(dir, 'cleaned.xlsx'));
    const { wb, ws } = sheetRows(xlsx);
    assert.equal(ws[`${dobLetter}${row}`].v, '25/05/2015', 'the edit is in the workbook');
    const findings = XLSX.utils.sheet_to_json(wb.Sheets['Phát hiện'], { header: 1 });
    assert.ok(findings.some((r) => r[0] === row && r[1] === dobLetter && r[3] === 'edit.manual' && r[6] === '25/05/2015'), 'kept as a manual edit');
    await tabTo(page, '[data-testid=download-police]');
    const police = sheetRows(await keyDownload(page, 'Enter', path.join(dir, 'police.xlsx'))).rows;
    assert.equal(police[0][0], 'Dòng gốc');
    await tabTo(page, '[data-testid=download-household]');
    const household = XLSX.read(fs.readFileSync(await keyDownload(page, 'Enter', path.join(dir, 'household.xlsx'))));
    assert.ok(household.SheetNames.length >= 1);
    await tabTo(page, '[data-testid=download-report]');
    const report = JSON.parse(fs.readFileSync(await keyDownload(page, 'Enter', path.join(dir, 'report.json')), 'utf8'));
    assert.ok(report.findings.some((f) => f.code === 'edit.manual' && f.row === row));
    // The printed summary of a real-sized list still fits one A4 page.
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
    await tabTo(page, '[data-testid=print-summary]');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => window.__printed), true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    assert.equal((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length, 1, 'one A4 page');
    // Shift+Tab walks back up the page.
    await tabTo(page, '[data-testid=filter-severity]', { back: true });

    assert.deepEqual(consoleMessages.filter((m) => m.type === 'error' || m.type === 'pageerror'), []);
    await page.close();
  });

  test(`${scheme} charts show the right figures for a known list; the village filter; the printed summary fits one page`, async () => {
    const { page, requests } = await openPage(context, urls()[scheme]);
    await page.setInputFiles('[data-testid=file-input]', KNOWN);
    await waitState(page, 'ready');
    await page.fill('[data-testid=reference-date]', '25/05/2026');
    await page.click('[data-testid=start]');
    assert.equal(await waitState(page, ['done', 'error']), 'done');
    await page.waitForSelector('[data-testid=chart-pyramid] g.band');

    const bands = await page.$$eval('[data-testid=chart-pyramid] g.band', (gs) => Object.fromEntries(gs.map((g) => [g.dataset.age, [Number(g.dataset.male), Number(g.dataset.female)]])));
    assert.equal(Object.keys(bands).length, 17, 'ages 0 to 15 and 16+');
    assert.deepEqual(bands['16+'], [1, 0], 'Nguyễn Văn An turned 16 on 25/05/2026');
    assert.deepEqual(bands['15'], [0, 1], 'Trần Thị Bích is 15');
    assert.deepEqual(bands['0'], [1, 0], 'Lò Văn Páo is a baby');
    const drawn = Object.values(bands).reduce((a, [m, f]) => a + m + f, 0);
    assert.equal(drawn, 3, 'Hà Thị Mai has no date of birth and is not drawn');
    const pyramidNote = await page.textContent('[data-testid=chart-pyramid] figcaption');
    assert.match(pyramidNote, /tuổi tính đến 25\/05\/2026/);
    assert.match(pyramidNote, /1 trẻ chưa rõ ngày sinh/);

    const bars = (id) => page.$$eval(`[data-testid=${id}] g.bar`, (gs) => gs.map((g) => [g.dataset.key, Number(g.dataset.value), g.querySelector('text.val').textContent]));
    assert.deepEqual(await bars('chart-ethnic'), [['Kinh', 2, '2 (50%)'], ['Tày', 1, '1 (25%)'], ['__missing', 1, '1 (25%)']]);
    const complete = Object.fromEntries((await bars('chart-complete')).map(([k, v, s]) => [k, [v, s]]));
    assert.deepEqual(complete.B, [100, '100%'], 'every child has a name');
    assert.deepEqual(complete.C, [75, '75%'], 'three of four have a date of birth');
    assert.deepEqual(complete.F, [25, '25%'], 'one of four has an ID');

    const report = JSON.parse(fs.readFileSync(await (async () => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-report]')]);
      const to = path.join(OUT, `known-${tag(scheme)}.json`);
      await dl.saveAs(to);
      return to;
    })(), 'utf8'));
    const expected = Object.entries(report.summary.by_rule).sort((a, b) => b[1] - a[1]).slice(0, 10);
    const ruleBars = (await bars('chart-rules')).map(([k, v]) => [k, v]);
    assert.deepEqual(ruleBars.map(([, v]) => v), expected.map(([, v]) => v), 'bars are the counts of the report, most first');
    assert.deepEqual(new Set(ruleBars.map(([k]) => k)), new Set(expected.map(([k]) => k)));
    assert.ok(ruleBars.some(([k]) => k === 'dob.missing'));
    await screenshot(page, `${tag(scheme)}-charts`);

    // The village filter: only Thôn 2's children (sheet rows 4 and 5; Páo's row 4 has
    // nothing to report).
    assert.equal(await page.isVisible('[data-testid=filter-village]'), true);
    const options = await page.$$eval('[data-testid=filter-village] option', (os) => os.map((o) => o.textContent));
    assert.deepEqual(options, ['Mọi thôn', 'Thôn 1 (2 trẻ)', 'Thôn 2 (2 trẻ)']);
    const all = await page.textContent('[data-testid=findings-count]');
    await page.selectOption('[data-testid=filter-village]', 'Thôn 2');
    await page.waitForFunction((t) => document.querySelector('[data-testid=findings-count]').textContent !== t, all);
    const rows = await page.$$eval('[data-testid=findings-table] .f-row', (rs) => rs.map((r) => r.dataset.row));
    assert.ok(rows.length > 0);
    assert.deepEqual([...new Set(rows)].sort(), ['5']);
    const inVillage2 = report.findings.filter((f) => f.row === 4 || f.row === 5).length;
    assert.equal(await page.textContent('[data-testid=findings-count]'), `${inVillage2} phát hiện`);
    await page.selectOption('[data-testid=filter-village]', '');
    await page.waitForFunction((t) => document.querySelector('[data-testid=findings-count]').textContent === t, all);

    // The printed summary: title, file, dates, counts, charts, two signatures, one A4 page.
    await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
    await page.click('[data-testid=print-summary]');
    assert.equal(await page.evaluate(() => window.__printed), 1, 'the button opens the print dialog');
    const sheet = await page.textContent('[data-testid=print-sheet]');
    for (const text of ['Bản tổng hợp kết quả làm sạch', 'known.csv', '25/05/2026', 'Người lập biểu', 'Chủ tịch UBND xã',
      'Cộng hòa xã hội chủ nghĩa Việt Nam', 'Trẻ trong danh sách']) {
      assert.ok(sheet.includes(text), `the summary shows "${text}"`);
    }
    assert.equal(await page.$$eval('[data-testid=print-sheet] svg', (s) => s.length), 4, 'the four charts');
    assert.equal(await page.isVisible('[data-testid=print-sheet]'), false, 'not shown on screen');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.isVisible('[data-testid=print-sheet]'), true);
    assert.equal(await page.isVisible('#step-done'), false, 'only the summary is printed');
    await page.setViewportSize({ width: 794, height: 1123 });
    await screenshot(page, `${tag(scheme)}-print`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, 'the summary fits one A4 page');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1366, height: 768 });
    assert.deepEqual(requests.filter((u) => u !== urls()[scheme] && !u.startsWith('blob:') && !u.startsWith('data:')), []);
    await page.close();
  });

  test(`${scheme} cancel in the middle of a long run returns to the check at once; the page still cleans`, async () => {
    const { page } = await openPage(context, urls()[scheme]);
    await page.setInputFiles('[data-testid=file-input]', BIG);
    await waitState(page, 'ready');
    await page.click('[data-testid=start]');
    await page.waitForFunction(() => document.querySelector('[data-testid=progress]').value > 0);
    assert.match(await page.textContent('#progress-text'), /^Kiểm tra: [\d.]+ \/ 300\.\d{3} dòng/);
    await assertAccessible(page, 'progress');
    await screenshot(page, `${tag(scheme)}-3-progress`);
    assert.equal(await page.getAttribute('[data-testid=status]', 'data-state'), 'working', 'still cleaning: axe saw the progress step');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'cancel', 'focus on Cancel');
    const t0 = Date.now();
    await page.keyboard.press('Enter');
    assert.equal(await waitState(page, ['ready', 'done', 'error']), 'ready');
    const took = Date.now() - t0;
    assert.equal(await page.isVisible('#step-check'), true);
    assert.equal(await page.isVisible('#step-done'), false, 'the run did not finish');
    assert.equal(await page.textContent('[data-testid=status]'), 'Đã huỷ.');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'start', 'focus on Start, to try again');
    assert.equal(await page.getAttribute('[data-testid=status]', 'data-early'), 'none', 'no cleaning started by itself after a cancel');
    assert.ok(took < 15000, `cancel took ${took} ms`);
    // The worker was replaced: a second run finishes, with Vietnamese thousands.
    await page.click('[data-testid=start]');
    assert.equal(await waitState(page, ['done', 'error'], 180000), 'done');
    assert.match(await page.textContent('[data-testid=summary]'), /300\.000\s*Trẻ trong danh sách/);
    await page.close();
  });
}

test('settings are remembered: options and language, nothing else', async () => {
  const { page } = await openPage(context, urls()['file://']);
  try {
    await page.setInputFiles('[data-testid=file-input]', KNOWN);
    await waitState(page, 'ready');
    await page.selectOption('[data-testid=tone-style]', 'new');
    await page.selectOption('[data-testid=ethnicity-list]', 'codes2008');
    await page.selectOption('[data-testid=date-output]', 'date_cell');
    await page.uncheck('[data-testid=name-casing]');
    await page.fill('[data-testid=age-limit]', '15');
    await page.dispatchEvent('[data-testid=age-limit]', 'change');
    await page.click('[data-testid=lang-switch]');
    await page.reload();
    await waitState(page, 'idle');
    assert.match(await page.textContent('h2#h-file'), /Choose the list file/, 'the language is remembered');
    await page.setInputFiles('[data-testid=file-input]', KNOWN);
    await waitState(page, 'ready');
    assert.equal(await page.inputValue('[data-testid=tone-style]'), 'new');
    assert.equal(await page.inputValue('[data-testid=ethnicity-list]'), 'codes2008');
    assert.equal(await page.inputValue('[data-testid=date-output]'), 'date_cell');
    assert.equal(await page.isChecked('[data-testid=name-casing]'), false);
    assert.equal(await page.inputValue('[data-testid=age-limit]'), '15');
    // Clean a list: still only the settings are stored.
    await page.click('[data-testid=start]');
    await waitState(page, 'done');
    const stored = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
    assert.deepEqual(Object.keys(stored), ['lamsach.settings']);
    assert.deepEqual(JSON.parse(stored['lamsach.settings']), {
      lang: 'en', tone_style: 'new', ethnicity_list: 'codes2008', date_output: 'date_cell', name_casing: false, age_limit: 15,
    });
  } finally {
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }
});

test('a reference date that is not a day gets a plain message and nothing starts', async () => {
  const { page } = await openPage(context, urls()['file://']);
  await page.setInputFiles('[data-testid=file-input]', KNOWN);
  await waitState(page, 'ready');
  assert.match(await page.inputValue('[data-testid=reference-date]'), /^\d{2}\/\d{2}\/\d{4}$/, 'today, as dd/mm/yyyy');
  await page.fill('[data-testid=reference-date]', '31/02/2026');
  await page.click('[data-testid=start]');
  assert.match(await page.textContent('[data-testid=error-message]'), /ngày\/tháng\/năm, ví dụ 25\/05\/2026/);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'reference-date');
  assert.equal(await page.isVisible('#step-check'), true);
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-state'), 'ready');
  await page.close();
});
