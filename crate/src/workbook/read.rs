//! Bytes → [`Table`]: find the real format from the bytes, open it with calamine (xlsx, xls,
//! ods) or the csv crate, pick the sheet, and turn cells into [`Cell`]s.

use super::table::{Cell, DateCell, FileFormat, Grid, Merge, Table};
use super::xlsx_reader::source::{read_now, Here, Sources};
use crate::error::{Error, MAX_INPUT_BYTES};
use calamine::{Data, Dimensions, Ods, Range, Reader, SheetType, Xls, XlsError, XlsxError};
use std::io::Cursor;

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads the sheet named `sheet`, or the first worksheet with data.
pub fn read_table(bytes: &[u8], file_name: &str, sheet: Option<&str>) -> Result<Table, Error> {
    read_table_with(bytes, file_name, sheet, Xlsx::Quick)
}

/// Who reads an xlsx.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Xlsx {
    /// Our reader ([`super::xlsx_reader`]), calamine for what it leaves.
    Quick,
    /// calamine alone: the reference the quick reader is tested against.
    Calamine,
}

/// [`read_table`] with the xlsx reader chosen.
pub fn read_table_with(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
    xlsx: Xlsx,
) -> Result<Table, Error> {
    // Parts inflated here are never waited for: the reading ends in one poll.
    read_now(read_any(bytes, file_name, sheet, xlsx, &mut Here)).unwrap_or_else(|| {
        Err(Error::Corrupt {
            detail: "the reader waited for bytes it had".into(),
        })
    })
}

/// [`read_table`], the large parts of an xlsx read from `sources` (the page's second worker
/// inflates them while this one scans).
pub async fn read_table_from(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
    sources: &mut impl Sources,
) -> Result<Table, Error> {
    read_any(bytes, file_name, sheet, Xlsx::Quick, sources).await
}

async fn read_any(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
    xlsx: Xlsx,
    sources: &mut impl Sources,
) -> Result<Table, Error> {
    if bytes.is_empty() {
        return Err(Error::EmptyFile);
    }
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge { bytes: bytes.len() });
    }
    if bytes.starts_with(ZIP_MAGIC) {
        // Sizes, zip-bomb ratio and each sheet's <dimension>, from the central directory,
        // before calamine inflates anything.
        super::limits::check_zip_limits(bytes)?;
        read_zip(bytes, file_name, sheet, xlsx, sources).await
    } else if bytes.starts_with(CFB_MAGIC) {
        read_cfb(bytes, file_name, sheet)
    } else if super::spreadsheetml::looks_like_spreadsheetml(bytes) {
        // Before the HTML sniff: its <Table> would pass for an HTML <table>.
        super::spreadsheetml::read_spreadsheetml(bytes, file_name, sheet)
    } else if super::html::looks_like_html(bytes) {
        super::html::read_html(bytes, file_name)
    } else if looks_like_text(bytes) {
        super::csv::read_csv(bytes, file_name)
    } else {
        Err(Error::NotASpreadsheet)
    }
}

async fn read_zip(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
    xlsx: Xlsx,
    sources: &mut impl Sources,
) -> Result<Table, Error> {
    // Our quick reader first; whatever it does not read, calamine does.
    if xlsx == Xlsx::Quick {
        if let Some(table) = super::xlsx_reader::read_from(bytes, file_name, sheet, sources).await?
        {
            return Ok(table);
        }
    }
    match calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(bytes)) {
        Ok(mut book) => read_xlsx(&mut book, file_name, sheet),
        Err(xlsx_err) => match calamine::open_workbook_from_rs::<Ods<_>, _>(Cursor::new(bytes)) {
            Ok(mut book) => {
                let (name, range) = choose_range(&mut book, sheet)?;
                Ok(to_table(
                    file_name,
                    FileFormat::Ods,
                    sheet_names(&book),
                    name,
                    &range,
                    &[],
                ))
            }
            // A zip that is neither: report the xlsx reader's words, the likelier intent.
            Err(_) => Err(xlsx_error(xlsx_err)),
        },
    }
}

/// xlsx cells are streamed straight into the table: no intermediate calamine `Range`, which
/// would hold a second copy of a whole province's sheet.
fn read_xlsx<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsx<RS>,
    file_name: &str,
    sheet: Option<&str>,
) -> Result<Table, Error> {
    let names = sheet_names(book);
    let name = pick_sheet(&names, sheet, |n| {
        let mut cells = book.worksheet_cells_reader(n).map_err(xlsx_error)?;
        while let Some(cell) = cells.next_cell().map_err(xlsx_error)? {
            if !matches!(cell.get_value(), calamine::DataRef::Empty) {
                return Ok(true);
            }
        }
        Ok(false)
    })?;
    let mut grid = Grid::new(&name);
    let mut cells = book.worksheet_cells_reader(&name).map_err(xlsx_error)?;
    while let Some(cell) = cells.next_cell().map_err(xlsx_error)? {
        let (r, c) = cell.get_position();
        grid.put(r as usize, c as usize, to_cell_ref(cell.get_value()))?;
    }
    drop(cells);
    // Only files our reader left come here (rare, often damaged): calamine's own merges.
    let merges = merges_of(&book.merge_cells_by_sheet_name(&name).unwrap_or_default());
    let (rows, width) = (grid.rows, grid.width);
    Ok(Table {
        file_name: file_name.to_string(),
        format: FileFormat::Xlsx,
        sheets: names,
        sheet: name,
        rows,
        width: width as u16,
        merges,
    })
}

fn to_cell_ref(data: &calamine::DataRef<'_>) -> Cell {
    use calamine::DataRef;
    match data {
        DataRef::SharedString(s) => Cell::text((*s).to_string()),
        DataRef::String(s) => Cell::text(s.clone()),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => to_cell(&Data::DateTime(*dt)),
        DataRef::DateTimeIso(s) => to_cell(&Data::DateTimeIso(s.clone())),
        DataRef::DurationIso(s) => Cell::text(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string().into()),
        DataRef::Empty => Cell::Empty,
    }
}

fn merges_of(merges: &[Dimensions]) -> Vec<Merge> {
    merges
        .iter()
        .filter(|d| d.end.1 < u32::from(u16::MAX))
        .map(|d| Merge {
            first_row: d.start.0,
            first_col: d.start.1 as u16,
            last_row: d.end.0,
            last_col: d.end.1 as u16,
        })
        .collect()
}

fn read_cfb(bytes: &[u8], file_name: &str, sheet: Option<&str>) -> Result<Table, Error> {
    check_compound_file(bytes)?;
    // An encrypted xlsx is a CFB container holding an "EncryptedPackage" stream.
    if let Err(XlsxError::Password) =
        calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(bytes))
    {
        return Err(Error::Encrypted);
    }
    let mut book =
        calamine::open_workbook_from_rs::<Xls<_>, _>(Cursor::new(bytes)).map_err(xls_error)?;
    let (name, range) = choose_range(&mut book, sheet)?;
    let merges = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
    Ok(to_table(
        file_name,
        FileFormat::Xls,
        sheet_names(&book),
        name,
        &range,
        &merges,
    ))
}

/// A compound file (.xls) whose allocation table loops or points outside itself is
/// damaged: calamine would follow the loop without end (a 6 KB file made it allocate 23 GB,
/// found by fuzzing). Valid files never have either, so nothing legitimate is refused. Only
/// the FAT sectors listed in the header (files up to about 7 MB with 512-byte sectors) are
/// checked; a larger file's further FAT is left to the reader.
fn check_compound_file(bytes: &[u8]) -> Result<(), Error> {
    const MAX_REGULAR: u32 = 0xFFFF_FFFA;
    let u16_at = |o: usize| {
        bytes
            .get(o..o + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let u32_at = |o: usize| {
        bytes
            .get(o..o + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let shift = match u16_at(0x1E) {
        Some(s @ (9 | 12)) => u32::from(s),
        _ => return Err(corrupt("compound file: unknown sector size".into())),
    };
    let sector_size = 1usize << shift;
    let mut fat: Vec<u32> = Vec::new();
    for i in 0..109 {
        let Some(sector) = u32_at(0x4C + 4 * i) else {
            break;
        };
        if sector >= MAX_REGULAR {
            continue;
        }
        let start = (sector as usize + 1) * sector_size;
        let Some(chunk) = bytes.get(start..start + sector_size) else {
            return Err(corrupt(
                "compound file: allocation table outside the file".into(),
            ));
        };
        fat.extend(
            chunk
                .chunks_exact(4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
        );
    }
    // 0 = not seen, 1 = on the walk being followed, 2 = known to end.
    let mut state = vec![0u8; fat.len()];
    let mut walk = Vec::new();
    for first in 0..fat.len() {
        let mut at = first;
        while state[at] == 0 {
            state[at] = 1;
            walk.push(at);
            let next = fat[at];
            if next >= MAX_REGULAR {
                break;
            }
            if next as usize >= fat.len() {
                return Err(corrupt(
                    "compound file: a chain points outside the allocation table".into(),
                ));
            }
            at = next as usize;
            if state[at] == 1 {
                return Err(corrupt("compound file: a chain of sectors loops".into()));
            }
        }
        for s in walk.drain(..) {
            state[s] = 2;
        }
    }
    Ok(())
}

fn xlsx_error(e: XlsxError) -> Error {
    match e {
        XlsxError::Password => Error::Encrypted,
        other => corrupt(other.to_string()),
    }
}

fn xls_error(e: XlsError) -> Error {
    match e {
        XlsError::Password => Error::Encrypted,
        other => corrupt(other.to_string()),
    }
}

fn corrupt(detail: String) -> Error {
    Error::Corrupt { detail }
}

fn sheet_names<RS: std::io::Read + std::io::Seek, R: Reader<RS>>(book: &R) -> Vec<String> {
    book.sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect()
}

/// The named sheet, or else the first worksheet for which `has_data` says so (it may keep
/// what it read, so the chosen sheet is not read twice).
fn pick_sheet(
    names: &[String],
    wanted: Option<&str>,
    mut has_data: impl FnMut(&str) -> Result<bool, Error>,
) -> Result<String, Error> {
    if let Some(wanted) = wanted {
        return names
            .iter()
            .find(|n| n.as_str() == wanted)
            .cloned()
            .ok_or_else(|| Error::SheetNotFound {
                name: wanted.to_string(),
                available: names.to_vec(),
            });
    }
    for name in names {
        if has_data(name)? {
            return Ok(name.clone());
        }
    }
    match names.first() {
        Some(first) => Err(Error::EmptySheet {
            sheet: first.clone(),
        }),
        None => Err(Error::NoSheets),
    }
}

/// The chosen sheet of an xls or ods workbook and its cells, each sheet read once.
fn choose_range<RS: std::io::Read + std::io::Seek, R: Reader<RS>>(
    book: &mut R,
    wanted: Option<&str>,
) -> Result<(String, Range<Data>), Error>
where
    R::Error: std::fmt::Display,
{
    let names = sheet_names(book);
    let mut kept: Option<(String, Range<Data>)> = None;
    let name = pick_sheet(&names, wanted, |name| {
        // A sheet that cannot be read is damaged, not empty: say so.
        let range = book
            .worksheet_range(name)
            .map_err(|e| corrupt(e.to_string()))?;
        let has = range
            .used_cells()
            .any(|(_, _, c)| !matches!(c, Data::Empty));
        if has {
            kept = Some((name.to_string(), range));
        }
        Ok(has)
    })?;
    match kept {
        Some(found) if found.0 == name => Ok(found),
        _ => Ok((
            name.clone(),
            book.worksheet_range(&name)
                .map_err(|e| corrupt(e.to_string()))?,
        )),
    }
}

fn to_table(
    file_name: &str,
    format: FileFormat,
    sheets: Vec<String>,
    sheet: String,
    range: &Range<Data>,
    merges: &[Dimensions],
) -> Table {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); r0 as usize];
    let mut width = 0usize;
    for source in range.rows() {
        let mut row: Vec<Cell> = vec![Cell::Empty; c0 as usize];
        row.extend(source.iter().map(to_cell));
        while matches!(row.last(), Some(Cell::Empty)) {
            row.pop();
        }
        width = width.max(row.len());
        rows.push(row);
    }
    while rows.last().is_some_and(|r| r.is_empty()) {
        rows.pop();
    }
    let merges = merges_of(merges);
    Table {
        file_name: file_name.to_string(),
        format,
        sheets,
        sheet,
        rows,
        width: width.min(usize::from(u16::MAX)) as u16,
        merges,
    }
}

pub(crate) fn to_cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (year, month, day, ..) = dt.to_ymd_hms_milli();
            Cell::Date(DateCell {
                serial: dt.as_f64(),
                year,
                month,
                day,
            })
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => iso_date(s)
            .map(Cell::Date)
            .unwrap_or_else(|| Cell::text(s.clone())),
        Data::DurationIso(s) => Cell::text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string().into()),
    }
}

/// ODS stores dates as ISO text ("2012-03-05" or "2012-03-05T00:00:00"); the serial is
/// counted from 1899-12-30 like Excel's 1900 system past February 1900.
fn iso_date(s: &str) -> Option<DateCell> {
    let date = chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    use chrono::Datelike;
    Some(DateCell {
        serial: (date - epoch).num_days() as f64,
        year: u16::try_from(date.year()).ok()?,
        month: date.month() as u8,
        day: date.day() as u8,
    })
}

/// Text, not binary: no NUL bytes in the first 8 KB unless it is UTF-16 with a BOM.
fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    !head.contains(&0) && !bytes.starts_with(b"%PDF")
}
