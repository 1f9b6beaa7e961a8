//! The merged areas of an xlsx sheet. calamine finds them by parsing the whole sheet's XML a
//! second time (a third of the reading time of a province's list); they stand after the
//! cells, so here the sheet is only inflated and scanned for the end of `<sheetData>`, and
//! the few bytes after it are read for `<mergeCell ref="…"/>`.

use super::spreadsheetml::attr;
use super::table::Merge;
use quick_xml::events::{BytesStart, Event};
use std::io::{Cursor, Read};

/// The merged areas of the sheet named `sheet`; `None` when the file's parts are not where
/// this quick path looks (the caller then asks calamine).
pub fn xlsx_merges(bytes: &[u8], sheet: &str) -> Option<Vec<Merge>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let path = sheet_path(&mut zip, sheet)?;
    let file = zip.by_name(&path).ok()?;
    scan(file)
}

fn read_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<String> {
    let mut text = String::new();
    zip.by_name(name).ok()?.read_to_string(&mut text).ok()?;
    Some(text)
}

/// Every element named `local` (any prefix) of an XML text, by its attributes.
fn elements(xml: &str, local: &str, mut each: impl FnMut(&BytesStart<'_>)) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == local => each(&e),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
}

/// The zip path of the sheet: its relationship id in `xl/workbook.xml`, then the target
/// in `xl/_rels/workbook.xml.rels`.
fn sheet_path(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, sheet: &str) -> Option<String> {
    let workbook = read_part(zip, "xl/workbook.xml")?;
    let mut id = None;
    elements(&workbook, "sheet", |e| {
        if id.is_none() && attr(e, "name").as_deref() == Some(sheet) {
            id = attr(e, "id");
        }
    });
    let id = id?;
    let rels = read_part(zip, "xl/_rels/workbook.xml.rels")?;
    let mut target = None;
    elements(&rels, "Relationship", |e| {
        if target.is_none() && attr(e, "Id").as_deref() == Some(id.as_str()) {
            target = attr(e, "Target");
        }
    });
    let target = target?;
    Some(match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    })
}

/// Inflates the sheet, finds `</sheetData>` (a `<` cannot stand raw in cell text, so the
/// close tag cannot be imitated by a value), and reads the merges after it.
fn scan(mut sheet: impl Read) -> Option<Vec<Merge>> {
    const TAG: &[u8] = b"sheetData>";
    let finder = memchr::memmem::Finder::new(TAG);
    let mut buf = vec![0u8; 256 * 1024];
    // Bytes kept from the previous chunk, so a tag split between two chunks is found.
    let keep = 64;
    let mut have = 0usize;
    let mut tail: Option<Vec<u8>> = None;
    loop {
        let n = sheet.read(&mut buf[have..]).ok()?;
        if n == 0 {
            break;
        }
        let filled = have + n;
        if let Some(rest) = tail.as_mut() {
            rest.extend_from_slice(&buf[have..filled]);
            // What follows the cells is a few kilobytes at most; past that, give up.
            if rest.len() > 64 * 1024 * 1024 {
                return None;
            }
            have = 0;
            continue;
        }
        let window = &buf[..filled];
        let mut found = None;
        for at in finder.find_iter(window) {
            if is_close_tag(&window[..at]) {
                found = Some(at + TAG.len());
                break;
            }
        }
        if let Some(end) = found {
            tail = Some(window[end..].to_vec());
            have = 0;
            continue;
        }
        let carry = filled.min(keep);
        buf.copy_within(filled - carry..filled, 0);
        have = carry;
    }
    Some(merges_in(&tail.unwrap_or_default()))
}

/// The merged areas named in the XML that follows a sheet's cells.
pub fn merges_in(tail: &[u8]) -> Vec<Merge> {
    let rest = String::from_utf8_lossy(tail).into_owned();
    let mut merges = Vec::new();
    elements(&format!("<x>{rest}"), "mergeCell", |e| {
        if let Some(area) = attr(e, "ref").as_deref().and_then(area) {
            merges.push(area);
        }
    });
    merges
}

/// Whether the bytes before `sheetData>` end in `</` or `</prefix:`.
fn is_close_tag(before: &[u8]) -> bool {
    if before.ends_with(b"</") {
        return true;
    }
    let Some(before) = before.strip_suffix(b":") else {
        return false;
    };
    let is_name = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.');
    let name = before.iter().rev().take_while(|b| is_name(b)).count();
    name > 0 && before[..before.len() - name].ends_with(b"</")
}

/// `A1:J1` (or a single `B2`) as a merge, 0-based.
fn area(reference: &str) -> Option<Merge> {
    let (first, last) = reference.split_once(':').unwrap_or((reference, reference));
    let (r0, c0) = cell(first)?;
    let (r1, c1) = cell(last)?;
    Some(Merge {
        first_row: r0.min(r1),
        first_col: c0.min(c1),
        last_row: r0.max(r1),
        last_col: c0.max(c1),
    })
}

fn cell(reference: &str) -> Option<(u32, u16)> {
    let reference = reference.trim().trim_start_matches('$');
    let letters = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let mut col = 0u32;
    for b in reference[..letters].bytes() {
        col = col * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    let row: u32 = reference[letters..].trim_start_matches('$').parse().ok()?;
    if row == 0 || col > 16_384 {
        return None;
    }
    Some((row - 1, (col - 1) as u16))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_after_the_cells_are_found_across_chunks() {
        let mut xml = String::from("<worksheet><sheetData>");
        // A cell text naming the tag, escaped as it must be, is not the end of the cells.
        xml.push_str(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lt;/sheetData&gt;</t></is></c></row>",
        );
        for r in 2..20_000 {
            xml.push_str(&format!(
                "<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c></row>"
            ));
        }
        xml.push_str("</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:J1\"/><mergeCell ref=\"$B$2:C3\"/></mergeCells></worksheet>");
        let merges = scan(xml.as_bytes()).unwrap();
        assert_eq!(
            merges,
            vec![
                Merge {
                    first_row: 0,
                    first_col: 0,
                    last_row: 0,
                    last_col: 9
                },
                Merge {
                    first_row: 1,
                    first_col: 1,
                    last_row: 2,
                    last_col: 2
                },
            ]
        );
        let prefixed = "<x:worksheet><x:sheetData></x:sheetData><x:mergeCells><x:mergeCell ref=\"A1:B1\"/></x:mergeCells></x:worksheet>";
        assert_eq!(scan(prefixed.as_bytes()).unwrap().len(), 1);
        assert_eq!(
            scan("<worksheet><sheetData/></worksheet>".as_bytes()).unwrap(),
            vec![]
        );
    }

    #[test]
    fn close_tags_with_and_without_prefix() {
        assert!(is_close_tag(b"<row></row></"));
        assert!(is_close_tag(b"</row></x:"));
        assert!(!is_close_tag(b"<t>&lt;/"));
        assert!(!is_close_tag(b"<"));
        assert!(!is_close_tag(b"<t>a:"));
    }
}
