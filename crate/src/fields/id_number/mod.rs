//! Personal ID numbers: kept as text with every digit.

mod numeric_cell;

pub use numeric_cell::ID_NUMERIC_CELL;

use crate::report::Rule;
use crate::workbook::table::{format_number, Cell};

pub static RULES: &[&Rule] = &[&ID_NUMERIC_CELL];

pub fn clean(cell: &Cell) -> Option<(Cell, &'static Rule)> {
    match cell {
        Cell::Number(n) => Some((Cell::Text(format_number(*n)), &ID_NUMERIC_CELL)),
        _ => None,
    }
}
