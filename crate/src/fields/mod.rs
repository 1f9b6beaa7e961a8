//! One module per kind of value. Each is a pure function from a cell to an [`Outcome`]: the
//! clean value (if it changed) and the rules that fired; the pipeline (`crate::clean`)
//! turns them into findings holding the original value.

pub mod date_of_birth;
pub mod ethnicity;
pub mod gender;
pub mod id_number;
pub mod phone;
pub mod place;
pub mod text;

use crate::report::{Rule, Severity};
use crate::workbook::table::Cell;

/// What a field module found in one cell.
#[derive(Default, Debug)]
pub struct Outcome {
    /// The new value, when a `fixed` rule changed it.
    pub value: Option<Cell>,
    /// Rules that fired, in order, each with optional extra words for the message.
    pub rules: Vec<(&'static Rule, Option<String>)>,
}

impl Outcome {
    /// A fix: the cell becomes `value`.
    pub fn set(&mut self, value: Cell, rule: &'static Rule) {
        debug_assert_eq!(rule.severity, Severity::Fixed);
        self.value = Some(value);
        self.rules.push((rule, None));
    }

    /// A warning or error: the cell stays as it is.
    pub fn flag(&mut self, rule: &'static Rule) {
        self.rules.push((rule, None));
    }

    pub fn flag_with(&mut self, rule: &'static Rule, detail: String) {
        self.rules.push((rule, Some(detail)));
    }

    /// The current value: the fixed one if any, else the input.
    pub fn current<'a>(&'a self, input: &'a Cell) -> &'a Cell {
        self.value.as_ref().unwrap_or(input)
    }
}
