// The worker: all parsing and cleaning runs here, never on the page's thread. It is built
// from a Blob of the wasm-bindgen glue followed by this file, so it works from file://.
// Every request carries an id; the reply carries it back. The page starts this script twice:
// the second copy is the first one's zipper (see "zipping" below).
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

// A file made of pieces as they come. Each piece joins the Blob at once (the browser keeps
// Blob data outside this process), so its bytes can be let go instead of all pieces
// waiting for the last (-100 MB of page memory for a province's workbook).
function pieces() {
  let blob = new Blob([], { type: XLSX_TYPE });
  return { add: (piece) => { blob = new Blob([blob, piece], { type: XLSX_TYPE }); }, blob: () => blob };
}

// ---- zipping: a workbook's parts are deflated by a second worker (the zipper), so that
// making the XML here and compressing it there run on two cores. Each write of XML is
// deflated on its own, so this worker deflates the writes itself while the zipper has
// enough waiting, and both cores stay busy to the end. Without a zipper (it could not
// start) this worker zips them all itself; the bytes are the same either way.
let zipPort = null;      // the port to the zipper, once it said it is ready
let zipWaiting = null;   // {resolve, reject} of the workbook the zipper is making
// The XML sent to the zipper and not yet compressed: past BUSY bytes this worker deflates
// the next writes itself (else the XML piles up in memory, up to 120 MB for a province).
// The pieces travel in buffers that the zipper sends back for the next pieces, so neither
// worker leaves hundreds of megabytes of used buffers to the garbage collector; the
// writing pauses every BETWEEN_RETURNS bytes of XML to take them back and to learn how
// far the zipper got.
const BUSY = 16 * 1024 * 1024;
const BETWEEN_RETURNS = 4 * 1024 * 1024;
const PIECE = 320 * 1024; // a sheet hands over 256 KB and the rest of a row
let zipSent = 0;         // XML sent to the zipper to deflate
let zipDone = 0;         // of which the zipper deflated, as it last said
// XML this worker deflated since the zipper last said how far it got: about as much as the
// zipper deflated meanwhile (the same code on the other core). Its word comes only when
// this worker pauses, so without this estimate a run of writes deflated here saw the zipper
// as busy as at the pause while it ran dry (measured: idle at 48 of 344 such writes).
let zipSince = 0;
let zipMade = 0;         // XML written since the last pause
let zipPauses = 0;       // how often the writing paused
let zipShared = 0;       // writes this worker deflated (tests: the large lists have some)
let zipResume = null;    // goes on writing, once the zipper's returns are in
let zipCancel = null;    // gives up the workbook being zipped
let zipSerial = 0;       // numbers the workbooks, so that a late reply finds its own
const zipBuffers = [];   // buffers back from the zipper, for the next pieces

function resume() {
  if (zipResume) { const go = zipResume; zipResume = null; go(); }
}

// Goes on writing after the tasks already queued (the zipper's returns among them).
const tick = new MessageChannel();
tick.port1.onmessage = resume;

// Until the zipper says it is ready (a few milliseconds after the page starts): a file
// opened meanwhile waits for it, at most ZIPPER_WAIT_MS (it may fail to start).
let zipperStarting = null;
const ZIPPER_WAIT_MS = 2000;

function connect(port) {
  let started;
  zipperStarting = new Promise((resolve) => { started = resolve; });
  setTimeout(started, ZIPPER_WAIT_MS);
  port.onmessage = (event) => {
    const z = event.data;
    if (z.ready) { zipPort = port; started(); return; }
    if ('inflating' in z) { inflated(z); return; }
    if ('names' in z) { namesAnswered(z); return; }
    if ('compressed' in z) {
      zipDone += z.compressed;
      zipSince = 0;
      if (z.buffer && zipBuffers.length < (BUSY + BETWEEN_RETURNS) / PIECE + 8) zipBuffers.push(z.buffer);
      return;
    }
    const waiting = zipWaiting;
    // A reply for a workbook given up since (the list changed) is not this one's.
    if (!waiting || z.id !== waiting.id) return;
    // The workbook is whole (or failed): its buffers are let go until the next one.
    zipBuffers.length = 0;
    zipWaiting = null;
    zipCancel = null;
    if (z.blob) waiting.resolve({ blob: z.blob, zipped_by: 'zipper', zip_pauses: zipPauses, zip_shared: zipShared });
    else waiting.reject(z.error || 'the zipper failed');
  };
}

// A copy of `bytes` (a view into the wasm memory) to send, in a returned buffer if one fits.
function piece(bytes) {
  const buffer = bytes.length <= PIECE && zipBuffers.length ? zipBuffers.pop() : new ArrayBuffer(Math.max(PIECE, bytes.length));
  const copy = new Uint8Array(buffer, 0, bytes.length);
  copy.set(bytes);
  return copy;
}

// `begin(parts)` starts a workbook whose parts go to `parts` (a wasm Writing, run here step
// by step); the result is {blob, zipped_by}.
function zipped(begin) {
  if (!zipPort || zipWaiting) {
    const file = pieces();
    const zipper = new wasm_bindgen.Zipper(file.add);
    try {
      // `bytes` views this instance's memory, which the zipper's own copy may move.
      // Never busy: every write is deflated by this Zipper, and nothing is appended.
      const writing = begin({
        start: (path) => zipper.start(path), write: (bytes) => zipper.write(bytes.slice()),
        finish: () => zipper.finish(), busy: () => false, ready: () => true,
      });
      try {
        if (!writing.step()) throw new Error('the workbook waited on a zipper that never waits');
      } finally {
        writing.free();
      }
    } finally {
      zipper.free();
    }
    return { blob: file.blob(), zipped_by: 'self' };
  }
  const port = zipPort;
  zipSent = 0;
  zipDone = 0;
  zipSince = 0;
  zipMade = 0;
  zipPauses = 0;
  zipShared = 0;
  return new Promise((resolve, reject) => {
    const id = ++zipSerial;
    zipWaiting = { resolve, reject, id };
    let writing = null;
    const stop = () => {
      zipResume = null;
      zipCancel = null;
      zipWaiting = null;
      if (writing) { writing.free(); writing = null; }
      port.postMessage({ type: 'abort' });
    };
    const fail = (err) => { stop(); reject(err); };
    zipCancel = () => { stop(); reject({ cancelled: true }); };
    const run = () => {
      try {
        // Done: the zipper's reply ends the wait.
        if (writing.step()) { writing.free(); writing = null; }
        else { zipPauses += 1; zipResume = run; }
      } catch (err) {
        fail(err);
      }
    };
    try {
      writing = begin({
        start: (path) => port.postMessage({ type: 'start', path }),
        write: (bytes) => { const copy = piece(bytes); zipSent += copy.length; zipMade += copy.length; port.postMessage({ type: 'write', bytes: copy }, [copy.buffer]); },
        append: (bytes, crc, len) => {
          const copy = piece(bytes);
          zipMade += len;
          zipSince += len;
          zipShared += 1;
          port.postMessage({ type: 'append', bytes: copy, crc, len }, [copy.buffer]);
        },
        finish: () => port.postMessage({ type: 'finish', id }),
        busy: () => zipSent - zipDone - zipSince >= BUSY,
        ready: () => {
          if (zipMade < BETWEEN_RETURNS) return true;
          zipMade = 0;
          tick.port2.postMessage(null);
          return false;
        },
      });
    } catch (err) {
      fail(err);
      return;
    }
    run();
  });
}

// ---- reading: the large parts of an xlsx (the sheet's XML and its shared strings, 190 MB
// for a province) are inflated by the zipper, which hands them over a megabyte at a time
// while this worker reads them (a wasm Opening, stepped as the pieces come): two cores
// share the reading. The sheet comes scanned: the zipper reads its XML and hands over the
// records of its cells, and this worker puts them in its table. Without a zipper this
// worker inflates and scans them itself.
const INFLATED_PIECE = 1024 * 1024;
// Pieces in flight between the two workers: the zipper waits past this many, so that a
// fast zipper does not pile the whole sheet up here. Enough for the sheet's records made
// while this worker reads the shared strings (a fifth of a province's sheet).
const INFLATE_AHEAD = 12;
let reading = null;      // {opening, bytes, serial, coming, resolve, reject, by} of the file being
                         // opened; resolves to {session, inflatedBy}
let readSerial = 0;      // numbers the parts inflated, so that a late piece finds its own

function opened(bytes, name, options) {
  const fed = Boolean(zipPort) && !zipWaiting;
  const opening = new wasm_bindgen.Opening(new Uint8Array(bytes), name, options, fed);
  return new Promise((resolve, reject) => {
    reading = { opening, bytes, serial: 0, coming: null, resolve, reject, by: fed ? 'zipper' : 'self' };
    readOn();
  });
}

// Reads as far as the pieces allow; asks the zipper for each new part the reader starts.
function readOn() {
  const r = reading;
  let done = false;
  try {
    done = r.opening.step();
    const want = done ? null : r.opening.wanted();
    const coming = done ? null : r.opening.coming();
    const same = (a, b) => a && b && a.start === b.start && a.end === b.end && a.cells === b.cells;
    if (want && same(want, r.coming)) {
      // Scanned already, while the parts before it were read: what came of it is fed now.
      const early = r.coming;
      r.coming = null;
      r.serial = early.serial;
      for (const z of early.pieces) inflated(z);
      return;
    }
    if (want) r.serial = inflate(r, want, false);
    // The sheet, scanned by the zipper as soon as the part asked for now is inflated.
    if (coming && !same(coming, want)) r.coming = Object.assign({ serial: inflate(r, coming, true), pieces: [] }, coming);
  } catch (err) {
    // A trap (a panic) leaves nothing to free: the page starts fresh workers.
    reading = null;
    try { r.opening.free(); } catch (e) { /* see above */ }
    if (zipPort) zipPort.postMessage({ type: 'stop-inflate' });
    r.reject(err);
    return;
  }
  if (!done) return;
  reading = null;
  // The reader may stop before a part's end (a file left to calamine): the rest is not needed.
  if (zipPort) zipPort.postMessage({ type: 'stop-inflate' });
  try {
    r.resolve({ session: r.opening.session(), inflatedBy: r.by });
  } catch (err) {
    r.reject(err);
  }
}

// Asks the zipper for a part (`queued`: once the part it is on is done); returns its serial.
function inflate(r, part, queued) {
  // The file goes to the zipper with the first part (this worker's wasm holds its copy).
  const file = r.bytes;
  r.bytes = null;
  const serial = ++readSerial;
  zipPort.postMessage({ type: 'inflate', serial, queued, file, start: part.start, end: part.end, deflated: part.deflated, crc: part.crc, cells: part.cells }, file ? [file] : []);
  return serial;
}

// From the zipper: a piece of the part (its buffer then goes back for the next piece), or
// the part's end. Those of the part coming next wait for the reader to open it.
function inflated(z) {
  const r = reading;
  if (r && r.coming && z.inflating === r.coming.serial) { r.coming.pieces.push(z); return; }
  const ours = r && z.inflating === r.serial;
  if (ours && z.piece) r.opening.feed(new Uint8Array(z.piece, 0, z.length));
  else if (ours) r.opening.end(Boolean(z.whole));
  if (z.piece) zipPort.postMessage({ type: 'inflate-buffer', serial: z.inflating, buffer: z.piece }, [z.piece]);
  if (ours) readOn();
}

// In the zipper: inflates a part of the file (and scans a sheet's cells) for the worker at
// the other end of `port`, a piece at a time, never more than INFLATE_AHEAD pieces ahead.
// The file stays a JS buffer here: the Inflater is given its stored bytes a megabyte at a
// time.
const STORED_PIECE = 1024 * 1024;
let inflateFile = null;  // the file being opened, sent with its first part
let inflation = null;    // {inflater, serial, at, end, ahead}
let inflateNext = null;  // the part to inflate once this one is done
const inflateBuffers = [];

function inflatePart(port, z) {
  if (z.file) inflateFile = z.file;
  if (z.queued && inflation) { inflateNext = z; return; }
  stopInflating();
  inflation = { inflater: new wasm_bindgen.Inflater(z.deflated, z.crc, Boolean(z.cells)), serial: z.serial, at: z.start, end: z.end, ahead: 0 };
  inflateOn(port);
}

function stopInflating() {
  if (inflation) inflation.inflater.free();
  inflation = null;
  inflateNext = null;
}

// The part is done (whole or not): on to the part queued after it, if any.
function inflateDone(port) {
  const next = inflateNext;
  stopInflating();
  if (next) inflatePart(port, next);
}

function inflateOn(port) {
  const job = inflation;
  let piece = null;
  try {
    while (inflation === job && job.ahead < INFLATE_AHEAD) {
      piece = piece || inflateBuffers.pop() || new ArrayBuffer(INFLATED_PIECE);
      const length = job.inflater.read(new Uint8Array(piece));
      if (length < 0) {
        const n = Math.min(STORED_PIECE, job.end - job.at);
        if (n > 0) job.inflater.give(new Uint8Array(inflateFile, job.at, n));
        else job.inflater.give_end();
        job.at += n;
      } else if (length === 0) {
        port.postMessage({ inflating: job.serial, whole: true });
        inflateDone(port);
      } else {
        job.ahead += 1;
        port.postMessage({ inflating: job.serial, piece, length }, [piece]);
        piece = null;
      }
    }
  } catch (err) {
    // Damaged: the reader leaves the file to calamine, which says what is wrong.
    port.postMessage({ inflating: job.serial, whole: false });
    inflateDone(port);
  }
  if (piece && inflateBuffers.length < INFLATE_AHEAD) inflateBuffers.push(piece);
}

// ---- cleaning: the person names (two thirds of the work on a province's cells) are
// cleaned by the zipper, a batch of about 1 MB at a time as this worker comes to them,
// while this worker cleans the other columns; it then applies the answers, in order.
let naming = null;       // {serial, answers, sent, received, resolve} of the cleaning under way
let namingSerial = 0;

function namesCleaned() {
  const job = { serial: ++namingSerial, answers: [], sent: 0, received: 0, resolve: null };
  naming = job;
  return {
    send(batch) {
      // `batch` is a copy out of this worker's memory: it travels as it is.
      zipPort.postMessage({ type: 'names', serial: job.serial, index: job.sent, batch: batch.buffer }, [batch.buffer]);
      job.sent += 1;
    },
    all() {
      return new Promise((resolve) => { job.resolve = resolve; answeredAll(job); });
    },
  };
}

function answeredAll(job) {
  if (job.resolve && job.received === job.sent) {
    naming = null;
    job.resolve(job.answers);
  }
}

// An answer from the zipper; a batch it could not clean comes back to be cleaned here.
function namesAnswered(z) {
  const job = naming;
  if (!job || z.names !== job.serial) return;
  job.answers[z.index] = z.answer ? new Uint8Array(z.answer) : wasm_bindgen.clean_names(new Uint8Array(z.batch));
  job.received += 1;
  answeredAll(job);
}

// In the zipper.
function cleanNames(port, z) {
  let answer = null;
  try {
    answer = wasm_bindgen.clean_names(new Uint8Array(z.batch)).buffer;
  } catch (err) {
    answer = null;
  }
  if (answer) port.postMessage({ names: z.serial, index: z.index, answer }, [answer]);
  else port.postMessage({ names: z.serial, index: z.index, batch: z.batch }, [z.batch]);
}

// ---- the cleaned list's workbook is written in the background as soon as the summary of a
// cleaning or a merge is sent, while the page draws it and the officer reads it: the
// download is then ready, or well on its way, when asked for. It is written in steps of
// 4 MB, so the statistics, the findings' pages and records are answered between them; a
// change to the list (an edit, a merge, a new file, a new cleaning) gives it up. Only with
// a zipper: alone, this worker would be busy for seconds.
let prepared = null;     // the promise of that workbook

function prepareWorkbook() {
  if (prepared || !zipPort || zipWaiting || !session) return;
  prepared = zipped((parts) => session.workbook(parts));
  // Failed: written afresh when asked for, which reports the failure.
  prepared.catch(() => {});
}

function giveUpPrepared() {
  if (zipCancel) zipCancel();
  prepared = null;
}

// In the zipper: make a file of the parts that arrive on `port`, reply with the Blob (or
// the error) when they end.
function serveZips(port) {
  let zipper = null;
  let file = null;
  let error = null;
  const reset = () => { if (zipper) zipper.free(); zipper = null; file = null; error = null; };
  port.onmessage = (event) => {
    const z = event.data;
    if (z.type === 'inflate') { inflatePart(port, z); return; }
    if (z.type === 'names') { cleanNames(port, z); return; }
    if (z.type === 'stop-inflate') { stopInflating(); inflateFile = null; inflateBuffers.length = 0; return; }
    if (z.type === 'inflate-buffer') {
      if (inflateBuffers.length < INFLATE_AHEAD) inflateBuffers.push(z.buffer);
      if (inflation && inflation.serial === z.serial) { inflation.ahead -= 1; inflateOn(port); }
      return;
    }
    if (z.type === 'abort') { reset(); return; }
    try {
      if (!zipper && !error) {
        file = pieces();
        zipper = new wasm_bindgen.Zipper(file.add);
      }
      if (error) { /* the rest of a failed file: ignored until it ends */ }
      else if (z.type === 'start') zipper.start(z.path);
      else if (z.type === 'write') zipper.write(z.bytes);
      else if (z.type === 'append') zipper.append(z.bytes, z.crc, z.len);
      else if (z.type === 'finish') zipper.finish();
    } catch (err) {
      error = err;
      if (zipper) zipper.free();
      zipper = null;
    }
    // Compressed (or, after a failure, let go): the writer may go on.
    if (z.type === 'write' || z.type === 'append') {
      port.postMessage({ compressed: z.type === 'write' ? z.bytes.length : 0, buffer: z.bytes.buffer }, [z.bytes.buffer]);
    }
    if (z.type === 'finish') {
      port.postMessage(error ? { error: cloneable(error), id: z.id } : { blob: file.blob(), id: z.id });
      reset();
    }
  };
  port.postMessage({ ready: true });
}

// The core's errors are plain objects and cross as they are; anything else (a trap) as text.
function cloneable(err) {
  if (err && typeof err === 'object' && typeof err.code === 'string' && 'message_vi' in err) return err;
  return String((err && err.message) || err);
}

// The memory reading a file surely takes in this worker, made ready while the page reads
// the file (see `expect`). Measured on a province's list, the worker's memory after reading:
// xlsx 28 MB → 179 MB, xlsx with inline strings (openpyxl) 32 MB → 170 MB, CSV 58 MB →
// 248 MB. Three times the file's size leaves room for other writers' files, and takes about
// as long as the page's reading. Other kinds of file: none.
const PREPARED_KINDS = /\.(xlsx|xlsm|ods|csv|txt)$/i;
const PREPARED_PER_BYTE = 3;

function memoryFor(name, size) {
  return PREPARED_KINDS.test(name || '') ? PREPARED_PER_BYTE * size : 0;
}

// The list open until now is let go (a new file is coming), and its workbook if under way.
function letGoOfList() {
  giveUpPrepared();
  if (session) { session.free(); session = null; }
}

// The page hears of the cleaning's progress at most this often.
const PROGRESS_MS = 100;

const handlers = {
  init(m) { wasm_bindgen.initSync({ module: m.module }); return {}; },
  // This worker's zipper (another worker) listens on m.port.
  connect(m) { connect(m.port); return {}; },
  // This worker is a zipper for the worker at the other end of m.port.
  zipper(m) { serveZips(m.port); return {}; },
  // The page is reading the file m.name of m.size bytes for this worker: its memory is made
  // ready meanwhile (see memoryFor); the list open until now is let go first, as opening would.
  expect(m) {
    letGoOfList();
    wasm_bindgen.prepare_memory(memoryFor(m.name, m.size));
    return {};
  },
  async open(m) {
    letGoOfList();
    if (zipperStarting) await zipperStarting;
    const read = await opened(m.bytes, m.name, m.options);
    session = read.session;
    return { info: session.inspect(5), roles: wasm_bindgen.roles(), inflated_by: read.inflatedBy };
  },
  async clean(m) {
    giveUpPrepared();
    // The core reports every 2,000 rows, every few milliseconds on a province's list: the
    // page is told at most every PROGRESS_MS, and of the end. Each report cost the page's
    // thread about 0.5 ms (the message, a layout, a paint), taken from the two workers' cores.
    let toldAt = -Infinity;
    const progress = (stage, done, total) => {
      const now = performance.now();
      if (now - toldAt < PROGRESS_MS && done < total) return;
      toldAt = now;
      post({ id: m.id, type: 'progress', stage, done, total });
    };
    if (!zipPort || zipWaiting) return { summary: session.clean(m.options, progress, null) };
    // The zipper cleans the person names, batch by batch, while this worker cleans the rest.
    const answers = namesCleaned();
    session.clean(m.options, progress, answers.send);
    for (const answer of await answers.all()) session.apply_names(answer);
    return { summary: session.finish_cleaning() };
  },
  page(m) { return { page: session.findings_page(m.filter, m.offset, m.limit) }; },
  record(m) { return { record: session.record(m.row, m.lang || null) }; },
  statistics() { return { statistics: session.statistics() }; },
  merge(m) { giveUpPrepared(); return session.merge(new Uint8Array(m.bytes), m.name); },
  edit(m) { giveUpPrepared(); return { summary: session.edit(m.row, m.col, m.value) }; },
  // The file arrives in pieces and becomes a Blob (in the zipper, or here): neither the
  // wasm memory nor the page ever holds it whole.
  async workbook() {
    if (prepared) {
      // Failed or given up: written afresh, and a failure is then reported.
      try { return await prepared; } catch (err) { prepared = null; }
    }
    return zipped((parts) => session.workbook(parts));
  },
  async work_list(m) {
    // One workbook at a time through the zipper.
    if (prepared) await prepared.catch(() => {});
    return zipped((parts) => session.work_list(m.kind, parts));
  },
  report() { return { json: session.report_json() }; },
};

// One request at a time, in order: a workbook waits for its zipper between steps, and an
// edit must not change the list under it.
let queue = Promise.resolve();
self.onmessage = (event) => {
  const m = event.data;
  queue = queue.then(() => handle(m));
};

async function handle(m) {
  try {
    const handler = handlers[m.type];
    if (!handler) throw new Error('unknown request ' + m.type);
    const started = performance.now();
    const out = await handler(m);
    const [reply, transfer] = Array.isArray(out) ? out : [out, []];
    const worker_ms = Math.round(performance.now() - started);
    post(Object.assign({ id: m.id, type: 'done', wasm_bytes: wasm_bindgen.wasm_memory_bytes(), worker_ms }, reply), transfer);
    // The summary is on its way to the page: the workbook can start.
    if (m.type === 'clean' || m.type === 'merge') prepareWorkbook();
  } catch (err) {
    fail(m.id, err);
  }
}
