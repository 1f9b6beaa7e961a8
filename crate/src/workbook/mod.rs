//! Reading the input into a [`table::Table`], finding its header and column roles, and
//! writing the cleaned workbook.

pub mod csv;
pub mod header;
pub mod html;
pub mod limits;
pub mod merges;
pub mod read;
pub mod role;
pub mod spreadsheetml;
pub mod table;
pub mod work_lists;
pub mod write;
pub mod xlsx;
pub mod xlsx_reader;
pub mod xml_elements;
