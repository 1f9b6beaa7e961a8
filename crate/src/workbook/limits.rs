//! Size limits checked BEFORE any reader does real work, so that an over-size or hostile file
//! is refused in milliseconds with a clear message instead of exhausting the page's memory.
//!
//! The budget is the wasm32 heap: at most 4 GiB (65,536 pages of 64 KiB), never given back
//! once grown (toolchain.md, "Memory"). Measured on the largest real list we know, a province
//! of 340,782 children × 16 columns (5.45 M cells): about 32 MB as xlsx, about 300 MB of
//! sheet XML once unpacked, and 1.31 GiB of linear memory for the read → clean → write round
//! trip (about 240 bytes per cell, 4 KB per row). The limits below allow a little more than
//! twice that list — about 2.9 GiB at the measured rate — which leaves room under 4 GiB for
//! the input bytes themselves (at most [`MAX_INPUT_BYTES`]), the output workbook and the
//! page's own code.
//!
//! What is checked, from the zip central directory only (no part is inflated except the first
//! few kilobytes of each worksheet, to read its `<dimension>`):
//! * every part: its declared unpacked size, and how tightly it is packed (a zip bomb);
//! * `xl/worksheets/*.xml` (and an ODS `content.xml`): unpacked size;
//! * `xl/sharedStrings.xml`: unpacked size;
//! * all parts together: unpacked size;
//! * each worksheet's `<dimension ref="A1:P340790"/>`: rows × columns counted from A1;
//! * that the zip holds a workbook at all (`xl/workbook.xml` or an ODS `content.xml`).
//!
//! The declared sizes can be trusted: the zip crate (9.x) stops a part that inflates past its
//! declared size with "File is larger than its declared uncompressed size", which the readers
//! report as a corrupt file.

use crate::error::{Error, MAX_INPUT_BYTES};
use std::io::{Cursor, Read};

const MIB: u64 = 1024 * 1024;

/// Most unpacked bytes of one worksheet's XML: 640 MiB. The 340,782-row province list is
/// about 170 MB of sheet XML, so a 1,000,000-row list (about 500 MB) fits.
pub const MAX_SHEET_XML_BYTES: u64 = 640 * MIB;

/// Most unpacked bytes of `xl/sharedStrings.xml`. calamine holds every shared string in
/// memory for the whole read; the province list's names, places and IDs come to well under
/// 100 MB of shared-string XML, so 256 MiB is a wide margin while capping what strings alone
/// can take.
pub const MAX_SHARED_STRINGS_XML_BYTES: u64 = 256 * MIB;

/// Most unpacked bytes of all parts together (sheets, shared strings, styles, drawings…):
/// 1 GiB. A workbook with a province list and a few other sheets stays far below; more
/// than this cannot be read within the heap in any case.
pub const MAX_UNPACKED_BYTES: u64 = 1024 * MIB;

/// Most parts in the zip. A real workbook has 10–40 (a few hundred with many sheets and
/// drawings); the zip reader keeps an index entry for each, so millions of empty parts would
/// cost memory before any sheet is read.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// Tightest packing accepted for a part larger than [`RATIO_GRACE_BYTES`]: 100 : 1. Sheet XML
/// packs about 10 : 1 (the province list: ~300 MB in a ~32 MB file); Apache POI refuses
/// parts packed tighter than 100 : 1 by default for the same reason. A deflate stream can
/// reach ~1,032 : 1, which is what zip bombs use.
pub const MAX_RATIO: u64 = 100;

/// Parts smaller than this unpacked (16 MiB) are never refused for their ratio: a small
/// part cannot harm, and tiny sheets or style parts can pack very tightly.
pub const RATIO_GRACE_BYTES: u64 = 16 * MIB;

/// Most cells in a sheet's used range counted from A1 (rows × columns): 16,100,000, a
/// million children in the export's 16 columns with room for title rows (a big province's
/// list; at 24 bytes a cell the grid is under 400 MB of the 4 GiB wasm heap), but not
/// Excel's full height at 16 columns, which is what a stray cell at row 1,048,576 asks for.
/// calamine materialises the whole rectangle of .xls and .ods sheets (one 32-byte value per
/// cell, empty or not), so a stray value at XFD1048576 would ask for 17 billion cells; this
/// is refused up front.
pub const MAX_CELLS: u64 = 16_100_000;

/// Excel's grid: 1,048,576 rows (2^20) and 16,384 columns (2^14, A…XFD). A position beyond
/// it is not a valid workbook.
pub const MAX_ROWS: u64 = 1_048_576;
pub const MAX_COLUMNS: u64 = 16_384;

/// How much of each worksheet is inflated to find its `<dimension>`: it comes right after
/// `<sheetPr>` at the top, within the first few hundred bytes in every writer we know.
const DIMENSION_PROBE_BYTES: u64 = 64 * 1024;

/// Refuses a zip (xlsx, ods) whose parts would unpack past the budget, that is packed like a
/// zip bomb, or whose sheets declare a used range larger than [`MAX_CELLS`]. Only the central
/// directory and the first [`DIMENSION_PROBE_BYTES`] of each worksheet are read: this takes
/// milliseconds whatever the file holds. Call it before calamine opens the zip.
pub fn check_zip_limits(bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { bytes: bytes.len() });
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Corrupt {
        detail: e.to_string(),
    })?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(Error::Corrupt {
            detail: format!(
                "{} parts in the zip, at most {MAX_ZIP_ENTRIES}",
                archive.len()
            ),
        });
    }
    // A zip with neither an xlsx workbook nor an ODS body (a folder of scans, a .docx
    // renamed .xlsx) is not a spreadsheet, whatever else it holds.
    let has = |wanted: &str| {
        archive
            .file_names()
            .any(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(wanted)))
    };
    let is_ods = has("content.xml");
    if !has("xl/workbook.xml") && !is_ods {
        return Err(Error::NotASpreadsheet);
    }
    let mut total: u64 = 0;
    let mut sheets = Vec::new();
    for i in 0..archive.len() {
        // `by_index_raw` reads the part's metadata and gives the still-packed bytes: nothing
        // is inflated here.
        let part = archive.by_index_raw(i).map_err(|e| Error::Corrupt {
            detail: e.to_string(),
        })?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let (packed, unpacked) = (part.compressed_size(), part.size());
        total = total.saturating_add(unpacked);
        let limit = match kind(&name) {
            Part::Sheet => MAX_SHEET_XML_BYTES,
            Part::SharedStrings => MAX_SHARED_STRINGS_XML_BYTES,
            Part::Other => MAX_UNPACKED_BYTES,
        };
        if unpacked > limit {
            return Err(Error::UnpackedTooLarge {
                part: name,
                bytes: unpacked,
                limit,
            });
        }
        if unpacked > RATIO_GRACE_BYTES && unpacked / packed.max(1) > MAX_RATIO {
            return Err(Error::ZipBomb {
                part: name,
                ratio: unpacked / packed.max(1),
            });
        }
        if kind(&name) == Part::Sheet && name.ends_with(".xml") && name.starts_with("xl/") {
            sheets.push(i);
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(Error::UnpackedTooLarge {
            part: "*".into(),
            bytes: total,
            limit: MAX_UNPACKED_BYTES,
        });
    }
    for i in sheets {
        let Ok(part) = archive.by_index(i) else {
            continue;
        };
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let mut head = Vec::new();
        // A damaged stream is the reader's to report (as corrupt); here it only ends the probe.
        let _ = part.take(DIMENSION_PROBE_BYTES).read_to_end(&mut head);
        if let Some((rows, columns)) = dimension(&head) {
            check_cells(sheet_label(&name), rows, columns)?;
        }
    }
    if is_ods {
        if let Ok(part) = archive.by_name("content.xml") {
            check_ods_repeats(part)?;
        }
    }
    Ok(())
}

/// ODS says "this row again 1,048,575 times" in a few bytes, and calamine expands every
/// copy that holds a value. Sum the repeats of the rows and cells that hold something,
/// streaming content.xml (already bounded by the unpacked-size limit), and check the grid
/// they would fill. Empty repeated rows and cells (LibreOffice writes them to the sheet's
/// end) cost nothing and are not counted.
fn check_ods_repeats(content: impl Read) -> Result<(), Error> {
    use quick_xml::events::{BytesStart, Event};
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buf = Vec::new();
    let attr = |e: &BytesStart<'_>, local: &str| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.local_name().as_ref() == local)
            .map(|a| a.value.to_string())
    };
    let repeat = |e: &BytesStart<'_>, local: &str| -> u64 {
        attr(e, local).and_then(|v| v.parse().ok()).unwrap_or(1)
    };
    let mut sheet = String::new();
    let (mut rows, mut used_columns) = (0u64, 0u64);
    let (mut row_repeat, mut column, mut row_used_to) = (1u64, 0u64, 0u64);
    let (mut cell_repeat, mut cell_has_value) = (1u64, false);
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            // A damaged document is the reader's to report.
            Err(_) => return Ok(()),
        };
        let empty = matches!(event, Event::Empty(_));
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "table" => {
                    sheet = attr(e, "name").unwrap_or_default();
                    (rows, used_columns) = (0, 0);
                }
                "table-row" => {
                    (row_repeat, column, row_used_to) = (repeat(e, "number-rows-repeated"), 0, 0);
                    if empty {
                        rows = rows.saturating_add(row_repeat);
                    }
                }
                "table-cell" | "covered-table-cell" => {
                    cell_repeat = repeat(e, "number-columns-repeated");
                    cell_has_value = attr(e, "value-type").is_some();
                    if empty {
                        column = column.saturating_add(cell_repeat);
                        if cell_has_value {
                            row_used_to = column;
                        }
                    }
                }
                "p" => cell_has_value = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "table-cell" | "covered-table-cell" => {
                    column = column.saturating_add(cell_repeat);
                    if cell_has_value {
                        row_used_to = column;
                    }
                }
                "table-row" => {
                    rows = rows.saturating_add(row_repeat);
                    if row_used_to > 0 {
                        used_columns = used_columns.max(row_used_to);
                        check_cells(&sheet, rows, used_columns)?;
                    }
                }
                _ => {}
            },
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

/// Refuses a used range of `rows` × `columns` (counted from A1) beyond Excel's grid or
/// [`MAX_CELLS`]. The text readers (CSV, HTML, SpreadsheetML) call it as rows arrive.
pub fn check_cells(sheet: &str, rows: u64, columns: u64) -> Result<(), Error> {
    if rows > MAX_ROWS || columns > MAX_COLUMNS || rows.saturating_mul(columns) > MAX_CELLS {
        return Err(Error::TooManyCells {
            sheet: sheet.to_string(),
            rows,
            columns,
        });
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Sheet,
    SharedStrings,
    Other,
}

fn kind(name: &str) -> Part {
    let lower = name.to_ascii_lowercase();
    if lower.starts_with("xl/worksheets/") && !lower.contains("/_rels/") || lower == "content.xml" {
        Part::Sheet
    } else if lower == "xl/sharedstrings.xml" {
        Part::SharedStrings
    } else {
        Part::Other
    }
}

/// "xl/worksheets/sheet3.xml" → "sheet3": the part, as the message can name it without
/// reading the workbook's sheet list.
fn sheet_label(part: &str) -> &str {
    let file = part.rsplit('/').next().unwrap_or(part);
    file.strip_suffix(".xml").unwrap_or(file)
}

/// The `<dimension ref="…">` near the top of a worksheet, as (last row, last column), both
/// 1-based and counted from A1. `None` when absent (it is optional) or unreadable.
fn dimension(head: &[u8]) -> Option<(u64, u64)> {
    let mut reader = quick_xml::Reader::from_reader(head);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                match e.local_name().as_ref() {
                    "dimension" => {
                        let value = e
                            .try_get_attribute("ref")
                            .ok()??
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .ok()?;
                        let last = value.rsplit(':').next()?;
                        return cell_ref(last);
                    }
                    "sheetData" => return None,
                    _ => {}
                }
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// "XFD1048576" → (1048576, 16384). Also accepts "$A$1".
fn cell_ref(s: &str) -> Option<(u64, u64)> {
    let s = s.trim().replace('$', "");
    let split = s.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = s.split_at(split);
    if letters.is_empty() || letters.len() > 7 || digits.len() > 12 {
        return None;
    }
    let mut col: u64 = 0;
    for ch in letters.chars() {
        if !ch.is_ascii_alphabetic() {
            return None;
        }
        col = col * 26 + u64::from(ch.to_ascii_uppercase() as u8 - b'A' + 1);
    }
    let row: u64 = digits.parse().ok()?;
    Some((row, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references() {
        assert_eq!(cell_ref("A1"), Some((1, 1)));
        assert_eq!(cell_ref("XFD1048576"), Some((1_048_576, 16_384)));
        assert_eq!(cell_ref("$P$340790"), Some((340_790, 16)));
        assert_eq!(cell_ref("1A"), None);
    }

    #[test]
    fn dimension_is_read_from_the_top_of_a_sheet() {
        let xml = br#"<?xml version="1.0"?><worksheet xmlns="x"><sheetPr/><dimension ref="A1:J1048576"/><sheetData>"#;
        assert_eq!(dimension(xml), Some((1_048_576, 10)));
        let prefixed = br#"<x:worksheet xmlns:x="x"><x:dimension ref="B2"/><x:sheetData>"#;
        assert_eq!(dimension(prefixed), Some((2, 2)));
        assert_eq!(dimension(b"<worksheet><sheetData><row>"), None);
    }

    #[test]
    fn the_province_list_fits_and_a_full_grid_does_not() {
        assert!(check_cells("s", 340_790, 16).is_ok());
        assert!(
            check_cells("s", 1_048_576, 11).is_ok(),
            "a full-height list of 11 columns fits"
        );
        assert!(
            check_cells("s", 1_000_005, 16).is_ok(),
            "a million children fit"
        );
        assert!(matches!(
            check_cells("s", 1_048_576, 16),
            Err(Error::TooManyCells { .. })
        ));
        assert!(matches!(
            check_cells("s", 1_000, 16_384),
            Err(Error::TooManyCells { .. })
        ));
        assert!(matches!(
            check_cells("s", 1_048_577, 1),
            Err(Error::TooManyCells { .. })
        ));
    }
}
