//! Findings, rules, the summary and the versioned JSON report.
//!
//! Numbering convention, stated once: every `row` in a finding or in the report is the
//! 1-based row number Excel shows at the left of the sheet, and every `column` is the
//! column letter Excel shows at the top (`A`, `B`, … `AA`). Internally columns are 0-based
//! indices; [`column_letter`] converts.

use serde::Serialize;
use std::collections::BTreeMap;

/// How serious a finding is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Corrected automatically; the original value is kept in the finding and a cell note.
    Fixed,
    /// A person should look at it.
    Warning,
    /// Must be fixed before the list is uploaded.
    Error,
}

impl Severity {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Fixed, Lang::Vi) => "đã sửa",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Fixed, Lang::En) => "fixed",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Error, Lang::En) => "error",
        }
    }
}

/// Language of messages in the report and the workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// A rule: a stable code, a severity, a one-line message in both languages and the long
/// help text. The help text is the rule's doc comment (see [`declare_rule!`]), so the docs
/// (`lamsach rules`, docs/rules.md) cannot drift from the code.
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub severity: Severity,
    pub message_vi: &'static str,
    pub message_en: &'static str,
    pub help: &'static str,
}

impl Rule {
    pub fn message(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.message_vi,
            Lang::En => self.message_en,
        }
    }
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

/// Declares a rule constant whose help text is its own doc comment.
///
/// ```ignore
/// declare_rule! {
///     /// What it checks …
///     pub TEXT_NFC = ("text.nfc", Fixed, "Chuẩn hoá Unicode dựng sẵn (NFC)", "Unicode normalised to NFC");
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* $vis:vis $name:ident = ($code:literal, $sev:ident, $vi:literal, $en:literal);) => {
        $(#[doc = $doc])*
        $vis static $name: $crate::report::Rule = $crate::report::Rule {
            code: $code,
            severity: $crate::report::Severity::$sev,
            message_vi: $vi,
            message_en: $en,
            help: concat!($($doc, "\n"),*),
        };
    };
}

/// One thing found in one cell (or row, when `column` is `None`).
#[derive(Clone, Debug)]
pub struct Finding {
    /// 1-based sheet row as Excel shows it.
    pub row: u32,
    /// 0-based column index; `None` for a finding about the whole row.
    pub column: Option<u16>,
    pub rule: &'static Rule,
    /// The value as the list held it and as it is now (inline when short: a province has
    /// hundreds of thousands of findings).
    pub before: crate::workbook::table::Text,
    pub after: crate::workbook::table::Text,
    /// Extra words for the message (e.g. the other rows of a duplicate group); no child data
    /// beyond the cell itself.
    pub detail: Option<String>,
}

impl Finding {
    pub fn message(&self, lang: Lang) -> String {
        match &self.detail {
            Some(d) => format!("{} ({d})", self.rule.message(lang)),
            None => self.rule.message(lang).to_string(),
        }
    }
}

/// Excel's column letter for a 0-based column index (0 → `A`, 26 → `AA`).
pub fn column_letter(index: u16) -> String {
    let mut n = u32::from(index) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Counts shown to the user first, before any workbook is written.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// Rows in the sheet, title and header rows included.
    pub sheet_rows: u32,
    /// Rows below the header that hold a child's record.
    pub records: u32,
    /// Rows below the header that are blank or hold no record (e.g. a signature footer).
    pub other_rows: u32,
    pub cells_fixed: u32,
    pub findings: u32,
    pub fixed: u32,
    pub warnings: u32,
    pub errors: u32,
    /// Records with at least one warning or error.
    pub records_to_review: u32,
    /// Records with at least one error.
    pub records_with_errors: u32,
    /// Groups of records that are probably the same child.
    pub duplicate_groups: u32,
    /// Records without a personal ID (they go on the police list).
    pub records_without_id: u32,
    /// Findings per rule code, sorted by code.
    pub by_rule: BTreeMap<&'static str, u32>,
}

impl Summary {
    pub fn count(&mut self, finding: &Finding) {
        self.findings += 1;
        match finding.rule.severity {
            Severity::Fixed => self.fixed += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Error => self.errors += 1,
        }
        *self.by_rule.entry(finding.rule.code).or_insert(0) += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_as_excel_shows_them() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
        assert_eq!(column_letter(16383), "XFD");
    }
}

/// The JSON report, version 1 (schema in design.md). Field names are a contract.
pub mod json {
    use super::{column_letter, Lang, Summary};
    use crate::clean::Cleaned;
    use crate::options::Options;
    use crate::workbook::table::FileFormat;
    use serde::Serialize;

    #[derive(Serialize)]
    pub struct Report<'a> {
        pub version: u32,
        pub input: Input<'a>,
        pub options: &'a Options,
        pub columns: Vec<Column<'a>>,
        pub summary: &'a Summary,
        /// Present when a list of newly found children was merged in.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub merge: Option<&'a crate::merge::Merged>,
        pub findings: Vec<Finding<'a>>,
    }

    #[derive(Serialize)]
    pub struct Input<'a> {
        pub file_name: &'a str,
        pub format: FileFormat,
        pub sheet: &'a str,
        pub sheets: &'a [String],
        /// 1-based sheet rows of the header block and the first row after it.
        pub header_rows: [u32; 2],
        pub data_start_row: u32,
    }

    #[derive(Serialize)]
    pub struct Column<'a> {
        pub letter: &'a str,
        pub header: &'a str,
        pub role: Option<&'static str>,
    }

    #[derive(Serialize)]
    pub struct Finding<'a> {
        pub row: u32,
        pub column: Option<String>,
        pub header: Option<&'a str>,
        pub code: &'static str,
        pub severity: super::Severity,
        pub before: &'a str,
        pub after: &'a str,
        pub message: String,
    }

    pub fn build(cleaned: &Cleaned) -> Report<'_> {
        let lang: Lang = cleaned.options.lang;
        let layout = &cleaned.layout;
        Report {
            version: 1,
            input: Input {
                file_name: &cleaned.table.file_name,
                format: cleaned.table.format,
                sheet: &cleaned.table.sheet,
                sheets: &cleaned.table.sheets,
                header_rows: [layout.header_first + 1, layout.header_last + 1],
                data_start_row: layout.data_start + 1,
            },
            options: &cleaned.options,
            columns: layout
                .columns
                .iter()
                .map(|c| Column {
                    letter: &c.letter,
                    header: &c.header,
                    role: c.role.map(|r| r.key()),
                })
                .collect(),
            summary: &cleaned.summary,
            merge: cleaned.merged.as_ref(),
            findings: cleaned
                .findings
                .iter()
                .map(|f| Finding {
                    row: f.row,
                    column: f.column.map(column_letter),
                    header: f.column.map(|c| layout.header_of(usize::from(c))),
                    code: f.rule.code,
                    severity: f.rule.severity,
                    before: &f.before,
                    after: &f.after,
                    message: f.message(lang),
                })
                .collect(),
        }
    }

    pub fn to_string(cleaned: &Cleaned) -> String {
        serde_json::to_string_pretty(&build(cleaned))
            .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}
