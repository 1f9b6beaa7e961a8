//! What the user may choose, with safe defaults.

use crate::error::Error;
use crate::report::Lang;
use crate::text::ToneStyle;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How dates of birth are written in the cleaned sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOutput {
    /// Text dd/mm/yyyy, the form the upload template asks for.
    #[default]
    Text,
    /// Real Excel date cells formatted dd/mm/yyyy.
    DateCell,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Sheet to clean; `None` = the first worksheet with data.
    pub sheet: Option<String>,
    /// Day on which ages are counted. The core has no clock: the CLI and the page pass today.
    pub reference_date: Option<NaiveDate>,
    /// Children are under this age on the reference date (Law on Children 2016: 16).
    pub age_limit: u8,
    /// Capitalise each syllable of person names.
    pub name_casing: bool,
    pub tone_style: ToneStyle,
    pub date_output: DateOutput,
    /// Spelling of ethnic groups, and whose codes a bare number means.
    pub ethnicity_list: crate::fields::ethnicity::EthnicityList,
    /// Column role overrides, `(role, column)`: column is a letter or a header text; role
    /// `ignore` removes a role.
    pub columns: Vec<(String, String)>,
    /// Language of messages in the report and the workbook.
    pub lang: Lang,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            sheet: None,
            reference_date: None,
            age_limit: 16,
            name_casing: true,
            tone_style: ToneStyle::Keep,
            date_output: DateOutput::Text,
            ethnicity_list: crate::fields::ethnicity::EthnicityList::Modern,
            columns: Vec::new(),
            lang: Lang::Vi,
        }
    }
}

/// Parses `YYYY-MM-DD` (the CLI's `--reference-date`).
pub fn parse_reference_date(s: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| Error::BadOption {
        detail: format!("reference date \"{s}\" is not YYYY-MM-DD"),
    })
}
