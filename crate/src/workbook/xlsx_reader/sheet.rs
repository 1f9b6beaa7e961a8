//! A worksheet's cells, streamed: the part is inflated in pieces, every complete row in a
//! piece is scanned for `<c>` elements straight into the table's rows, and the merged
//! areas are read from the few bytes after `</sheetData>`. No piece of the sheet's XML is
//! held longer than it takes to scan it.

use super::pieces::Pieces;
use super::source::Source;
use super::styles::NumberKind;
use super::xml::{self, Markup, Tag};
use crate::error::Error;
use crate::workbook::table::{cell_position, row_index, Cell, Grid, Merge, Text};
use calamine::{Data, ExcelDateTime, ExcelDateTimeType};
use memchr::{memchr, memmem};

/// What the workbook tells about every sheet's cells.
pub struct Context<'a> {
    pub strings: &'a [Text],
    pub number_kinds: &'a [NumberKind],
    pub is_1904: bool,
}

/// The cells and merges of one sheet.
pub struct SheetCells {
    pub rows: Vec<Vec<Cell>>,
    pub width: usize,
    pub merges: Vec<Merge>,
    /// Whether any cell had a value (an empty text counts, as for calamine).
    pub has_data: bool,
}

/// Why the quick reader stopped.
pub enum Stop {
    /// Something it does not read (or damage): calamine reads the file instead.
    NotOurs,
    /// A limit was passed: the file is refused, whoever reads it.
    Refused(Error),
}

impl From<Error> for Stop {
    fn from(e: Error) -> Self {
        Stop::Refused(e)
    }
}

fn not_ours<T>(value: Option<T>) -> Result<T, Stop> {
    value.ok_or(Stop::NotOurs)
}

pub async fn read(
    part: impl Source,
    name: &str,
    context: &Context<'_>,
) -> Result<SheetCells, Stop> {
    let mut grid = Resolve {
        context,
        grid: Grid::new(name),
    };
    let (has_data, merges) = scan(part, &mut grid).await?;
    Ok(SheetCells {
        rows: grid.grid.rows,
        width: grid.grid.width,
        merges,
        has_data,
    })
}

/// Scans the sheet's cells into `place`, as they are read; returns whether any cell had a
/// value (an empty text counts, as for calamine) and the merged areas.
pub(super) async fn scan(
    part: impl Source,
    place: &mut impl Place,
) -> Result<(bool, Vec<Merge>), Stop> {
    let mut pieces = Pieces::new(part);
    // The start of <sheetData>, and the prefix its elements carry (`x:` in some exports).
    let (prefix, start) = loop {
        if let Some(found) = find_sheet_data(pieces.window()) {
            break found;
        }
        not_ours(pieces.more().await)?;
    };
    let mut cells = Cells {
        place,
        row: 0,
        col: 0,
        has_data: false,
    };
    match start {
        // <sheetData/>: no cells.
        Err(after) => pieces.consume(after),
        Ok(after) => {
            pieces.consume(after);
            let row_end = [&b"</"[..], &prefix, b"row>"].concat();
            let data_end = [&b"</"[..], &prefix, b"sheetData>"].concat();
            let row_end = memmem::FinderRev::new(&row_end);
            let data_end = memmem::Finder::new(&data_end);
            loop {
                // Only complete rows are scanned; the rest waits for the next piece. A `<`
                // cannot stand raw in a value, so neither end tag can be imitated by text.
                let window = pieces.window();
                if let Some(end) = data_end.find(window) {
                    cells.rows(&window[..end], &prefix)?;
                    pieces.consume(end + data_end.needle().len());
                    break;
                }
                if let Some(end) = row_end.rfind(window) {
                    let end = end + row_end.needle().len();
                    cells.rows(&window[..end], &prefix)?;
                    pieces.consume(end);
                }
                not_ours(pieces.more().await)?;
            }
        }
    }
    // What follows the cells is a few kilobytes (merges, page setup).
    let tail = not_ours(pieces.rest().await)?;
    Ok((cells.has_data, crate::workbook::merges::merges_in(&tail)))
}

/// The prefix of `<sheetData>` and the index past it: `Ok` when cells follow, `Err` for
/// `<sheetData/>`.
#[allow(clippy::type_complexity)]
fn find_sheet_data(buf: &[u8]) -> Option<(Vec<u8>, Result<usize, usize>)> {
    for at in memmem::find_iter(buf, b"sheetData") {
        let before = &buf[..at];
        let Some(lt) = memchr::memrchr(b'<', before) else {
            continue;
        };
        let qname_prefix = &before[lt + 1..];
        let is_name = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b':');
        if !(qname_prefix.is_empty() || qname_prefix.ends_with(b":"))
            || !qname_prefix.iter().all(is_name)
        {
            continue;
        }
        let Some(Markup::Start(tag)) = xml::markup(buf, lt) else {
            return None;
        };
        return Some((
            qname_prefix.to_vec(),
            if tag.empty { Err(tag.end) } else { Ok(tag.end) },
        ));
    }
    None
}

/// A cell's value as its XML gives it, before the workbook's shared strings and number
/// formats say what it is: what the page's second worker can read without them.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Raw {
    /// The shared string of this number.
    Shared(usize),
    /// A number, and the number of its style (`s`) if it has one.
    Number(f64, Option<usize>),
    /// A value complete in itself (inline text, a boolean, an error; nothing, for a cell
    /// without a value).
    Cell(Cell),
}

/// Where the cells scanned go: into the table, or (in the page's second worker) into
/// records for the first one ([`super::records`]).
pub(super) trait Place {
    fn place(&mut self, row: u32, col: u32, value: Raw) -> Result<(), Stop>;

    /// Whether the next rows scanned would rather be handed over as their XML
    /// ([`Place::take_rows`]): records share the scanning between two workers.
    fn wants_rows(&mut self) -> bool {
        false
    }

    /// Complete rows, each with its number, handed over unscanned.
    fn take_rows(&mut self, _xml: &[u8]) {}
}

/// Scans complete rows of a sheet's XML, each with its number (handed over by
/// [`Place::take_rows`]), into `place`; returns whether a cell had a value.
pub(super) fn scan_rows(xml: &[u8], place: &mut impl Place) -> Result<bool, Stop> {
    let mut cells = Cells {
        place,
        row: 0,
        col: 0,
        has_data: false,
    };
    cells.scan(xml)?;
    Ok(cells.has_data)
}

/// The row after the last of `xml`'s complete rows, when every row there has its number
/// (`r`): then where they go does not depend on the rows before them.
fn numbered_rows(xml: &[u8], prefix: &[u8]) -> Option<u32> {
    let start = [&b"<"[..], prefix, b"row"].concat();
    let mut last = None;
    for at in memmem::find_iter(xml, &start) {
        // Not `<rowBreaks>` or another name that begins the same.
        if !matches!(
            xml.get(at + start.len()),
            Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/')
        ) {
            continue;
        }
        let Some(Markup::Start(tag)) = xml::markup(xml, at) else {
            return None;
        };
        last = Some(row_index(tag.attr(b"r")?)?);
    }
    last?.checked_add(1)
}

/// Cells given their meaning and put in the table.
pub(super) struct Resolve<'c> {
    pub context: &'c Context<'c>,
    pub grid: Grid,
}

impl Place for Resolve<'_> {
    fn place(&mut self, row: u32, col: u32, value: Raw) -> Result<(), Stop> {
        let cell = self.resolve(value)?;
        self.grid.put(row as usize, col as usize, cell)?;
        Ok(())
    }
}

impl Resolve<'_> {
    fn resolve(&self, value: Raw) -> Result<Cell, Stop> {
        Ok(match value {
            Raw::Shared(index) => Cell::Text(not_ours(self.context.strings.get(index))?.clone()),
            Raw::Number(n, style) => self.number(n, style),
            Raw::Cell(cell) => cell,
        })
    }

    fn number(&self, n: f64, style: Option<usize>) -> Cell {
        let kind = match style {
            Some(s) => self
                .context
                .number_kinds
                .get(s)
                .copied()
                .unwrap_or(NumberKind::Other),
            None => NumberKind::Other,
        };
        let date_type = match kind {
            NumberKind::Other => return Cell::Number(n),
            NumberKind::DateTime => ExcelDateTimeType::DateTime,
            NumberKind::TimeDelta => ExcelDateTimeType::TimeDelta,
        };
        crate::workbook::read::to_cell(&Data::DateTime(ExcelDateTime::new(
            n,
            date_type,
            self.context.is_1904,
        )))
    }
}

/// The cells found so far, and where the next cell without an `r` attribute goes.
struct Cells<'p, P> {
    place: &'p mut P,
    row: u32,
    col: u32,
    has_data: bool,
}

impl<P: Place> Cells<'_, P> {
    /// Complete rows: scanned, or handed over as they are when the place wants them.
    fn rows(&mut self, xml: &[u8], prefix: &[u8]) -> Result<(), Stop> {
        if self.place.wants_rows() {
            if let Some(next) = numbered_rows(xml, prefix) {
                self.place.take_rows(xml);
                self.row = next;
                self.col = 0;
                return Ok(());
            }
        }
        self.scan(xml)
    }

    /// Scans complete rows (the sheet's XML between two row boundaries).
    fn scan(&mut self, xml: &[u8]) -> Result<(), Stop> {
        let mut at = 0;
        while let Some(lt) = next_lt(xml, at) {
            // The common case, `<c r="B7" s="3" t="s">`, without the general tag reader.
            if xml.get(lt + 1) == Some(&b'c') && matches!(xml.get(lt + 2), Some(b' ' | b'>' | b'/'))
            {
                let tag = not_ours(cell_tag(xml, lt + 2))?;
                at = self.cell(xml, &tag)?;
                continue;
            }
            match not_ours(xml::markup(xml, lt))? {
                Markup::End(name, end) => {
                    if xml::local(name) == b"row" {
                        self.row += 1;
                        self.col = 0;
                    }
                    at = end;
                }
                Markup::Other(end) => at = end,
                Markup::Start(tag) => match tag.local() {
                    b"row" => {
                        if let Some(r) = tag.attr(b"r") {
                            self.row = not_ours(row_index(r))?;
                        }
                        if tag.empty {
                            self.row += 1;
                            self.col = 0;
                        }
                        at = tag.end;
                    }
                    b"c" => {
                        let cell = CellTag {
                            r: tag.attr(b"r"),
                            s: tag.attr(b"s"),
                            t: tag.attr(b"t"),
                            empty: tag.empty,
                            end: tag.end,
                        };
                        at = self.cell(xml, &cell)?;
                    }
                    _ => at = tag.end,
                },
            }
        }
        Ok(())
    }

    /// One `<c>` element: its value, stored at its place. Returns the index past it.
    fn cell(&mut self, xml: &[u8], tag: &CellTag<'_>) -> Result<usize, Stop> {
        let (row, col) = match tag.r {
            Some(r) => {
                let (row, col) = not_ours(cell_reference(r))?;
                self.col = col;
                (row, col)
            }
            None => (self.row, self.col),
        };
        let (kind, style) = (tag.t, tag.s);
        let mut value = Raw::Cell(Cell::Empty);
        let mut has_value = false;
        let mut at = tag.end;
        if let Some((raw, end)) = plain_value(xml, at).filter(|_| !tag.empty) {
            // `<v>…</v></c>`, the shape of nearly every cell.
            if !matches!(kind, Some(b"inlineStr" | b"is")) {
                (value, has_value) = value_of(raw, kind, style)?;
            }
            at = end;
        } else if !tag.empty {
            loop {
                at += not_ours(memchr(b'<', &xml[at..]))?;
                match not_ours(xml::markup(xml, at))? {
                    Markup::End(name, end) => {
                        at = end;
                        if xml::local(name) == b"c" {
                            break;
                        }
                    }
                    Markup::Other(end) => at = end,
                    Markup::Start(child) => {
                        (value, has_value, at) = child_value(xml, &child, kind, style)?;
                    }
                }
            }
        }
        self.col += 1;
        if has_value {
            self.has_data = true;
        }
        self.place.place(row, col, value)?;
        Ok(at)
    }
}

/// A child of `<c>`: the value it gives (the last child wins, as in calamine), whether
/// that is a value at all, and the index past it.
fn child_value(
    xml: &[u8],
    child: &Tag<'_>,
    kind: Option<&[u8]>,
    style: Option<&[u8]>,
) -> Result<(Raw, bool, usize), Stop> {
    match child.local() {
        b"v" => {
            let (raw, end) = not_ours(content(xml, child))?;
            if matches!(kind, Some(b"inlineStr" | b"is")) {
                return Ok((Raw::Cell(Cell::Empty), false, end));
            }
            let (value, has) = value_of(raw, kind, style)?;
            Ok((value, has, end))
        }
        b"f" => {
            let (_, end) = not_ours(content(xml, child))?;
            Ok((Raw::Cell(Cell::Empty), false, end))
        }
        b"is" => {
            if child.empty {
                return Ok((Raw::Cell(Cell::text("")), true, child.end));
            }
            let (text, end) = not_ours(xml::rich_text(xml, child.end, child.name))?;
            Ok((Raw::Cell(Cell::text(text)), true, end))
        }
        _ => Err(Stop::NotOurs),
    }
}

/// A `<v>`'s text by the cell's type, as calamine reads it.
fn value_of(raw: &[u8], kind: Option<&[u8]>, style: Option<&[u8]>) -> Result<(Raw, bool), Stop> {
    // calamine takes these types' text up to the first entity: not worth imitating. Nor
    // its reading of string or style numbers longer than any table (they differ between
    // 32- and 64-bit builds).
    if matches!(kind, Some(b"s" | b"n" | b"b" | b"e") | None) && memchr(b'&', raw).is_some()
        || style.is_some_and(|s| s.len() > 9)
        || kind == Some(b"s") && raw.len() > 9
    {
        return Err(Stop::NotOurs);
    }
    match kind {
        Some(b"s") => {
            if raw.is_empty() {
                return Ok((Raw::Cell(Cell::Empty), false));
            }
            Ok((Raw::Shared(parse_index(raw).unwrap_or(0)), true))
        }
        Some(b"n") | None => {
            if raw.is_empty() {
                return Ok((Raw::Cell(Cell::Empty), false));
            }
            match fast_float2::parse::<f64, _>(raw) {
                Ok(n) => Ok((
                    Raw::Number(n, style.map(|s| parse_index(s).unwrap_or(0))),
                    true,
                )),
                Err(_) if kind.is_none() => {
                    let text = not_ours(std::str::from_utf8(raw).ok())?;
                    Ok((Raw::Cell(Cell::text(text)), true))
                }
                Err(_) => Err(Stop::NotOurs),
            }
        }
        Some(b"b") => {
            let v = not_ours(std::str::from_utf8(raw).ok())?.trim();
            if v.is_empty() {
                Ok((Raw::Cell(Cell::Empty), false))
            } else if v == "0" || v.eq_ignore_ascii_case("false") {
                Ok((Raw::Cell(Cell::Bool(false)), true))
            } else if v == "1" || v.eq_ignore_ascii_case("true") {
                Ok((Raw::Cell(Cell::Bool(true)), true))
            } else {
                Err(Stop::NotOurs)
            }
        }
        Some(b"e") => {
            let v = not_ours(std::str::from_utf8(raw).ok())?;
            let error: calamine::CellErrorType = v.parse().map_err(|_| Stop::NotOurs)?;
            Ok((Raw::Cell(Cell::Error(error.to_string().into())), true))
        }
        Some(b"str") => {
            let text = not_ours(xml::text(raw))?;
            Ok((
                Raw::Cell(Cell::text(xml::excel_unescape(&text).as_ref())),
                true,
            ))
        }
        Some(b"d") => {
            let text = not_ours(xml::text(raw))?;
            Ok((
                Raw::Cell(crate::workbook::read::to_cell(&Data::DateTimeIso(
                    text.into_owned(),
                ))),
                true,
            ))
        }
        Some(_) => Err(Stop::NotOurs),
    }
}

/// A `<c>` tag's attributes, read in one pass.
struct CellTag<'x> {
    r: Option<&'x [u8]>,
    s: Option<&'x [u8]>,
    t: Option<&'x [u8]>,
    empty: bool,
    end: usize,
}

/// The attributes of a `<c` tag from `i` (just past the name) to its `>`.
fn cell_tag(xml: &[u8], mut i: usize) -> Option<CellTag<'_>> {
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let mut tag = CellTag {
        r: None,
        s: None,
        t: None,
        empty: false,
        end: 0,
    };
    loop {
        while space(xml.get(i)?) {
            i += 1;
        }
        match xml[i] {
            b'>' => {
                tag.end = i + 1;
                return Some(tag);
            }
            b'/' if xml.get(i + 1) == Some(&b'>') => {
                tag.empty = true;
                tag.end = i + 2;
                return Some(tag);
            }
            _ => {}
        }
        let name_start = i;
        while !matches!(xml.get(i)?, b'=' | b' ' | b'\t' | b'\r' | b'\n') {
            i += 1;
        }
        let name = &xml[name_start..i];
        while space(xml.get(i)?) {
            i += 1;
        }
        if xml[i] != b'=' {
            return None;
        }
        i += 1;
        while space(xml.get(i)?) {
            i += 1;
        }
        let quote = xml[i];
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let value_start = i + 1;
        i = value_start + memchr(quote, &xml[value_start..])?;
        let value = &xml[value_start..i];
        i += 1;
        match name {
            b"r" => tag.r = Some(value),
            b"s" => tag.s = Some(value),
            b"t" => tag.t = Some(value),
            _ => {}
        }
    }
}

/// `<v>text</v></c>` at `at`: the text and the index past `</c>`.
fn plain_value(xml: &[u8], at: usize) -> Option<(&[u8], usize)> {
    let rest = xml.get(at..)?;
    let body = rest.strip_prefix(b"<v>")?;
    let len = body.iter().take(64).position(|&b| b == b'<')?;
    body[len..]
        .starts_with(b"</v></c>")
        .then(|| (&body[..len], at + 3 + len + 8))
}

/// The next `<` from `at`: usually right there, so look at a few bytes before asking memchr.
fn next_lt(xml: &[u8], at: usize) -> Option<usize> {
    let rest = xml.get(at..)?;
    match rest.iter().take(16).position(|&b| b == b'<') {
        Some(i) => Some(at + i),
        None => memchr(b'<', rest).map(|i| at + i),
    }
}

/// The raw text of an element such as `<v>` or `<f>` that holds only text, and the index
/// past its end tag; `None` when something else stands inside.
fn content<'x>(xml: &'x [u8], tag: &Tag<'_>) -> Option<(&'x [u8], usize)> {
    if tag.empty {
        return Some((&[], tag.end));
    }
    let close = tag.end + memchr(b'<', &xml[tag.end..])?;
    match xml::markup(xml, close)? {
        Markup::End(name, end) if name == tag.name => Some((&xml[tag.end..close], end)),
        _ => None,
    }
}

/// Digits as an index, as calamine's integer parser takes them (at most nine digits: more
/// than any sheet has strings or styles, and no overflow on 32-bit wasm).
fn parse_index(digits: &[u8]) -> Option<usize> {
    if digits.is_empty() || digits.len() > 9 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        digits
            .iter()
            .fold(0usize, |n, d| n * 10 + usize::from(d - b'0')),
    )
}

/// `A1` → (0, 0): row and column, 0-based, exactly as calamine reads a cell's `r` (no `$`).
fn cell_reference(r: &[u8]) -> Option<(u32, u32)> {
    cell_position(r).map(|(row, col)| (row, u32::from(col)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_indexes_out_of_range_are_not_read() {
        assert_eq!(cell_reference(b"A1"), Some((0, 0)));
        assert_eq!(cell_reference(b"xfd1048576"), Some((1_048_575, 16_383)));
        // Damage: letters or digits past any sheet's size, no row, row 0.
        assert_eq!(cell_reference(b"ABCD1"), None);
        assert_eq!(cell_reference(b"A99999999999999"), None);
        assert_eq!(cell_reference(b"A"), None);
        assert_eq!(cell_reference(b"A0"), None);
        assert_eq!(row_index(b"99999999999999999999"), None);
        assert_eq!(parse_index(b"42"), Some(42));
        assert_eq!(parse_index(b"99999999999999999999"), None);
        assert_eq!(parse_index(b"4x"), None);
    }

    fn merges_of(xml: &str) -> Vec<Merge> {
        let context = Context {
            strings: &[],
            number_kinds: &[],
            is_1904: false,
        };
        match crate::workbook::xlsx_reader::source::read_now(read(xml.as_bytes(), "S", &context)) {
            Some(Ok(cells)) => cells.merges,
            _ => panic!("not read"),
        }
    }

    #[test]
    fn merges_after_the_cells_are_found_across_pieces() {
        let mut xml = String::from("<worksheet><sheetData>");
        // A cell text naming the tag, escaped as it must be, is not the end of the cells.
        xml.push_str(
            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lt;/sheetData&gt;</t></is></c></row>",
        );
        // More than one piece of XML.
        for r in 2..100_000 {
            xml.push_str(&format!(
                "<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c></row>"
            ));
        }
        xml.push_str("</sheetData><mergeCells count=\"2\"><mergeCell ref=\"A1:J1\"/><mergeCell ref=\"$B$2:C3\"/></mergeCells></worksheet>");
        assert_eq!(
            merges_of(&xml),
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
        assert_eq!(merges_of(prefixed).len(), 1);
        assert_eq!(merges_of("<worksheet><sheetData/></worksheet>"), vec![]);
    }
}
