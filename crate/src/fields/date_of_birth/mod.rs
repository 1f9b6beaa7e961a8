//! Date of birth: every form read (parse.rs), written back as dd/mm/yyyy text, and flagged
//! when missing, impossible, in the future, year-only, too old, or before 2000.

mod before_2000;
mod column_swapped;
mod excel_date;
mod future;
mod invalid;
mod missing;
mod over_age;
pub mod parse;
mod reformatted;
mod us_order;
mod year_only;

pub use before_2000::DOB_BEFORE_2000;
pub use column_swapped::DOB_COLUMN_SWAPPED;
pub use excel_date::DOB_EXCEL_DATE;
pub use future::DOB_FUTURE;
pub use invalid::DOB_INVALID;
pub use missing::DOB_MISSING;
pub use over_age::DOB_OVER_AGE;
pub use reformatted::DOB_REFORMATTED;
pub use us_order::DOB_US_ORDER;
pub use year_only::DOB_YEAR_ONLY;

use super::Outcome;
use crate::report::Rule;
use crate::workbook::table::Cell;
use chrono::{Datelike, NaiveDate};
use parse::{Form, Parsed};

pub static RULES: &[&Rule] = &[
    &DOB_EXCEL_DATE,
    &DOB_REFORMATTED,
    &DOB_US_ORDER,
    &DOB_COLUMN_SWAPPED,
    &DOB_MISSING,
    &DOB_INVALID,
    &DOB_YEAR_ONLY,
    &DOB_FUTURE,
    &DOB_OVER_AGE,
    &DOB_BEFORE_2000,
];

#[derive(Clone, Debug)]
pub struct Context {
    /// Day ages are counted on; `None`: ages are not checked.
    pub reference: Option<NaiveDate>,
    pub age_limit: u8,
    /// The column as a whole looks day/month swapped (see [`column_looks_swapped`]).
    pub column_swapped: bool,
}

pub fn clean(cell: &Cell, ctx: &Context) -> Outcome {
    let mut out = Outcome::default();
    match parse::parse(cell, ctx.reference.unwrap_or(NaiveDate::MAX)) {
        Parsed::Empty => out.flag(&DOB_MISSING),
        Parsed::Invalid => out.flag(&DOB_INVALID),
        Parsed::YearOnly(y) => {
            if let Cell::Number(_) = cell {
                out.set(Cell::text(y.to_string()), &DOB_REFORMATTED);
            }
            out.flag(&DOB_YEAR_ONLY);
            if y < 2000 {
                out.flag(&DOB_BEFORE_2000);
            }
        }
        Parsed::Date(date, form) => {
            let text = parse::to_dmy(date);
            match form {
                Form::Canonical => {}
                Form::ExcelSerial => {
                    out.set(Cell::text(text), &DOB_EXCEL_DATE);
                    if ctx.column_swapped && matches!(cell, Cell::Date(_)) {
                        out.flag(&DOB_COLUMN_SWAPPED);
                    }
                }
                Form::Other => out.set(Cell::text(text), &DOB_REFORMATTED),
                Form::UsOrder => out.set(Cell::text(text), &DOB_US_ORDER),
            }
            if let Some(reference) = ctx.reference {
                if date > reference {
                    out.flag(&DOB_FUTURE);
                } else if reached_age(date, reference, ctx.age_limit) {
                    out.flag(&DOB_OVER_AGE);
                }
            }
            if date.year() < 2000 {
                out.flag(&DOB_BEFORE_2000);
            }
        }
    }
    out
}

/// Whether someone born on `born` has turned `age` by `on`. A 29 February birthday falls on
/// 1 March in a common year (domain README §6.2; no legal rule was found).
pub fn reached_age(born: NaiveDate, on: NaiveDate, age: u8) -> bool {
    let year = born.year() + i32::from(age);
    let birthday = NaiveDate::from_ymd_opt(year, born.month(), born.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
        .unwrap_or(NaiveDate::MAX);
    on >= birthday
}

/// §6.1: a column whose Excel date cells all have a day ≤ 12 while its text dates have a
/// first field over 12 was probably typed on an English (US) PC: the real dates are swapped.
pub fn column_looks_swapped<'a>(cells: impl Iterator<Item = &'a Cell>) -> bool {
    let (mut date_cells, mut date_cells_day_over_12, mut text_first_over_12) = (0, 0, 0);
    for cell in cells {
        match cell {
            Cell::Date(d) => {
                date_cells += 1;
                if d.day > 12 {
                    date_cells_day_over_12 += 1;
                }
            }
            Cell::Text(s) => {
                // The number its leading digits make, read without a copy; past 31 it is no day.
                let mut digits = s.trim().bytes().take_while(u8::is_ascii_digit);
                let first = digits.try_fold(0u32, |n, d| {
                    Some(n * 10 + u32::from(d - b'0')).filter(|n| *n <= 31)
                });
                if first.is_some_and(|n| n > 12) {
                    text_first_over_12 += 1;
                }
            }
            _ => {}
        }
    }
    date_cells >= 5 && date_cells_day_over_12 == 0 && text_first_over_12 >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn ages_on_the_reference_date() {
        assert!(!reached_age(d(2010, 11, 28), d(2026, 11, 27), 16));
        assert!(reached_age(d(2010, 11, 27), d(2026, 11, 27), 16));
        // Born 29 Feb 2008: 16 on 1 March 2024? 2024 is leap: on 29 Feb 2024.
        assert!(reached_age(d(2008, 2, 29), d(2024, 2, 29), 16));
        // Born 29 Feb 2012, limit 15 → 2027 is common: 1 March 2027.
        assert!(!reached_age(d(2012, 2, 29), d(2027, 2, 28), 15));
        assert!(reached_age(d(2012, 2, 29), d(2027, 3, 1), 15));
    }
}
