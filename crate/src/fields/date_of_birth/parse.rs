//! Reading a date of birth from every form seen in Vietnamese lists (domain README §6.1).

use crate::workbook::table::Cell;
use chrono::{Datelike, NaiveDate};

/// How the date was written, which decides the finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// Already dd/mm/yyyy text.
    Canonical,
    /// An Excel date cell, or a number cell holding a date serial.
    ExcelSerial,
    /// Another text form: d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, dd/mm/yy, yyyy-mm-dd, yyyymmdd,
    /// "ngày 5 tháng 3 năm 2012".
    Other,
    /// Month and day in US order, unambiguous because the "month" is over 12.
    UsOrder,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parsed {
    Empty,
    Date(NaiveDate, Form),
    /// Only the year is known.
    YearOnly(u16),
    /// Not a date that exists (31/02/2015) or not a date at all.
    Invalid,
}

/// Serials of dates 1954-10-10 … 2064-12-31 in Excel's 1900 system: a number cell in the
/// date-of-birth column inside this range is a date that lost its format, not a year.
const SERIAL_RANGE: std::ops::RangeInclusive<f64> = 20_000.0..=60_000.0;

pub fn parse(cell: &Cell, reference: NaiveDate) -> Parsed {
    match cell {
        Cell::Empty => Parsed::Empty,
        Cell::Date(d) => {
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                .map_or(Parsed::Invalid, |date| {
                    Parsed::Date(date, Form::ExcelSerial)
                })
        }
        Cell::Number(n) if n.fract() == 0.0 && (1900.0..=2100.0).contains(n) => {
            Parsed::YearOnly(*n as u16)
        }
        Cell::Number(n) if SERIAL_RANGE.contains(n) => serial_to_date(n.floor() as i64)
            .map_or(Parsed::Invalid, |date| {
                Parsed::Date(date, Form::ExcelSerial)
            }),
        Cell::Text(s) if s.trim().is_empty() => Parsed::Empty,
        Cell::Text(s) => parse_text(s, reference),
        _ => Parsed::Invalid,
    }
}

/// 1900-system serial (past 1 March 1900) → date.
pub fn serial_to_date(serial: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(chrono::TimeDelta::days(serial))
}

pub fn parse_text(text: &str, reference: NaiveDate) -> Parsed {
    // The official form, which every cleaned date has: read without the search below (a
    // province's dates are read again by the record checks, the duplicate search and the
    // statistics). A date that does not exist goes the long way, which knows US order.
    match canonical(text) {
        Some(date) => Parsed::Date(date, Form::Canonical),
        None => parse_any(text, reference),
    }
}

/// [`parse_text`] of any form.
fn parse_any(text: &str, reference: NaiveDate) -> Parsed {
    // Remarks after the date ("25/5/2010 (âm lịch)") do not belong to it.
    let core = match text.find('(') {
        Some(i) if i > 0 => &text[..i],
        _ => text,
    }
    .trim();
    // Up to four runs of digits, without an allocation (a province is a million dates and
    // years): four stand for "more than three", which no form below takes.
    let mut runs = [""; 4];
    let mut count = 0;
    for run in core
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
    {
        runs[count] = run;
        count += 1;
        if count == runs.len() {
            break;
        }
    }
    let numbers = &runs[..count];

    // "ngày 5 tháng 3 năm 2012" / "5 tháng 3 năm 2012"
    // Folding costs an allocation per cell; a date of digits and separators has no words.
    if numbers.len() == 3
        && text
            .bytes()
            .any(|b| b.is_ascii_alphabetic() || !b.is_ascii())
        && crate::workbook::header::fold(text).contains("thang")
    {
        return from_dmy(numbers[0], numbers[1], numbers[2], reference, Form::Other);
    }
    // Anything but digits and the usual separators is not a date we can trust.
    if !core
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.' | ' '))
    {
        return Parsed::Invalid;
    }
    match numbers {
        [y] if y.len() == 4 => y.parse().map_or(Parsed::Invalid, |y: u16| {
            if (1900..=2100).contains(&y) {
                Parsed::YearOnly(y)
            } else {
                Parsed::Invalid
            }
        }),
        [ymd] if ymd.len() == 8 => {
            let (a, b, c) = (&ymd[..4], &ymd[4..6], &ymd[6..]);
            if a.starts_with("19") || a.starts_with("20") {
                from_dmy(c, b, a, reference, Form::Other)
            } else {
                from_dmy(&ymd[..2], &ymd[2..4], &ymd[4..], reference, Form::Other)
            }
        }
        [y, m, d] if y.len() == 4 => from_dmy(d, m, y, reference, Form::Other),
        [d, m, y] if y.len() == 4 || y.len() == 2 => {
            let canonical = d.len() == 2
                && m.len() == 2
                && y.len() == 4
                && core.len() == 10
                && core.as_bytes()[2] == b'/'
                && core.as_bytes()[5] == b'/';
            from_dmy(
                d,
                m,
                y,
                reference,
                if canonical {
                    Form::Canonical
                } else {
                    Form::Other
                },
            )
        }
        _ => Parsed::Invalid,
    }
}

/// `dd/mm/yyyy` with a day that exists.
fn canonical(text: &str) -> Option<NaiveDate> {
    let b: &[u8; 10] = text.as_bytes().try_into().ok()?;
    let digit = |i: usize| b[i].is_ascii_digit().then(|| u32::from(b[i] - b'0'));
    if b[2] != b'/' || b[5] != b'/' {
        return None;
    }
    let d = digit(0)? * 10 + digit(1)?;
    let m = digit(3)? * 10 + digit(4)?;
    let y = ((digit(6)? * 10 + digit(7)?) * 10 + digit(8)?) * 10 + digit(9)?;
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

fn from_dmy(d: &str, m: &str, y: &str, reference: NaiveDate, form: Form) -> Parsed {
    let (Ok(d), Ok(m), Ok(mut y)) = (d.parse::<u32>(), m.parse::<u32>(), y.parse::<i32>()) else {
        return Parsed::Invalid;
    };
    if y < 100 {
        // Two-digit years: for a child, any year up to this year is 20yy.
        let this = reference.year() % 100;
        y += if y <= this { 2000 } else { 1900 };
    }
    if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
        return Parsed::Date(date, form);
    }
    // 05/25/2010: month 25 is impossible, day 5 and month 25 swapped is a real date.
    if m > 12 && d <= 12 {
        if let Some(date) = NaiveDate::from_ymd_opt(y, d, m) {
            return Parsed::Date(date, Form::UsOrder);
        }
    }
    Parsed::Invalid
}

/// The official form.
pub fn to_dmy(date: NaiveDate) -> String {
    crate::workbook::table::dmy(date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_official_form_is_what_the_formatter_writes() {
        let mut day = NaiveDate::from_ymd_opt(1899, 12, 25).unwrap();
        let mut days: Vec<NaiveDate> = Vec::new();
        while day.year() < 2031 {
            days.push(day);
            day = day.succ_opt().unwrap();
        }
        for y in [-1, 0, 5, 99, 999, 9999, 10000] {
            days.push(NaiveDate::from_ymd_opt(y, 2, 28).unwrap());
        }
        days.extend([NaiveDate::MIN, NaiveDate::MAX]);
        for d in days {
            let expected = format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year());
            assert_eq!(to_dmy(d), expected);
        }
    }

    fn r() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    proptest::proptest! {
        /// The official form's shortcut reads what the long way reads.
        #[test]
        fn the_shortcut_reads_as_the_long_way(
            text in "[0-3][0-9]/[01][0-9]/(19|20)[0-9]{2}|[0-9]{2}.[0-9]{2}.[0-9]{4}|[0-9/ ]{10}"
        ) {
            proptest::prop_assert_eq!(parse_text(&text, r()), parse_any(&text, r()), "{}", text);
        }
    }

    #[test]
    fn every_form_of_section_6_1() {
        let cases = [
            (
                "25/05/2010",
                Parsed::Date(date(2010, 5, 25), Form::Canonical),
            ),
            ("5/5/2010", Parsed::Date(date(2010, 5, 5), Form::Other)),
            ("25-05-2010", Parsed::Date(date(2010, 5, 25), Form::Other)),
            ("25.05.2010", Parsed::Date(date(2010, 5, 25), Form::Other)),
            ("25/05/10", Parsed::Date(date(2010, 5, 25), Form::Other)),
            ("2010-05-25", Parsed::Date(date(2010, 5, 25), Form::Other)),
            ("20100525", Parsed::Date(date(2010, 5, 25), Form::Other)),
            (
                "Ngày 25 tháng 5 năm 2010",
                Parsed::Date(date(2010, 5, 25), Form::Other),
            ),
            (
                "25/5/2010 (âm lịch)",
                Parsed::Date(date(2010, 5, 25), Form::Other),
            ),
            ("05/25/2010", Parsed::Date(date(2010, 5, 25), Form::UsOrder)),
            ("2010", Parsed::YearOnly(2010)),
            ("31/02/2015", Parsed::Invalid),
            ("không rõ", Parsed::Invalid),
            ("13/13/2015", Parsed::Invalid),
        ];
        for (text, want) in cases {
            assert_eq!(parse_text(text, r()), want, "{text}");
        }
    }

    #[test]
    fn number_cells_are_years_or_serials() {
        assert_eq!(parse(&Cell::Number(2012.0), r()), Parsed::YearOnly(2012));
        assert_eq!(
            parse(&Cell::Number(40973.0), r()),
            Parsed::Date(date(2012, 3, 5), Form::ExcelSerial)
        );
        assert_eq!(parse(&Cell::Number(7.0), r()), Parsed::Invalid);
    }
}
