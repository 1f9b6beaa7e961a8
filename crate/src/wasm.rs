//! The WebAssembly face for the page's worker: a `Session` over one file. It converts
//! options and results with serde-wasm-bindgen and funnels every error through
//! [`to_js_error`]; everything else is the core's public API.

use crate::clean::{Cleaned, Stage};
use crate::error::Error;
use crate::options::Options;
use crate::report::Lang;
use crate::workbook::role::Role;
use crate::{Layout, Table};
use serde::Serialize;
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

/// One open file: read once, inspected, cleaned, then written on request.
#[wasm_bindgen]
pub struct Session {
    table: Option<Table>,
    layout: Layout,
    cleaned: Option<Cleaned>,
}

#[wasm_bindgen]
impl Session {
    /// Reads `bytes` (the sheet in `options.sheet`, or the first with data).
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: &[u8], file_name: &str, options: JsValue) -> Result<Session, JsValue> {
        let options = options_from(options)?;
        let (table, layout) = crate::open(bytes, file_name, &options).map_err(to_js_error)?;
        Ok(Session {
            table: Some(table),
            layout,
            cleaned: None,
        })
    }

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
    /// the summary. `progress(stage, done, total)` is called every few thousand rows.
    pub fn clean(
        &mut self,
        options: JsValue,
        progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsValue> {
        let options = options_from(options)?;
        #[cfg(feature = "panic-test")]
        if options.sheet.as_deref() == Some("__panic__") {
            panic!("deliberate panic for the recovery test");
        }
        let table = self
            .table
            .take()
            .ok_or_else(|| JsValue::from_str("already cleaned"))?;
        let mut layout = self.layout.clone();
        for (role, column) in &options.columns {
            layout.apply_override(role, column).map_err(to_js_error)?;
        }
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
        let cleaned = crate::clean::clean_table(table, layout, &options, &mut report);
        let summary = to_js(&cleaned.summary)?;
        self.cleaned = Some(cleaned);
        Ok(summary)
    }

    pub fn report_json(&self) -> Result<String, JsValue> {
        let cleaned = self
            .cleaned
            .as_ref()
            .ok_or_else(|| JsValue::from_str("not cleaned yet"))?;
        Ok(crate::report_json(cleaned))
    }

    /// Writes the cleaned workbook, handing it to `sink` in pieces of a few megabytes (each
    /// a `Uint8Array`), so the whole file is never in wasm memory.
    pub fn workbook(&self, sink: &js_sys::Function) -> Result<(), JsValue> {
        let cleaned = self
            .cleaned
            .as_ref()
            .ok_or_else(|| JsValue::from_str("not cleaned yet"))?;
        let mut chunks = JsChunks::new(sink);
        crate::write_workbook_to(cleaned, &mut chunks).map_err(to_js_error)
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
        let cleaned = self
            .cleaned
            .as_mut()
            .ok_or_else(|| JsValue::from_str("not cleaned yet"))?;
        crate::review::edit(cleaned, row, col, value).map_err(to_js_error)?;
        to_js(&cleaned.summary)
    }

    /// Cleans a list of children found in households and merges it into this one: the new
    /// children are appended, the others listed. Returns {merge, summary}.
    pub fn merge(&mut self, bytes: &[u8], file_name: &str) -> Result<JsValue, JsValue> {
        let cleaned = self
            .cleaned
            .as_mut()
            .ok_or_else(|| JsValue::from_str("not cleaned yet"))?;
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

    /// A work list as its own workbook (`kind` is "police" or "household"), in pieces to
    /// `sink` like [`Session::workbook`].
    pub fn work_list(&self, kind: &str, sink: &js_sys::Function) -> Result<(), JsValue> {
        use crate::workbook::work_lists::Kind;
        let cleaned = self
            .cleaned
            .as_ref()
            .ok_or_else(|| JsValue::from_str("not cleaned yet"))?;
        let kind = match kind {
            "police" => Kind::Police,
            "household" => Kind::Household,
            other => return Err(JsValue::from_str(&format!("unknown list {other}"))),
        };
        let mut chunks = JsChunks::new(sink);
        crate::write_work_list_to(cleaned, kind, &mut chunks).map_err(to_js_error)
    }
}

/// A writer that hands what it is given to a JS function in pieces of `CHUNK` bytes.
struct JsChunks<'f> {
    sink: &'f js_sys::Function,
    buf: Vec<u8>,
}

impl<'f> JsChunks<'f> {
    const CHUNK: usize = 4 * 1024 * 1024;

    fn new(sink: &'f js_sys::Function) -> Self {
        JsChunks {
            sink,
            buf: Vec::with_capacity(Self::CHUNK),
        }
    }
}

impl std::io::Write for JsChunks<'_> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        if self.buf.len() >= Self::CHUNK {
            self.flush()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let piece = js_sys::Uint8Array::from(&self.buf[..]);
        self.buf.clear();
        self.sink
            .call1(&JsValue::NULL, &piece)
            .map(|_| ())
            .map_err(|_| std::io::Error::other("the page did not take the file"))
    }
}

#[derive(Serialize)]
struct RoleInfo {
    key: &'static str,
    vi: &'static str,
    en: &'static str,
}

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
