//! Gender: "Nam" or "Nữ", from every common variant; codes only where the header says.

mod missing;
mod normalized;
mod unknown;

pub use missing::GENDER_MISSING;
pub use normalized::GENDER_NORMALIZED;
pub use unknown::GENDER_UNKNOWN;

use super::Outcome;
use crate::report::Rule;
use crate::workbook::header::fold;
use crate::workbook::table::{format_number, Cell};

pub static RULES: &[&Rule] = &[&GENDER_NORMALIZED, &GENDER_MISSING, &GENDER_UNKNOWN];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn official(self) -> &'static str {
        match self {
            Gender::Male => "Nam",
            Gender::Female => "Nữ",
        }
    }
}

/// Numeric codes explained in the header, e.g. "Giới tính (1: Nam, 2: Nữ)".
#[derive(Clone, Debug, Default)]
pub struct Legend(Vec<(String, Gender)>);

impl Legend {
    pub fn from_header(header: &str) -> Legend {
        let words: Vec<String> = fold(header).split(' ').map(str::to_string).collect();
        // "1: Nam, 2: Nữ" (code first) or "Nam: 1, Nữ: 2" (word first); a header uses one
        // order, and reading both would pair "Nam" with the following "2".
        let (mut code_first, mut word_first) = (Vec::new(), Vec::new());
        for pair in words.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let as_gender = |w: &str| match w {
                "nam" => Some(Gender::Male),
                "nu" => Some(Gender::Female),
                _ => None,
            };
            if a.chars().all(|c| c.is_ascii_digit()) {
                if let Some(g) = as_gender(b) {
                    code_first.push((a.clone(), g));
                }
            } else if b.chars().all(|c| c.is_ascii_digit()) {
                if let Some(g) = as_gender(a) {
                    word_first.push((b.clone(), g));
                }
            }
        }
        Legend(if code_first.is_empty() {
            word_first
        } else {
            code_first
        })
    }
}

/// The gender a value names, if any.
pub fn recognise(value: &str, legend: &Legend) -> Option<Gender> {
    // The official words, as a cleaned list holds them, need no folding.
    for g in [Gender::Male, Gender::Female] {
        if value == g.official() {
            return Some(g);
        }
    }
    let f = fold(value);
    match f.as_str() {
        "nam" | "trai" | "con trai" | "be trai" | "nam gioi" | "m" | "male" | "boy" => {
            Some(Gender::Male)
        }
        "nu" | "gai" | "con gai" | "be gai" | "nu gioi" | "f" | "female" | "girl" => {
            Some(Gender::Female)
        }
        code => legend.0.iter().find(|(c, _)| c == code).map(|(_, g)| *g),
    }
}

pub fn clean(cell: &Cell, legend: &Legend) -> Outcome {
    let mut out = Outcome::default();
    let value = match cell {
        Cell::Empty => return flagged(&GENDER_MISSING),
        Cell::Text(s) if s.trim().is_empty() => return flagged(&GENDER_MISSING),
        Cell::Text(s) => s.as_str().to_owned(),
        Cell::Number(n) => format_number(*n),
        _ => return flagged(&GENDER_UNKNOWN),
    };
    match recognise(&value, legend) {
        Some(g) if value == g.official() => {}
        Some(g) => out.set(Cell::text(g.official().to_string()), &GENDER_NORMALIZED),
        None => out.flag(&GENDER_UNKNOWN),
    }
    out
}

fn flagged(rule: &'static Rule) -> Outcome {
    let mut out = Outcome::default();
    out.flag(rule);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_and_codes() {
        let none = Legend::default();
        for v in ["nam", "NAM", "Trai", "M", "male"] {
            assert_eq!(recognise(v, &none), Some(Gender::Male), "{v}");
        }
        for v in ["Nu", "nữ", "NỮ", "Gái", "F"] {
            assert_eq!(recognise(v, &none), Some(Gender::Female), "{v}");
        }
        assert_eq!(recognise("1", &none), None, "codes only with a legend");
        let legend = Legend::from_header("Giới tính (1: Nam, 2: Nữ)");
        assert_eq!(recognise("1", &legend), Some(Gender::Male));
        assert_eq!(recognise("2", &legend), Some(Gender::Female));
    }
}
