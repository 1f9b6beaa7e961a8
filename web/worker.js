// The worker: all parsing and cleaning runs here, never on the page's thread. It is built
// from a Blob of the wasm-bindgen glue followed by this file, so it works from file://.
'use strict';
let session = null;

function post(message, transfer) {
  self.postMessage(message, transfer || []);
}

// Errors the core reports are plain objects with a code; anything else (a wasm trap from a
// panic, a JS error) means this instance can no longer be trusted.
function fail(request, err) {
  if (err && typeof err === 'object' && typeof err.code === 'string' && 'message_vi' in err) {
    post({ type: 'error', request, error: err });
  } else {
    post({ type: 'crash', request, message: String(err && err.message || err) });
  }
}

self.onmessage = (event) => {
  const m = event.data;
  try {
    switch (m.type) {
      case 'init':
        wasm_bindgen.initSync({ module: m.module });
        post({ type: 'ready' });
        break;
      case 'open':
        if (session) { session.free(); session = null; }
        session = new wasm_bindgen.Session(new Uint8Array(m.bytes), m.name, m.options);
        post({ type: 'opened', info: session.inspect(5), roles: wasm_bindgen.roles() });
        break;
      case 'clean': {
        const summary = session.clean(m.options, (stage, done, total) => post({ type: 'progress', stage, done, total }));
        post({ type: 'cleaned', summary });
        break;
      }
      case 'workbook': {
        post({ type: 'progress', stage: 'write', done: 0, total: 1 });
        const bytes = session.workbook();
        post({ type: 'workbook', bytes }, [bytes.buffer]);
        break;
      }
      case 'work_list': {
        const bytes = session.work_list(m.kind);
        post({ type: 'work_list', bytes }, [bytes.buffer]);
        break;
      }
      case 'report':
        post({ type: 'report', json: session.report_json() });
        break;
      default:
        post({ type: 'crash', request: m.type, message: 'unknown request' });
    }
  } catch (err) {
    fail(m.type, err);
  }
};
