//! CSV lists: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258; the
//! delimiter is whichever of `,` `;` tab splits the first line most.

use super::table::{Cell, FileFormat, Table};
use crate::error::Error;

pub fn read_csv(bytes: &[u8], file_name: &str) -> Result<Table, Error> {
    let text = decode(bytes);
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut width = 0usize;
    for record in reader.records() {
        let record = record.map_err(|e| Error::Corrupt {
            detail: e.to_string(),
        })?;
        let mut row: Vec<Cell> = record
            .iter()
            .map(|f| {
                if f.is_empty() {
                    Cell::Empty
                } else {
                    Cell::text(f.to_string())
                }
            })
            .collect();
        while matches!(row.last(), Some(Cell::Empty)) {
            row.pop();
        }
        width = width.max(row.len());
        rows.push(row);
    }
    while rows.last().is_some_and(|r| r.is_empty()) {
        rows.pop();
    }
    if rows.is_empty() {
        return Err(Error::EmptySheet {
            sheet: sheet_name(file_name),
        });
    }
    let sheet = sheet_name(file_name);
    Ok(Table {
        file_name: file_name.to_string(),
        format: FileFormat::Csv,
        sheets: vec![sheet.clone()],
        sheet,
        rows,
        width: width.min(usize::from(u16::MAX)) as u16,
        merges: Vec::new(),
    })
}

fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1258
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// A CSV has no sheet: name it after the file, as Excel does when it opens one.
fn sheet_name(file_name: &str) -> String {
    let stem = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = stem
        .strip_suffix(".csv")
        .or_else(|| stem.strip_suffix(".CSV"))
        .unwrap_or(stem);
    if stem.is_empty() {
        "Sheet1".into()
    } else {
        stem.chars().take(31).collect()
    }
}
