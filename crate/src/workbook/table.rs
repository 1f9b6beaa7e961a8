//! The sheet as LamSach holds it: a grid of typed cells anchored at A1, so a cell's
//! position is the position Excel shows (row index + 1, column letter).

use serde::Serialize;

/// The real format of the file, as found from its bytes (not its name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    Xlsx,
    Xls,
    Ods,
    Csv,
    /// An HTML table saved with an .xls name (web systems' "export to Excel").
    Html,
    /// "XML Spreadsheet 2003", often saved with an .xls name.
    #[serde(rename = "spreadsheetml")]
    SpreadsheetMl,
}

/// An Excel date cell: the serial as stored and the calendar date computed from it on
/// integers by calamine (1900 and 1904 date systems, the 1900 leap-year bug included).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DateCell {
    pub serial: f64,
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl DateCell {
    /// The official form: dd/mm/yyyy.
    pub fn to_dmy(self) -> String {
        dmy(
            u32::from(self.day),
            u32::from(self.month),
            i32::from(self.year),
        )
    }
}

/// A date in the official form, dd/mm/yyyy, without the formatting machinery: every date
/// of birth of a province is written this way.
pub fn dmy(day: u32, month: u32, year: i32) -> String {
    let Ok(y @ 0..=9999) = u32::try_from(year) else {
        return format!("{day:02}/{month:02}/{year:04}");
    };
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let text = [
        digit(day / 10),
        digit(day),
        b'/',
        digit(month / 10),
        digit(month),
        b'/',
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
    ];
    // Only ASCII digits and slashes were written.
    String::from_utf8(text.to_vec()).unwrap_or_default()
}

/// A cell's text (inline up to 23 bytes on every target, wasm32 included).
pub type Text = smol_str::SmolStr;

/// One cell's value.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Cell {
    #[default]
    Empty,
    Text(Text),
    Number(f64),
    Date(DateCell),
    Bool(bool),
    /// A formula error such as `#N/A`, kept as its text.
    Error(Box<str>),
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<Text>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => crate::text::trim(s).is_empty(),
            _ => false,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Cell::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The value as stored, for a finding's "before": a date cell shows its serial, so that
    /// "45231 → 01/11/2023" says what changed.
    pub fn stored(&self) -> String {
        match self {
            Cell::Date(d) => format_number(d.serial),
            other => other.display(),
        }
    }

    /// [`Cell::display`] without a copy for text cells.
    pub fn shown(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Text(s) => std::borrow::Cow::Borrowed(s),
            other => std::borrow::Cow::Owned(other.display()),
        }
    }

    /// The value as a person reads it in Excel, for findings, previews and notes.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.as_str().to_owned(),
            Cell::Number(n) => format_number(*n),
            Cell::Date(d) => d.to_dmy(),
            Cell::Bool(true) => "TRUE".into(),
            Cell::Bool(false) => "FALSE".into(),
            Cell::Error(e) => e.to_string(),
        }
    }
}

/// A number without float noise: integers without ".0" and without exponent (an ID stored as
/// a number must show all its digits).
pub fn format_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        integer_text(n as i64)
    } else {
        format!("{n}")
    }
}

/// `n` in decimal, without the formatting machinery: ID and phone numbers stored as numbers
/// are shown this way for every check.
fn integer_text(n: i64) -> String {
    let mut out = Vec::with_capacity(20);
    if n < 0 {
        out.push(b'-');
    }
    super::xlsx::xml::push_u64(&mut out, n.unsigned_abs());
    // Only ASCII digits and a sign were written.
    String::from_utf8(out).unwrap_or_default()
}

/// A cell reference such as `B7` (or `xfd1048576`) as (row, column), 0-based; `None` for
/// anything else, and for a place outside Excel's grid of 1,048,576 × 16,384.
pub fn cell_position(reference: &[u8]) -> Option<(u32, u16)> {
    let letters = reference
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if !(1..=3).contains(&letters) {
        return None;
    }
    let row = row_index(&reference[letters..])?;
    let col = reference[..letters].iter().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    if row >= crate::error::MAX_SHEET_ROWS || col > 16_384 {
        return None;
    }
    Some((row, (col - 1) as u16))
}

/// A 1-based row number of 1 to 7 digits (`7` in `B7`, or a row's own `r`) as a 0-based
/// index; `None` for anything else.
pub fn row_index(digits: &[u8]) -> Option<u32> {
    if !(1..=7).contains(&digits.len()) || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let row = digits
        .iter()
        .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    row.checked_sub(1)
}

/// The rows of a sheet as a reader finds its cells, in any order: a row is allocated only
/// after the limits allow the grid it makes.
pub struct Grid {
    pub sheet: String,
    pub rows: Vec<Vec<Cell>>,
    pub width: usize,
}

impl Grid {
    pub fn new(sheet: &str) -> Self {
        Grid {
            sheet: sheet.to_string(),
            rows: Vec::new(),
            width: 0,
        }
    }

    /// Puts `value` at row `r`, column `c` (0-based). An empty value, or a place outside
    /// Excel's grid, is left out.
    pub fn put(&mut self, r: usize, c: usize, value: Cell) -> Result<(), crate::Error> {
        use super::limits::check_cells;
        if matches!(value, Cell::Empty)
            || r >= crate::error::MAX_SHEET_ROWS as usize
            || c >= usize::from(u16::MAX)
        {
            return Ok(());
        }
        if self.rows.len() <= r {
            // A stray cell far below the list would allocate every row up to it: check the
            // grid before growing it (no <dimension> element may have warned us).
            check_cells(&self.sheet, r as u64 + 1, self.width.max(c + 1) as u64)?;
            self.rows.resize_with(r + 1, Vec::new);
        }
        let width = self.width;
        let row = &mut self.rows[r];
        if row.len() <= c {
            if row.capacity() == 0 {
                // Most rows are as wide as the ones before: one allocation each.
                row.reserve_exact(width.max(c + 1));
            }
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = value;
        if c + 1 > self.width {
            self.width = c + 1;
            check_cells(&self.sheet, self.rows.len() as u64, self.width as u64)?;
        }
        Ok(())
    }
}

/// A merged area, 0-based and inclusive, as in the source sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Merge {
    pub first_row: u32,
    pub first_col: u16,
    pub last_row: u32,
    pub last_col: u16,
}

/// The chosen sheet of the input, cells anchored at A1.
#[derive(Clone, Debug)]
pub struct Table {
    pub file_name: String,
    pub format: FileFormat,
    /// Every worksheet name in the file, in order.
    pub sheets: Vec<String>,
    pub sheet: String,
    /// Row `i` is sheet row `i + 1`. Rows may be shorter than `width` (missing = empty).
    pub rows: Vec<Vec<Cell>>,
    pub width: u16,
    pub merges: Vec<Merge>,
}

impl Table {
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    pub fn height(&self) -> usize {
        self.rows.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Blank is what a trim leaves nothing of, whatever the text starts with.
        #[test]
        fn a_text_is_blank_when_a_trim_leaves_nothing(
            text in "[ \t\n\r\u{b}\u{c}\u{a0}\u{3000}\u{200b}a.]{0,4}"
        ) {
            let cell = Cell::text(text.as_str());
            proptest::prop_assert_eq!(cell.is_empty(), text.trim().is_empty());
        }

        #[test]
        fn integers_are_written_as_the_formatter_writes_them(n in proptest::num::i64::ANY) {
            proptest::prop_assert_eq!(integer_text(n), n.to_string());
        }
    }

    #[test]
    fn numbers_show_without_float_noise() {
        for (n, shown) in [
            (0.0, "0"),
            (-0.0, "0"),
            (79212000001.0, "79212000001"),
            (-42.0, "-42"),
            (999999999999999.0, "999999999999999"),
            (1e15, "1000000000000000"),
            (2.5, "2.5"),
        ] {
            assert_eq!(format_number(n), shown);
        }
    }

    #[test]
    fn a_cell_is_three_words_and_short_texts_stay_inside_it() {
        assert_eq!(std::mem::size_of::<Cell>(), 24);
        let Cell::Text(t) = Cell::text("Nguyễn Thị Hồng") else {
            unreachable!()
        };
        assert!(!t.is_heap_allocated());
    }
}
