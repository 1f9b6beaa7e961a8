//! Rules for text cells; the cleaning itself is `crate::text::clean_text`. Each change the
//! text module reports maps to one of these rules by its code.

mod nfc;
mod spacing;

pub use nfc::TEXT_NFC;
pub use spacing::TEXT_SPACING;

use crate::report::Rule;

pub static RULES: &[&Rule] = &[&TEXT_NFC, &TEXT_SPACING];
