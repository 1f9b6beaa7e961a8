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
  const fmt = (n) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n);

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

  let starting = null;
  function startWorker() {
    if (!starting) {
      starting = (async () => {
        const module = await wasmModule();
        worker = new Worker(workerUrl);
        worker.onmessage = onWorkerMessage;
        worker.onerror = (e) => { e.preventDefault(); onCrash(e.message || 'worker error'); };
        await request({ type: 'init', module });
      })().finally(() => { starting = null; });
    }
    return starting;
  }

  function rejectAll(reason) {
    for (const p of pending.values()) p.reject(Object.assign({ during: p.type }, reason));
    pending.clear();
  }

  function stopWorker() {
    if (worker) worker.terminate();
    worker = null;
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
    rejectAll({ crash: 'restarted' });
    startWorker().catch(() => {});
  }

  async function ensureWorker() { if (!worker) await startWorker(); }

  // ---- state ----
  let file = null;      // {name, bytes: ArrayBuffer}
  let info = null;      // the worker's inspection of the file
  let roles = [];
  let summary = null;

  function setStatus(state, key) {
    const s = $('status');
    s.dataset.state = state;
    s.textContent = key ? t(key) : '';
  }

  function showError(err) {
    const box = $('error');
    if (!err) { box.hidden = true; box.textContent = ''; return; }
    let text;
    if (err.error) text = lang === 'vi' ? err.error.message_vi : err.error.message_en;
    else if (err.crash && err.during === 'open') text = t('crash_open');
    else if (err.crash) text = t('crash');
    else text = String(err.message || err);
    box.textContent = text;
    box.hidden = false;
  }

  function show(step) {
    for (const id of ['step-check', 'step-work', 'step-done']) $(id).hidden = id !== step;
  }

  // ---- step 1: a file ----
  async function openFile(name, bytes, sheet) {
    showError(null);
    file = { name, bytes };
    setStatus('working', 'st_loading');
    show(null);
    try {
      await ensureWorker();
      const reply = await request({ type: 'open', bytes: bytes.slice(0), name, options: { sheet: sheet || null } });
      info = reply.info;
      roles = reply.roles;
      renderCheck();
      show('step-check');
      setStatus('ready', 'st_ready');
    } catch (err) {
      if (err && err.cancelled) return;
      showError(err);
      setStatus('error', 'st_error');
    }
  }

  $('file').addEventListener('change', async (e) => {
    const f = e.target.files && e.target.files[0];
    if (!f) return;
    openFile(f.name, await f.arrayBuffer());
    e.target.value = '';
  });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const f = e.dataTransfer.files && e.dataTransfer.files[0];
    if (f) openFile(f.name, await f.arrayBuffer());
  });
  $('sample').addEventListener('click', () => {
    const bytes = base64ToBytes($('sample-b64').textContent.trim());
    openFile('danh-sach-mau.xlsx', bytes.buffer);
  });

  // ---- step 2: check the columns ----
  function renderCheck() {
    $('file-info').textContent = t('file_info', {
      file: info.file_name, sheet: info.sheet, rows: fmt(info.rows),
      h1: info.header_first + 1, h2: info.header_last + 1, d: info.data_start + 1,
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
    body.replaceChildren();
    for (const col of info.columns) {
      const tr = document.createElement('tr');
      if (!col.role) tr.className = 'unmapped';
      const letter = document.createElement('td'); letter.textContent = col.letter;
      const header = document.createElement('td'); header.textContent = col.header;
      const roleCell = document.createElement('td');
      const select = document.createElement('select');
      select.dataset.column = col.letter;
      select.dataset.testid = 'role-' + col.letter;
      select.setAttribute('aria-label', t('col_role') + ' ' + col.letter + ' ' + col.header);
      const none = document.createElement('option'); none.value = ''; none.textContent = t('role_none');
      select.appendChild(none);
      for (const r of roles) {
        const o = document.createElement('option');
        o.value = r.key; o.textContent = lang === 'vi' ? r.vi : r.en; o.selected = r.key === col.role;
        select.appendChild(o);
      }
      select.addEventListener('change', () => { tr.className = select.value ? '' : 'unmapped'; });
      roleCell.appendChild(select);
      const sample = document.createElement('td');
      sample.textContent = info.preview.map((row) => row[col.index] || '').filter(Boolean).slice(0, 2).join(' · ');
      tr.append(letter, header, roleCell, sample);
      body.appendChild(tr);
    }
    const ref = $('refdate');
    if (!ref.value) {
      const d = new Date();
      ref.value = d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
    }
  }

  $('sheet').addEventListener('change', (e) => openFile(file.name, file.bytes, e.target.value));

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
      reference_date: $('refdate').value || null,
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
  const started = { at: 0 };
  $('start').addEventListener('click', async () => {
    showError(null);
    show('step-work');
    setStatus('working', 'st_working');
    $('progress').value = 0;
    $('progress-text').textContent = '';
    started.at = performance.now();
    try {
      await ensureWorker();
      const reply = await request({ type: 'clean', options: chosenOptions() }, [], (p) => {
        const frac = p.total ? p.done / p.total : 0;
        $('progress').value = frac;
        $('progress-text').textContent = t('progress', { stage: t('stage_' + p.stage), done: fmt(p.done), total: fmt(p.total) });
      });
      summary = reply.summary;
      renderSummary();
      show('step-done');
      resetTable();
      setStatus('done', 'st_done');
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
    if (file) await openFile(file.name, file.bytes, info && info.sheet);
    setStatus('ready', 'st_cancelled');
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

  function renderSummary() {
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
      const m = document.createElement('td'); m.textContent = (RULE_MESSAGES[code] || {})[lang] || '';
      const n = document.createElement('td'); n.textContent = fmt(summary.by_rule[code]);
      tr.append(c, m, n);
      body.appendChild(tr);
    }
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

  const stem = () => (file ? file.name.replace(/\.[^.]+$/, '') : 'danh-sach');

  $('merge-file').addEventListener('change', async (e) => {
    const f = e.target.files && e.target.files[0];
    if (!f) return;
    showError(null);
    setStatus('working', 'st_working');
    try {
      const reply = await request({ type: 'merge', bytes: await f.arrayBuffer(), name: f.name });
      summary = reply.summary;
      const m = reply.merge;
      $('merge-result').textContent = t('merge_done', { n: fmt(m.new_list_records), added: fmt(m.added), already: fmt(m.already_there), possibly: fmt(m.possibly_there) });
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
      download(stem() + '.lamsach.xlsx', new Blob([reply.bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      setStatus('done', 'st_done');
    } catch (err) {
      showError(err);
      setStatus('error', 'st_error');
    } finally {
      button.disabled = false;
    }
  });

  for (const kind of ['police', 'household']) {
    $('dl-' + kind).addEventListener('click', async (e) => {
      const button = e.currentTarget;
      button.disabled = true;
      try {
        const reply = await request({ type: 'work_list', kind });
        download(stem() + '.' + t('list_' + kind) + '.xlsx', new Blob([reply.bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      } catch (err) {
        showError(err);
        setStatus('error', 'st_error');
      } finally {
        button.disabled = false;
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

  // ---- the findings table: only the rows in view are asked for and drawn ----
  const ROW_H = 30;
  const table = { total: 0, filter: {}, seq: 0, rows: new Map() };

  function currentFilter() {
    const v = (id) => $(id).value || null;
    return { severity: v('f-severity'), code: v('f-rule'), column: v('f-column'), search: v('f-search') };
  }

  function fillFilterOptions() {
    const rule = $('f-rule');
    const keep = rule.value;
    rule.replaceChildren(new Option(t('f_all_rules'), ''));
    for (const code of Object.keys(summary.by_rule || {})) {
      rule.appendChild(new Option(code + ' — ' + ((RULE_MESSAGES[code] || {})[lang] || ''), code));
    }
    rule.value = keep;
    const column = $('f-column');
    const keepCol = column.value;
    column.replaceChildren(new Option(t('f_all_columns'), ''));
    for (const c of info.columns.filter((c) => c.role)) column.appendChild(new Option(c.letter + ' — ' + c.header, c.letter));
    column.value = keepCol;
  }

  async function resetTable() {
    fillFilterOptions();
    table.filter = currentFilter();
    table.rows.clear();
    $('f-body').scrollTop = 0;
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
    spacer.style.height = (table.total * ROW_H) + 'px';
    $('f-count').textContent = t('f_count', { n: fmt(table.total) });
    const frag = document.createDocumentFragment();
    for (let i = offset; i < Math.min(table.total, offset + count); i++) {
      const r = table.rows.get(i);
      if (!r) continue;
      const tr = document.createElement('div');
      tr.className = 'f-row sev-' + r.severity;
      tr.setAttribute('role', 'row');
      tr.tabIndex = 0;
      tr.dataset.row = r.row;
      tr.style.top = (i * ROW_H) + 'px';
      const cells = [r.row, r.column || '', r.name, r.header, r.before, r.after, r.message];
      for (const v of cells) {
        const td = document.createElement('span');
        td.setAttribute('role', 'cell');
        td.textContent = String(v);
        td.title = String(v);
        tr.appendChild(td);
      }
      tr.addEventListener('click', () => openRecord(r.row));
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') openRecord(r.row); });
      frag.appendChild(tr);
    }
    spacer.replaceChildren(frag);
  }

  let scrollTimer = null;
  $('f-body').addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => loadVisible(false).catch(showError), 30);
  });
  for (const id of ['f-severity', 'f-rule', 'f-column']) $(id).addEventListener('change', () => resetTable().catch(showError));
  let searchTimer = null;
  $('f-search').addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(() => resetTable().catch(showError), 250); });

  // ---- one record: before and after for each cell; edit a cell ----
  async function openRecord(row) {
    const reply = await request({ type: 'record', row });
    const dialog = $('record');
    $('record-title').textContent = t('record_title', { row });
    const body = $('record-cells').tBodies[0];
    body.replaceChildren();
    reply.record.forEach((cell, index) => {
      if (!cell.role) return;
      const tr = document.createElement('tr');
      if (cell.findings.length) tr.className = 'has-findings';
      const h = document.createElement('th'); h.scope = 'row'; h.textContent = cell.letter + ' — ' + cell.header;
      const o = document.createElement('td'); o.textContent = cell.original == null ? '' : cell.original;
      const v = document.createElement('td');
      const input = document.createElement('input');
      input.value = cell.value;
      input.dataset.col = String(index);
      input.dataset.testid = 'edit-' + cell.letter;
      input.setAttribute('aria-label', cell.header);
      input.dataset.original = cell.value;
      v.appendChild(input);
      const f = document.createElement('td'); f.textContent = cell.findings.join('; ');
      tr.append(h, o, v, f);
      body.appendChild(tr);
    });
    dialog.dataset.row = row;
    dialog.showModal();
  }

  $('record-save').addEventListener('click', async (e) => {
    e.preventDefault();
    const dialog = $('record');
    const row = Number(dialog.dataset.row);
    try {
      for (const input of $('record-cells').querySelectorAll('input')) {
        if (input.value !== input.dataset.original) {
          const reply = await request({ type: 'edit', row, col: Number(input.dataset.col), value: input.value });
          summary = reply.summary;
        }
      }
      dialog.close();
      renderSummary();
      await resetTable();
    } catch (err) {
      dialog.close();
      showError(err);
    }
  });
  $('record-close').addEventListener('click', () => $('record').close());

  // ---- language ----
  let RULE_MESSAGES = {};
  function applyLang() {
    document.documentElement.lang = lang;
    for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
    $('lang').textContent = t('switch_lang');
    if (info && !$('step-check').hidden) renderCheck();
    if (summary) { renderSummary(); resetTable().catch(() => {}); }
  }
  $('lang').addEventListener('click', () => { lang = lang === 'vi' ? 'en' : 'vi'; applyLang(); });

  // Rule messages come with the report's summary; a small table is enough for the cards.
  RULE_MESSAGES = (function () {
    try { return JSON.parse(document.getElementById('rule-messages').textContent); } catch (e) { return {}; }
  })();

  setStatus('idle', null);
  applyLang();
  // Compile the wasm while the officer picks a file.
  ensureWorker().catch((err) => { showError(err); setStatus('error', 'st_error'); });
})();
