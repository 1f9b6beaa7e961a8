// The page's thread: it only draws and talks to the worker. Cell values are only ever put
// in the page as text (textContent), never as HTML.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  let lang = 'vi';
  const t = (key, vars) => {
    let s = (I18N[lang] && I18N[lang][key]) || I18N.vi[key] || key;
    if (vars) for (const k of Object.keys(vars)) s = s.split('{' + k + '}').join(String(vars[k]));
    return s;
  };

  // ---- the worker, built from inline text so it works from file:// ----
  const glueText = $('glue').textContent;
  const workerText = $('worker-src').textContent;
  const workerUrl = URL.createObjectURL(new Blob([glueText, '\n;\n', workerText], { type: 'text/javascript' }));
  let modulePromise = null;
  let worker = null;
  let nextId = 1;
  const pending = new Map(); // id → {resolve, reject, onProgress}

  // The module is inlined gzipped; inflating it needs no network (a Response over a local
  // stream is not a fetch).
  function wasmModule() {
    if (!modulePromise) {
      const gz = base64ToBytes($('wasm-b64').textContent.trim());
      const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
      modulePromise = new Response(stream).arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
    }
    return modulePromise;
  }

  function base64ToBytes(b64) {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }

  // Two workers: one reads, cleans and makes the workbook's XML; the zipper deflates that
  // XML as it comes, on the other core. They talk over a channel of their own.
  let zipper = null;
  let starting = null;
  function startWorker() {
    if (!starting) {
      starting = (async () => {
        const module = await wasmModule();
        worker = new Worker(workerUrl);
        worker.onmessage = onWorkerMessage;
        worker.onerror = (e) => { e.preventDefault(); onCrash(e.message || 'worker error'); };
        await request({ type: 'init', module });
        startZipper(module);
      })().finally(() => { starting = null; });
    }
    return starting;
  }

  // Without a zipper (it failed to start, or died) the first worker zips by itself.
  function startZipper(module) {
    try {
      zipper = new Worker(workerUrl);
      zipper.onerror = (e) => { e.preventDefault(); onCrash(e.message || 'zipper error'); };
      const channel = new MessageChannel();
      zipper.postMessage({ type: 'init', module });
      zipper.postMessage({ type: 'zipper', port: channel.port2 }, [channel.port2]);
      worker.postMessage({ type: 'connect', port: channel.port1 }, [channel.port1]);
    } catch (err) {
      stopZipper();
    }
  }

  function stopZipper() {
    if (zipper) zipper.terminate();
    zipper = null;
  }

  function rejectAll(reason) {
    for (const p of pending.values()) p.reject(Object.assign({ during: p.type }, reason));
    pending.clear();
  }

  function stopWorker() {
    if (worker) worker.terminate();
    worker = null;
    early = null;
    stopZipper();
    rejectAll({ cancelled: true });
  }

  function request(message, transfer, onProgress) {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, onProgress, type: message.type });
      worker.postMessage(Object.assign({ id }, message), transfer || []);
    });
  }

  function onWorkerMessage(event) {
    const m = event.data;
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') { if (p.onProgress) p.onProgress(m); return; }
    pending.delete(m.id);
    // The worker's wasm memory (a high-water mark), for benchmarks; no child data.
    if (m.wasm_bytes) $('status').dataset.wasmBytes = String(m.wasm_bytes);
    // How long the worker spent on each kind of request (benchmarks: the page's own cost is
    // the rest); durations only.
    // Which worker zipped the last workbook (tests: the second one, when it could start).
    if (m.zipped_by) $('status').dataset.zippedBy = m.zipped_by;
    // Which worker inflated the last file's large parts (tests: the second one, when it could start).
    if (m.inflated_by) $('status').dataset.inflatedBy = m.inflated_by;
    if (m.zip_pauses != null) $('status').dataset.zipPauses = String(m.zip_pauses);
    // How many writes of XML the first worker deflated itself while the zipper was busy.
    if (m.zip_shared != null) $('status').dataset.zipShared = String(m.zip_shared);
    if (m.worker_ms != null) {
      const spent = JSON.parse($('status').dataset.workerMs || '{}');
      spent[p.type] = (spent[p.type] || 0) + m.worker_ms;
      $('status').dataset.workerMs = JSON.stringify(spent);
    }
    if (m.type === 'error') p.reject({ error: m.error });
    else if (m.type === 'crash') { p.reject({ crash: m.message, during: p.type }); restartAfterCrash(); }
    else p.resolve(m);
  }

  function onCrash(message) {
    rejectAll({ crash: message });
    restartAfterCrash();
  }

  // A panic leaves the wasm instance unusable: throw the worker away, start a fresh one.
  function restartAfterCrash() {
    if (worker) worker.terminate();
    worker = null;
    early = null;
    stopZipper();
    rejectAll({ crash: 'restarted' });
    startWorker().catch(() => {});
  }

  // A worker still starting is waited for: its zipper is connected when it has started.
  async function ensureWorker() { if (starting) await starting; if (!worker) await startWorker(); }

  // ---- numbers and dates, Vietnamese style (1.234; 25/05/2010) ----
  const formatters = {};
  const locale = () => (lang === 'vi' ? 'vi-VN' : 'en-GB');
  function numberFormat(kind) {
    const key = lang + kind;
    if (!formatters[key]) {
      formatters[key] = kind === 'pct'
        ? new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 })
        : new Intl.NumberFormat(locale());
    }
    return formatters[key];
  }
  const fmt = (n) => numberFormat('n').format(n);
  const pct = (part, whole) => numberFormat('pct').format(whole ? part / whole : 0);
  const pad2 = (n) => String(n).padStart(2, '0');
  const dmy = (d) => pad2(d.getDate()) + '/' + pad2(d.getMonth() + 1) + '/' + d.getFullYear();
  /** "25/5/2010" → "2010-05-25" (what the core reads), or null when it is not a real day. */
  function isoFromDmy(text) {
    const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text || '');
    if (!m) return null;
    const d = Number(m[1]); const mo = Number(m[2]); const y = Number(m[3]);
    const date = new Date(y, mo - 1, d);
    if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
    return y + '-' + pad2(mo) + '-' + pad2(d);
  }

  // ---- settings remembered on this computer: options only, never child data ----
  const SETTINGS_KEY = 'lamsach.settings';
  const SETTINGS = {
    tone_style: { id: 'tone', ok: (v) => ['keep', 'new', 'old'].includes(v) },
    ethnicity_list: { id: 'ethnic-list', ok: (v) => ['modern', 'codes1979', 'codes2008'].includes(v) },
    date_output: { id: 'date-output', ok: (v) => ['text', 'date_cell'].includes(v) },
    name_casing: { id: 'casing', ok: (v) => typeof v === 'boolean' },
    age_limit: { id: 'age-limit', ok: (v) => Number.isInteger(v) && v >= 1 && v <= 18 },
  };
  function loadSettings() {
    let saved = null;
    try { saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) || 'null'); } catch (e) { saved = null; }
    if (!saved || typeof saved !== 'object') return;
    if (saved.lang === 'vi' || saved.lang === 'en') lang = saved.lang;
    for (const key of Object.keys(SETTINGS)) {
      const v = saved[key];
      if (!SETTINGS[key].ok(v)) continue;
      const el = $(SETTINGS[key].id);
      if (el.type === 'checkbox') el.checked = v; else el.value = String(v);
    }
  }
  function saveSettings() {
    const s = { lang };
    for (const key of Object.keys(SETTINGS)) {
      const el = $(SETTINGS[key].id);
      const v = el.type === 'checkbox' ? el.checked : el.type === 'number' ? Number(el.value) : el.value;
      if (SETTINGS[key].ok(v)) s[key] = v;
    }
    try { localStorage.setItem(SETTINGS_KEY, JSON.stringify(s)); } catch (e) { /* storage off: nothing to remember */ }
  }
  for (const key of Object.keys(SETTINGS)) $(SETTINGS[key].id).addEventListener('change', saveSettings);

  // ---- state ----
  let file = null;      // {name, blob}: a File reads from disk again when needed, so the page holds no copy of the list
  let info = null;      // the worker's inspection of the file
  let roles = [];
  let summary = null;
  let stats = null;     // the core's figures for the charts and the printed summary
  // The cleaning started as soon as the columns are shown, with the options as they stand:
  // {key (the options), reply, last (progress), show (where progress goes once Start is
  // clicked)}. When the officer starts without changing them, it is done or well on its way.
  let early = null;
  let tableTaken = false; // a cleaning took the file's table since it was read: read it again first

  function setStatus(state, key) {
    const s = $('status');
    s.dataset.state = state;
    s.textContent = key ? t(key) : '';
  }

  function showError(err, focus) {
    const box = $('error');
    if (!err) { box.hidden = true; box.textContent = ''; return; }
    let text;
    if (err.error) text = lang === 'vi' ? err.error.message_vi : err.error.message_en;
    else if (err.crash && err.during === 'open') text = t('crash_open');
    else if (err.crash) text = t('crash');
    else if (err.key) text = t(err.key);
    else text = t('unexpected', { detail: String(err.message || err) });
    box.textContent = text;
    box.hidden = false;
    if (focus !== false) box.focus();
  }

  function show(step) {
    for (const id of ['step-check', 'step-work', 'step-done']) $(id).hidden = id !== step;
    // Once a list is open, the file step shrinks to one line.
    $('step-file').classList.toggle('has-file', !!step);
  }

  // Resolves once the next frame has been drawn; at once on a hidden page (it draws none),
  // and after 200 ms at most should the browser hold frames back for another reason.
  function afterNextFrame() {
    if (document.hidden) return Promise.resolve();
    return new Promise((resolve) => {
      requestAnimationFrame(() => setTimeout(resolve, 0));
      setTimeout(resolve, 200);
    });
  }

  // The step just shown gets its status and the focus once a frame has laid it out: moving
  // the focus at once would lay the page out inside the task that built the step, one long
  // task instead of two short ones (about 75 ms together on a slow laptop). Nothing happens
  // if another step was shown meanwhile (a new file, a cancel).
  async function settle(step, state, key, focusId) {
    await afterNextFrame();
    if ($(step).hidden) return;
    setStatus(state, key);
    $(focusId).focus();
  }

  // ---- step 1: a file ----
  // The file read afresh and handed over (transferred, not copied) to the worker; `reading`:
  // its bytes, already being read (while the workers start).
  async function readFile(sheet, reading) {
    const bytes = await (reading || file.blob.arrayBuffer());
    const reply = await request({ type: 'open', bytes, name: file.name, options: { sheet: sheet || null } }, [bytes]);
    tableTaken = false;
    return reply;
  }

  // `cleanEarly`: start cleaning as soon as the columns are shown (not after a cancel: the
  // officer stopped a cleaning, the page does not start another by itself).
  async function openFile(name, blob, sheet, focusAfter, readyKey, cleanEarly = true) {
    showError(null);
    file = { name, blob };
    early = null;
    setStatus('working', 'st_loading');
    show(null);
    try {
      // A province's file takes about 100 ms to read: read while the workers start (they
      // may still be starting when a file is dropped right after the page opened).
      const opened = file;
      const reading = blob.arrayBuffer();
      reading.catch(() => {});
      await ensureWorker();
      request({ type: 'expect', name, size: blob.size }).catch(() => {});
      const reply = await readFile(sheet, reading);
      info = reply.info;
      roles = reply.roles;
      renderCheck();
      earlyState('none');
      show('step-check');
      await settle('step-check', 'ready', readyKey || 'st_ready', focusAfter || 'h-check');
      // Once the columns are drawn (drawing them while both workers clean took the page's
      // thread over 100 ms on a slow laptop), unless Start came first or another file.
      if (cleanEarly && file === opened && !tableTaken && !$('step-check').hidden) startEarly();
    } catch (err) {
      if (err && err.cancelled) return;
      showError(err);
      setStatus('error', 'st_error');
    }
  }

  $('file').addEventListener('change', async (e) => {
    const f = e.target.files && e.target.files[0];
    if (!f) return;
    openFile(f.name, f);
    e.target.value = '';
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer.files && e.dataTransfer.files[0];
    if (f) openFile(f.name, f);
  });
  $('sample').addEventListener('click', () => {
    const bytes = base64ToBytes($('sample-b64').textContent.trim());
    openFile(t('sample_file'), new Blob([bytes]));
  });

  // ---- step 2: check the columns ----
  function renderCheck() {
    $('file-info').textContent = t('file_info', {
      file: info.file_name, sheet: info.sheet, rows: fmt(info.rows),
      h: info.header_first === info.header_last ? info.header_first + 1 : (info.header_first + 1) + '–' + (info.header_last + 1),
      d: info.data_start + 1,
    });
    const sheetSel = $('sheet');
    sheetSel.replaceChildren();
    for (const name of info.sheets) {
      const o = document.createElement('option');
      o.value = name; o.textContent = name; o.selected = name === info.sheet;
      sheetSel.appendChild(o);
    }
    $('sheet-row').hidden = info.sheets.length < 2;

    const body = $('columns').tBodies[0];
    // A language switch redraws the table: keep the roles already chosen.
    const chosen = {};
    for (const sel of body.querySelectorAll('select')) chosen[sel.dataset.column] = sel.value;
    body.replaceChildren();
    // One list of roles, copied for each column rather than made option by option again.
    const choices = document.createElement('select');
    choices.appendChild(new Option(t('role_none'), ''));
    for (const r of roles) choices.appendChild(new Option(lang === 'vi' ? r.vi : r.en, r.key));
    const rows = document.createDocumentFragment();
    for (const col of info.columns) {
      const tr = document.createElement('tr');
      const letter = document.createElement('td'); letter.textContent = col.letter;
      const header = document.createElement('td'); header.textContent = col.header;
      const roleCell = document.createElement('td');
      const select = choices.cloneNode(true);
      select.dataset.column = col.letter;
      select.dataset.testid = 'role-' + col.letter;
      select.setAttribute('aria-label', t('role_of', { letter: col.letter, header: col.header }));
      const current = col.letter in chosen ? chosen[col.letter] : (col.role || '');
      select.value = current;
      tr.className = select.value ? '' : 'unmapped';
      select.addEventListener('change', () => { tr.className = select.value ? '' : 'unmapped'; });
      roleCell.appendChild(select);
      const sample = document.createElement('td');
      sample.textContent = info.preview.map((row) => row[col.index] || '').filter(Boolean).slice(0, 2).join(' · ');
      tr.append(letter, header, roleCell, sample);
      rows.appendChild(tr);
    }
    body.appendChild(rows);
    const ref = $('refdate');
    if (!ref.value) ref.value = dmy(new Date());
  }

  $('sheet').addEventListener('change', (e) => openFile(file.name, file.blob, e.target.value, 'sheet'));

  function chosenOptions() {
    const columns = [];
    for (const select of $('columns').querySelectorAll('select')) {
      const col = info.columns.find((c) => c.letter === select.dataset.column);
      const was = col && col.role ? col.role : '';
      if (select.value !== was) columns.push([select.value || 'ignore', select.dataset.column]);
    }
    // Roles moved onto another column are applied after the ones taken away.
    columns.sort((a, b) => (a[0] === 'ignore' ? 0 : 1) - (b[0] === 'ignore' ? 0 : 1));
    return {
      sheet: info.sheet,
      reference_date: isoFromDmy($('refdate').value),
      age_limit: Number($('age-limit').value) || 16,
      tone_style: $('tone').value,
      ethnicity_list: $('ethnic-list').value,
      date_output: $('date-output').value,
      name_casing: $('casing').checked,
      columns,
      lang,
    };
  }

  // ---- step 3: clean ----
  // The checks Start makes of the options, as a message key (null: they are fine).
  function badOption() {
    if (!isoFromDmy($('refdate').value)) return 'bad_ref_date';
    const age = Number($('age-limit').value);
    if (!Number.isInteger(age) || age < 1 || age > 18) return 'bad_age_limit';
    return null;
  }

  // How the last cleaning started early went (tests): cleaning, cleaned, failed, then used
  // or redone (an option changed); none until one starts (none starts after a cancel).
  const earlyState = (state) => { $('status').dataset.early = state; };

  function startEarly() {
    early = null;
    if (badOption()) return;
    const options = chosenOptions();
    const e = { key: JSON.stringify(options), last: null, show: null };
    e.reply = request({ type: 'clean', options }, [], (p) => { e.last = p; if (e.show) e.show(p); });
    earlyState('cleaning');
    // A failure is reported if and when the officer starts.
    e.reply.then(() => { if (early === e) earlyState('cleaned'); }, () => { if (early === e) earlyState('failed'); });
    tableTaken = true;
    early = e;
  }

  // The cleaning for `options`: the one started early if they are its options; else a new
  // one, on the file read again if a cleaning took its table.
  async function cleaning(options, onProgress) {
    const e = early;
    early = null;
    if (e && e.key === JSON.stringify(options)) {
      earlyState('used');
      e.show = onProgress;
      if (e.last) onProgress(e.last);
      return e.reply;
    }
    if (e) earlyState('redone');
    if (tableTaken) await readFile(info.sheet);
    tableTaken = true;
    return request({ type: 'clean', options }, [], onProgress);
  }

  $('start').addEventListener('click', async () => {
    showError(null);
    const ref = $('refdate');
    const bad = badOption();
    if (bad === 'bad_ref_date') {
      ref.setAttribute('aria-invalid', 'true');
      showError({ key: bad }, false);
      ref.focus();
      return;
    }
    ref.removeAttribute('aria-invalid');
    if (bad) {
      showError({ key: bad }, false);
      $('age-limit').focus();
      return;
    }
    show('step-work');
    setStatus('working', 'st_working');
    $('progress').value = 0;
    $('progress-text').textContent = '';
    $('cancel').focus();
    const startedAt = performance.now();
    try {
      await ensureWorker();
      const reply = await cleaning(chosenOptions(), (p) => {
        const frac = p.total ? p.done / p.total : 0;
        $('progress').value = frac;
        let text = t('progress', { stage: t('stage_' + p.stage), done: fmt(p.done), total: fmt(p.total) });
        const elapsed = (performance.now() - startedAt) / 1000;
        if (p.stage === 'check' && frac > 0.05 && frac < 1 && elapsed > 1) {
          text += ' · ' + t('time_left', { s: fmt(Math.max(1, Math.round(elapsed / frac * (1 - frac)))) });
        } else if (p.stage === 'check' && p.total && p.done >= p.total) {
          text += ' · ' + t('progress_finishing');
        }
        $('progress-text').textContent = text;
      });
      summary = reply.summary;
      await refreshStatistics();
      // Drawn in three frames: the summary, its charts, the findings table. While both
      // workers write the workbook, the first frame of the step took 50-64 ms in a quarter
      // of the runs on a 34,000-row list with the charts in it, and the findings table's
      // layout in the same task made one of up to 99 ms.
      renderSummary(false);
      show('step-done');
      await afterNextFrame();
      renderCharts();
      await afterNextFrame();
      await resetTable();
      await settle('step-done', 'done', 'st_done', 'h-done');
    } catch (err) {
      if (err && err.cancelled) return;
      show('step-check');
      showError(err);
      setStatus('error', 'st_error');
    }
  });

  $('cancel').addEventListener('click', async () => {
    // WebAssembly cannot be interrupted: the worker is terminated and the file re-opened.
    stopWorker();
    setStatus('idle', 'st_cancelled');
    if (file) await openFile(file.name, file.blob, info && info.sheet, 'start', 'st_cancelled', false);
  });

  // ---- step 4: results ----
  function stat(cls, key, n) {
    const d = document.createElement('div');
    d.className = cls ? 'stat stat-' + cls : 'stat';
    const v = document.createElement('span'); v.className = 'n'; v.textContent = fmt(n);
    const l = document.createElement('span'); l.textContent = t(key);
    d.append(v, l);
    return d;
  }

  const ruleMessage = (code) => (RULE_MESSAGES[code] || {})[lang] || code;

  function renderSummary(charts = true) {
    $('summary').replaceChildren(
      stat('', 's_records', summary.records),
      stat('fixed', 's_fixed', summary.cells_fixed),
      stat('', 's_review', summary.records_to_review),
      stat('warning', 's_warnings', summary.warnings),
      stat('error', 's_errors', summary.errors),
      stat('', 's_no_id', summary.records_without_id),
      stat('warning', 's_dups', summary.duplicate_groups),
    );
    const body = $('by-rule').tBodies[0];
    body.replaceChildren();
    const codes = Object.keys(summary.by_rule || {});
    if (!codes.length) {
      const tr = document.createElement('tr'); const td = document.createElement('td');
      td.colSpan = 3; td.textContent = t('no_findings'); tr.appendChild(td); body.appendChild(tr);
    }
    for (const code of codes) {
      const tr = document.createElement('tr');
      const c = document.createElement('td'); c.textContent = code;
      const m = document.createElement('td'); m.textContent = ruleMessage(code);
      const n = document.createElement('td'); n.textContent = fmt(summary.by_rule[code]);
      tr.append(c, m, n);
      body.appendChild(tr);
    }
    if (charts) renderCharts();
  }

  async function refreshStatistics() {
    stats = (await request({ type: 'statistics' })).statistics;
    fillPlaceFilters();
  }

  // ---- charts: inline SVG drawn from the core's figures (a few dozen bars at most) ----
  const SVGNS = 'http://www.w3.org/2000/svg';
  function svg(name, attrs, text) {
    const el = document.createElementNS(SVGNS, name);
    for (const k of Object.keys(attrs || {})) el.setAttribute(k, String(attrs[k]));
    if (text != null) el.textContent = String(text);
    return el;
  }
  const shorten = (s, n) => (s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s);
  const CHART_W = 520;

  /**
   * Horizontal bars: items [{key, label, value, shown, cls}], one row each. `stacked`: the
   * label above its bar (long labels); `legend`: [{cls, label}] drawn on top.
   */
  function barChart(title, items, max, opts) {
    const o = opts || {};
    const stacked = !!o.stacked;
    const labelW = stacked ? 0 : 200; const valueW = 78; const rowH = stacked ? 34 : 22; const pad = 4;
    const legendH = o.legend && o.legend.length ? 22 : 0;
    const h = pad * 2 + legendH + Math.max(1, items.length) * rowH;
    const top = Math.max(1, max || Math.max(0, ...items.map((i) => i.value)));
    const root = svg('svg', { viewBox: `0 0 ${CHART_W} ${h}`, width: CHART_W, height: h, class: 'bars', role: 'img',
      'aria-label': title + ': ' + items.map((i) => i.label + ' ' + i.shown).join('; ') });
    let lx = 0;
    for (const l of o.legend || []) {
      const g = svg('g', { class: 'legend ' + l.cls });
      g.appendChild(svg('rect', { x: lx, y: pad + 3, width: 12, height: 12, rx: 2 }));
      g.appendChild(svg('text', { x: lx + 17, y: pad + 9, dy: '0.35em', class: 'lbl' }, l.label));
      root.appendChild(g);
      lx += 30 + l.label.length * 7;
    }
    items.forEach((it, k) => {
      const y = pad + legendH + k * rowH;
      const g = svg('g', { class: 'bar ' + (it.cls || ''), 'data-key': it.key, 'data-value': it.value });
      g.appendChild(svg('title', {}, it.label + ': ' + it.shown));
      const w = it.value > 0 ? Math.max(2, (CHART_W - labelW - valueW) * it.value / top) : 0;
      if (stacked) {
        g.appendChild(svg('text', { x: 0, y: y + 9, dy: '0.35em', class: 'lbl' }, shorten(it.label, 80)));
        g.appendChild(svg('rect', { x: 0, y: y + 18, width: w.toFixed(1), height: 12, rx: 2 }));
        g.appendChild(svg('text', { x: (w + 6).toFixed(1), y: y + 24, dy: '0.35em', class: 'val' }, it.shown));
      } else {
        g.appendChild(svg('text', { x: labelW - 8, y: y + rowH / 2, dy: '0.35em', 'text-anchor': 'end', class: 'lbl' }, shorten(it.label, 30)));
        g.appendChild(svg('rect', { x: labelW, y: y + 3, width: w.toFixed(1), height: rowH - 6, rx: 2 }));
        g.appendChild(svg('text', { x: (labelW + w + 6).toFixed(1), y: y + rowH / 2, dy: '0.35em', class: 'val' }, it.shown));
      }
      root.appendChild(g);
    });
    return root;
  }

  /** Population pyramid: boys to the left, girls to the right, the oldest on top. */
  function pyramidChart(title) {
    const bands = stats.pyramid.slice().reverse();
    const mid = 48; const valueW = 40; const rowH = 16; const head = 22;
    const side = (CHART_W - mid) / 2 - valueW;
    const h = head + bands.length * rowH + 4;
    const max = Math.max(1, ...bands.map((b) => Math.max(b.male, b.female)));
    const ageLabel = (b) => (b.and_over ? t('age_and_over', { n: b.age }) : String(b.age));
    const root = svg('svg', { viewBox: `0 0 ${CHART_W} ${h}`, width: CHART_W, height: h, class: 'pyramid', role: 'img',
      'aria-label': title + ': ' + bands.slice().reverse().map((b) => t('pyramid_band', { age: ageLabel(b), m: fmt(b.male), f: fmt(b.female) })).join('; ') });
    const cx = CHART_W / 2;
    root.appendChild(svg('text', { x: cx - mid / 2 - 4, y: 14, 'text-anchor': 'end', class: 'head male' }, '◀ ' + t('male')));
    root.appendChild(svg('text', { x: cx + mid / 2 + 4, y: 14, class: 'head female' }, t('female') + ' ▶'));
    root.appendChild(svg('text', { x: cx, y: 14, 'text-anchor': 'middle', class: 'head' }, t('age')));
    bands.forEach((b, k) => {
      const y = head + k * rowH;
      const g = svg('g', { class: 'band', 'data-age': b.and_over ? b.age + '+' : b.age, 'data-male': b.male, 'data-female': b.female, 'data-other': b.other });
      g.appendChild(svg('title', {}, t('pyramid_band', { age: ageLabel(b), m: fmt(b.male), f: fmt(b.female) })));
      g.appendChild(svg('text', { x: cx, y: y + rowH / 2, dy: '0.35em', 'text-anchor': 'middle', class: 'lbl' }, b.and_over ? b.age + '+' : b.age));
      const wm = b.male ? Math.max(2, side * b.male / max) : 0;
      const wf = b.female ? Math.max(2, side * b.female / max) : 0;
      g.appendChild(svg('rect', { x: (cx - mid / 2 - wm).toFixed(1), y: y + 2, width: wm.toFixed(1), height: rowH - 4, class: 'male' }));
      g.appendChild(svg('rect', { x: cx + mid / 2, y: y + 2, width: wf.toFixed(1), height: rowH - 4, class: 'female' }));
      if (b.male) g.appendChild(svg('text', { x: (cx - mid / 2 - wm - 4).toFixed(1), y: y + rowH / 2, dy: '0.35em', 'text-anchor': 'end', class: 'val' }, fmt(b.male)));
      if (b.female) g.appendChild(svg('text', { x: (cx + mid / 2 + wf + 4).toFixed(1), y: y + rowH / 2, dy: '0.35em', class: 'val' }, fmt(b.female)));
      root.appendChild(g);
    });
    return root;
  }

  function setChart(id, node, note) {
    const fig = $(id);
    fig.querySelector('.chart-body').replaceChildren(node);
    fig.querySelector('.chart-note').textContent = note || '';
  }

  function emptyChart(key) {
    const p = document.createElement('p');
    p.className = 'muted chart-empty';
    p.textContent = t(key);
    return p;
  }

  const TOP_RULES = 10;
  function renderCharts() {
    if (!stats) return;
    // Findings by rule (the summary is newer than the figures after an edit).
    const byRule = Object.keys(summary.by_rule || {}).map((code) => {
      const s = stats.by_rule.find((r) => r.code === code);
      return { code, count: summary.by_rule[code], severity: s ? s.severity : 'warning' };
    }).sort((a, b) => b.count - a.count);
    const shownRules = byRule.slice(0, TOP_RULES);
    const restRules = byRule.slice(TOP_RULES);
    setChart('chart-rules', shownRules.length
      ? barChart(t('chart_rules'), shownRules.map((r) => ({ key: r.code, label: ruleMessage(r.code), value: r.count, shown: fmt(r.count), cls: 'sev-' + r.severity })), 0,
        { stacked: true, legend: ['error', 'warning', 'fixed'].filter((s) => shownRules.some((r) => r.severity === s)).map((s) => ({ cls: 'sev-' + s, label: t('sev_' + s) })) })
      : emptyChart('no_findings'),
    restRules.length ? t('rules_more', { n: fmt(restRules.length), c: fmt(restRules.reduce((a, r) => a + r.count, 0)) }) : '');

    const other = stats.pyramid.reduce((a, b) => a + b.other, 0);
    const notes = [t('ages_on', { date: stats.reference_date || '' })];
    if (other) notes.push(t('gender_unknown_n', { n: fmt(other) }));
    if (stats.age_unknown) notes.push(t('age_unknown_n', { n: fmt(stats.age_unknown) }));
    setChart('chart-pyramid', stats.records - stats.age_unknown > 0 ? pyramidChart(t('chart_pyramid')) : emptyChart('no_ages'), notes.join(' · '));

    if (stats.has_ethnicity) {
      const items = stats.ethnic_groups.map((g) => ({ key: g.name, label: g.name, value: g.count, shown: fmt(g.count) + ' (' + pct(g.count, stats.records) + ')' }));
      if (stats.ethnic_others) items.push({ key: '__others', label: t('ethnic_others', { n: fmt(stats.ethnic_other_groups) }), value: stats.ethnic_others, shown: fmt(stats.ethnic_others) + ' (' + pct(stats.ethnic_others, stats.records) + ')', cls: 'others' });
      if (stats.ethnic_missing) items.push({ key: '__missing', label: t('ethnic_missing'), value: stats.ethnic_missing, shown: fmt(stats.ethnic_missing) + ' (' + pct(stats.ethnic_missing, stats.records) + ')', cls: 'missing' });
      setChart('chart-ethnic', items.length ? barChart(t('chart_ethnic'), items) : emptyChart('no_records'), '');
    } else {
      setChart('chart-ethnic', emptyChart('no_ethnic_column'), '');
    }

    setChart('chart-complete', stats.completeness.length
      ? barChart(t('chart_complete'), stats.completeness.map((c) => {
        const share = stats.records ? c.filled / stats.records : 0;
        return { key: c.letter, label: c.letter + ' — ' + c.header, value: share * 100, shown: pct(c.filled, stats.records),
          cls: share >= 0.95 ? 'fill-ok' : share >= 0.5 ? 'fill-mid' : 'fill-low' };
      }), 100)
      : emptyChart('no_records'), t('complete_note', { n: fmt(stats.records) }));
  }

  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url; a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  const stem = () => (file ? file.name.replace(/\.[^.]+$/, '') : t('default_stem'));

  $('merge-file').addEventListener('change', async (e) => {
    const f = e.target.files && e.target.files[0];
    if (!f) return;
    showError(null);
    setStatus('working', 'st_working');
    try {
      const bytes = await f.arrayBuffer();
      const reply = await request({ type: 'merge', bytes, name: f.name }, [bytes]);
      summary = reply.summary;
      const m = reply.merge;
      $('merge-result').textContent = t('merge_done', { n: fmt(m.new_list_records), added: fmt(m.added), already: fmt(m.already_there), possibly: fmt(m.possibly_there) });
      await refreshStatistics();
      renderSummary();
      await resetTable();
      setStatus('done', 'st_done');
    } catch (err) {
      showError(err);
      setStatus('error', 'st_error');
    }
    e.target.value = '';
  });

  $('dl-xlsx').addEventListener('click', async (e) => {
    const button = e.currentTarget;
    button.disabled = true;
    setStatus('working', 'st_preparing');
    try {
      const reply = await request({ type: 'workbook' });
      download(stem() + '.lamsach.xlsx', reply.blob);
      setStatus('done', 'st_done');
    } catch (err) {
      showError(err);
      setStatus('error', 'st_error');
    } finally {
      button.disabled = false;
      button.focus();
    }
  });

  for (const kind of ['police', 'household']) {
    $('dl-' + kind).addEventListener('click', async (e) => {
      const button = e.currentTarget;
      button.disabled = true;
      try {
        const reply = await request({ type: 'work_list', kind });
        download(stem() + '.' + t('list_' + kind) + '.xlsx', reply.blob);
      } catch (err) {
        showError(err);
        setStatus('error', 'st_error');
      } finally {
        button.disabled = false;
        button.focus();
      }
    });
  }

  $('dl-report').addEventListener('click', async () => {
    try {
      const reply = await request({ type: 'report' });
      download(stem() + '.lamsach.json', new Blob([reply.json], { type: 'application/json' }));
    } catch (err) {
      showError(err);
      setStatus('error', 'st_error');
    }
  });

  $('again').addEventListener('click', () => {
    show(null);
    showError(null);
    setStatus('idle', null);
    $('file').focus();
  });

  // ---- the printable summary: one A4 page a commune chairman can sign ----
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function buildPrintSheet() {
    const sheet = $('print-sheet');
    sheet.replaceChildren();
    if (!summary || !stats) return;
    const communes = Array.from(new Set(stats.places.map((p) => p.commune).filter(Boolean)));
    const head = el('div', 'p-head');
    const left = el('div', 'p-org');
    left.append(el('div', 'p-upper', t('p_org')), el('div', 'p-upper', communes.length === 1 ? communes[0] : t('p_blank_org')));
    const right = el('div', 'p-nation');
    right.append(el('div', 'p-upper', t('p_nation')), el('div', 'p-motto', t('p_motto')));
    head.append(left, right);
    const title = el('h1', 'p-title', t('p_title'));
    const meta = el('p', 'p-meta', t('p_meta', { file: info ? info.file_name : '', sheet: info ? info.sheet : '', ref: stats.reference_date || '', today: dmy(new Date()) }));
    const counts = el('table', 'p-counts');
    const rows = [
      ['s_records', summary.records], ['s_fixed', summary.cells_fixed],
      ['s_review', summary.records_to_review], ['s_errors', summary.errors],
      ['s_warnings', summary.warnings], ['s_no_id', summary.records_without_id],
      ['s_dups', summary.duplicate_groups], ['p_age_unknown', stats.age_unknown],
    ];
    for (let i = 0; i < rows.length; i += 2) {
      const tr = el('tr');
      for (const [key, n] of rows.slice(i, i + 2)) tr.append(el('th', null, t(key)), el('td', null, fmt(n)));
      counts.appendChild(tr);
    }
    const charts = el('div', 'p-charts');
    for (const id of ['chart-rules', 'chart-pyramid', 'chart-ethnic', 'chart-complete']) {
      const fig = $(id);
      const box = el('div', 'p-chart');
      box.appendChild(el('div', 'p-chart-title', fig.querySelector('.chart-title').textContent));
      const body = fig.querySelector('.chart-body').firstChild;
      if (body) box.appendChild(body.cloneNode(true));
      const note = fig.querySelector('.chart-note').textContent;
      if (note) box.appendChild(el('div', 'p-chart-note', note));
      charts.appendChild(box);
    }
    const date = el('p', 'p-date', t('p_place_date'));
    const sign = el('div', 'p-sign');
    for (const [who, how] of [['p_preparer', 'p_preparer_how'], ['p_chairman', 'p_chairman_how']]) {
      const box = el('div', 'p-signer');
      box.append(el('div', 'p-upper', t(who)), el('div', 'p-how', t(how)), el('div', 'p-line'));
      sign.appendChild(box);
    }
    sheet.append(head, title, meta, counts, charts, date, sign);
  }

  $('print').addEventListener('click', () => { buildPrintSheet(); window.print(); });
  window.addEventListener('beforeprint', buildPrintSheet);

  // ---- the findings table: only the rows in view are asked for and drawn ----
  const ROW_H = 30;
  const table = { total: 0, filter: {}, seq: 0, rows: new Map(), active: 0 };

  function currentFilter() {
    const v = (id) => $(id).value || null;
    return { severity: v('f-severity'), code: v('f-rule'), column: v('f-column'), commune: v('f-commune'), village: v('f-village'), search: v('f-search'), lang };
  }

  function fillFilterOptions() {
    const rule = $('f-rule');
    const keep = rule.value;
    rule.replaceChildren(new Option(t('f_all_rules'), ''));
    for (const code of Object.keys(summary.by_rule || {})) rule.appendChild(new Option(code + ' — ' + ruleMessage(code), code));
    rule.value = keep;
    if (rule.value !== keep) rule.value = '';
    const column = $('f-column');
    const keepCol = column.value;
    column.replaceChildren(new Option(t('f_all_columns'), ''));
    // The columns cleaned with a role (after the officer's changes in step 2).
    const roled = stats ? stats.completeness : info.columns.filter((c) => c.role);
    for (const c of roled) column.appendChild(new Option(c.letter + ' — ' + c.header, c.letter));
    column.value = keepCol;
    if (column.value !== keepCol) column.value = '';
  }

  /** Communes and villages from the core's figures; villages narrow to the chosen commune. */
  function fillPlaceFilters() {
    const places = stats ? stats.places : [];
    const communes = Array.from(new Set(places.map((p) => p.commune).filter(Boolean)));
    const commune = $('f-commune');
    const keepCommune = commune.value;
    commune.replaceChildren(new Option(t('f_all_communes'), ''));
    for (const c of communes) commune.appendChild(new Option(c, c));
    commune.value = communes.includes(keepCommune) ? keepCommune : '';
    $('f-commune-label').hidden = communes.length < 2;
    fillVillages();
  }

  function fillVillages() {
    const places = stats ? stats.places : [];
    const inCommune = $('f-commune').value;
    const counts = new Map();
    for (const p of places) {
      if (!p.village || (inCommune && p.commune !== inCommune)) continue;
      counts.set(p.village, (counts.get(p.village) || 0) + p.records);
    }
    const village = $('f-village');
    const keep = village.value;
    village.replaceChildren(new Option(t('f_all_villages'), ''));
    for (const [name, n] of counts) village.appendChild(new Option(t('village_option', { name, n: fmt(n) }), name));
    village.value = counts.has(keep) ? keep : '';
    $('f-village-label').hidden = !places.some((p) => p.village);
  }

  async function resetTable() {
    fillFilterOptions();
    table.filter = currentFilter();
    table.rows.clear();
    table.active = 0;
    $('f-body').scrollTop = 0;
    await loadVisible(true);
  }

  /** Same filter and scroll position, fresh rows (after an edit). */
  async function reloadTable() {
    table.filter = currentFilter();
    table.rows.clear();
    await loadVisible(true);
  }

  async function loadVisible(force) {
    const body = $('f-body');
    const first = Math.floor(body.scrollTop / ROW_H);
    const count = Math.ceil(body.clientHeight / ROW_H) + 10;
    const offset = Math.max(0, first - 5);
    let missing = force;
    for (let i = offset; i < offset + count && !missing; i++) if (i < table.total && !table.rows.has(i)) missing = true;
    if (missing) {
      const seq = ++table.seq;
      const reply = await request({ type: 'page', filter: table.filter, offset, limit: count });
      if (seq !== table.seq) return; // a newer request answers instead
      table.total = reply.page.total;
      reply.page.rows.forEach((r, k) => table.rows.set(offset + k, r));
    }
    drawRows(offset, count);
  }

  function drawRows(offset, count) {
    const spacer = $('f-spacer');
    const hadFocus = spacer.contains(document.activeElement);
    spacer.style.height = (table.total * ROW_H) + 'px';
    $('f-count').textContent = t('f_count', { n: fmt(table.total) });
    if (table.active >= table.total) table.active = Math.max(0, table.total - 1);
    const end = Math.min(table.total, offset + count);
    // One tab stop for the whole table: the active row, or the first row drawn.
    const tabStop = table.active >= offset && table.active < end && table.rows.has(table.active) ? table.active : offset;
    const frag = document.createDocumentFragment();
    for (let i = offset; i < end; i++) {
      const r = table.rows.get(i);
      if (!r) continue;
      const tr = document.createElement('div');
      tr.className = 'f-row sev-' + r.severity;
      tr.setAttribute('role', 'row');
      tr.setAttribute('aria-rowindex', String(i + 2));
      tr.tabIndex = i === tabStop ? 0 : -1;
      tr.dataset.row = r.row;
      tr.dataset.index = i;
      tr.style.top = (i * ROW_H) + 'px';
      const cells = [r.row, r.column || '', r.name, r.header, r.before, r.after, r.message];
      for (const v of cells) {
        const td = document.createElement('span');
        td.setAttribute('role', 'cell');
        td.textContent = String(v);
        td.title = String(v);
        tr.appendChild(td);
      }
      frag.appendChild(tr);
    }
    spacer.replaceChildren(frag);
    $('f-body').closest('.f-table').setAttribute('aria-rowcount', String(table.total + 1));
    if (hadFocus) focusActiveRow();
  }

  function rowElement(index) { return $('f-spacer').querySelector('[data-index="' + index + '"]'); }

  function focusActiveRow() {
    const row = rowElement(table.active) || $('f-spacer').querySelector('.f-row');
    if (row) {
      table.active = Number(row.dataset.index);
      for (const r of $('f-spacer').querySelectorAll('.f-row[tabindex="0"]')) if (r !== row) r.tabIndex = -1;
      row.tabIndex = 0;
      row.focus({ preventScroll: true });
      return true;
    }
    return false;
  }

  /** Moves the active row, scrolls it into view and focuses it once it is drawn. */
  async function moveActive(to) {
    if (!table.total) return;
    table.active = Math.max(0, Math.min(table.total - 1, to));
    const body = $('f-body');
    const top = table.active * ROW_H;
    if (top < body.scrollTop) body.scrollTop = top;
    else if (top + ROW_H > body.scrollTop + body.clientHeight) body.scrollTop = top + ROW_H - body.clientHeight;
    if (rowElement(table.active)) { focusActiveRow(); return; }
    await loadVisible(false);
    focusActiveRow();
  }

  const spacer = $('f-spacer');
  spacer.addEventListener('click', (e) => {
    const row = e.target.closest('.f-row');
    if (!row) return;
    table.active = Number(row.dataset.index);
    focusActiveRow();
    openRecord(Number(row.dataset.row)).catch(showError);
  });
  spacer.addEventListener('keydown', (e) => {
    const row = e.target.closest('.f-row');
    if (!row) return;
    const page = Math.max(1, Math.floor($('f-body').clientHeight / ROW_H) - 1);
    const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) { e.preventDefault(); moveActive(table.active + moves[e.key]).catch(showError); }
    else if (e.key === 'Home') { e.preventDefault(); moveActive(0).catch(showError); }
    else if (e.key === 'End') { e.preventDefault(); moveActive(table.total - 1).catch(showError); }
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      table.active = Number(row.dataset.index);
      openRecord(Number(row.dataset.row)).catch(showError);
    }
  });

  let scrollTimer = null;
  $('f-body').addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => loadVisible(false).catch(showError), 30);
  });
  for (const id of ['f-severity', 'f-rule', 'f-column', 'f-village']) $(id).addEventListener('change', () => resetTable().catch(showError));
  $('f-commune').addEventListener('change', () => { fillVillages(); resetTable().catch(showError); });
  let searchTimer = null;
  $('f-search').addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(() => resetTable().catch(showError), 250); });

  // ---- one record: before and after for each cell; edit a cell ----
  async function openRecord(row) {
    const reply = await request({ type: 'record', row, lang });
    const dialog = $('record');
    $('record-title').textContent = t('record_title', { row });
    const body = $('record-cells').tBodies[0];
    body.replaceChildren();
    let firstFlagged = null;
    reply.record.forEach((cell, index) => {
      if (!cell.role) return;
      const tr = document.createElement('tr');
      if (cell.findings.length) tr.className = 'has-findings';
      const h = document.createElement('th'); h.scope = 'row'; h.textContent = cell.letter + ' — ' + cell.header;
      h.id = 'rec-h-' + cell.letter;
      const o = document.createElement('td'); o.textContent = cell.original == null ? '' : cell.original;
      const v = document.createElement('td');
      const input = document.createElement('input');
      input.type = 'text';
      input.value = cell.value;
      input.dataset.col = String(index);
      input.dataset.testid = 'edit-' + cell.letter;
      input.setAttribute('aria-labelledby', h.id);
      input.dataset.original = cell.value;
      const f = document.createElement('td'); f.textContent = cell.findings.join('; ');
      if (cell.findings.length) {
        f.id = 'rec-f-' + cell.letter;
        input.setAttribute('aria-describedby', f.id);
        if (!firstFlagged) firstFlagged = input;
      }
      v.appendChild(input);
      tr.append(h, o, v, f);
      body.appendChild(tr);
    });
    dialog.dataset.row = row;
    dialog.showModal();
    (firstFlagged || dialog.querySelector('input') || $('record-close')).focus();
  }

  // Native modal dialogs make the page inert; Tab still leaves for the browser's own
  // controls, so it wraps here. Escape closes (the dialog's cancel), focus returns to the row.
  $('record').addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const items = Array.from($('record').querySelectorAll('input, button, select, textarea')).filter((x) => !x.disabled);
    if (!items.length) return;
    const first = items[0]; const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  });
  $('record').addEventListener('close', () => { focusActiveRow(); });

  $('record-save').addEventListener('click', async (e) => {
    e.preventDefault();
    const dialog = $('record');
    const row = Number(dialog.dataset.row);
    const button = e.currentTarget;
    button.disabled = true;
    try {
      for (const input of $('record-cells').querySelectorAll('input')) {
        if (input.value !== input.dataset.original) {
          const reply = await request({ type: 'edit', row, col: Number(input.dataset.col), value: input.value });
          summary = reply.summary;
        }
      }
      await refreshStatistics();
      renderSummary();
      fillFilterOptions();
      await reloadTable();
      setStatus('done', 'st_saved');
      dialog.close();
    } catch (err) {
      dialog.close();
      showError(err);
    } finally {
      button.disabled = false;
    }
  });
  $('record-close').addEventListener('click', () => $('record').close());

  // ---- language ----
  let RULE_MESSAGES = {};
  function applyLang() {
    document.documentElement.lang = lang;
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    $('lang').textContent = t('switch_lang');
    $('lang').setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
    $('f-body').setAttribute('aria-label', t('findings_title'));
    if (info && !$('step-check').hidden) renderCheck();
    if (summary) { renderSummary(); fillPlaceFilters(); resetTable().catch(() => {}); }
    const state = $('status').dataset.state;
    const key = { ready: 'st_ready', done: 'st_done', error: 'st_error' }[state];
    if (key) setStatus(state, key);
  }
  $('lang').addEventListener('click', () => { lang = lang === 'vi' ? 'en' : 'vi'; saveSettings(); applyLang(); });

  // Rule messages in both languages, from the core's catalogue.
  RULE_MESSAGES = (function () {
    try { return JSON.parse(document.getElementById('rule-messages').textContent); } catch (e) { return {}; }
  })();

  loadSettings();
  setStatus('idle', null);
  applyLang();
  // Compile the wasm while the officer picks a file.
  ensureWorker().catch((err) => { showError(err, false); setStatus('error', 'st_error'); });
  // The number formats' first use loads the locale's data (14 ms measured): done now, not
  // when a province's columns are first drawn.
  setTimeout(() => { fmt(0); pct(0, 1); }, 0);
})();
