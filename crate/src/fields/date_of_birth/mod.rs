//! Date of birth: Excel date cells become dd/mm/yyyy text.

mod excel_date;

pub use excel_date::DOB_EXCEL_DATE;

use crate::report::Rule;
use crate::workbook::table::Cell;

pub static RULES: &[&Rule] = &[&DOB_EXCEL_DATE];

/// The cell's new value and the rule that changed it, or `None` to leave it.
pub fn clean(cell: &Cell) -> Option<(Cell, &'static Rule)> {
    match cell {
        Cell::Date(d) => Some((Cell::Text(d.to_dmy()), &DOB_EXCEL_DATE)),
        _ => None,
    }
}
