//! The WebAssembly face for the page's worker: a `Session` over one file. It converts
//! options and results with serde-wasm-bindgen and funnels every error through
//! [`to_js_error`]; everything else is the core's public API.

use crate::clean::{Cleaned, Stage};
use crate::error::Error;
use crate::options::Options;
use crate::report::Lang;
use crate::workbook::role::Role;
use crate::workbook::xlsx::{write_on, Block, Deflater, Parts, Zip};
use crate::workbook::xlsx_reader::records::SheetScan;
use crate::workbook::xlsx_reader::source::{read_on, Entry, Feed, Here, Inflate};
use crate::{Layout, Table};
use serde::Serialize;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::Poll;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

#[derive(Serialize)]
struct JsErrorInfo {
    code: &'static str,
    message_vi: String,
    message_en: String,
}

fn to_js_error(e: Error) -> JsValue {
    let info = JsErrorInfo {
        code: e.code(),
        message_vi: e.message(Lang::Vi),
        message_en: e.message(Lang::En),
    };
    serde_wasm_bindgen::to_value(&info).unwrap_or_else(|_| JsValue::from_str(&e.to_string()))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // Maps as plain objects, so the page reads `summary.by_rule["text.nfc"]`.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            to_js_error(Error::BadOption {
                detail: e.to_string(),
            })
        })
}

fn options_from(value: JsValue) -> Result<Options, JsValue> {
    let value = if value.is_undefined() || value.is_null() {
        js_sys::Object::new().into()
    } else {
        value
    };
    let mut options: Options = serde_wasm_bindgen::from_value(value).map_err(|e| {
        to_js_error(Error::BadOption {
            detail: e.to_string(),
        })
    })?;
    if options.reference_date.is_none() {
        // Today on this computer's calendar, as the page would show it.
        let now = js_sys::Date::new_0();
        options.reference_date = chrono::NaiveDate::from_ymd_opt(
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        );
    }
    Ok(options)
}

/// What the page shows before cleaning: the sheet, the header found, the column roles and
/// the first rows.
#[derive(Serialize)]
struct Inspection<'a> {
    file_name: &'a str,
    format: crate::workbook::table::FileFormat,
    sheets: &'a [String],
    sheet: &'a str,
    rows: usize,
    header_first: u32,
    header_last: u32,
    data_start: u32,
    columns: &'a [crate::workbook::header::Column],
    preview: Vec<Vec<String>>,
}

/// One open file ([`Opening::session`]): read once, inspected, cleaned, then written on
/// request.
#[wasm_bindgen]
pub struct Session {
    table: Option<Table>,
    layout: Layout,
    /// Shared with a workbook being written ([`Writing`]); an edit waits for it to end.
    cleaned: Option<Rc<Cleaned>>,
    /// Cleaned but for the person names, which the other worker is cleaning.
    half_cleaned: Option<Cleaned>,
}

#[wasm_bindgen]
impl Session {
    pub fn inspect(&self, preview_rows: usize) -> Result<JsValue, JsValue> {
        let table = match (&self.table, &self.cleaned) {
            (Some(t), _) => t,
            (None, Some(c)) => &c.table,
            (None, None) => return Err(JsValue::from_str("no table")),
        };
        let start = self.layout.data_start as usize;
        let preview = table
            .rows
            .iter()
            .skip(start)
            .take(preview_rows)
            .map(|row| {
                (0..usize::from(table.width))
                    .map(|c| row.get(c).map(|v| v.display()).unwrap_or_default())
                    .collect()
            })
            .collect();
        to_js(&Inspection {
            file_name: &table.file_name,
            format: table.format,
            sheets: &table.sheets,
            sheet: &table.sheet,
            rows: table.height(),
            header_first: self.layout.header_first,
            header_last: self.layout.header_last,
            data_start: self.layout.data_start,
            columns: &self.layout.columns,
            preview,
        })
    }

    /// Cleans with `options` (column overrides applied to the detected layout) and returns
    /// the summary. `progress(stage, done, total)` is called every few thousand rows. With
    /// `send_names`, the person names are handed to it in batches (`Uint8Array`s) for the
    /// other worker's [`clean_names`] instead: give each answer to [`Session::apply_names`],
    /// then [`Session::finish_cleaning`] returns the summary.
    pub fn clean(
        &mut self,
        options: JsValue,
        progress: Option<js_sys::Function>,
        send_names: Option<js_sys::Function>,
    ) -> Result<JsValue, JsValue> {
        let options = options_from(options)?;
        #[cfg(feature = "panic-test")]
        if options.sheet.as_deref() == Some("__panic__") {
            panic!("deliberate panic for the recovery test");
        }
        let mut layout = self.layout.clone();
        for (role, column) in &options.columns {
            layout.apply_override(role, column).map_err(to_js_error)?;
        }
        // Taken once the options are known good: a refused override leaves the table.
        let table = self
            .table
            .take()
            .ok_or_else(|| JsValue::from_str("already cleaned"))?;
        let mut report = |stage: Stage, done: usize, total: usize| {
            if let Some(f) = &progress {
                let stage = match stage {
                    Stage::Read => "read",
                    Stage::Check => "check",
                    Stage::Write => "write",
                };
                // A failing progress callback must not stop the cleaning.
                let _ = f.call3(
                    &JsValue::NULL,
                    &stage.into(),
                    &(done as f64).into(),
                    &(total as f64).into(),
                );
            }
        };
        if let Some(send) = send_names {
            // Each batch is copied out for the other worker; a failing send (it cannot
            // happen: the worker posts it) would leave those names as they are.
            let mut send = |batch: Vec<u8>| {
                let _ = send.call1(&JsValue::NULL, &js_sys::Uint8Array::from(&batch[..]));
            };
            let cleaned =
                crate::clean::clean_cells(table, layout, &options, &mut report, Some(&mut send));
            self.half_cleaned = Some(cleaned);
            return Ok(JsValue::UNDEFINED);
        }
        let cleaned = crate::clean::clean_table(table, layout, &options, &mut report);
        let summary = to_js(&cleaned.summary)?;
        self.cleaned = Some(Rc::new(cleaned));
        Ok(summary)
    }

    /// After [`Session::clean`] with `send_names`: one batch's answer from the other worker.
    pub fn apply_names(&mut self, answer: &[u8]) -> Result<(), JsValue> {
        let cleaned = self
            .half_cleaned
            .as_mut()
            .ok_or_else(|| JsValue::from_str("not cleaning"))?;
        if !crate::clean::apply_names(cleaned, answer) {
            return Err(JsValue::from_str("not an answer for this list"));
        }
        Ok(())
    }

    /// After every batch's answer: the name checks, the duplicates, the summary.
    pub fn finish_cleaning(&mut self) -> Result<JsValue, JsValue> {
        let mut cleaned = self
            .half_cleaned
            .take()
            .ok_or_else(|| JsValue::from_str("not cleaning"))?;
        crate::clean::finish(&mut cleaned);
        let summary = to_js(&cleaned.summary)?;
        self.cleaned = Some(Rc::new(cleaned));
        Ok(summary)
    }

    pub fn report_json(&self) -> Result<String, JsValue> {
        let cleaned = self
            .cleaned
            .as_ref()
            .ok_or_else(|| JsValue::from_str("not cleaned yet"))?;
        Ok(crate::report_json(cleaned))
    }

    /// The cleaned workbook, its parts handed to `parts` as they are made; a [`Zipper`], in
    /// this worker or in another, makes the file of them. Drive the [`Writing`] to its end.
    pub fn workbook(&self, parts: PartsSink) -> Result<Writing, JsValue> {
        let cleaned = self.shared()?;
        Ok(Writing::new(async move {
            crate::write_workbook_parts(&cleaned, &mut JsParts::new(parts)).await
        }))
    }

    fn shared(&self) -> Result<Rc<Cleaned>, JsValue> {
        self.cleaned
            .clone()
            .ok_or_else(|| JsValue::from_str("not cleaned yet"))
    }

    /// The cleaned tables, to change: not while a workbook of them is being written.
    fn cleaned_mut(&mut self) -> Result<&mut Cleaned, JsValue> {
        let cleaned = self
            .cleaned
            .as_mut()
            .ok_or_else(|| JsValue::from_str("not cleaned yet"))?;
        Rc::get_mut(cleaned).ok_or_else(|| JsValue::from_str("a workbook is being written"))
    }
}

/// A file being opened: the sheet in `options.sheet`, or the first with data. The large
/// parts of an xlsx are inflated by the page's second worker and fed here piece by piece while this worker
/// scans them (two cores share the reading). Drive it: [`Opening::step`]; when it returns
/// false, send the bytes of [`Opening::wanted`] to be inflated, [`Opening::feed`] the
/// pieces as they come, [`Opening::end`] the part, and step again; once it returns true,
/// take the [`Opening::session`].
#[wasm_bindgen]
pub struct Opening {
    reading: Reading,
    feed: Feed,
    opened: Option<Result<(Table, Layout), Error>>,
}

/// The reader of a file being opened.
type Reading = Pin<Box<dyn Future<Output = Result<(Table, Layout), Error>>>>;

/// A part to inflate: its stored bytes in the file, how they are packed, its CRC-32, and
/// whether it is a sheet whose cells are wanted scanned (as records) rather than as XML.
#[derive(Serialize)]
struct Wanted {
    start: f64,
    end: f64,
    deflated: bool,
    crc: u32,
    cells: bool,
}

impl Wanted {
    fn of(e: Entry, cells: bool) -> Result<JsValue, JsValue> {
        to_js(&Wanted {
            start: e.start as f64,
            end: e.end as f64,
            deflated: e.deflated,
            crc: e.crc,
            cells,
        })
    }
}

#[wasm_bindgen]
impl Opening {
    /// `fed`: whether the large parts will be fed (a second worker inflates them); else they
    /// are inflated here and the first step ends the opening.
    #[wasm_bindgen(constructor)]
    pub fn new(
        bytes: Vec<u8>,
        file_name: String,
        options: JsValue,
        fed: bool,
    ) -> Result<Opening, JsValue> {
        let options = options_from(options)?;
        let feed = Feed::default();
        let reading: Reading = if fed {
            let mut sources = feed.clone();
            Box::pin(
                async move { crate::open_from(&bytes, &file_name, &options, &mut sources).await },
            )
        } else {
            Box::pin(async move { crate::open_from(&bytes, &file_name, &options, &mut Here).await })
        };
        Ok(Opening {
            reading,
            feed,
            opened: None,
        })
    }

    /// Reads on as far as the pieces fed allow; true once the file is read (or refused).
    pub fn step(&mut self) -> bool {
        if self.opened.is_none() {
            if let Poll::Ready(opened) = read_on(self.reading.as_mut()) {
                self.opened = Some(opened);
            }
        }
        self.opened.is_some()
    }

    /// The part the reader has started on since the last call, if any: `{start, end,
    /// deflated, crc, cells}`, the bytes `start..end` of the file to inflate (and, with
    /// `cells`, to scan: see [`Inflater::new`]).
    pub fn wanted(&mut self) -> Result<JsValue, JsValue> {
        match self.feed.wanted() {
            Some((e, cells)) => Wanted::of(e, cells),
            None => Ok(JsValue::NULL),
        }
    }

    /// The sheet part the reader will open scanned once the parts before it are read, if it
    /// has said so since the last call: as [`Opening::wanted`]. Its scanning may start as
    /// soon as the part being read is inflated.
    pub fn coming(&mut self) -> Result<JsValue, JsValue> {
        match self.feed.coming() {
            Some(e) => Wanted::of(e, true),
            None => Ok(JsValue::NULL),
        }
    }

    /// The next inflated bytes of the part being read (copied into room kept between
    /// pieces).
    pub fn feed(&mut self, piece: &js_sys::Uint8Array) {
        self.feed
            .give_with(piece.length() as usize, |room| piece.copy_to(room));
    }

    /// The part is whole (`inflated`), or could not be inflated: the reader then leaves the
    /// file to calamine, which says what is wrong with it.
    pub fn end(&mut self, inflated: bool) {
        self.feed.end(inflated);
    }

    /// The session over the file read; an error if it was refused.
    pub fn session(mut self) -> Result<Session, JsValue> {
        match self.opened.take() {
            Some(Ok((table, layout))) => Ok(Session {
                table: Some(table),
                layout,
                cleaned: None,
                half_cleaned: None,
            }),
            Some(Err(e)) => Err(to_js_error(e)),
            None => Err(JsValue::from_str("not read yet")),
        }
    }
}

/// Inflates one zip part for the other worker, a piece at a time (see [`Opening`]); its
/// stored bytes are given a piece at a time too, so this worker's memory holds no copy of
/// them.
#[wasm_bindgen]
pub struct Inflater {
    part: Part,
    buf: Vec<u8>,
}

/// What an [`Inflater`] hands over: the part's bytes, or its cells scanned.
enum Part {
    Bytes(Inflate<Vec<u8>>),
    Cells(SheetScan),
}

#[wasm_bindgen]
impl Inflater {
    /// `cells`: the part is a sheet, handed over as the records of its cells (the other
    /// worker then has only to put them in its table).
    #[wasm_bindgen(constructor)]
    pub fn new(deflated: bool, crc: u32, cells: bool) -> Inflater {
        Inflater {
            part: if cells {
                Part::Cells(SheetScan::new(deflated, crc))
            } else {
                Part::Bytes(Inflate::given(deflated, crc))
            },
            buf: Vec::new(),
        }
    }

    /// The part's next stored bytes, as asked for by [`Inflater::read`].
    pub fn give(&mut self, stored: &[u8]) {
        self.given(Some(stored));
    }

    /// There are no more stored bytes.
    pub fn give_end(&mut self) {
        self.given(None);
    }

    fn given(&mut self, stored: Option<&[u8]>) {
        match &mut self.part {
            Part::Bytes(part) => part.give(stored),
            Part::Cells(scan) => scan.give(stored),
        }
    }

    /// Inflates the next bytes into `piece`; returns how many: 0 once the part is whole and
    /// its CRC-32 checked, -1 when it needs more stored bytes. Throws on damaged data.
    pub fn read(&mut self, piece: &js_sys::Uint8Array) -> Result<i32, JsValue> {
        self.buf.resize(piece.length() as usize, 0);
        let read = match &mut self.part {
            Part::Bytes(part) => part.read(&mut self.buf),
            Part::Cells(scan) => scan.read(&mut self.buf),
        };
        let n = match read {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return Ok(-1),
            Err(e) => return Err(JsValue::from_str(&e.to_string())),
        };
        piece.subarray(0, n as u32).copy_from(&self.buf[..n]);
        Ok(n as i32)
    }
}

/// A workbook being written: [`Writing::step`] runs it until its parts' receiver is not
/// ready for more, or to its end.
#[wasm_bindgen]
pub struct Writing(Pin<Box<dyn Future<Output = Result<(), Error>>>>);

impl Writing {
    fn new(writer: impl Future<Output = Result<(), Error>> + 'static) -> Self {
        Writing(Box::pin(writer))
    }
}

#[wasm_bindgen]
impl Writing {
    /// Writes on; true once the workbook is whole. When false, call again once the
    /// receiver is ready.
    pub fn step(&mut self) -> Result<bool, JsValue> {
        match write_on(self.0.as_mut()) {
            Poll::Ready(result) => result.map(|()| true).map_err(to_js_error),
            Poll::Pending => Ok(false),
        }
    }
}

#[wasm_bindgen]
impl Session {
    /// Findings matching `filter` ({severity, code, column, village, commune, search, lang}), `limit` of
    /// them from `offset`, with the total: the review table asks only for what it shows.
    pub fn findings_page(
        &self,
        filter: JsValue,
        offset: usize,
        limit: usize,
    ) -> Result<JsValue, JsValue> {
        let cleaned = self
            .cleaned
            .as_ref()
            .ok_or_else(|| JsValue::from_str("not cleaned yet"))?;
        let filter: crate::review::Filter = if filter.is_undefined() || filter.is_null() {
            crate::review::Filter::default()
        } else {
            serde_wasm_bindgen::from_value(filter).map_err(|e| {
                to_js_error(Error::BadOption {
                    detail: e.to_string(),
                })
            })?
        };
        to_js(&crate::review::findings_page(
            cleaned, &filter, offset, limit,
        ))
    }

    /// Every cell of one sheet row with its original and current value, messages in `lang`
    /// ("vi" or "en"; the page's language may have changed since cleaning).
    pub fn record(&self, row: u32, lang: Option<String>) -> Result<JsValue, JsValue> {
        let cleaned = self
            .cleaned
            .as_ref()
            .ok_or_else(|| JsValue::from_str("not cleaned yet"))?;
        let lang = match lang.as_deref() {
            Some("en") => Lang::En,
            Some("vi") => Lang::Vi,
            _ => cleaned.options.lang,
        };
        to_js(&crate::review::record_in(cleaned, row, lang))
    }

    /// The figures for the charts and the printable summary (see [`crate::statistics`]).
    pub fn statistics(&self) -> Result<JsValue, JsValue> {
        let cleaned = self
            .cleaned
            .as_ref()
            .ok_or_else(|| JsValue::from_str("not cleaned yet"))?;
        to_js(&crate::statistics::statistics(cleaned))
    }

    /// A person's edit of one cell; returns the new summary.
    pub fn edit(&mut self, row: u32, col: u16, value: &str) -> Result<JsValue, JsValue> {
        let cleaned = self.cleaned_mut()?;
        crate::review::edit(cleaned, row, col, value).map_err(to_js_error)?;
        to_js(&cleaned.summary)
    }

    /// Cleans a list of children found in households and merges it into this one: the new
    /// children are appended, the others listed. Returns {merge, summary}.
    pub fn merge(&mut self, bytes: &[u8], file_name: &str) -> Result<JsValue, JsValue> {
        let cleaned = self.cleaned_mut()?;
        let options = Options {
            sheet: None,
            columns: Vec::new(),
            ..cleaned.options.clone()
        };
        let found =
            crate::clean(bytes, file_name, &options, &mut |_, _, _| {}).map_err(to_js_error)?;
        let merged = crate::merge::merge(cleaned, &found);
        #[derive(Serialize)]
        struct Reply<'a> {
            merge: &'a crate::merge::MergeSummary,
            summary: &'a crate::report::Summary,
        }
        to_js(&Reply {
            merge: &merged.summary,
            summary: &cleaned.summary,
        })
    }

    /// A work list as its own workbook (`kind` is "police" or "household"), its parts
    /// handed to `parts` like [`Session::workbook`].
    pub fn work_list(&self, kind: &str, parts: PartsSink) -> Result<Writing, JsValue> {
        use crate::workbook::work_lists::Kind;
        let cleaned = self.shared()?;
        let kind = match kind {
            "police" => Kind::Police,
            "household" => Kind::Household,
            other => return Err(JsValue::from_str(&format!("unknown list {other}"))),
        };
        Ok(Writing::new(async move {
            crate::write_work_list_parts(&cleaned, kind, &mut JsParts::new(parts)).await
        }))
    }
}

#[wasm_bindgen]
extern "C" {
    /// The page's receiver of a workbook's parts: `{start(path), write(bytes), append(bytes,
    /// crc, len), finish(), busy(), ready()}`. `bytes` is a view into this instance's memory,
    /// valid only during the call.
    pub type PartsSink;
    #[wasm_bindgen(method, catch)]
    fn start(this: &PartsSink, path: &str) -> Result<(), JsValue>;
    /// XML for the receiver to deflate.
    #[wasm_bindgen(method, catch)]
    fn write(this: &PartsSink, bytes: &[u8]) -> Result<(), JsValue>;
    /// XML deflated here: a [`Block`] of `len` bytes whose CRC-32 is `crc`.
    #[wasm_bindgen(method, catch)]
    fn append(this: &PartsSink, bytes: &[u8], crc: u32, len: f64) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch)]
    fn finish(this: &PartsSink) -> Result<(), JsValue>;
    /// Whether the receiver has enough XML waiting: the next write is deflated here.
    #[wasm_bindgen(method)]
    fn busy(this: &PartsSink) -> bool;
    #[wasm_bindgen(method)]
    fn ready(this: &PartsSink) -> bool;
}

/// The page's receiver, and this worker's own deflater for the writes it takes on while the
/// receiver (the zipper, in another worker) is busy: both cores deflate, and the file has
/// the same bytes whoever deflated which write.
struct JsParts {
    sink: PartsSink,
    deflater: Option<Deflater>,
}

impl JsParts {
    fn new(sink: PartsSink) -> Self {
        JsParts {
            sink,
            deflater: None,
        }
    }
}

fn page_refused(_: JsValue) -> std::io::Error {
    std::io::Error::other("the page did not take the file")
}

impl Parts for JsParts {
    fn start(&mut self, path: &str) -> std::io::Result<()> {
        self.sink.start(path).map_err(page_refused)
    }

    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        if bytes.is_empty() || !self.sink.busy() {
            return self.sink.write(bytes).map_err(page_refused);
        }
        let block = self
            .deflater
            .get_or_insert_with(Deflater::default)
            .deflate(bytes)?;
        self.sink
            .append(block.bytes, block.crc, block.len as f64)
            .map_err(page_refused)
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.sink.finish().map_err(page_refused)
    }

    fn ready(&mut self) -> bool {
        self.sink.ready()
    }
}

/// Zips a workbook's parts into a file handed to `sink` in pieces of a few megabytes (each a
/// `Uint8Array`), so the whole file is never in wasm memory. The page runs one in a second
/// worker: deflate there, while the first worker makes the XML.
#[wasm_bindgen]
pub struct Zipper(Zip<JsChunks>);

#[wasm_bindgen]
impl Zipper {
    #[wasm_bindgen(constructor)]
    pub fn new(sink: js_sys::Function) -> Zipper {
        Zipper(Zip::new(JsChunks::new(sink)))
    }

    pub fn start(&mut self, path: &str) -> Result<(), JsValue> {
        self.0.start(path).map_err(zip_error)
    }

    /// XML to deflate here.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), JsValue> {
        self.0.write(bytes).map_err(zip_error)
    }

    /// XML the other worker deflated: `len` bytes whose CRC-32 is `crc`.
    pub fn append(&mut self, bytes: &[u8], crc: u32, len: f64) -> Result<(), JsValue> {
        let block = Block {
            bytes,
            crc,
            len: len as u64,
        };
        self.0.append(block).map_err(zip_error)
    }

    pub fn finish(&mut self) -> Result<(), JsValue> {
        self.0.finish().map_err(zip_error)
    }
}

fn zip_error(e: std::io::Error) -> JsValue {
    to_js_error(crate::workbook::xlsx::write_error(e))
}

/// A writer that hands what it is given to a JS function in pieces of `CHUNK` bytes.
struct JsChunks {
    sink: js_sys::Function,
    buf: Vec<u8>,
}

impl JsChunks {
    const CHUNK: usize = 4 * 1024 * 1024;

    fn new(sink: js_sys::Function) -> Self {
        JsChunks {
            sink,
            buf: Vec::with_capacity(Self::CHUNK),
        }
    }

    fn call(&self, piece: js_sys::Uint8Array) -> std::io::Result<()> {
        self.sink
            .call1(&JsValue::NULL, &piece)
            .map(|_| ())
            .map_err(page_refused)
    }
}

impl std::io::Write for JsChunks {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        // Never past the buffer's capacity: growing it would leave the old one behind in
        // the wasm memory, which never shrinks.
        if self.buf.len() + data.len() > Self::CHUNK {
            self.flush()?;
        }
        if data.len() >= Self::CHUNK {
            let piece = js_sys::Uint8Array::from(data);
            return self.call(piece).map(|()| data.len());
        }
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let piece = js_sys::Uint8Array::from(&self.buf[..]);
        self.buf.clear();
        self.call(piece)
    }
}

/// In the other worker: a batch of person names cleaned (see [`Session::clean`]), the
/// answer for [`Session::apply_names`].
#[wasm_bindgen]
pub fn clean_names(batch: &[u8]) -> Result<Vec<u8>, JsValue> {
    crate::text::name_batch::clean_batch(batch)
        .ok_or_else(|| JsValue::from_str("not a batch of names"))
}

#[derive(Serialize)]
struct RoleInfo {
    key: &'static str,
    vi: &'static str,
    en: &'static str,
}

/// Makes `bytes` of this instance's memory ready before a file is read into it, while the
/// page is still reading the file: touches one byte of every 4 KB page, then gives it all back
/// to the allocator, which hands out the same, already touched, pages to the reading. The
/// first touch of fresh wasm memory costs the operating system a page fault per page (about
/// 100 ms per 200 MB measured in a worker), which otherwise falls on the reading. Memory it
/// cannot get is simply not prepared.
#[wasm_bindgen]
pub fn prepare_memory(bytes: f64) {
    let n = if bytes.is_finite() {
        bytes.clamp(0.0, PREPARE_AT_MOST as f64) as usize
    } else {
        0
    };
    let mut room: Vec<u8> = Vec::new();
    if room.try_reserve_exact(n).is_err() {
        return;
    }
    for byte in room.spare_capacity_mut().iter_mut().step_by(4096) {
        byte.write(0);
    }
    // The writes must happen although nothing reads them before the memory is freed.
    std::hint::black_box(room.spare_capacity_mut().as_ptr());
}

/// The most [`prepare_memory`] prepares: a million-row list's table is about 500 MB.
const PREPARE_AT_MOST: usize = 512 << 20;

/// The size of this instance's linear memory in bytes: its high-water mark, since wasm
/// memory only grows. The page shows nothing of it; benchmarks read it.
#[wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65_536) as f64
}

/// The column roles, for the page's role pickers.
#[wasm_bindgen]
pub fn roles() -> Result<JsValue, JsValue> {
    let roles: Vec<RoleInfo> = Role::ALL
        .iter()
        .map(|r| RoleInfo {
            key: r.key(),
            vi: r.label_vi(),
            en: r.label_en(),
        })
        .collect();
    to_js(&roles)
}
