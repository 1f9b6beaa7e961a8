//! HTML tables saved with an `.xls` name: what many web systems call "export to Excel".
//! Excel opens them as a sheet; so does LamSach, with the same [`Table`] as every other
//! format. Tokenised by html5gum (a WHATWG-conformant tokenizer: entities, unquoted
//! attributes, comments, `<script>` and `<style>` contents, broken markup all handled as a
//! browser does); the table structure is built here from its tags.
//!
//! The sheet is what Excel shows when it opens such a file: every table's rows in document
//! order, and text outside tables (a title in `<h3>`, a `<p>` line) as a one-cell row of its
//! own. `colspan` / `rowspan` place cells as a browser does and become [`Merge`]s; `<br>` is
//! a line break inside the cell; runs of spaces collapse as in a browser. Every value stays
//! text, digits included: an ID "079212000001" must keep its zero. A table nested in a cell
//! is flattened into that cell's text.
//!
//! The encoding: a byte-order mark, else `<meta charset>` / `<meta http-equiv=Content-Type>`
//! in the first 4 KB, else UTF-8 if the bytes are valid UTF-8, else Windows-1258 (the
//! Vietnamese Windows code page, as for CSV).

use super::limits::check_cells;
use super::table::{Cell, FileFormat, Merge, Table};
use crate::error::Error;
use encoding_rs::Encoding;
use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};
use std::borrow::Cow;

/// Most columns a `colspan` may cover and most rows a `rowspan` may cover, as browsers clamp
/// them (HTML standard, "processing model" of tables).
const MAX_COLSPAN: u32 = 1000;
const MAX_ROWSPAN: u32 = 65_534;
/// Stands for a `<br>` inside a cell until the cell's spaces are collapsed.
const BREAK: char = '\u{E000}';

/// Does this look like an HTML page (the first kilobyte names `<html`, `<table` or a doctype)?
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let find = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    find(b"<html") || find(b"<!doctype html") || find(b"<table")
}

/// Reads every table of an HTML page into one sheet named after the file.
pub fn read_html(bytes: &[u8], file_name: &str) -> Result<Table, Error> {
    let text = decode(bytes);
    let sheet = sheet_name(file_name);
    let mut builder = Builder::new(sheet.clone());
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: Span<()>| -> Option<()> {
        builder.event(event);
        None
    });
    // Switch to raw text inside <script>, <style>, <title>, <textarea> as a tree builder would.
    emitter.naively_switch_states(true);
    for _ in Tokenizer::new_with_emitter(text.as_ref(), emitter) {}
    builder.finish(file_name)
}

/// Builds the sheet from the token stream.
struct Builder {
    sheet: String,
    rows: Vec<Vec<Cell>>,
    merges: Vec<Merge>,
    width: u32,
    /// The start tag being read: its name and the attributes we use.
    tag: String,
    attrs: Vec<(String, String)>,
    attr_name: String,
    /// Nesting of <table>; 0 outside any table.
    tables: usize,
    /// In the outermost table: the open row (its index in `rows`), the open cell, and for
    /// each column the row up to which (exclusive) a rowspan above covers it.
    row: Option<usize>,
    cell: Option<OpenCell>,
    covered: Vec<usize>,
    saw_table: bool,
    /// Text outside any table, waiting for a block boundary to become a row.
    loose: String,
    /// Inside <script>, <style>, <title>…: text that is not content.
    skip: Option<String>,
    error: Option<Error>,
}

struct OpenCell {
    col: u32,
    colspan: u32,
    rowspan: u32,
    text: String,
}

impl Builder {
    fn new(sheet: String) -> Self {
        Builder {
            sheet,
            rows: Vec::new(),
            merges: Vec::new(),
            width: 0,
            tag: String::new(),
            attrs: Vec::new(),
            attr_name: String::new(),
            tables: 0,
            row: None,
            cell: None,
            covered: Vec::new(),
            saw_table: false,
            loose: String::new(),
            skip: None,
            error: None,
        }
    }

    fn event(&mut self, event: CallbackEvent<'_>) {
        if self.error.is_some() {
            return;
        }
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.tag = lower(name);
                self.attrs.clear();
            }
            CallbackEvent::AttributeName { name } => self.attr_name = lower(name),
            CallbackEvent::AttributeValue { value } => {
                if matches!(self.attr_name.as_str(), "colspan" | "rowspan") {
                    self.attrs.push((
                        std::mem::take(&mut self.attr_name),
                        String::from_utf8_lossy(value).into_owned(),
                    ));
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                let tag = std::mem::take(&mut self.tag);
                self.start(&tag, self_closing);
                self.tag = tag;
            }
            CallbackEvent::EndTag { name } => self.end(&lower(name)),
            CallbackEvent::String { value } => self.text(&String::from_utf8_lossy(value)),
            _ => {}
        }
    }

    fn start(&mut self, tag: &str, self_closing: bool) {
        if self.skip.is_some() {
            return;
        }
        match tag {
            "script" | "style" | "title" | "template" | "textarea" if !self_closing => {
                self.skip = Some(tag.to_string())
            }
            "table" => {
                if self.tables == 0 {
                    self.flush_loose();
                    self.saw_table = true;
                    self.covered.clear();
                } else {
                    self.push_text(" ");
                }
                self.tables += 1;
            }
            "tr" if self.tables == 1 => {
                self.close_row();
                self.open_row();
            }
            "td" | "th" if self.tables == 1 => self.open_cell(),
            "thead" | "tbody" | "tfoot" if self.tables == 1 => self.close_row(),
            "tr" | "td" | "th" if self.tables > 1 => self.push_text(" "),
            "br" => self.push_text(&BREAK.to_string()),
            _ if self.tables == 0 && is_block(tag) => self.flush_loose(),
            _ => {}
        }
    }

    fn end(&mut self, tag: &str) {
        if let Some(open) = &self.skip {
            if open == tag {
                self.skip = None;
            }
            return;
        }
        match tag {
            "table" if self.tables > 0 => {
                self.tables -= 1;
                if self.tables == 0 {
                    self.close_row();
                }
            }
            "td" | "th" if self.tables == 1 => self.close_cell(),
            "tr" | "thead" | "tbody" | "tfoot" if self.tables == 1 => self.close_row(),
            "br" => self.push_text(&BREAK.to_string()), // "</br>" is a <br> to browsers
            _ if self.tables == 0 && is_block(tag) => self.flush_loose(),
            _ => {}
        }
    }

    fn text(&mut self, s: &str) {
        if self.skip.is_none() {
            self.push_text(s);
        }
    }

    fn push_text(&mut self, s: &str) {
        match (&mut self.cell, self.tables) {
            (Some(cell), _) => cell.text.push_str(s),
            (None, 0) => self.loose.push_str(s),
            // Text in a table but outside any cell: browsers show it above the table; keep it
            // as a line of its own rather than lose it.
            (None, _) if !s.trim().is_empty() => self.loose.push_str(s),
            _ => {}
        }
    }

    fn flush_loose(&mut self) {
        let text = collapse(&std::mem::take(&mut self.loose));
        if !text.is_empty() && self.row.is_none() {
            self.rows.push(vec![Cell::text(text)]);
            self.width = self.width.max(1);
            self.check();
        }
    }

    fn open_row(&mut self) {
        self.flush_loose();
        self.rows.push(Vec::new());
        self.row = Some(self.rows.len() - 1);
        self.check();
    }

    fn close_row(&mut self) {
        self.close_cell();
        self.row = None;
        self.flush_loose();
    }

    fn open_cell(&mut self) {
        self.close_cell();
        if self.row.is_none() {
            self.open_row();
        }
        let r = self.row.unwrap_or(0);
        // The first column at or after the last cell that no rowspan above still covers.
        let mut col = self.rows[r].len() as u32;
        while self
            .covered
            .get(col as usize)
            .is_some_and(|&until| until > r)
        {
            col += 1;
        }
        let span = |name: &str, max: u32| {
            self.attrs
                .iter()
                .find(|(n, _)| n == name)
                .and_then(|(_, v)| v.trim().parse::<u32>().ok())
                .unwrap_or(1)
                .clamp(1, max)
        };
        let (colspan, rowspan) = (span("colspan", MAX_COLSPAN), span("rowspan", MAX_ROWSPAN));
        self.cell = Some(OpenCell {
            col,
            colspan,
            rowspan,
            text: String::new(),
        });
    }

    fn close_cell(&mut self) {
        let Some(cell) = self.cell.take() else { return };
        let r = self.row.unwrap_or(0);
        let (first, last) = (cell.col as usize, (cell.col + cell.colspan - 1) as usize);
        let last_row = r + cell.rowspan as usize - 1;
        if self.covered.len() <= last {
            self.covered.resize(last + 1, 0);
        }
        for c in first..=last {
            self.covered[c] = self.covered[c].max(last_row + 1);
        }
        if cell.colspan > 1 || cell.rowspan > 1 {
            self.merges.push(Merge {
                first_row: r as u32,
                first_col: first as u16,
                last_row: last_row as u32,
                last_col: last as u16,
            });
        }
        let text = collapse(&cell.text);
        let row = &mut self.rows[r];
        // The row holds every position up to the end of this cell's span, so that the next
        // cell lands after it (covered positions stay empty, as in Excel).
        if row.len() <= last {
            row.resize(last + 1, Cell::Empty);
        }
        if !text.is_empty() {
            row[first] = Cell::text(text);
        }
        self.width = self.width.max(last as u32 + 1);
        // A rowspan reaching below the last row still counts towards the used range.
        if let Err(e) = check_cells(
            &self.sheet,
            (last_row + 1).max(self.rows.len()) as u64,
            u64::from(self.width),
        ) {
            self.error = Some(e);
        }
    }

    fn check(&mut self) {
        if let Err(e) = check_cells(
            &self.sheet,
            self.rows.len() as u64,
            u64::from(self.width.max(1)),
        ) {
            self.error = Some(e);
        }
    }

    fn finish(mut self, file_name: &str) -> Result<Table, Error> {
        self.close_row();
        self.flush_loose();
        if let Some(e) = self.error {
            return Err(e);
        }
        if !self.saw_table {
            // A web page without a table (an error or login page saved as .xls).
            return Err(Error::HtmlDisguisedAsXls);
        }
        let mut rows = self.rows;
        for row in &mut rows {
            while matches!(row.last(), Some(Cell::Empty)) {
                row.pop();
            }
        }
        while rows.last().is_some_and(|r| r.is_empty()) {
            rows.pop();
        }
        if rows.iter().all(|r| r.iter().all(Cell::is_empty)) {
            return Err(Error::EmptySheet { sheet: self.sheet });
        }
        let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(
            self.merges
                .iter()
                .map(|m| usize::from(m.last_col) + 1)
                .max()
                .unwrap_or(0),
        );
        Ok(Table {
            file_name: file_name.to_string(),
            format: FileFormat::Html,
            sheets: vec![self.sheet.clone()],
            sheet: self.sheet,
            rows,
            width: width.min(usize::from(u16::MAX)) as u16,
            merges: self.merges,
        })
    }
}

/// Tags that end a line of text outside tables, as they do on screen.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "center"
            | "body"
            | "html"
            | "hr"
            | "pre"
            | "section"
            | "header"
            | "footer"
            | "caption"
            | "form"
    )
}

fn lower(name: &[u8]) -> String {
    String::from_utf8_lossy(name).to_ascii_lowercase()
}

/// A browser's view of a cell's text: runs of spaces, tabs and newlines become one space,
/// `<br>` a line break, no space at either end of a line. A cell of only spaces (or `&nbsp;`)
/// is empty.
fn collapse(raw: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in raw.split(BREAK) {
        let words: Vec<&str> = line
            .split(|c: char| c.is_ascii_whitespace())
            .filter(|w| !w.is_empty())
            .collect();
        lines.push(words.join(" "));
    }
    let text = lines.join("\n");
    if text.chars().all(char::is_whitespace) {
        String::new()
    } else {
        text.trim_matches('\n').to_string()
    }
}

/// The page as text, in the encoding it declares.
fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0;
    }
    match declared_charset(&bytes[..bytes.len().min(4096)]) {
        // A page cannot really be UTF-16 without a BOM; browsers read such a label as UTF-8.
        Some(enc)
            if enc != encoding_rs::UTF_8
                && enc != encoding_rs::UTF_16LE
                && enc != encoding_rs::UTF_16BE =>
        {
            enc.decode_without_bom_handling(bytes).0
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(_)
                if declared_charset(&bytes[..bytes.len().min(4096)])
                    == Some(encoding_rs::UTF_8) =>
            {
                String::from_utf8_lossy(bytes)
            }
            Err(_) => {
                encoding_rs::WINDOWS_1258
                    .decode_without_bom_handling(bytes)
                    .0
            }
        },
    }
}

/// `<meta charset="…">` or `<meta http-equiv="Content-Type" content="text/html; charset=…">`
/// in the head of the page, found with the same tokenizer.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let text = String::from_utf8_lossy(head);
    let mut found: Option<&'static Encoding> = None;
    let mut in_meta = false;
    let mut attr = String::new();
    let emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: Span<()>| -> Option<()> {
        match event {
            CallbackEvent::OpenStartTag { name } => in_meta = name.eq_ignore_ascii_case(b"meta"),
            CallbackEvent::AttributeName { name } => attr = lower(name),
            CallbackEvent::AttributeValue { value } if in_meta && found.is_none() => {
                let value = String::from_utf8_lossy(value);
                let label = match attr.as_str() {
                    "charset" => Some(value.trim().to_string()),
                    "content" => {
                        value
                            .to_ascii_lowercase()
                            .split_once("charset=")
                            .map(|(_, rest)| {
                                rest.trim()
                                    .trim_matches(['"', '\''])
                                    .split([';', ' '])
                                    .next()
                                    .unwrap_or("")
                                    .to_string()
                            })
                    }
                    _ => None,
                };
                found = label.and_then(|l| Encoding::for_label(l.as_bytes()));
            }
            _ => {}
        }
        None
    });
    for _ in Tokenizer::new_with_emitter(text.as_ref(), emitter) {}
    found
}

/// An HTML page has no sheet: name it after the file, as Excel does when it opens one.
fn sheet_name(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = base.rsplit_once('.').map(|(s, _)| s).unwrap_or(base);
    if stem.is_empty() {
        "Sheet1".into()
    } else {
        stem.chars().take(31).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn html_table_with_spans_entities_and_breaks() {
        let page = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><title>DS</title>\
    <style>td{mso-number-format:'\\@'}</style><script>if (a<b && c>d) x();</script></head><body>\
    <h3>DANH S&Aacute;CH TRẺ EM</h3>\
    <table border=1><tr><th rowspan=2>STT<th colspan=2>Thông tin cha<th>Ghi chú\n<tr><td>Họ tên<td>Năm sinh<td>&nbsp;\
    <tr><td>1</td><td>Nguy&#7877;n&nbsp;Văn   An</td><td>1985</td><td>dòng 1<br>dòng 2</td></tr>\
    <tr><td>2<td>A &amp; B &lt; C<td>079212000001<td>5 < 6 & 7</table><p>Người lập biểu</p></body></html>";
        let table = read_html(page.as_bytes(), "ds.xls").expect("reads");
        assert_eq!(table.format, FileFormat::Html);
        assert_eq!(table.sheet, "ds");
        assert_eq!(table.rows[0], vec![t("DANH SÁCH TRẺ EM")]);
        assert_eq!(
            table.rows[1],
            vec![t("STT"), t("Thông tin cha"), Cell::Empty, t("Ghi chú")]
        );
        assert_eq!(
            table.rows[2],
            vec![Cell::Empty, t("Họ tên"), t("Năm sinh")],
            "the rowspan covers A3; &nbsp; alone is empty"
        );
        assert_eq!(
            table.rows[3],
            vec![
                t("1"),
                t("Nguyễn\u{a0}Văn An"),
                t("1985"),
                t("dòng 1\ndòng 2")
            ]
        );
        assert_eq!(
            table.rows[4],
            vec![t("2"), t("A & B < C"), t("079212000001"), t("5 < 6 & 7")],
            "digits stay text"
        );
        assert_eq!(table.rows[5], vec![t("Người lập biểu")]);
        assert_eq!(table.rows.len(), 6);
        assert_eq!(table.width, 4);
        assert_eq!(
            table.merges,
            vec![
                Merge {
                    first_row: 1,
                    first_col: 0,
                    last_row: 2,
                    last_col: 0
                },
                Merge {
                    first_row: 1,
                    first_col: 1,
                    last_row: 1,
                    last_col: 2
                },
            ]
        );
    }

    #[test]
    fn html_in_windows_1258_declared_by_meta() {
        // "Nguyễn" in CP1258: e + combining tilde (0xDE) after ê? Use encoding_rs to make the bytes.
        // Windows-1258 writes tone marks as combining characters: "Ho\u{323} va\u{300} tên".
        let body = "<html><head><meta charset=\"windows-1258\"></head><body><table><tr><td>Ho\u{323} va\u{300} tên</td><td>Nga\u{300}y sinh</td></tr><tr><td>Lo\u{300} Văn Pa\u{301}o</td><td>20/07/2010</td></tr></table></body></html>";
        let (bytes, _, bad) = encoding_rs::WINDOWS_1258.encode(body);
        assert!(!bad);
        assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
        let table = read_html(&bytes, "x.xls").expect("reads");
        assert_eq!(
            table.rows[0][0].display(),
            "Ho\u{323} va\u{300} tên",
            "decoded as declared (NFC is text/'s job)"
        );
        assert_eq!(table.rows[1][0].display(), "Lo\u{300} Văn Pa\u{301}o");
    }

    #[test]
    fn html_without_a_table_is_a_web_page() {
        let err = read_html(
            b"<html><body><p>Phien lam viec het han</p></body></html>",
            "x.xls",
        )
        .unwrap_err();
        assert_eq!(err, Error::HtmlDisguisedAsXls);
        let err = read_html(
            b"<html><body><table><tr><td> </td></tr></table></body></html>",
            "x.xls",
        )
        .unwrap_err();
        assert!(matches!(err, Error::EmptySheet { .. }));
    }

    #[test]
    fn html_unclosed_cells_and_nested_tables() {
        let page =
            "<table><tr><td>a<td>b<table><tr><td>x<td>y</table><td>c<tr><td colspan=3>z</table>";
        let table = read_html(page.as_bytes(), "x.xls").expect("reads");
        assert_eq!(table.rows[0], vec![t("a"), t("b x y"), t("c")]);
        assert_eq!(table.rows[1], vec![t("z")]);
    }

    #[test]
    fn html_colspan_huge_is_clamped_and_rows_beyond_the_budget_refused() {
        let mut page = String::from("<table>");
        page.push_str("<tr><td colspan=100000>x</td></tr>");
        page.push_str("</table>");
        let table = read_html(page.as_bytes(), "x.xls").expect("reads");
        assert_eq!(table.merges[0].last_col, 999);
        let big = format!(
            "<table>{}</table>",
            "<tr><td>1<td colspan=1000>2".repeat(17_000)
        );
        let err = read_html(big.as_bytes(), "x.xls").unwrap_err();
        assert_eq!(err.code(), "too_many_cells");
    }
}
