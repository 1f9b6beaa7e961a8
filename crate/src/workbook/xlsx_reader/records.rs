//! A sheet's cells scanned in one worker and put in the table in another. In the page the
//! second worker inflates the sheet's XML and scans it ([`SheetScan`]); what it hands over
//! is a few bytes per cell (where, and the value as the XML gives it), a fifth of the XML.
//! The first worker only gives the values their meaning (shared strings, date formats) and
//! puts them in the table ([`read`]): the reading of a province's 170 MB of cells is shared
//! by two cores instead of left to one.
//!
//! A record is a tag byte, then what the tag does not say:
//!
//! | tag bits | meaning |
//! |---|---|
//! | 0–1 | 0 shared string (index), 1 number, 2 number with a style (number, style), 3 other value |
//! | 2 | same row as the cell before (else 4: the next row, else the row follows) |
//! | 3 | the column after the cell before (in a new row: column A; else the column follows) |
//!
//! Numbers are varints but for the values' `f64`; texts are a varint length and UTF-8.
//! [`ROWS`] hands a piece of complete rows over as their XML, for the first worker to scan
//! (scanning costs more than putting records: both workers are kept busy); [`END`] closes
//! the cells (whether any had a value, the merged areas); [`NOT_OURS`] says the scan met
//! something it does not read, and calamine reads the file instead.

use super::pieces::Pieces;
use super::sheet::{scan, scan_rows, Context, Place, Raw, Resolve, SheetCells, Stop};
use super::source::{read_on, Inflate, Source};
use crate::workbook::table::{Cell, DateCell, Grid, Merge};
use std::cell::RefCell;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::rc::Rc;
use std::task::Poll;

const SHARED: u8 = 0;
const NUMBER: u8 = 1;
const STYLED_NUMBER: u8 = 2;
const OTHER: u8 = 3;
const SAME_ROW: u8 = 4;
const NEXT_COLUMN: u8 = 8;
const NEXT_ROW: u8 = 16;
const END: u8 = 0xF0;
const NOT_OURS: u8 = 0xF1;
const ROWS: u8 = 0xF2;

/// Of every [`PIECES`] pieces of rows, this many go over as XML, to be scanned by the
/// worker that puts them in its table: scanning costs the second worker more than putting
/// the records costs the first, and the second one also inflates.
const HANDED_OVER: u32 = 1;
const PIECES: u32 = 2;

const TEXT: u8 = 1;
const PLAIN_NUMBER: u8 = 2;
const DATE: u8 = 3;
const BOOL: u8 = 4;
const ERROR: u8 = 5;

/// Cells written as records, in the order scanned.
struct Records {
    out: Rc<RefCell<Vec<u8>>>,
    /// The cell before: (row, column), none yet at the start.
    last: Option<(u32, u32)>,
    /// Pieces of rows seen.
    pieces: u32,
    /// Of every `share.1` pieces of rows, `share.0` are handed over as XML.
    share: (u32, u32),
}

impl Place for Records {
    fn wants_rows(&mut self) -> bool {
        let (handed_over, of) = self.share;
        let wants = self.pieces % of.max(1) < handed_over;
        self.pieces = self.pieces.wrapping_add(1);
        wants
    }

    fn take_rows(&mut self, xml: &[u8]) {
        let mut out = self.out.borrow_mut();
        out.push(ROWS);
        push_varint(&mut out, xml.len() as u64);
        out.extend_from_slice(xml);
        // The next cell says its row and column.
        self.last = None;
    }

    fn place(&mut self, row: u32, col: u32, value: Raw) -> Result<(), Stop> {
        // An empty value is never put in the table.
        if matches!(value, Raw::Cell(Cell::Empty)) {
            return Ok(());
        }
        let mut out = self.out.borrow_mut();
        let (kind, style) = match &value {
            Raw::Shared(_) => (SHARED, None),
            Raw::Number(_, None) => (NUMBER, None),
            Raw::Number(_, Some(s)) => (STYLED_NUMBER, Some(*s)),
            Raw::Cell(_) => (OTHER, None),
        };
        let same_row = self.last.is_some_and(|(r, _)| r == row);
        let next_row = !same_row
            && self
                .last
                .map_or(row == 0, |(r, _)| r.checked_add(1) == Some(row));
        let expected_col = match self.last {
            Some((_, c)) if same_row => c.checked_add(1),
            _ => Some(0),
        };
        let next_col = expected_col == Some(col);
        let mut tag = kind;
        if same_row {
            tag |= SAME_ROW;
        } else if next_row {
            tag |= NEXT_ROW;
        }
        if next_col {
            tag |= NEXT_COLUMN;
        }
        out.push(tag);
        if !same_row && !next_row {
            push_varint(&mut out, u64::from(row));
        }
        if !next_col {
            push_varint(&mut out, u64::from(col));
        }
        match value {
            Raw::Shared(index) => push_varint(&mut out, index as u64),
            Raw::Number(n, _) => {
                out.extend_from_slice(&n.to_le_bytes());
                if let Some(s) = style {
                    push_varint(&mut out, s as u64);
                }
            }
            Raw::Cell(cell) => push_cell(&mut out, &cell),
        }
        self.last = Some((row, col));
        Ok(())
    }
}

fn push_varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn push_text(out: &mut Vec<u8>, text: &str) {
    push_varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

fn push_cell(out: &mut Vec<u8>, cell: &Cell) {
    match cell {
        // Left out by the caller.
        Cell::Empty => {}
        Cell::Text(t) => {
            out.push(TEXT);
            push_text(out, t);
        }
        Cell::Number(n) => {
            out.push(PLAIN_NUMBER);
            out.extend_from_slice(&n.to_le_bytes());
        }
        Cell::Date(d) => {
            out.push(DATE);
            out.extend_from_slice(&d.serial.to_le_bytes());
            out.extend_from_slice(&d.year.to_le_bytes());
            out.extend_from_slice(&[d.month, d.day]);
        }
        Cell::Bool(b) => out.extend_from_slice(&[BOOL, u8::from(*b)]),
        Cell::Error(e) => {
            out.push(ERROR);
            push_text(out, e);
        }
    }
}

/// The end of the cells: whether any had a value, and the merged areas.
fn push_end(out: &mut Vec<u8>, has_data: bool, merges: &[Merge]) {
    out.extend_from_slice(&[END, u8::from(has_data)]);
    push_varint(out, merges.len() as u64);
    for m in merges {
        for n in [
            m.first_row,
            u32::from(m.first_col),
            m.last_row,
            u32::from(m.last_col),
        ] {
            push_varint(out, u64::from(n));
        }
    }
}

/// Bytes read from the front of a window; `None` when the window ends first.
struct Bytes<'b> {
    buf: &'b [u8],
    at: usize,
}

impl<'b> Bytes<'b> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.buf.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        let bytes = self.buf.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(bytes)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7F) << shift;
            if b < 0x80 {
                return Some(n);
            }
        }
        Some(n)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(self.varint()?.min(u64::from(u32::MAX)) as u32)
    }

    fn f64(&mut self) -> Option<f64> {
        let b: [u8; 8] = self.take(8)?.try_into().ok()?;
        Some(f64::from_le_bytes(b))
    }

    fn text(&mut self) -> Option<Result<&'b str, Stop>> {
        let len = usize::try_from(self.varint()?).ok()?;
        let bytes = self.take(len)?;
        Some(std::str::from_utf8(bytes).map_err(|_| Stop::NotOurs))
    }
}

/// One record read whole, or the window ended inside it (`None`).
enum Record<'b> {
    Cell(u32, u32, Raw),
    Rows(&'b [u8]),
    End(bool, Vec<Merge>),
    NotOurs,
}

fn record<'b>(b: &mut Bytes<'b>, last: Option<(u32, u32)>) -> Option<Result<Record<'b>, Stop>> {
    let tag = b.byte()?;
    match tag {
        ROWS => {
            let len = usize::try_from(b.varint()?).ok()?;
            return Some(Ok(Record::Rows(b.take(len)?)));
        }
        END => {
            let has_data = b.byte()? != 0;
            let count = b.varint()?;
            let mut merges = Vec::new();
            for _ in 0..count {
                let (first_row, first_col, last_row, last_col) =
                    (b.u32()?, b.u32()?, b.u32()?, b.u32()?);
                merges.push(Merge {
                    first_row,
                    first_col: first_col.min(u32::from(u16::MAX)) as u16,
                    last_row,
                    last_col: last_col.min(u32::from(u16::MAX)) as u16,
                });
            }
            return Some(Ok(Record::End(has_data, merges)));
        }
        NOT_OURS => return Some(Ok(Record::NotOurs)),
        t if t >= 32 => return Some(Err(Stop::NotOurs)),
        _ => {}
    }
    let row = if tag & SAME_ROW != 0 {
        last.map_or(0, |(r, _)| r)
    } else if tag & NEXT_ROW != 0 {
        last.map_or(0, |(r, _)| r.saturating_add(1))
    } else {
        b.u32()?
    };
    let col = if tag & NEXT_COLUMN == 0 {
        b.u32()?
    } else if tag & SAME_ROW != 0 {
        last.map_or(0, |(_, c)| c.saturating_add(1))
    } else {
        0
    };
    let value = match tag & 3 {
        SHARED => Raw::Shared(usize::try_from(b.varint()?).unwrap_or(usize::MAX)),
        NUMBER => Raw::Number(b.f64()?, None),
        STYLED_NUMBER => {
            let n = b.f64()?;
            Raw::Number(n, Some(usize::try_from(b.varint()?).unwrap_or(usize::MAX)))
        }
        _ => match cell(b)? {
            Ok(cell) => Raw::Cell(cell),
            Err(stop) => return Some(Err(stop)),
        },
    };
    Some(Ok(Record::Cell(row, col, value)))
}

fn cell(b: &mut Bytes<'_>) -> Option<Result<Cell, Stop>> {
    Some(Ok(match b.byte()? {
        TEXT => match b.text()? {
            Ok(t) => Cell::text(t),
            Err(stop) => return Some(Err(stop)),
        },
        PLAIN_NUMBER => Cell::Number(b.f64()?),
        DATE => {
            let serial = b.f64()?;
            let year = u16::from_le_bytes(b.take(2)?.try_into().ok()?);
            let (month, day) = (b.byte()?, b.byte()?);
            Cell::Date(DateCell {
                serial,
                year,
                month,
                day,
            })
        }
        BOOL => Cell::Bool(b.byte()? != 0),
        ERROR => match b.text()? {
            Ok(t) => Cell::Error(t.into()),
            Err(stop) => return Some(Err(stop)),
        },
        _ => return Some(Err(Stop::NotOurs)),
    }))
}

/// The cells and merges of sheet `name` from its records, as they arrive.
pub(super) async fn read(
    part: impl Source,
    name: &str,
    context: &Context<'_>,
) -> Result<SheetCells, Stop> {
    let mut pieces = Pieces::new(part);
    let mut table = Resolve {
        context,
        grid: Grid::new(name),
    };
    let mut last = None;
    // Whether a cell of the rows handed over as XML had a value.
    let mut rows_had_data = false;
    loop {
        let window = pieces.window();
        let mut bytes = Bytes { buf: window, at: 0 };
        let mut whole = 0;
        while let Some(read) = record(&mut bytes, last) {
            match read? {
                Record::Cell(row, col, value) => {
                    table.place(row, col, value)?;
                    last = Some((row, col));
                }
                Record::Rows(xml) => {
                    rows_had_data |= scan_rows(xml, &mut table)?;
                    last = None;
                }
                Record::End(has_data, merges) => {
                    return Ok(SheetCells {
                        rows: table.grid.rows,
                        width: table.grid.width,
                        merges,
                        has_data: has_data || rows_had_data,
                    });
                }
                Record::NotOurs => return Err(Stop::NotOurs),
            }
            whole = bytes.at;
        }
        pieces.consume(whole);
        // The records end before their end record: damage.
        if pieces.more().await.is_none() {
            return Err(Stop::NotOurs);
        }
    }
}

/// A zip part's stored bytes, given a piece at a time: pending while it needs more.
struct Given(Rc<RefCell<Inflate<Vec<u8>>>>);

impl Source for Given {
    fn poll_read(&mut self, buf: &mut [u8]) -> Poll<io::Result<usize>> {
        match self.0.borrow_mut().read(buf) {
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => Poll::Pending,
            read => Poll::Ready(read),
        }
    }
}

type Scanning = Pin<Box<dyn Future<Output = Result<(bool, Vec<Merge>), Stop>>>>;

/// A sheet part scanned into records as its stored bytes are given (in the page's second
/// worker: the file stays a JS buffer there, given a megabyte at a time).
pub struct SheetScan {
    stored: Rc<RefCell<Inflate<Vec<u8>>>>,
    out: Rc<RefCell<Vec<u8>>>,
    /// Bytes of `out` already read.
    taken: usize,
    scanning: Option<Scanning>,
}

impl SheetScan {
    pub fn new(deflated: bool, crc: u32) -> SheetScan {
        Self::sharing(deflated, crc, HANDED_OVER, PIECES)
    }

    /// A scan that hands `handed_over` of every `of` pieces of rows over as XML (the
    /// first piece among them), instead of the measured share.
    pub fn sharing(deflated: bool, crc: u32, handed_over: u32, of: u32) -> SheetScan {
        let stored = Rc::new(RefCell::new(Inflate::given(deflated, crc)));
        let out = Rc::new(RefCell::new(Vec::new()));
        let (part, sink) = (Given(stored.clone()), out.clone());
        let scanning: Scanning = Box::pin(async move {
            let mut records = Records {
                out: sink,
                last: None,
                pieces: 0,
                share: (handed_over, of),
            };
            scan(part, &mut records).await
        });
        SheetScan {
            stored,
            out,
            taken: 0,
            scanning: Some(scanning),
        }
    }

    /// The part's next stored bytes (`None`: there are no more), as asked for by
    /// [`SheetScan::read`].
    pub fn give(&mut self, more: Option<&[u8]>) {
        self.stored.borrow_mut().give(more);
    }

    /// Up to `buf.len()` more bytes of records; `Ok(0)` after the last; an error of kind
    /// [`io::ErrorKind::WouldBlock`] when it needs more stored bytes. Damage is not an
    /// error here: the records then end in [`NOT_OURS`].
    pub fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            {
                let mut out = self.out.borrow_mut();
                if self.taken < out.len() {
                    let n = buf.len().min(out.len() - self.taken);
                    buf[..n].copy_from_slice(&out[self.taken..self.taken + n]);
                    self.taken += n;
                    if self.taken == out.len() {
                        out.clear();
                        self.taken = 0;
                    }
                    return Ok(n);
                }
            }
            let Some(scanning) = self.scanning.as_mut() else {
                return Ok(0);
            };
            match read_on(scanning.as_mut()) {
                Poll::Pending if self.out.borrow().is_empty() => {
                    return Err(io::ErrorKind::WouldBlock.into());
                }
                Poll::Pending => {}
                Poll::Ready(scanned) => {
                    self.scanning = None;
                    let mut out = self.out.borrow_mut();
                    match scanned {
                        Ok((has_data, merges)) => push_end(&mut out, has_data, &merges),
                        Err(_) => out.push(NOT_OURS),
                    }
                }
            }
        }
    }
}
