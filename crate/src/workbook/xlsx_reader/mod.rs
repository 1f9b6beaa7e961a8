//! Our own xlsx reader for the two parts that are large in a province's list: the sheet's
//! cells and the shared strings, scanned with memchr straight into the table (calamine's
//! XML events cost more than the rest of the reading together). The small parts (package
//! relationships, workbook, styles) are read with quick-xml. It gives the same table as
//! calamine — `tests/xlsx_reader.rs` compares the two on every fixture and on random
//! workbooks — and gives up (`Ok(None)`) on anything it does not read, so calamine reads
//! those files as before.

mod pieces;
pub mod records;
mod shared_strings;
mod sheet;
pub mod source;
mod styles;
mod xml;

use super::table::{FileFormat, Table, Text};
use super::xml_elements::{attr, elements};
use crate::error::Error;
use sheet::{Context, Stop};
use source::{Entry, Here, Sources};
use std::collections::HashMap;
use std::io::{Cursor, Read};
use zip::{CompressionMethod, ZipArchive};

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// A worksheet: its name and its part's path in the zip.
struct SheetPart {
    name: String,
    path: String,
}

/// The named sheet, or the first worksheet with a value, read into a table. `Ok(None)`:
/// not read here (calamine will); `Err`: refused by a limit.
pub fn read(bytes: &[u8], file_name: &str, wanted: Option<&str>) -> Result<Option<Table>, Error> {
    source::read_now(read_from(bytes, file_name, wanted, &mut Here)).unwrap_or(Ok(None))
}

/// [`read`], the large parts' bytes coming from `sources` (see [`source`]).
pub async fn read_from(
    bytes: &[u8],
    file_name: &str,
    wanted: Option<&str>,
    sources: &mut impl Sources,
) -> Result<Option<Table>, Error> {
    match read_package(bytes, file_name, wanted, sources).await {
        Ok(table) => Ok(table),
        Err(Stop::NotOurs) => Ok(None),
        Err(Stop::Refused(e)) => Err(e),
    }
}

async fn read_package(
    bytes: &[u8],
    file_name: &str,
    wanted: Option<&str>,
    sources: &mut impl Sources,
) -> Result<Option<Table>, Stop> {
    let Ok(mut zip) = ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(None);
    };
    let paths = Paths::of(&zip);
    let Some((dir, workbook_name)) = office_document(&mut zip, &paths) else {
        return Ok(None);
    };
    let Some((sheets, is_1904)) = workbook(&mut zip, &paths, &dir, &workbook_name) else {
        return Ok(None);
    };
    let Some(number_kinds) = part_text(&mut zip, &paths, &format!("{dir}styles.xml"))
        .map(|xml| styles::number_kinds(&xml))
        .unwrap_or(Some(Vec::new()))
    else {
        return Ok(None);
    };
    let names: Vec<String> = sheets.iter().map(|s| s.name.clone()).collect();
    let chosen: Vec<&SheetPart> = match wanted {
        // A missing sheet, or none at all, is calamine's to report.
        Some(wanted) => sheets.iter().filter(|s| s.name == wanted).take(1).collect(),
        None => sheets.iter().collect(),
    };
    if chosen.is_empty() {
        return Ok(None);
    }
    if sources.scans_sheets() {
        // The sheet read first is scanned elsewhere while the shared strings are read here.
        let first = paths.find(&chosen[0].path);
        if let Some(entry) = first.and_then(|i| entry(&mut zip, i, bytes.len())) {
            sources.coming(entry);
        }
    }
    let strings: Vec<Text> = match paths.find(&format!("{dir}sharedStrings.xml")) {
        None => Vec::new(),
        Some(index) => {
            let Some(entry) = entry(&mut zip, index, bytes.len()) else {
                return Ok(None);
            };
            let Some(strings) = shared_strings::read(sources.open(bytes, entry)).await else {
                return Ok(None);
            };
            strings
        }
    };
    let context = Context {
        strings: &strings,
        number_kinds: &number_kinds,
        is_1904,
    };
    for part in chosen {
        let Some(index) = paths.find(&part.path) else {
            return Ok(None);
        };
        let Some(entry) = entry(&mut zip, index, bytes.len()) else {
            return Ok(None);
        };
        let cells = if sources.scans_sheets() {
            records::read(sources.open_scanned(bytes, entry), &part.name, &context).await?
        } else {
            sheet::read(sources.open(bytes, entry), &part.name, &context).await?
        };
        if wanted.is_some() || cells.has_data {
            return Ok(Some(Table {
                file_name: file_name.to_string(),
                format: FileFormat::Xlsx,
                sheets: names,
                sheet: part.name.clone(),
                rows: cells.rows,
                width: cells.width as u16,
                merges: cells.merges,
            }));
        }
    }
    // No sheet has a value: calamine says which error that is.
    Ok(None)
}

/// Where part `index`'s bytes are in the file (of `len` bytes); `None` for a part packed in
/// a way other than stored or deflated, encrypted, or past the file's end (calamine reports
/// those).
fn entry(zip: &mut Archive<'_>, index: usize, len: usize) -> Option<Entry> {
    let part = zip.by_index_raw(index).ok()?;
    let deflated = match part.compression() {
        CompressionMethod::Stored => false,
        CompressionMethod::Deflated => true,
        _ => return None,
    };
    if part.encrypted() {
        return None;
    }
    let start = usize::try_from(part.data_start()?).ok()?;
    let end = start.checked_add(usize::try_from(part.compressed_size()).ok()?)?;
    if end > len {
        return None;
    }
    Some(Entry {
        start,
        end,
        deflated,
        crc: part.crc32(),
    })
}

/// The zip's part names, found as calamine finds them: case-insensitive, `\` as `/`.
struct Paths(HashMap<String, usize>);

impl Paths {
    fn of(zip: &Archive<'_>) -> Paths {
        let mut map = HashMap::with_capacity(zip.len());
        for (index, name) in zip.file_names().enumerate() {
            if let Ok(name) = name {
                map.entry(name.replace('\\', "/").to_ascii_lowercase())
                    .or_insert(index);
            }
        }
        // `file_names` follows the central directory's order, as `by_index` does.
        Paths(map)
    }

    fn find(&self, path: &str) -> Option<usize> {
        self.0.get(&path.to_ascii_lowercase()).copied()
    }
}

fn part_text(zip: &mut Archive<'_>, paths: &Paths, path: &str) -> Option<String> {
    let mut part = zip.by_index(paths.find(path)?).ok()?;
    let mut text = String::new();
    part.read_to_string(&mut text).ok()?;
    Some(text)
}

/// The workbook part's folder and name, from the package relationships.
fn office_document(zip: &mut Archive<'_>, paths: &Paths) -> Option<(String, String)> {
    let rels = part_text(zip, paths, "_rels/.rels")?;
    let mut target = None;
    elements(&rels, "Relationship", |e| {
        let is_document =
            attr(e, "Type").is_some_and(|t| t.ends_with("/relationships/officeDocument"));
        if is_document {
            if let Some(t) = attr(e, "Target") {
                target = Some(t);
            }
        }
    })?;
    let target = target?;
    let (dir, name) = match target.rfind('/') {
        Some(i) => target.split_at(i + 1),
        None => ("", target.as_str()),
    };
    if name.is_empty() {
        return None;
    }
    Some((
        dir.strip_prefix('/').unwrap_or(dir).to_string(),
        name.to_string(),
    ))
}

/// The worksheets in order (chart and dialog sheets left out) and the date system.
fn workbook(
    zip: &mut Archive<'_>,
    paths: &Paths,
    dir: &str,
    name: &str,
) -> Option<(Vec<SheetPart>, bool)> {
    let rels = part_text(zip, paths, &format!("{dir}_rels/{name}.rels"))?;
    let mut targets: HashMap<String, (String, String)> = HashMap::new();
    elements(&rels, "Relationship", |e| {
        if let Some(id) = attr(e, "Id") {
            let target = attr(e, "Target").unwrap_or_default();
            let kind = attr(e, "Type").unwrap_or_default();
            targets.insert(id, (target, kind));
        }
    })?;
    let xml = part_text(zip, paths, &format!("{dir}{name}"))?;
    let mut sheets = Vec::new();
    let mut known = true;
    elements(&xml, "sheet", |e| {
        // `r:id`, whatever its prefix.
        let (Some(name), Some((target, kind))) = (
            attr(e, "name"),
            attr(e, "id").and_then(|id| targets.get(&id)),
        ) else {
            known = false;
            return;
        };
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("{dir}{target}"),
        };
        match kind.rsplit('/').next() {
            Some("worksheet") => sheets.push(SheetPart { name, path }),
            Some("chartsheet" | "dialogsheet") => {}
            _ => known = false,
        }
    })?;
    let mut is_1904 = false;
    elements(&xml, "workbookPr", |e| {
        if let Some(v) = attr(e, "date1904") {
            is_1904 = v == "1" || v == "true";
        }
    })?;
    known.then_some((sheets, is_1904))
}
