//! Personal ID numbers (số định danh cá nhân, 12 digits; domain README §1): formatting
//! stripped, lost leading zeros restored when the padded number is valid, and the structure
//! checked. Checks against other fields (gender, birth year, other rows) are in `checks/`.

mod adult;
mod century;
mod cmnd9;
mod formatting;
mod leading_zero;
mod malformed;
mod numeric_cell;
mod province_code;
mod scientific;

pub use adult::ID_ADULT_INVALID;
pub use century::ID_CENTURY;
pub use cmnd9::ID_CMND9;
pub use formatting::ID_FORMATTING;
pub use leading_zero::ID_LEADING_ZERO;
pub use malformed::ID_MALFORMED;
pub use numeric_cell::ID_NUMERIC_CELL;
pub use province_code::ID_PROVINCE_CODE;
pub use scientific::ID_SCIENTIFIC;

use super::Outcome;
use crate::reference::province::is_valid_id_prefix;
use crate::report::Rule;
use crate::workbook::table::{format_number, Cell};

pub static RULES: &[&Rule] = &[
    &ID_NUMERIC_CELL,
    &ID_FORMATTING,
    &ID_LEADING_ZERO,
    &ID_SCIENTIFIC,
    &ID_MALFORMED,
    &ID_CMND9,
    &ID_PROVINCE_CODE,
    &ID_CENTURY,
    &ID_ADULT_INVALID,
];

/// Who the ID belongs to: a child's must be a 21st-century personal ID; a parent's may be
/// an old 9-digit CMND or a 20th-century number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    Child,
    Adult,
}

/// The 12 digits are structurally a personal ID: a known place code and any century digit.
pub fn structurally_valid(digits: &str) -> bool {
    digits.len() == 12
        && digits.bytes().all(|b| b.is_ascii_digit())
        && is_valid_id_prefix(&digits[..3])
}

pub fn clean(cell: &Cell, holder: Holder) -> Outcome {
    let mut out = Outcome::default();
    let text = match cell {
        Cell::Empty => return out,
        Cell::Number(n) => {
            let t = format_number(*n);
            out.set(Cell::text(t.clone()), &ID_NUMERIC_CELL);
            t
        }
        Cell::Text(s) => s.as_str().to_owned(),
        _ => {
            out.flag(invalid(holder));
            return out;
        }
    };
    if text.trim().is_empty() {
        return out;
    }
    let compact: String = text
        .trim()
        .trim_start_matches(['\'', '’'])
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{00A0}'))
        .collect();
    if is_scientific(&compact) {
        out.flag(&ID_SCIENTIFIC);
        return out;
    }
    let mut digits = compact.clone();
    if compact != text && compact.bytes().all(|b| b.is_ascii_digit()) {
        out.set(Cell::text(compact.clone()), &ID_FORMATTING);
    }
    if digits.len() == 11 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let padded = format!("0{digits}");
        // Only a zero that was surely lost: the padded number must be a whole valid ID, for
        // a child a 21st-century one (digit 4 is 2 or 3).
        let century_ok = holder == Holder::Adult || matches!(padded.as_bytes()[3], b'2' | b'3');
        if structurally_valid(&padded) && century_ok {
            out.set(Cell::text(padded.clone()), &ID_LEADING_ZERO);
            digits = padded;
        }
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !(digits.len() == 12 || digits.len() == 9) {
        out.flag(invalid(holder));
        return out;
    }
    if digits.len() == 9 {
        if holder == Holder::Child {
            out.flag(&ID_CMND9);
        }
        return out;
    }
    if !is_valid_id_prefix(&digits[..3]) {
        out.flag(if holder == Holder::Child {
            &ID_PROVINCE_CODE
        } else {
            &ID_ADULT_INVALID
        });
    }
    if holder == Holder::Child && !matches!(digits.as_bytes()[3], b'2' | b'3') {
        out.flag(&ID_CENTURY);
    }
    out
}

/// A child's malformed ID must be fixed before upload; a parent's is only a warning.
fn invalid(holder: Holder) -> &'static Rule {
    match holder {
        Holder::Child => &ID_MALFORMED,
        Holder::Adult => &ID_ADULT_INVALID,
    }
}

/// "7.92E+10", "7,92E+10": Excel's scientific notation, the trailing digits are lost.
fn is_scientific(s: &str) -> bool {
    let upper = s.to_ascii_uppercase();
    let Some((mantissa, exponent)) = upper.split_once('E') else {
        return false;
    };
    let exponent = exponent.trim_start_matches('+');
    !mantissa.is_empty()
        && mantissa
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(cell: Cell, holder: Holder) -> (String, Vec<&'static str>) {
        let out = clean(&cell, holder);
        (
            out.current(&cell).display(),
            out.rules.iter().map(|(r, _)| r.code).collect(),
        )
    }

    #[test]
    fn id_rules_from_the_domain_tables() {
        let t = |s: &str| Cell::text(s);
        assert_eq!(
            run(t("079215000001"), Holder::Child),
            ("079215000001".into(), vec![])
        );
        assert_eq!(
            run(Cell::Number(79215000001.0), Holder::Child).0,
            "079215000001"
        );
        assert_eq!(
            run(t("079 215 000 001"), Holder::Child),
            ("079215000001".into(), vec!["id.formatting"])
        );
        assert_eq!(run(t("'079215000001"), Holder::Child).0, "079215000001");
        assert_eq!(run(t("7.92E+10"), Holder::Child).1, vec!["id.scientific"]);
        assert_eq!(run(t("012345678"), Holder::Child).1, vec!["id.cmnd9"]);
        assert_eq!(run(t("012345678"), Holder::Adult).1, Vec::<&str>::new());
        assert_eq!(
            run(t("003215000001"), Holder::Child).1,
            vec!["id.province_code"]
        );
        assert_eq!(
            run(t("175215000001"), Holder::Child).1,
            Vec::<&str>::new(),
            "born abroad (Hoa Kỳ)"
        );
        assert_eq!(
            run(t("296215000001"), Holder::Child).1,
            vec!["id.province_code"]
        );
        assert_eq!(run(t("079085000001"), Holder::Child).1, vec!["id.century"]);
        assert_eq!(run(t("079085000001"), Holder::Adult).1, Vec::<&str>::new());
        assert_eq!(
            run(t("01234567"), Holder::Adult).1,
            vec!["id.adult_invalid"]
        );
        assert_eq!(
            run(t("07921500001A"), Holder::Child).1,
            vec!["id.malformed"]
        );
        // 11 digits whose padded form has no valid province code stays and is flagged.
        assert_eq!(run(t("99215000001"), Holder::Child).1, vec!["id.malformed"]);
        // Every one of the 63 codes is accepted, the gaps are not.
        for p in crate::reference::province::provinces_2024() {
            assert!(structurally_valid(&format!("{}215000001", p.id_prefix)));
        }
        for gap in ["003", "005", "013", "097", "100", "000"] {
            assert!(!structurally_valid(&format!("{gap}215000001")), "{gap}");
        }
    }
}
