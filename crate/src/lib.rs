//! LamSach cleans the list of children under 16 exported from the child-information
//! software for Project 06 (Đề án 06).
//!
//! The data's trip, one folder per stage: [`workbook`] reads the bytes into a table and
//! finds the header and column roles; [`text`] repairs Vietnamese text; [`fields`] cleans
//! each kind of value; [`clean`] runs them over every record and collects [`report`]
//! findings; [`workbook::write`] writes the cleaned workbook. The core has no clock, no
//! I/O and no browser types: the CLI (`src/bin/lamsach.rs`) and the wasm face (`wasm.rs`)
//! are thin layers over the functions below.

pub mod checks;
pub mod clean;
pub mod error;
pub mod fields;
pub mod merge;
pub mod options;
pub mod reference;
pub mod report;
pub mod review;
pub mod rules;
pub mod statistics;
pub mod text;
pub mod workbook;

#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
pub mod wasm;

pub use clean::{Cleaned, Stage};
pub use error::Error;
pub use options::Options;
pub use workbook::header::Layout;
pub use workbook::table::Table;

/// Reads the chosen sheet (or the first with data) and finds its layout, applying the
/// column overrides in `options`.
pub fn open(bytes: &[u8], file_name: &str, options: &Options) -> Result<(Table, Layout), Error> {
    let table = read_guarded(bytes, file_name, options.sheet.as_deref())?;
    with_layout(bytes, file_name, options, table)
}

/// [`open`], the large parts of an xlsx read from `sources`: pending while they wait for
/// bytes (the page's second worker inflates them while this one scans).
pub async fn open_from(
    bytes: &[u8],
    file_name: &str,
    options: &Options,
    sources: &mut impl workbook::xlsx_reader::source::Sources,
) -> Result<(Table, Layout), Error> {
    let sheet = options.sheet.as_deref();
    let table = workbook::read::read_table_from(bytes, file_name, sheet, sources).await?;
    with_layout(bytes, file_name, options, table)
}

/// `table`'s layout; when it has no header and no sheet was named, the first other sheet
/// of `bytes` that has one.
fn with_layout(
    bytes: &[u8],
    file_name: &str,
    options: &Options,
    table: Table,
) -> Result<(Table, Layout), Error> {
    match layout_for(&table, options) {
        // No sheet was named and the first one with data is a cover page: take the first
        // sheet that has a header.
        Err(Error::NoHeader { .. }) if options.sheet.is_none() && table.sheets.len() > 1 => {
            for name in table.sheets.iter().filter(|n| **n != table.sheet) {
                let Ok(other) = workbook::read::read_table(bytes, file_name, Some(name)) else {
                    continue;
                };
                if let Ok(layout) = layout_for(&other, options) {
                    return Ok((other, layout));
                }
            }
            Err(Error::NoHeader { sheet: table.sheet })
        }
        result => Ok((table, result?)),
    }
}

/// Reads the sheet; a panic inside a reader library on damaged bytes (seen: calamine's
/// assertions on a malformed .xls, found by fuzzing) is a damaged file, not a crash. In
/// wasm a panic cannot be caught: the page restarts its worker and says the file is damaged.
fn read_guarded(bytes: &[u8], file_name: &str, sheet: Option<&str>) -> Result<Table, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        workbook::read::read_table(bytes, file_name, sheet)
    }))
    .unwrap_or_else(|_| {
        Err(Error::Corrupt {
            detail: "the reader stopped on damaged data".into(),
        })
    })
}

/// The detected layout of `table` with the user's column overrides applied.
pub fn layout_for(table: &Table, options: &Options) -> Result<Layout, Error> {
    if table.rows.iter().all(|r| r.iter().all(|c| c.is_empty())) {
        return Err(Error::EmptySheet {
            sheet: table.sheet.clone(),
        });
    }
    let mut layout = workbook::header::detect_layout(table)?;
    for (role, column) in &options.columns {
        layout.apply_override(role, column)?;
    }
    Ok(layout)
}

/// Reads and cleans in one call: `open` then [`clean::clean_table`].
pub fn clean(
    bytes: &[u8],
    file_name: &str,
    options: &Options,
    progress: &mut dyn FnMut(Stage, usize, usize),
) -> Result<Cleaned, Error> {
    progress(Stage::Read, 0, 1);
    let (table, layout) = open(bytes, file_name, options)?;
    progress(Stage::Read, 1, 1);
    Ok(clean::clean_table(table, layout, options, progress))
}

/// Cleans the exported list and a list of children found in households, and appends the
/// truly new children to the export (see [`merge::merge`]).
pub fn clean_and_merge(
    export: (&[u8], &str),
    new: (&[u8], &str),
    options: &Options,
    progress: &mut dyn FnMut(Stage, usize, usize),
) -> Result<(Cleaned, merge::Merged), Error> {
    let mut cleaned = clean(export.0, export.1, options, progress)?;
    // The new list has its own sheet and columns: detect them afresh.
    let new_options = Options {
        sheet: None,
        columns: Vec::new(),
        ..options.clone()
    };
    let found = clean(new.0, new.1, &new_options, progress)?;
    let merged = merge::merge(&mut cleaned, &found);
    Ok((cleaned, merged))
}

/// The cleaned workbook's bytes.
pub fn write_workbook(cleaned: &Cleaned) -> Result<Vec<u8>, Error> {
    workbook::write::write_workbook(cleaned)
}

/// The cleaned workbook written into `sink` as it is made (a file, or chunks for the page):
/// the whole file is never held in memory.
pub fn write_workbook_to(cleaned: &Cleaned, sink: &mut dyn std::io::Write) -> Result<(), Error> {
    workbook::write::write_workbook_to(cleaned, sink)
}

/// The cleaned workbook's parts handed to `parts` as they are made: the page zips them in a
/// second worker ([`workbook::xlsx::Zip`] there), so two cores share the writing. Pending
/// while `parts` is not ready for more; poll it again when it is.
pub async fn write_workbook_parts(
    cleaned: &Cleaned,
    parts: &mut dyn workbook::xlsx::Parts,
) -> Result<(), Error> {
    workbook::write::write_workbook_parts(cleaned, parts).await
}

/// A work list as its own workbook (police: grouped by commune; household: a sheet per
/// village).
pub fn write_work_list(
    cleaned: &Cleaned,
    kind: workbook::work_lists::Kind,
) -> Result<Vec<u8>, Error> {
    workbook::write::write_work_list(cleaned, kind)
}

/// [`write_work_list`] into `sink`.
pub fn write_work_list_to(
    cleaned: &Cleaned,
    kind: workbook::work_lists::Kind,
    sink: &mut dyn std::io::Write,
) -> Result<(), Error> {
    workbook::write::write_work_list_to(cleaned, kind, sink)
}

/// [`write_work_list`]'s parts handed to `parts`, as [`write_workbook_parts`].
pub async fn write_work_list_parts(
    cleaned: &Cleaned,
    kind: workbook::work_lists::Kind,
    parts: &mut dyn workbook::xlsx::Parts,
) -> Result<(), Error> {
    workbook::write::write_work_list_parts(cleaned, kind, parts).await
}

/// The JSON report (version 1).
pub fn report_json(cleaned: &Cleaned) -> String {
    report::json::to_string(cleaned)
}
