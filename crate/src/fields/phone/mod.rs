//! Phone numbers: kept as text.

mod numeric_cell;

pub use numeric_cell::PHONE_NUMERIC_CELL;

use crate::report::Rule;
use crate::workbook::table::{format_number, Cell};

pub static RULES: &[&Rule] = &[&PHONE_NUMERIC_CELL];

pub fn clean(cell: &Cell) -> Option<(Cell, &'static Rule)> {
    match cell {
        Cell::Number(n) => Some((Cell::Text(format_number(*n)), &PHONE_NUMERIC_CELL)),
        _ => None,
    }
}
