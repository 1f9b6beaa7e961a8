// The worker: all parsing and cleaning runs here, never on the page's thread. It is built
// from a Blob of the wasm-bindgen glue followed by this file, so it works from file://.
// Every request carries an id; the reply carries it back.
'use strict';
let session = null;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function post(message, transfer) {
  self.postMessage(message, transfer || []);
}

// Errors the core reports are plain objects with a code; anything else (a wasm trap from a
// panic, a JS error) means this instance can no longer be trusted.
function fail(id, err) {
  if (err && typeof err === 'object' && typeof err.code === 'string' && 'message_vi' in err) {
    post({ id, type: 'error', error: err });
  } else {
    post({ id, type: 'crash', message: String((err && err.message) || err) });
  }
}

function gather(write) {
  let blob = new Blob([], { type: XLSX_TYPE });
  write((piece) => { blob = new Blob([blob, piece], { type: XLSX_TYPE }); });
  return blob;
}

const handlers = {
  init(m) { wasm_bindgen.initSync({ module: m.module }); return {}; },
  open(m) {
    if (session) { session.free(); session = null; }
    session = new wasm_bindgen.Session(new Uint8Array(m.bytes), m.name, m.options);
    return { info: session.inspect(5), roles: wasm_bindgen.roles() };
  },
  clean(m) {
    const summary = session.clean(m.options, (stage, done, total) => post({ id: m.id, type: 'progress', stage, done, total }));
    return { summary };
  },
  page(m) { return { page: session.findings_page(m.filter, m.offset, m.limit) }; },
  record(m) { return { record: session.record(m.row, m.lang || null) }; },
  statistics() { return { statistics: session.statistics() }; },
  merge(m) { return session.merge(new Uint8Array(m.bytes), m.name); },
  edit(m) { return { summary: session.edit(m.row, m.col, m.value) }; },
  // The file arrives in pieces and becomes a Blob here: neither the wasm memory nor the
  // page ever holds it whole. Each piece joins the Blob as it comes (the browser keeps
  // Blob data outside this process), so a piece's bytes can be let go at once instead of
  // all pieces waiting for the last (-100 MB of page memory for a province's workbook).
  workbook(m) { return { blob: gather((sink) => session.workbook(sink)) }; },
  work_list(m) { return { blob: gather((sink) => session.work_list(m.kind, sink)) }; },
  report() { return { json: session.report_json() }; },
};

self.onmessage = (event) => {
  const m = event.data;
  try {
    const handler = handlers[m.type];
    if (!handler) throw new Error('unknown request ' + m.type);
    const started = performance.now();
    const out = handler(m);
    const [reply, transfer] = Array.isArray(out) ? out : [out, []];
    const worker_ms = Math.round(performance.now() - started);
    post(Object.assign({ id: m.id, type: 'done', wasm_bytes: wasm_bindgen.wasm_memory_bytes(), worker_ms }, reply), transfer);
  } catch (err) {
    fail(m.id, err);
  }
};
