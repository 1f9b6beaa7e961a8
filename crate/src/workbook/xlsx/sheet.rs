//! One worksheet, written as a stream of rows.

use super::notes::{self, Note};
use super::{write_error, xml, Book, Style, CHUNK, MAIN_NS, REL_NS};
use crate::error::Error;
use std::borrow::Cow;

/// What is known of a sheet before its rows: how it is shown.
#[derive(Clone, Debug, Default)]
pub struct SheetSetup {
    /// Rows frozen at the top (the header stays in view while scrolling).
    pub freeze_rows: u32,
    /// Column widths in characters, from column A.
    pub widths: Vec<f64>,
    /// The sheet's used range (rows, columns), when known beforehand.
    pub dimension: Option<(u32, u16)>,
    /// The sheet shown when the workbook opens.
    pub selected: bool,
    /// Written for people to read in Excel, not as Excel writes a sheet (which the data
    /// sheet must be: other software reads it back):
    /// - cells right after the previous cell of their row leave out their reference (`r`),
    ///   as the format allows: a province's findings and work lists are a seventh less XML
    ///   to write and compress;
    /// - texts are written in their cells ([`Sheet::text`]), not in the shared strings:
    ///   finding a text among a province's 700,000 shared strings costs the writing worker
    ///   more than compressing the text again costs the other one. Texts written by number
    ///   ([`Sheet::intern`]) stay shared.
    pub compact: bool,
}

/// Lookups after which a column whose texts were almost never seen before (names, ID
/// numbers, addresses) stops looking them up: it adds them to the table directly. A
/// shared-strings table may hold a text twice; a lookup in a table of 700,000 texts costs
/// two cache misses each, about a tenth of writing a province's workbook.
const DISTINCT_SAMPLE: u32 = 2048;

/// Each text column's last shared string, and how often its texts were already in the table.
#[derive(Clone, Copy)]
struct ColumnTexts {
    /// A column of villages, communes or ethnic groups repeats the row above far more often
    /// than not, and comparing with it is cheaper than a lookup.
    last: u32,
    lookups: u32,
    found: u32,
}

impl Default for ColumnTexts {
    fn default() -> Self {
        ColumnTexts {
            last: u32::MAX,
            lookups: 0,
            found: 0,
        }
    }
}

/// See [`Sheet::prepare_run`].
pub struct SharedRun {
    first_col: u16,
    ids: Vec<u32>,
    xml: Vec<u8>,
}

/// A sheet being written. Texts are stored once in the workbook's shared strings (or, with
/// [`SheetSetup::compact`], in their cells).
pub struct Sheet<'b, 'a> {
    book: &'b mut Book<'a>,
    index: usize,
    buf: Vec<u8>,
    letters: Vec<Vec<u8>>,
    /// The open row's number as Excel shows it (1-based), as digits.
    row_digits: Vec<u8>,
    row: Option<u32>,
    last_col: Option<u16>,
    widths: Vec<f64>,
    /// [`SheetSetup::compact`].
    compact: bool,
    notes: Vec<Note>,
    merges: Vec<[u32; 4]>,
    filter: Option<[u32; 4]>,
    /// What each text column has shown so far (columns below 256).
    columns: Vec<ColumnTexts>,
}

impl<'b, 'a> Sheet<'b, 'a> {
    pub(super) fn start(
        book: &'b mut Book<'a>,
        index: usize,
        setup: SheetSetup,
    ) -> Result<Self, Error> {
        let mut buf = Vec::with_capacity(CHUNK + 4096);
        buf.extend_from_slice(super::XML_DECLARATION);
        buf.extend_from_slice(
            format!("<worksheet xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\">").as_bytes(),
        );
        if let Some((rows, cols)) = setup.dimension.filter(|(r, c)| *r > 0 && *c > 0) {
            buf.extend_from_slice(b"<dimension ref=\"A1:");
            buf.extend_from_slice(&xml::column_letters(cols - 1));
            xml::push_u32(&mut buf, rows);
            buf.extend_from_slice(b"\"/>");
        }
        buf.extend_from_slice(b"<sheetViews><sheetView");
        if setup.selected {
            buf.extend_from_slice(b" tabSelected=\"1\"");
        }
        buf.extend_from_slice(b" workbookViewId=\"0\">");
        if setup.freeze_rows > 0 {
            buf.extend_from_slice(b"<pane ySplit=\"");
            xml::push_u32(&mut buf, setup.freeze_rows);
            buf.extend_from_slice(b"\" topLeftCell=\"A");
            xml::push_u32(&mut buf, setup.freeze_rows + 1);
            buf.extend_from_slice(
                b"\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>",
            );
        }
        buf.extend_from_slice(b"</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        if !setup.widths.is_empty() {
            buf.extend_from_slice(b"<cols>");
            for (i, w) in setup.widths.iter().enumerate() {
                let n = i as u32 + 1;
                buf.extend_from_slice(b"<col min=\"");
                xml::push_u32(&mut buf, n);
                buf.extend_from_slice(b"\" max=\"");
                xml::push_u32(&mut buf, n);
                buf.extend_from_slice(b"\" width=\"");
                xml::push_number(&mut buf, stored_width(*w));
                buf.extend_from_slice(b"\" customWidth=\"1\"/>");
            }
            buf.extend_from_slice(b"</cols>");
        }
        buf.extend_from_slice(b"<sheetData>");
        Ok(Sheet {
            book,
            index,
            buf,
            letters: Vec::new(),
            row_digits: Vec::with_capacity(10),
            row: None,
            last_col: None,
            widths: setup.widths,
            compact: setup.compact,
            notes: Vec::new(),
            merges: Vec::new(),
            filter: None,
            columns: Vec::new(),
        })
    }

    /// Starts row `row` (0-based); rows must come in increasing order. Waits while the
    /// parts' receiver is not ready for more.
    pub async fn row(&mut self, row: u32) -> Result<(), Error> {
        if self.row.is_some_and(|r| r >= row) {
            return Err(write_error(format!("row {} written out of order", row + 1)));
        }
        self.close_row();
        if self.buf.len() >= CHUNK {
            self.flush().await?;
        }
        self.row = Some(row);
        self.last_col = None;
        self.row_digits.clear();
        xml::push_u32(&mut self.row_digits, row + 1);
        self.buf.extend_from_slice(b"<row r=\"");
        self.buf.extend_from_slice(&self.row_digits);
        self.buf.extend_from_slice(b"\">");
        Ok(())
    }

    fn close_row(&mut self) {
        if self.row.is_some() {
            self.buf.extend_from_slice(b"</row>");
        }
    }

    async fn flush(&mut self) -> Result<(), Error> {
        self.book.write(&self.buf)?;
        self.buf.clear();
        self.book.caught_up().await;
        Ok(())
    }

    /// `<c r="B7" s="1"` for column `col` of the open row.
    fn open_cell(&mut self, col: u16, style: Style) -> Result<(), Error> {
        if self.row.is_none() || self.last_col.is_some_and(|c| c >= col) {
            return Err(write_error(format!(
                "cell in column {} written out of order",
                col + 1
            )));
        }
        // A reader places a cell without a reference one column after the previous cell of
        // its row, or in column A.
        let next_in_row = self.last_col.map_or(0, |c| c + 1);
        self.last_col = Some(col);
        if self.compact && col == next_in_row {
            self.buf.extend_from_slice(b"<c");
        } else {
            let col = usize::from(col);
            while self.letters.len() <= col {
                let next = self.letters.len() as u16;
                self.letters.push(xml::column_letters(next));
            }
            self.buf.extend_from_slice(b"<c r=\"");
            self.buf.extend_from_slice(&self.letters[col]);
            self.buf.extend_from_slice(&self.row_digits);
            self.buf.push(b'"');
        }
        if style != Style::Plain {
            self.buf.extend_from_slice(b" s=\"");
            xml::push_u32(&mut self.buf, u32::from(style.xf()));
            self.buf.push(b'"');
        }
        Ok(())
    }

    /// A text cell (at most 32,767 characters: the caller truncates).
    pub fn text(
        &mut self,
        col: u16,
        text: impl Into<Cow<'a, str>>,
        style: Style,
    ) -> Result<(), Error> {
        let text = text.into();
        if self.compact {
            return self.inline_text(col, &text, style);
        }
        let c = usize::from(col);
        if c >= 256 {
            let id = self.book.strings.id(text);
            return self.text_id(col, id, style);
        }
        if self.columns.len() <= c {
            self.columns.resize(c + 1, ColumnTexts::default());
        }
        let strings = &mut self.book.strings;
        let column = &mut self.columns[c];
        let id = if let Some(id) = strings.again(column.last, &text) {
            id
        } else if column.lookups >= DISTINCT_SAMPLE && column.found * 16 < column.lookups {
            strings.add(text)
        } else {
            let (id, found) = strings.find_or_add(text);
            if column.lookups < DISTINCT_SAMPLE {
                column.lookups += 1;
                column.found += u32::from(found);
            }
            id
        };
        column.last = id;
        self.text_id(col, id, style)
    }

    /// [`Sheet::text`] for a text that lives shorter than the workbook: copied only when it
    /// goes to the shared strings.
    pub fn text_ref(&mut self, col: u16, text: &str, style: Style) -> Result<(), Error> {
        if self.compact {
            self.inline_text(col, text, style)
        } else {
            self.text(col, text.to_string(), style)
        }
    }

    /// A text cell holding its text (`inlineStr`).
    fn inline_text(&mut self, col: u16, text: &str, style: Style) -> Result<(), Error> {
        self.open_cell(col, style)?;
        if xml::needs_preserve(text) {
            self.buf
                .extend_from_slice(b" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
        } else {
            self.buf.extend_from_slice(b" t=\"inlineStr\"><is><t>");
        }
        xml::push_text(&mut self.buf, text);
        self.buf.extend_from_slice(b"</t></is></c>");
        Ok(())
    }

    /// The shared-string number of `text`, for a text written in many cells.
    pub fn intern(&mut self, text: impl Into<Cow<'a, str>>) -> u32 {
        self.book.strings.id(text.into())
    }

    /// A text cell holding the shared string `id` (from [`Sheet::intern`]).
    pub fn text_id(&mut self, col: u16, id: u32, style: Style) -> Result<(), Error> {
        self.book.strings.used(1);
        self.open_cell(col, style)?;
        push_shared(&mut self.buf, id);
        Ok(())
    }

    /// Plain cells of shared strings `ids` in the columns from `first_col` on, made once to be
    /// written in many rows with [`Sheet::shared_run`] (a province's findings repeat a few
    /// dozen columns and rules in 450,000 rows).
    pub fn prepare_run(first_col: u16, ids: &[u32]) -> SharedRun {
        let mut xml = Vec::with_capacity(ids.len() * 24);
        for &id in ids {
            // A plain cell right after the one before, in a compact sheet: no reference.
            xml.extend_from_slice(b"<c");
            push_shared(&mut xml, id);
        }
        SharedRun {
            first_col,
            ids: ids.to_vec(),
            xml,
        }
    }

    /// The cells of `run` in the open row: as [`Sheet::text_id`] writes each, in one piece
    /// where a compact sheet writes them without references.
    pub fn shared_run(&mut self, run: &SharedRun) -> Result<(), Error> {
        let next_in_row = self.last_col.map_or(0, |c| c + 1);
        let count = run.ids.len() as u16;
        if !self.compact || self.row.is_none() || run.first_col != next_in_row || count == 0 {
            for (i, &id) in run.ids.iter().enumerate() {
                self.text_id(run.first_col + i as u16, id, Style::Plain)?;
            }
            return Ok(());
        }
        self.book.strings.used(u64::from(count));
        self.last_col = Some(run.first_col + count - 1);
        self.buf.extend_from_slice(&run.xml);
        Ok(())
    }

    /// A number cell; a value Excel cannot store (infinite, not a number) is written as text.
    pub fn number(&mut self, col: u16, n: f64, style: Style) -> Result<(), Error> {
        if !n.is_finite() {
            return self.text(col, n.to_string(), style);
        }
        self.open_cell(col, style)?;
        self.buf.extend_from_slice(b"><v>");
        xml::push_number(&mut self.buf, n);
        self.buf.extend_from_slice(b"</v></c>");
        Ok(())
    }

    pub fn boolean(&mut self, col: u16, b: bool, style: Style) -> Result<(), Error> {
        self.open_cell(col, style)?;
        self.buf.extend_from_slice(if b {
            b" t=\"b\"><v>1</v></c>"
        } else {
            b" t=\"b\"><v>0</v></c>"
        });
        Ok(())
    }

    /// An empty cell that still shows its style (a highlighted missing value).
    pub fn blank(&mut self, col: u16, style: Style) -> Result<(), Error> {
        if style == Style::Plain {
            return Ok(());
        }
        self.open_cell(col, style)?;
        self.buf.extend_from_slice(b"/>");
        Ok(())
    }

    /// A note on a cell of the open row (shown when the pointer rests on the cell).
    pub fn note(&mut self, col: u16, text: String) {
        if let Some(row) = self.row {
            self.notes.push(Note { row, col, text });
        }
    }

    /// Merges the cells of rows `first_row..=last_row` and columns `first_col..=last_col`.
    pub fn merge(&mut self, first_row: u32, first_col: u16, last_row: u32, last_col: u16) {
        self.merges.push([
            first_row,
            u32::from(first_col),
            last_row,
            u32::from(last_col),
        ]);
    }

    /// An autofilter over the header row `first_row` and the rows below it.
    pub fn autofilter(&mut self, first_row: u32, first_col: u16, last_row: u32, last_col: u16) {
        self.filter = Some([
            first_row,
            u32::from(first_col),
            last_row,
            u32::from(last_col),
        ]);
    }

    /// Closes the sheet: merges, autofilter and notes follow the rows.
    pub async fn end(mut self) -> Result<(), Error> {
        self.close_row();
        self.buf.extend_from_slice(b"</sheetData>");
        if let Some(area) = self.filter {
            self.buf.extend_from_slice(b"<autoFilter ref=\"");
            push_area(&mut self.buf, area, false);
            self.buf.extend_from_slice(b"\"/>");
            let mut absolute = Vec::new();
            push_area(&mut absolute, area, true);
            self.book.sheets[self.index - 1].filter = String::from_utf8(absolute).ok();
        }
        if !self.merges.is_empty() {
            self.buf.extend_from_slice(b"<mergeCells count=\"");
            xml::push_u32(&mut self.buf, self.merges.len() as u32);
            self.buf.extend_from_slice(b"\">");
            for area in std::mem::take(&mut self.merges) {
                self.buf.extend_from_slice(b"<mergeCell ref=\"");
                push_area(&mut self.buf, area, false);
                self.buf.extend_from_slice(b"\"/>");
            }
            self.buf.extend_from_slice(b"</mergeCells>");
        }
        self.buf.extend_from_slice(
            b"<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>",
        );
        let has_notes = !self.notes.is_empty();
        if has_notes {
            self.buf
                .extend_from_slice(b"<legacyDrawing r:id=\"rId1\"/>");
        }
        self.buf.extend_from_slice(b"</worksheet>");
        self.flush().await?;
        if has_notes {
            let index = self.index;
            let notes = std::mem::take(&mut self.notes);
            self.book.sheets[index - 1].has_notes = true;
            let book = &mut *self.book;
            book.write_part(
                &format!("xl/worksheets/_rels/sheet{index}.xml.rels"),
                notes::sheet_rels(index).as_bytes(),
            )?;
            book.write_part(
                &format!("xl/comments{index}.xml"),
                &notes::comments_xml(&notes),
            )?;
            book.write_part(
                &format!("xl/drawings/vmlDrawing{index}.vml"),
                &notes::vml_drawing(&notes, &self.widths, index),
            )?;
        }
        Ok(())
    }
}

/// The rest of a cell holding shared string `id`, after its `<c` and attributes.
fn push_shared(out: &mut Vec<u8>, id: u32) {
    out.extend_from_slice(b" t=\"s\"><v>");
    xml::push_u32(out, id);
    out.extend_from_slice(b"</v></c>");
}

/// `A1:H11`, or `$A$1:$H$11`.
fn push_area(out: &mut Vec<u8>, [r0, c0, r1, c1]: [u32; 4], absolute: bool) {
    for (i, (r, c)) in [(r0, c0), (r1, c1)].into_iter().enumerate() {
        if i == 1 {
            out.push(b':');
        }
        if absolute {
            out.push(b'$');
        }
        out.extend_from_slice(&xml::column_letters(c.min(16_383) as u16));
        if absolute {
            out.push(b'$');
        }
        xml::push_u32(out, r + 1);
    }
}

/// Excel stores a column width as characters of the default font plus padding, in 1/256ths
/// (a width of 10 characters is stored as 10.7109375).
fn stored_width(chars: f64) -> f64 {
    const DIGIT_PX: f64 = 7.0;
    const PADDING_PX: f64 = 5.0;
    if chars <= 0.0 {
        return 0.0;
    }
    ((chars * DIGIT_PX + PADDING_PX) / DIGIT_PX * 256.0).floor() / 256.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_stored_as_excel_does() {
        assert_eq!(stored_width(10.0), 10.7109375);
        assert_eq!(stored_width(6.0), 6.7109375);
    }
}
