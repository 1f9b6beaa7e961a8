//! Ethnicity: one of the 54 groups, from names, variants and unambiguous other names;
//! ambiguous and unknown values flagged with suggestions, never guessed.

mod ambiguous;
mod missing;
mod normalized;
mod unknown;

pub use ambiguous::ETHNICITY_AMBIGUOUS;
pub use missing::ETHNICITY_MISSING;
pub use normalized::ETHNICITY_NORMALIZED;
pub use unknown::ETHNICITY_UNKNOWN;

use super::Outcome;
use crate::reference::ethnicity::{groups, index, key, Group, Lookup};
use crate::report::Rule;
use crate::workbook::table::{format_number, Cell};
use serde::{Deserialize, Serialize};

pub static RULES: &[&Rule] = &[
    &ETHNICITY_NORMALIZED,
    &ETHNICITY_MISSING,
    &ETHNICITY_AMBIGUOUS,
    &ETHNICITY_UNKNOWN,
];

/// Which list's spelling variants are written in (and whose codes a bare number means).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EthnicityList {
    /// The spelling of the 2019 census: Mông, Khơ Me, Gia Rai, Ê Đê… Numbers are not read.
    #[default]
    Modern,
    /// QĐ 121-TCTK/PPCĐ (1979) names; a bare number is a 1979 code.
    Codes1979,
    /// QĐ 1019/QĐ-TCTK (2008) names; a bare number is a 2008 code.
    Codes2008,
}

fn spelling(g: &Group, list: EthnicityList) -> &str {
    match list {
        EthnicityList::Modern => &g.name_modern,
        EthnicityList::Codes1979 => &g.name_1979,
        EthnicityList::Codes2008 => &g.name_2008,
    }
}

fn is_official(value: &str, g: &Group) -> bool {
    value == g.name_1979 || value == g.name_2008 || value == g.name_modern
}

pub fn clean(cell: &Cell, list: EthnicityList) -> Outcome {
    let mut out = Outcome::default();
    let value = match cell {
        Cell::Empty => {
            out.flag(&ETHNICITY_MISSING);
            return out;
        }
        Cell::Text(s) if s.trim().is_empty() => {
            out.flag(&ETHNICITY_MISSING);
            return out;
        }
        Cell::Text(s) => s.trim().to_string(),
        Cell::Number(n) => format_number(*n),
        _ => {
            out.flag(&ETHNICITY_UNKNOWN);
            return out;
        }
    };
    // An official spelling of a group stays as written.
    if groups().iter().any(|g| is_official(&value, g)) {
        return out;
    }
    if value.chars().all(|c| c.is_ascii_digit()) {
        let code = format!("{:0>2}", value);
        let found = match list {
            EthnicityList::Modern => None,
            EthnicityList::Codes1979 => groups().iter().find(|g| g.code_1979 == code),
            EthnicityList::Codes2008 => groups().iter().find(|g| g.code_2008 == code),
        };
        match found {
            Some(g) => out.set(
                Cell::text(spelling(g, list).to_string()),
                &ETHNICITY_NORMALIZED,
            ),
            None => out.flag(&ETHNICITY_UNKNOWN),
        }
        return out;
    }
    match index().get(&key(&value)) {
        Some(Lookup::Group(i)) => out.set(
            Cell::text(spelling(&groups()[*i], list).to_string()),
            &ETHNICITY_NORMALIZED,
        ),
        Some(Lookup::Ambiguous(options)) => {
            let names: Vec<&str> = options
                .iter()
                .map(|i| spelling(&groups()[*i], list))
                .collect();
            out.flag_with(&ETHNICITY_AMBIGUOUS, names.join(" / "));
        }
        None => match nearest(&value) {
            Some(g) => out.flag_with(&ETHNICITY_UNKNOWN, format!("≈ {}", spelling(g, list))),
            None => out.flag(&ETHNICITY_UNKNOWN),
        },
    }
    out
}

/// The group whose spelling is closest by edit distance, when it is close (a typo).
fn nearest(value: &str) -> Option<&'static Group> {
    let k = key(value);
    groups()
        .iter()
        .map(|g| {
            let d = [&g.name_1979, &g.name_2008, &g.name_modern]
                .iter()
                .map(|n| strsim::levenshtein(&k, &key(n)))
                .min()
                .unwrap_or(usize::MAX);
            (d, g)
        })
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, g)| g)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(v: &str, list: EthnicityList) -> (Option<String>, Vec<&'static str>) {
        let out = clean(&Cell::text(v), list);
        (
            out.value.map(|c| c.display()),
            out.rules.iter().map(|(r, _)| r.code).collect(),
        )
    }

    #[test]
    fn official_spellings_stay_variants_become_standard() {
        assert_eq!(run("Kinh", EthnicityList::Modern), (None, vec![]));
        assert_eq!(
            run("Khơ-me", EthnicityList::Modern),
            (None, vec![]),
            "a 1979 official spelling stays"
        );
        assert_eq!(
            run("H’mông", EthnicityList::Modern),
            (Some("Mông".into()), vec!["ethnicity.normalized"])
        );
        assert_eq!(
            run("Khmer", EthnicityList::Modern),
            (Some("Khơ Me".into()), vec!["ethnicity.normalized"])
        );
        assert_eq!(
            run("kinh", EthnicityList::Modern),
            (Some("Kinh".into()), vec!["ethnicity.normalized"])
        );
        assert_eq!(
            run("Mèo", EthnicityList::Codes2008),
            (Some("H'mông (Mèo)".into()), vec!["ethnicity.normalized"])
        );
        assert_eq!(
            run("Mán", EthnicityList::Modern).1,
            vec!["ethnicity.ambiguous"]
        );
        assert_eq!(
            run("Kinhh", EthnicityList::Modern).1,
            vec!["ethnicity.unknown"]
        );
        assert_eq!(
            run("8", EthnicityList::Modern).1,
            vec!["ethnicity.unknown"],
            "numbers only with a code list"
        );
        assert_eq!(run("8", EthnicityList::Codes1979).0, Some("HMông".into()));
        assert_eq!(run("04", EthnicityList::Codes2008).0, Some("Mường".into()));
    }
}
