//! One module per kind of value. Each is a pure function from a cell to its clean value and
//! the rule that changed it; the pipeline (`crate::clean`) records the findings.

pub mod date_of_birth;
pub mod id_number;
pub mod phone;
pub mod text;
