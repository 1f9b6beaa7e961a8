//! Phone numbers: one 10-digit form, old 11-digit mobile prefixes converted (§8.1), lost
//! leading zeros restored, invalid numbers flagged (§8.2, libphonenumber's VN patterns).

mod invalid;
mod normalized;
mod numeric_cell;
mod old_prefix;

pub use invalid::PHONE_INVALID;
pub use normalized::PHONE_NORMALIZED;
pub use numeric_cell::PHONE_NUMERIC_CELL;
pub use old_prefix::PHONE_OLD_PREFIX;

use super::Outcome;
use crate::reference::phone::old_prefixes;
use crate::report::Rule;
use crate::workbook::table::{format_number, Cell};

pub static RULES: &[&Rule] = &[
    &PHONE_NUMERIC_CELL,
    &PHONE_NORMALIZED,
    &PHONE_OLD_PREFIX,
    &PHONE_INVALID,
];

pub fn clean(cell: &Cell) -> Outcome {
    let mut out = Outcome::default();
    let text = match cell {
        Cell::Empty => return out,
        Cell::Number(n) => {
            let t = format_number(*n);
            out.set(Cell::text(t.clone()), &PHONE_NUMERIC_CELL);
            t
        }
        Cell::Text(s) if s.trim().is_empty() => return out,
        Cell::Text(s) => s.as_str().to_owned(),
        _ => {
            out.flag(&PHONE_INVALID);
            return out;
        }
    };
    let Some(national) = national_digits(&text) else {
        out.flag(&PHONE_INVALID);
        return out;
    };
    let mut number = national;
    if number.len() == 11 {
        if let Some((old, new)) = old_prefixes()
            .iter()
            .find(|(old, _)| number.starts_with(old.as_str()))
        {
            number = format!("{new}{}", &number[old.len()..]);
            out.set(Cell::text(number.clone()), &PHONE_OLD_PREFIX);
        }
    }
    if number != text
        && !out
            .rules
            .iter()
            .any(|(r, _)| r.code == PHONE_OLD_PREFIX.code)
    {
        out.set(Cell::text(number.clone()), &PHONE_NORMALIZED);
    }
    if !is_valid(&number) {
        out.flag(&PHONE_INVALID);
    }
    out
}

/// Digits in national form (leading 0): separators removed, +84/84 replaced, a lost 0
/// restored. `None` when the text holds anything else.
fn national_digits(text: &str) -> Option<String> {
    let t = text.trim();
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')' | '+' | '\u{00A0}'))
    {
        return None;
    }
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let national = if t.starts_with('+') || (digits.starts_with("84") && digits.len() >= 11) {
        format!("0{}", digits.strip_prefix("84")?)
    } else if !digits.starts_with('0') && (digits.len() == 9 || digits.len() == 10) {
        format!("0{digits}")
    } else {
        digits
    };
    Some(national)
}

/// libphonenumber's Vietnamese mobile pattern (9 digits after the 0), or a landline
/// (10 digits after the 0, starting with 2).
fn is_valid(number: &str) -> bool {
    let Some(n) = number.strip_prefix('0') else {
        return false;
    };
    if !n.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let b = n.as_bytes();
    let d = |i: usize| b.get(i).map(|c| c - b'0').unwrap_or(255);
    match n.len() {
        9 => {
            let special = (d(0) == 5
                && ((d(1) == 2 && matches!(d(2), 2 | 3 | 8)) || (d(1) == 5 && d(2) == 9)))
                || (d(0) == 8 && d(1) == 9 && (6..=9).contains(&d(2)))
                || (d(0) == 9 && d(1) == 9 && matches!(d(2), 0 | 1 | 3..=9));
            let common = (d(0) == 3)
                || (d(0) == 5 && matches!(d(1), 1 | 6 | 8 | 9))
                || (d(0) == 7 && matches!(d(1), 0 | 6..=9))
                || (d(0) == 8 && (1..=8).contains(&d(1)))
                || (d(0) == 9 && d(1) <= 8);
            special || common
        }
        10 => d(0) == 2,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(cell: Cell) -> (String, Vec<&'static str>) {
        let out = clean(&cell);
        (
            out.current(&cell).display(),
            out.rules.iter().map(|(r, _)| r.code).collect(),
        )
    }

    #[test]
    fn phone_forms() {
        let t = |s: &str| Cell::text(s);
        assert_eq!(run(t("0912345678")), ("0912345678".into(), vec![]));
        assert_eq!(
            run(t("+84 912.345.678")),
            ("0912345678".into(), vec!["phone.normalized"])
        );
        assert_eq!(
            run(Cell::Number(912345678.0)),
            (
                "0912345678".into(),
                vec!["phone.numeric_cell", "phone.normalized"]
            )
        );
        assert_eq!(
            run(t("01695678945")),
            ("0395678945".into(), vec!["phone.old_prefix"])
        );
        assert_eq!(
            run(t("0243 8123 456")).1,
            vec!["phone.normalized"],
            "a Hà Nội landline"
        );
        assert_eq!(run(t("091234567")).1, vec!["phone.invalid"]);
        assert_eq!(run(t("không có")).1, vec!["phone.invalid"]);
    }
}
