//! Places: the province recognised against the 63 former and 34 current provinces and
//! written in its official full name; administrative prefixes written in full; all-caps or
//! all-lower names capitalised per syllable. Unknown provinces are flagged, never guessed.

mod admin_prefix;
mod casing;
mod province_name;
mod province_unknown;

pub use admin_prefix::PLACE_ADMIN_PREFIX;
pub use casing::PLACE_CASING;
pub use province_name::PLACE_PROVINCE_NAME;
pub use province_unknown::PLACE_PROVINCE_UNKNOWN;

use super::Outcome;
use crate::reference::province::{provinces_2024, provinces_2025};
use crate::report::Rule;
use crate::workbook::header::fold;
use crate::workbook::table::Cell;

pub static RULES: &[&Rule] = &[
    &PLACE_PROVINCE_NAME,
    &PLACE_PROVINCE_UNKNOWN,
    &PLACE_ADMIN_PREFIX,
    &PLACE_CASING,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Province,
    District,
    Commune,
    Village,
}

/// Abbreviations and the words they stand for, longest first.
const PREFIXES: &[(&str, &str)] = &[
    ("TP.", "Thành phố"),
    ("Tp.", "Thành phố"),
    ("TX.", "Thị xã"),
    ("Tx.", "Thị xã"),
    ("TT.", "Thị trấn"),
    ("Tt.", "Thị trấn"),
    ("H.", "Huyện"),
    ("Q.", "Quận"),
    ("X.", "Xã"),
    ("P.", "Phường"),
];

pub fn clean(cell: &Cell, level: Level) -> Outcome {
    let mut out = Outcome::default();
    let Cell::Text(value) = cell else { return out };
    if value.trim().is_empty() {
        return out;
    }
    if level == Level::Province {
        match province_full_name(value) {
            // "Tỉnh Hòa Bình" is the official "Tỉnh Hoà Bình" with the other tone placement:
            // tone style is an option of its own, not this rule's business.
            Some(name) if same_but_tone_placement(name, value) => {}
            Some(name) => out.set(Cell::text(name.to_string()), &PLACE_PROVINCE_NAME),
            None => out.flag(&PLACE_PROVINCE_UNKNOWN),
        }
        return out;
    }
    let mut text = value.clone();
    if level != Level::Village {
        if let Some((abbr, full)) = PREFIXES.iter().find(|(abbr, _)| text.starts_with(abbr)) {
            text = format!("{full} {}", text[abbr.len()..].trim_start()).into();
            out.set(Cell::Text(text.clone()), &PLACE_ADMIN_PREFIX);
        }
    }
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    let all_lower = !letters.is_empty() && letters.iter().all(|c| c.is_lowercase());
    if all_upper || all_lower {
        out.set(Cell::text(title_case(&text)), &PLACE_CASING);
    }
    out
}

/// Equal letter for letter, except where a syllable's tone mark sits.
fn same_but_tone_placement(a: &str, b: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let key = |s: &str| -> Vec<(String, Vec<char>)> {
        s.split_whitespace()
            .map(|w| {
                let d: Vec<char> = w.nfd().collect();
                let mut tones: Vec<char> =
                    d.iter().copied().filter(|c| TONES.contains(c)).collect();
                tones.sort_unstable();
                (
                    d.into_iter().filter(|c| !TONES.contains(c)).collect(),
                    tones,
                )
            })
            .collect()
    };
    a == b || key(a) == key(b)
}

/// Each syllable capitalised; the rest lower case.
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            start = false;
        } else {
            out.extend(c.to_lowercase());
        }
        if c.is_whitespace() || c == '-' {
            start = true;
        }
    }
    out
}

/// The official full name of the province a value names, in the list it belongs to
/// (a name of the 34 current provinces wins over the same name in the 63).
pub fn province_full_name(value: &str) -> Option<&'static str> {
    let wanted = bare(value);
    if wanted.is_empty() {
        return None;
    }
    let aliases: &[(&str, &str)] = &[
        ("hcm", "ho chi minh"),
        ("tphcm", "ho chi minh"),
        ("sai gon", "ho chi minh"),
        ("hn", "ha noi"),
    ];
    let wanted = aliases
        .iter()
        .find(|(a, _)| *a == wanted)
        .map(|(_, b)| b.to_string())
        .unwrap_or(wanted);
    static INDEX: std::sync::OnceLock<std::collections::HashMap<String, &'static str>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = std::collections::HashMap::new();
        // The 34 current names first: they win over the same name among the 63.
        for p in provinces_2025().iter().chain(provinces_2024()) {
            index
                .entry(bare(&p.full_name))
                .or_insert(p.full_name.as_str());
        }
        index
    });
    index.get(&wanted).copied()
}

/// Folded name without its administrative word: "TP. Hồ Chí Minh" → "ho chi minh".
fn bare(s: &str) -> String {
    let f = fold(s);
    let f = f
        .strip_prefix("tinh ")
        .or_else(|| f.strip_prefix("thanh pho "))
        .or_else(|| f.strip_prefix("tp "))
        .unwrap_or(&f);
    // "Thừa Thiên Huế" is the same unit 46 as "Huế" (a city since 2025).
    if f == "thua thien hue" {
        "hue".to_string()
    } else {
        f.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(v: &str, level: Level) -> (String, Vec<&'static str>) {
        let cell = Cell::text(v);
        let out = clean(&cell, level);
        (
            out.current(&cell).display(),
            out.rules.iter().map(|(r, _)| r.code).collect(),
        )
    }

    #[test]
    fn provinces_and_prefixes() {
        assert_eq!(
            run("Tỉnh Hà Giang", Level::Province),
            ("Tỉnh Hà Giang".into(), vec![])
        );
        assert_eq!(run("hà giang", Level::Province).0, "Tỉnh Hà Giang");
        assert_eq!(run("TP.HCM", Level::Province).0, "Thành phố Hồ Chí Minh");
        assert_eq!(
            run("TP. Hồ Chí Minh", Level::Province).0,
            "Thành phố Hồ Chí Minh"
        );
        assert_eq!(
            run("Khánh Hoà", Level::Province).0,
            "Tỉnh Khánh Hòa",
            "tone placement does not matter"
        );
        assert_eq!(
            run("Tỉnh Hòa Bình", Level::Province),
            ("Tỉnh Hòa Bình".into(), vec![]),
            "kept as written"
        );
        assert_eq!(run("Thừa Thiên Huế", Level::Province).0, "Thành phố Huế");
        assert_eq!(
            run("Hà Tây", Level::Province).1,
            vec!["place.province_unknown"]
        );
        assert_eq!(run("X. Tân Lập", Level::Commune).0, "Xã Tân Lập");
        assert_eq!(run("THÔN ĐÔNG", Level::Village).0, "Thôn Đông");
        assert_eq!(run("Thôn 1", Level::Village), ("Thôn 1".into(), vec![]));
    }
}
