//! Temporary stand-in for `text/` with the same interface: NFC and spacing only.
//! Replaced by the full module (legacy encodings, casing, tone marks) when it lands.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToneStyle {
    #[default]
    Keep,
    Old,
    New,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    PersonName,
    Ethnicity,
    Place,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnEncoding {
    Unicode,
}

pub fn detect_column_encoding<'a>(_cells: impl Iterator<Item = &'a str>) -> ColumnEncoding {
    ColumnEncoding::Unicode
}

#[derive(Clone, Copy, Debug)]
pub struct TextOptions {
    pub kind: TextKind,
    pub tone_style: ToneStyle,
    pub name_casing: bool,
    pub column: ColumnEncoding,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Nfc,
    Spacing,
}

impl Change {
    pub fn code(self) -> &'static str {
        match self {
            Change::Nfc => "text.nfc",
            Change::Spacing => "text.spacing",
        }
    }
}

pub struct CleanText {
    pub text: String,
    pub changes: Vec<Change>,
}

pub fn clean_text(input: &str, _options: &TextOptions) -> CleanText {
    let mut changes = Vec::new();
    let nfc: String = match is_nfc_quick(input.chars()) {
        IsNormalized::Yes => input.to_string(),
        _ => input.nfc().collect(),
    };
    if nfc != input {
        changes.push(Change::Nfc);
    }
    let spaced = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    if spaced != nfc {
        changes.push(Change::Spacing);
    }
    CleanText { text: spaced, changes }
}

/// Key for comparing names: NFC, lower case, single spaces.
pub fn comparison_key(input: &str) -> String {
    input.nfc().collect::<String>().to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}
