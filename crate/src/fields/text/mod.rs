//! Rules for text cells; the cleaning itself is `crate::text::clean_text_cow`. Each change
//! the text module reports maps to one of these rules by its code.

mod casing;
mod deprecated_tone;
mod invisible;
mod legacy_cp1258;
mod legacy_tcvn3;
mod legacy_unsure;
mod legacy_viqr;
mod legacy_vni;
mod lookalike;
mod mixed_script;
mod nfc;
mod punctuation;
mod single_syllable;
mod spacing;
mod symbols;
mod tone_style;
mod too_long;

pub use casing::NAME_CASING;
pub use deprecated_tone::TEXT_DEPRECATED_TONE;
pub use invisible::TEXT_INVISIBLE;
pub use legacy_cp1258::TEXT_LEGACY_CP1258;
pub use legacy_tcvn3::TEXT_LEGACY_TCVN3;
pub use legacy_unsure::TEXT_LEGACY_UNSURE;
pub use legacy_viqr::TEXT_LEGACY_VIQR;
pub use legacy_vni::TEXT_LEGACY_VNI;
pub use lookalike::TEXT_LOOKALIKE;
pub use mixed_script::TEXT_MIXED_SCRIPT;
pub use nfc::TEXT_NFC;
pub use punctuation::TEXT_PUNCTUATION;
pub use single_syllable::NAME_SINGLE_SYLLABLE;
pub use spacing::TEXT_SPACING;
pub use symbols::NAME_SYMBOLS;
pub use tone_style::NAME_TONE_STYLE;
pub use too_long::NAME_TOO_LONG;

use crate::report::Rule;

pub static RULES: &[&Rule] = &[
    &TEXT_LEGACY_TCVN3,
    &TEXT_LEGACY_VNI,
    &TEXT_LEGACY_VIQR,
    &TEXT_LEGACY_CP1258,
    &TEXT_LEGACY_UNSURE,
    &TEXT_NFC,
    &TEXT_DEPRECATED_TONE,
    &TEXT_LOOKALIKE,
    &TEXT_INVISIBLE,
    &TEXT_SPACING,
    &TEXT_PUNCTUATION,
    &NAME_CASING,
    &NAME_TONE_STYLE,
    &NAME_SYMBOLS,
    &NAME_SINGLE_SYLLABLE,
    &NAME_TOO_LONG,
    &TEXT_MIXED_SCRIPT,
];
