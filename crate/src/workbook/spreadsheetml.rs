//! "XML Spreadsheet 2003" (SpreadsheetML): the XML that Excel 2002/2003 wrote and that many
//! government web systems still export under an `.xls` name. Read with quick-xml (already in
//! the tree through calamine) into the same [`Table`] as every other format.
//!
//! What is honoured: several `<Worksheet ss:Name>` (the named one, else the first with a
//! non-empty cell); `<Row ss:Index>` and `<Cell ss:Index>` skips; `ss:MergeAcross` /
//! `ss:MergeDown` (become [`Merge`]s; the next cell in the row starts after the merge);
//! `<Data ss:Type>` Number, String, DateTime, Boolean, Error, with rich text (`<B>`, `<Font>`
//! inside `<Data>`) flattened to its text; `<Comment>` text is not a cell value. Limits: a cell
//! beyond Excel's grid or a used range beyond `limits::MAX_CELLS` is refused as it is met.

use super::limits::check_cells;
use super::table::{Cell, DateCell, FileFormat, Grid, Merge, Table};
use super::xml_elements::attr;
use crate::error::Error;
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;

/// Does this look like SpreadsheetML? Its root is `<Workbook>` in the
/// `urn:schemas-microsoft-com:office:spreadsheet` namespace, usually after
/// `<?mso-application progid="Excel.Sheet"?>`.
pub fn looks_like_spreadsheetml(bytes: &[u8]) -> bool {
    let text = decode(&bytes[..bytes.len().min(4096)]);
    let head = text.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<?xml")
        && (head.contains("progid=\"Excel.Sheet\"")
            || head.contains("urn:schemas-microsoft-com:office:spreadsheet"))
}

/// Reads the worksheet named `sheet`, or else the first one with a non-empty cell.
pub fn read_spreadsheetml(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
) -> Result<Table, Error> {
    let text = decode(bytes);
    let mut reader = quick_xml::Reader::from_str(text.trim_start_matches('\u{feff}'));
    let corrupt = |e: &dyn std::fmt::Display, pos: u64| Error::Corrupt {
        detail: format!("XML: {e} (byte {pos})"),
    };

    let mut names: Vec<String> = Vec::new();
    let mut chosen: Option<Worksheet> = None;
    let mut current: Option<Worksheet> = None; // the worksheet being read, if it may be chosen
    let mut in_table = false;
    let mut cell: Option<CellState> = None;
    let mut cell_depth = 0usize; // depth of the open <Cell>: its <Data> is one below
    let mut data_depth: Option<usize> = None; // depth of the open <Data>, text collected
    let mut depth = 0usize;
    let mut saw_workbook = false;

    loop {
        let event = reader
            .read_event()
            .map_err(|e| corrupt(&e, reader.error_position()))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let local = e.local_name();
                let name = local.as_ref();
                if data_depth.is_none() {
                    match name {
                        "Workbook" => saw_workbook = true,
                        "Worksheet" => {
                            let sheet_name = attr(e, "Name")
                                .unwrap_or_else(|| format!("Sheet{}", names.len() + 1));
                            let wanted = match sheet {
                                Some(w) => w == sheet_name,
                                None => chosen.is_none(),
                            };
                            current = wanted.then(|| Worksheet::new(sheet_name.clone()));
                            names.push(sheet_name);
                            if empty {
                                chosen = choose(chosen, current.take(), sheet.is_some());
                            }
                        }
                        "Table" => in_table = !empty,
                        "Row" if in_table => {
                            if let Some(grid) = current.as_mut() {
                                grid.start_row(index_attr(e)?)?;
                            }
                        }
                        "Cell" if in_table => {
                            if let Some(worksheet) = current.as_mut() {
                                let state = worksheet.start_cell(e)?;
                                if empty {
                                    worksheet.finish_cell(state)?;
                                } else {
                                    cell = Some(state);
                                    cell_depth = depth;
                                }
                            }
                        }
                        "Data" if cell.is_some() && !empty && depth == cell_depth + 1 => {
                            if let Some(state) = cell.as_mut() {
                                state.kind = attr(e, "Type").unwrap_or_default();
                                data_depth = Some(depth);
                            }
                        }
                        _ => {}
                    }
                }
                if !empty {
                    depth += 1;
                }
            }
            Event::End(ref e) => {
                depth = depth.saturating_sub(1);
                let local = e.local_name();
                match local.as_ref() {
                    "Data" if data_depth == Some(depth) => data_depth = None,
                    _ if data_depth.is_some() => {}
                    "Cell" => {
                        if let (Some(worksheet), Some(state)) = (current.as_mut(), cell.take()) {
                            worksheet.finish_cell(state)?;
                        }
                    }
                    "Row" => {}
                    "Table" => in_table = false,
                    "Worksheet" => chosen = choose(chosen, current.take(), sheet.is_some()),
                    _ => {}
                }
            }
            Event::Text(ref t) if data_depth.is_some() => {
                if let Some(state) = cell.as_mut() {
                    state.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(ref t) if data_depth.is_some() => {
                if let Some(state) = cell.as_mut() {
                    state.text.push_str(t);
                }
            }
            Event::GeneralRef(ref r) if data_depth.is_some() => {
                if let Some(state) = cell.as_mut() {
                    state.text.push_str(
                        &resolve_ref(r).map_err(|e| corrupt(&e, reader.buffer_position()))?,
                    );
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_workbook {
        return Err(Error::NotASpreadsheet);
    }
    if names.is_empty() {
        return Err(Error::NoSheets);
    }
    let grid = match (chosen, sheet) {
        (Some(g), _) => g,
        (None, Some(w)) => {
            return Err(Error::SheetNotFound {
                name: w.to_string(),
                available: names,
            })
        }
        (None, None) => {
            return Err(Error::EmptySheet {
                sheet: names[0].clone(),
            })
        }
    };
    Ok(grid.into_table(file_name, names))
}

/// Keeps the first finished worksheet that qualifies: the named one, or one with data.
fn choose(
    chosen: Option<Worksheet>,
    finished: Option<Worksheet>,
    named: bool,
) -> Option<Worksheet> {
    match (chosen, finished) {
        (Some(c), _) => Some(c),
        (None, Some(f)) if named || f.has_data() => Some(f),
        _ => None,
    }
}

struct CellState {
    row: u32,
    col: u32,
    kind: String,
    text: String,
}

/// One worksheet as it is read: rows anchored at A1.
struct Worksheet {
    /// The cells, and the worksheet's name.
    cells: Grid,
    merges: Vec<Merge>,
    /// 0-based row of the open `<Row>`; `next_row` the row an un-indexed `<Row>` gets.
    row: u32,
    next_row: u32,
    next_col: u32,
}

impl Worksheet {
    fn new(name: String) -> Self {
        Worksheet {
            cells: Grid::new(&name),
            merges: Vec::new(),
            row: 0,
            next_row: 0,
            next_col: 0,
        }
    }

    fn has_data(&self) -> bool {
        // The grid keeps only cells with a value.
        !self.cells.rows.is_empty()
    }

    fn start_row(&mut self, index: Option<u32>) -> Result<(), Error> {
        // ss:Index is 1-based and may only move forward; a smaller one is taken as "next".
        self.row = index
            .map(|i| i - 1)
            .filter(|&i| i >= self.next_row)
            .unwrap_or(self.next_row);
        self.next_row = self.row + 1;
        self.next_col = 0;
        check_cells(
            &self.cells.sheet,
            u64::from(self.row) + 1,
            (self.cells.width as u64).max(1),
        )
    }

    fn start_cell(&mut self, e: &BytesStart<'_>) -> Result<CellState, Error> {
        let col = index_attr(e)?
            .map(|i| i - 1)
            .filter(|&i| i >= self.next_col)
            .unwrap_or(self.next_col);
        let across = number_attr(e, "MergeAcross")?.unwrap_or(0);
        let down = number_attr(e, "MergeDown")?.unwrap_or(0);
        let last_col = u64::from(col) + u64::from(across);
        let last_row = u64::from(self.row) + u64::from(down);
        let height = (last_row + 1).max(self.cells.rows.len() as u64);
        check_cells(
            &self.cells.sheet,
            height,
            (last_col + 1).max(self.cells.width as u64),
        )?;
        if across > 0 || down > 0 {
            self.merges.push(Merge {
                first_row: self.row,
                first_col: col as u16,
                last_row: last_row as u32,
                last_col: last_col as u16,
            });
        }
        self.next_col = last_col as u32 + 1;
        Ok(CellState {
            row: self.row,
            col,
            kind: String::new(),
            text: String::new(),
        })
    }

    fn finish_cell(&mut self, state: CellState) -> Result<(), Error> {
        let value = to_cell(&state.kind, state.text);
        self.cells
            .put(state.row as usize, state.col as usize, value)
    }

    fn into_table(self, file_name: &str, sheets: Vec<String>) -> Table {
        // Every row the grid holds has a value: no empty rows at the end.
        let rows = self.cells.rows;
        Table {
            file_name: file_name.to_string(),
            format: FileFormat::SpreadsheetMl,
            sheets,
            sheet: self.cells.sheet,
            rows,
            width: self.cells.width.min(usize::from(u16::MAX)) as u16,
            merges: self.merges,
        }
    }
}

fn to_cell(kind: &str, text: String) -> Cell {
    match kind {
        "Number" => match text.trim().parse::<f64>() {
            Ok(n) if n.is_finite() => Cell::Number(n),
            _ if text.trim().is_empty() => Cell::Empty,
            _ => Cell::text(text),
        },
        "DateTime" => iso_datetime(text.trim())
            .map(Cell::Date)
            .unwrap_or(Cell::text(text)),
        "Boolean" => match text.trim() {
            "1" | "true" | "TRUE" => Cell::Bool(true),
            "0" | "false" | "FALSE" => Cell::Bool(false),
            _ => Cell::text(text),
        },
        "Error" => Cell::Error(text.trim().into()),
        // "String" and anything unknown: the text as written (IDs keep their zeros).
        _ if text.is_empty() => Cell::Empty,
        _ => Cell::text(text),
    }
}

/// "2012-03-05T00:00:00.000" → the Excel serial (days since 1899-12-30, time as a fraction)
/// and the calendar date.
fn iso_datetime(s: &str) -> Option<DateCell> {
    use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
    let dt = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(|d| d.and_hms_opt(0, 0, 0).unwrap_or_default())
        })
        .ok()?;
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = (dt.date() - epoch).num_days() as f64;
    let time = f64::from(dt.num_seconds_from_midnight()) / 86_400.0;
    Some(DateCell {
        serial: days + time,
        year: u16::try_from(dt.year()).ok()?,
        month: dt.month() as u8,
        day: dt.day() as u8,
    })
}

/// `&amp;` `&#10;` `&#x1EC7;` inside text. SpreadsheetML is XML: only the five predefined
/// entities exist; an unknown one is kept as written.
fn resolve_ref(r: &quick_xml::events::BytesRef<'_>) -> Result<Cow<'static, str>, quick_xml::Error> {
    if let Some(ch) = r.resolve_char_ref()? {
        return Ok(Cow::Owned(ch.to_string()));
    }
    let name: &str = r;
    Ok(match quick_xml::escape::resolve_predefined_entity(name) {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(format!("&{name};")),
    })
}

fn number_attr(e: &BytesStart<'_>, local: &str) -> Result<Option<u32>, Error> {
    match attr(e, local) {
        None => Ok(None),
        Some(v) => v
            .trim()
            .parse::<u32>()
            .map(Some)
            .map_err(|_| Error::Corrupt {
                detail: format!("ss:{local}=\"{v}\" is not a whole number"),
            }),
    }
}

/// `ss:Index` (1-based); 0 is a damaged file, beyond Excel's grid is caught by `check_cells`.
fn index_attr(e: &BytesStart<'_>) -> Result<Option<u32>, Error> {
    match number_attr(e, "Index")? {
        Some(0) => Err(Error::Corrupt {
            detail: "ss:Index=\"0\"".into(),
        }),
        other => Ok(other),
    }
}

/// The document as text: a UTF-8 or UTF-16 BOM wins, then the XML declaration's encoding,
/// then UTF-8 (with invalid bytes replaced, never refused).
fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
    let declared = head
        .split("encoding=")
        .nth(1)
        .and_then(|rest| {
            rest.trim_start_matches(['"', '\''])
                .split(['"', '\''])
                .next()
        })
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    match declared {
        Some(enc) if enc != encoding_rs::UTF_8 && head.starts_with("<?xml") => {
            enc.decode_without_bom_handling(bytes).0
        }
        _ => String::from_utf8_lossy(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    const SSML: &str = r#"<?xml version="1.0"?>
    <?mso-application progid="Excel.Sheet"?>
    <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
     xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
     <Worksheet ss:Name="Huong dan"><Table/></Worksheet>
     <Worksheet ss:Name="DS tre em">
      <Table ss:ExpandedColumnCount="6" ss:ExpandedRowCount="6">
       <Row><Cell ss:MergeAcross="5"><Data ss:Type="String">DANH SÁCH TRẺ EM</Data></Cell></Row>
       <Row ss:Index="3"><Cell><Data ss:Type="String">STT</Data></Cell><Cell><Data ss:Type="String">Họ và tên</Data></Cell>
        <Cell><Data ss:Type="String">Ngày sinh</Data></Cell><Cell ss:Index="5"><Data ss:Type="String">Số định danh</Data></Cell>
        <Cell ss:MergeDown="1"><Data ss:Type="String">Ghi chú</Data></Cell></Row>
       <Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>Nguyễn</B> Văn An</ss:Data><Comment ss:Author="x"><ss:Data>not a value</ss:Data></Comment></Cell>
        <Cell><Data ss:Type="DateTime">2012-03-05T00:00:00.000</Data></Cell><Cell><Data ss:Type="Error">#N/A</Data></Cell>
        <Cell><Data ss:Type="String">079212000001</Data></Cell></Row>
       <Row><Cell><Data ss:Type="Number">2</Data></Cell><Cell><Data ss:Type="String">A &amp; B&#10;dòng 2</Data></Cell>
        <Cell><Data ss:Type="Boolean">1</Data></Cell><Cell ss:Index="5"><Data ss:Type="Number">79315000002</Data></Cell></Row>
      </Table>
      <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetVisible</Visible></WorksheetOptions>
     </Worksheet>
     <Worksheet ss:Name="An"><Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet>
    </Workbook>"#;

    #[test]
    fn spreadsheetml_first_sheet_with_data() {
        assert!(looks_like_spreadsheetml(SSML.as_bytes()));
        let table = read_spreadsheetml(SSML.as_bytes(), "x.xls", None).expect("reads");
        assert_eq!(table.format, FileFormat::SpreadsheetMl);
        assert_eq!(table.sheets, vec!["Huong dan", "DS tre em", "An"]);
        assert_eq!(table.sheet, "DS tre em");
        assert_eq!(table.rows[0], vec![t("DANH SÁCH TRẺ EM")]);
        assert!(table.rows[1].is_empty(), "ss:Index=3 skips row 2");
        assert_eq!(
            table.rows[2],
            vec![
                t("STT"),
                t("Họ và tên"),
                t("Ngày sinh"),
                Cell::Empty,
                t("Số định danh"),
                t("Ghi chú")
            ]
        );
        let r = &table.rows[3];
        assert_eq!(r[0], Cell::Number(1.0));
        assert_eq!(
            r[1],
            t("Nguyễn Văn An"),
            "rich text flattened, comment ignored"
        );
        assert_eq!(r[2].display(), "05/03/2012");
        assert!(matches!(r[2], Cell::Date(d) if d.serial == 40973.0));
        assert_eq!(r[3], Cell::Error("#N/A".into()));
        assert_eq!(
            r[4],
            t("079212000001"),
            "the cell after a merge-down sits in the next free column"
        );
        let r = &table.rows[4];
        assert_eq!(r[1], t("A & B\ndòng 2"));
        assert_eq!(r[2], Cell::Bool(true));
        assert_eq!(r[4], Cell::Number(79315000002.0));
        assert_eq!(
            table.merges,
            vec![
                Merge {
                    first_row: 0,
                    first_col: 0,
                    last_row: 0,
                    last_col: 5
                },
                Merge {
                    first_row: 2,
                    first_col: 5,
                    last_row: 3,
                    last_col: 5
                },
            ]
        );
        assert_eq!(table.width, 6);
    }

    #[test]
    fn spreadsheetml_named_sheet_and_errors() {
        let t2 = read_spreadsheetml(SSML.as_bytes(), "x.xls", Some("An")).expect("named");
        assert_eq!(t2.rows, vec![vec![t("x")]]);
        let e = read_spreadsheetml(SSML.as_bytes(), "x.xls", Some("Khong co")).unwrap_err();
        assert!(matches!(e, Error::SheetNotFound { .. }));
        let truncated = &SSML[..SSML.find("ss:Type=\"DateTime\"").unwrap()];
        assert_eq!(
            read_spreadsheetml(truncated.as_bytes(), "x.xls", None)
                .unwrap_err()
                .code(),
            "corrupt",
            "cut inside a tag"
        );
        let bad = SSML.replace(
            "<Cell><Data ss:Type=\"Number\">2</Data></Cell>",
            "<Cell><Data ss:Type=\"Number\">2</Cell>",
        );
        assert_eq!(
            read_spreadsheetml(bad.as_bytes(), "x.xls", None)
                .unwrap_err()
                .code(),
            "corrupt"
        );
        let far = SSML.replace("<Row ss:Index=\"3\">", "<Row ss:Index=\"1048577\">");
        assert_eq!(
            read_spreadsheetml(far.as_bytes(), "x.xls", None)
                .unwrap_err()
                .code(),
            "too_many_cells"
        );
        let wide = SSML.replace(
            "<Cell ss:Index=\"5\"><Data ss:Type=\"String\">Số",
            "<Cell ss:Index=\"16385\"><Data ss:Type=\"String\">Số",
        );
        assert_eq!(
            read_spreadsheetml(wide.as_bytes(), "x.xls", None)
                .unwrap_err()
                .code(),
            "too_many_cells"
        );
        let empty = r#"<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="A" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Table/></Worksheet></Workbook>"#;
        assert_eq!(
            read_spreadsheetml(empty.as_bytes(), "x.xls", None)
                .unwrap_err()
                .code(),
            "empty_sheet"
        );
    }
}
