//! Capitalisation of personal names (Decree 30/2020/NĐ-CP: every syllable of a name starts with
//! a capital): "NGUYỄN thị hồng" -> "Nguyễn Thị Hồng". Minority forms keep their shape: a capital
//! after a space or hyphen ("Y-Nơ"); after an apostrophe the letter is kept as written ("H'Hen",
//! "K'ho") unless the whole name was in one case, in which case it is capitalised too.

use std::borrow::Cow;

#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    /// Start of the text, a space or a hyphen: a syllable starts.
    Boundary,
    Apostrophe,
    Letter,
    /// Digits and other symbols: leave the next letter as written.
    Other,
}

/// (upper, lower): Vietnamese letters know their case without Unicode's tables.
fn case_of(c: char) -> (bool, bool) {
    match super::syllable::letter(c) {
        Some(l) => (l.upper, !l.upper),
        None if c.is_ascii() => (false, false),
        None => (c.is_uppercase(), c.is_lowercase()),
    }
}

fn one_case(s: &str) -> bool {
    !(s.chars().any(|c| case_of(c).0) && s.chars().any(|c| case_of(c).1))
}

/// Whether each syllable already starts with a capital and goes on in small letters, with only
/// letters, spaces and hyphens: then [`case_pass`] changes nothing. Most names of a province
/// are written so, and this asks each letter one question instead of several.
fn plainly_cased(s: &str) -> bool {
    let mut boundary = true;
    for c in s.chars() {
        if c == ' ' || c == '-' {
            boundary = true;
            continue;
        }
        match super::syllable::letter(c) {
            Some(l) if l.upper == boundary => boundary = false,
            _ => return false,
        }
    }
    true
}

/// The name with each syllable capitalised. Borrowed when already so.
pub(crate) fn name_case(s: &str) -> Cow<'_, str> {
    if plainly_cased(s) {
        return Cow::Borrowed(s);
    }
    let first = case_pass(s, one_case(s));
    // Keeping a letter after an apostrophe as written can leave a name all in one case ("§ò'a"
    // -> "§ò'a"); such a name is then treated as one written in one case, so that cleaning the
    // result again changes nothing.
    match first {
        Cow::Owned(o) if one_case(&o) => Cow::Owned(case_pass(&o, true).into_owned()),
        Cow::Borrowed(_) if one_case(s) => first,
        other => other,
    }
}

fn case_pass(s: &str, one_case: bool) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut after = After::Boundary;
    for (i, c) in s.char_indices() {
        // Latin letters only: "µ" would become a Greek "Μ", a different letter to the eye.
        let want_upper = if super::unicode::is_latin_letter(c) {
            match after {
                After::Boundary => Some(true),
                After::Apostrophe => one_case.then_some(true),
                After::Letter => Some(false),
                After::Other => None,
            }
        } else {
            None
        };
        after = match c {
            _ if super::syllable::letter(c).is_some() || c.is_alphabetic() => After::Letter,
            _ if c.is_whitespace() || c == '-' => After::Boundary,
            // An apostrophe inside a word ("H'Hen"); one that opens a word starts a syllable.
            '\'' if after == After::Letter => After::Apostrophe,
            '\'' if after == After::Boundary => After::Boundary,
            _ if unicode_normalization::char::is_combining_mark(c) => after,
            _ => After::Other,
        };
        // Only one-to-one mappings: "ᾀ" -> "ἈΙ" would change the letters, not their case.
        let single = |mut m: std::iter::Peekable<std::char::ToUppercase>| {
            m.next().is_some() && m.peek().is_none()
        };
        let changes = match want_upper {
            Some(true) => case_of(c).1 && single(c.to_uppercase().peekable()),
            Some(false) => case_of(c).0 && c.to_lowercase().count() == 1,
            None => false,
        };
        if !changes {
            if let Some(o) = out.as_mut() {
                o.push(c);
            }
            continue;
        }
        let o = out.get_or_insert_with(|| {
            let mut o = String::with_capacity(s.len() + 4);
            o.push_str(s.get(..i).unwrap_or(""));
            o
        });
        if want_upper == Some(true) {
            o.extend(c.to_uppercase());
        } else {
            o.extend(c.to_lowercase());
        }
    }
    match out {
        Some(o) => Cow::Owned(o),
        None => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A name the quick check passes is one that capitalising leaves as it is.
        #[test]
        fn plainly_cased_names_are_left_as_they_are(
            words in proptest::collection::vec((0usize..1000, 0usize..4), 0..5),
        ) {
            const SYLLABLES: &[&str] = &[
                "Nguyễn", "nguyễn", "NGUYỄN", "Thị", "Đức", "đức", "Ưng", "Y", "y", "Nơ",
                "H'Hen", "Ksor", "KSor", "An", "a", "Ộ", "Ỹ", "1", "Văn2", "Lý", "lÝ", "Ê", "É",
            ];
            const JOINS: &[&str] = &[" ", "-", "  ", "'"];
            let mut name = String::new();
            for (i, &(w, j)) in words.iter().enumerate() {
                if i > 0 {
                    name.push_str(JOINS[j % JOINS.len()]);
                }
                name.push_str(SYLLABLES[w % SYLLABLES.len()]);
            }
            if plainly_cased(&name) {
                let cased = name_case(&name);
                proptest::prop_assert_eq!(&cased, &name);
                let first = case_pass(&name, one_case(&name));
                proptest::prop_assert!(matches!(first, Cow::Borrowed(_)), "{:?}", name);
            }
        }
    }

    #[test]
    fn capitalises_syllables() {
        assert_eq!(name_case("NGUYỄN thị hồng"), "Nguyễn Thị Hồng");
        assert_eq!(name_case("nguyễn văn đức"), "Nguyễn Văn Đức");
        assert_eq!(name_case("ĐẶNG THỊ ƯNG"), "Đặng Thị Ưng");
        assert_eq!(name_case("H'HEN NIÊ"), "H'Hen Niê");
        assert_eq!(name_case("h'hen niê"), "H'Hen Niê");
        assert_eq!(name_case("H'hen niê"), "H'hen Niê");
        assert_eq!(name_case("y-nơ ksor"), "Y-Nơ Ksor");
        assert_eq!(name_case("K'Ho"), "K'Ho");
        assert!(matches!(name_case("Nguyễn Thị Hồng"), Cow::Borrowed(_)));
        assert!(matches!(name_case("H'Hen Niê"), Cow::Borrowed(_)));
        assert_eq!(name_case(""), "");
        assert_eq!(name_case("'öĐ"), "'Öđ");
    }
}
