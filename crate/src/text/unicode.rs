//! Unicode hygiene: NFC, deprecated tone marks, look-alike letters (Icelandic/African D,
//! Cyrillic and Greek letters inside Latin words), invisible characters, spacing, curly
//! apostrophes and dashes (domain README §5.1, §5.3).
//!
//! Everything here runs after the encoding of the cell has been decided: U+00AD is TCVN3 "ư"
//! and "Ð" is TCVN3 "é", so they are only treated as Unicode once the cell is known to be Unicode.

use std::borrow::Cow;

use unicode_normalization::{is_nfc, is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::syllable;

/// What [`clean`] changed or found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Fixes {
    pub nfc: bool,
    /// The NFC fix composed Windows-1258-style sequences (precomposed vowel + combining tone).
    pub cp1258: bool,
    pub deprecated: bool,
    pub lookalike: bool,
    pub invisible: bool,
    pub spacing: bool,
    pub punctuation: bool,
    /// Letters of more than one script remain (warning, nothing changed for it).
    pub mixed_script: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Keep,
    Invisible,
    Space,
    Apostrophe,
    Dash,
    Deprecated(char),
    Eth(char),
}

fn kind(c: char) -> Kind {
    match c {
        ' ' => Kind::Keep,
        '\t'
        | '\n'
        | '\u{B}'
        | '\u{C}'
        | '\r'
        | '\u{85}'
        | '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Kind::Space,
        '\u{0}'..='\u{1F}'
        | '\u{7F}'..='\u{9F}'
        | '\u{AD}'
        | '\u{34F}'
        | '\u{61C}'
        | '\u{115F}'
        | '\u{1160}'
        | '\u{17B4}'
        | '\u{17B5}'
        | '\u{180B}'..='\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{3164}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}'
        | '\u{FFA0}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}' => Kind::Invisible,
        '\u{2019}' | '\u{2018}' | '\u{201B}' | '\u{2BC}' | '\u{2B9}' | '\u{2BB}' | '`'
        | '\u{B4}' | '\u{2032}' | '\u{FF07}' => Kind::Apostrophe,
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Kind::Dash,
        '\u{340}' => Kind::Deprecated('\u{300}'),
        '\u{341}' => Kind::Deprecated('\u{301}'),
        '\u{D0}' | '\u{189}' => Kind::Eth('Đ'),
        '\u{F0}' | '\u{256}' => Kind::Eth('đ'),
        _ => Kind::Keep,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Other,
}

fn script(c: char) -> Option<Script> {
    let u = c as u32;
    let sc = match u {
        0x41..=0x5A | 0x61..=0x7A => return Some(Script::Latin),
        0..=0x7F => return None,
        // All of Latin-1 (with "µ"): those characters are legacy bytes before they are anything.
        0x80..=0x24F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF => Script::Latin,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        _ => Script::Other,
    };
    // Vietnamese letters are known without Unicode's (slow) alphabetic table.
    if syllable::letter(c).is_some() || c.is_alphabetic() {
        Some(sc)
    } else {
        None
    }
}

/// A letter of the Latin script (the only one whose case name casing touches).
pub(crate) fn is_latin_letter(c: char) -> bool {
    script(c) == Some(Script::Latin)
}

/// Cyrillic and Greek letters that look like Latin ones (copy-paste from other keyboard layouts).
fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'Е' | 'Ε' => 'E',
        'Ζ' => 'Z',
        'Н' | 'Η' => 'H',
        'І' | 'Ι' | 'Ӏ' => 'I',
        'Ј' => 'J',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Ν' => 'N',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'Ԛ' => 'Q',
        'Ѕ' => 'S',
        'С' => 'C',
        'Т' | 'Τ' => 'T',
        'У' | 'Ү' | 'Υ' => 'Y',
        'Ԝ' => 'W',
        'Х' | 'Χ' => 'X',
        'а' | 'α' => 'a',
        'с' => 'c',
        'ԁ' => 'd',
        'е' => 'e',
        'һ' => 'h',
        'і' | 'ι' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'ӏ' => 'l',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'υ' => 'u',
        'ν' => 'v',
        'ԝ' => 'w',
        'х' => 'x',
        'у' | 'ү' => 'y',
        _ => return None,
    })
}

/// First pass, before the encoding of the cell is decided: removes the invisible characters and
/// turns the space characters that no legacy byte can stand for (U+200B, U+FEFF, U+3000 ...)
/// into plain spaces, so that a TCVN3 cell with a zero-width space is still recognised; replaces
/// the deprecated tone marks U+0340/U+0341; and repairs African Ɖ ɖ and Cyrillic and Greek
/// look-alikes, which no legacy byte can be either. Characters that
/// are bytes (U+00AD, NBSP, C1 controls, "Ð") stay for the encoding decision.
pub(crate) fn pre_clean<'a>(s: &'a str, fixes: &mut Fixes) -> Cow<'a, str> {
    let affected = |c: char| {
        (c as u32) > 0xFF
            && matches!(
                kind(c),
                Kind::Invisible | Kind::Space | Kind::Deprecated(_) | Kind::Eth(_)
            )
    };
    let stripped = if s.chars().any(affected) {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match kind(c) {
                Kind::Invisible if (c as u32) > 0xFF => fixes.invisible = true,
                Kind::Space if (c as u32) > 0xFF => {
                    fixes.spacing = true;
                    out.push(' ');
                }
                Kind::Deprecated(m) => {
                    fixes.deprecated = true;
                    out.push(m);
                }
                // Ɖ ɖ (not Ð ð, which are bytes: TCVN3 "é", cp1258 "Đ").
                Kind::Eth(d) if (c as u32) > 0xFF => {
                    fixes.lookalike = true;
                    out.push(d);
                }
                _ => out.push(c),
            }
        }
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    };
    if stripped.is_ascii()
        || !stripped.chars().any(|c| {
            !c.is_ascii()
                && matches!(
                    script(c),
                    Some(Script::Cyrillic | Script::Greek | Script::Other)
                )
        })
    {
        return stripped;
    }
    match repair_scripts(&stripped, fixes) {
        Some(r) => Cow::Owned(r),
        None => stripped,
    }
}

/// Precomposed vowels + combining tone marks, as Windows-1258 text decoded without
/// composition looks ("Nguyê" + U+0303 + "n"), rather than NFD ("Nguye" + U+0302 U+0303 "n"):
/// only tone marks are combining, every letter is one cp1258 has, and some tone follows a
/// shaped vowel or some letter is precomposed. ("Thi" + U+0323 alone could be either; it is
/// called NFD.)
pub(crate) fn is_cp1258_combining(s: &str) -> bool {
    if is_nfc_fast(s) {
        return false;
    }
    let mut prev: Option<char> = None;
    let mut shaped_base = false;
    let mut precomposed = false;
    let mut tones = 0;
    for c in s.chars() {
        let u = c as u32;
        if syllable::TONE_MARKS.contains(&c) {
            let Some(p) = prev else { return false };
            if let Some(l) = syllable::letter(p) {
                shaped_base |= syllable::is_shaped(l.code);
            }
            tones += 1;
        } else if (0x300..=0x36F).contains(&u)
            || (u > 0xFF && !matches!(c, 'Ă' | 'ă' | 'Đ' | 'đ' | 'Ơ' | 'ơ' | 'Ư' | 'ư'))
        {
            // Another combining mark, or a letter cp1258 does not have.
            return false;
        } else if u > 0x7F && std::iter::once(c).nfd().nth(1).is_some() {
            // A precomposed letter NFD would have split ("ê"): not NFD text.
            precomposed = true;
        }
        prev = Some(c);
    }
    tones > 0 && (shaped_base || precomposed)
}

/// NFC without looking anything up: every character below U+0300 and the precomposed
/// Vietnamese letters U+1EA0..U+1EF9 are NFC whatever follows them, unless a combining mark
/// follows (and those are all at U+0300 and above).
pub(crate) fn surely_nfc(s: &str) -> bool {
    s.chars()
        .all(|c| (c as u32) < 0x300 || (0x1EA0..=0x1EF9).contains(&(c as u32)))
}

fn is_nfc_fast(s: &str) -> bool {
    surely_nfc(s) || is_nfc_quick(s.chars()) == IsNormalized::Yes
}

fn needs_work(s: &str) -> bool {
    let mut prev_space = true;
    for c in s.chars() {
        if c == ' ' {
            if prev_space {
                return true;
            }
            prev_space = true;
            continue;
        }
        prev_space = false;
        if kind(c) != Kind::Keep {
            return true;
        }
    }
    prev_space && !s.is_empty() || !is_nfc_fast(s)
}

/// Cleans a cell already known to be Unicode. Returns the input borrowed when nothing changes.
pub(crate) fn clean<'a>(s: &'a str, fixes: &mut Fixes) -> Cow<'a, str> {
    if !needs_work(s) {
        return Cow::Borrowed(s);
    }
    // 1. NFC first: a few characters normalise to ones mapped below (U+1FFD "´" -> U+00B4).
    let nfc_first: Cow<str> = if is_nfc(s) {
        Cow::Borrowed(s)
    } else {
        fixes.nfc = true;
        fixes.cp1258 |= is_cp1258_combining(s);
        Cow::Owned(s.nfc().collect())
    };
    // 2. Character by character.
    let mut mapped = String::with_capacity(s.len());
    for c in nfc_first.chars() {
        match kind(c) {
            Kind::Keep => mapped.push(c),
            Kind::Invisible => fixes.invisible = true,
            Kind::Space => {
                fixes.spacing = true;
                mapped.push(' ');
            }
            Kind::Apostrophe => {
                fixes.punctuation = true;
                mapped.push('\'');
            }
            Kind::Dash => {
                fixes.punctuation = true;
                mapped.push('-');
            }
            Kind::Deprecated(m) => {
                fixes.deprecated = true;
                mapped.push(m);
            }
            Kind::Eth(d) => {
                fixes.lookalike = true;
                mapped.push(d);
            }
        }
    }
    // 3. Spaces: one between words, none at the ends.
    let mut spaced = String::with_capacity(mapped.len());
    for w in mapped.split(' ').filter(|w| !w.is_empty()) {
        if !spaced.is_empty() {
            spaced.push(' ');
        }
        spaced.push_str(w);
    }
    if spaced.len() != mapped.len() {
        fixes.spacing = true;
    }
    // 4. NFC again where a removed character stood between a letter and its mark.
    if !is_nfc(&spaced) {
        fixes.nfc = true;
        spaced = spaced.nfc().collect();
    }
    Cow::Owned(spaced)
}

/// Maps Cyrillic/Greek look-alikes to Latin in words of a cell that is written in Latin letters.
/// Leaves a word alone when one of its foreign letters has no Latin twin, and then reports mixed
/// scripts. None when nothing was changed.
fn repair_scripts(s: &str, fixes: &mut Fixes) -> Option<String> {
    let has = |sc: Script| s.chars().any(|c| script(c) == Some(sc));
    let latin = has(Script::Latin);
    let foreign = has(Script::Cyrillic) || has(Script::Greek) || has(Script::Other);
    if !foreign {
        return None;
    }
    if !latin {
        // A cell entirely in another script is not a look-alike problem.
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut changed = false;
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let needs = w
            .chars()
            .any(|c| matches!(script(c), Some(Script::Cyrillic | Script::Greek)));
        if !needs {
            out.push_str(w);
            continue;
        }
        let twin = |c: char| {
            let single = |it: &mut dyn Iterator<Item = char>| match (it.next(), it.next()) {
                (Some(k), None) => Some(k),
                _ => None,
            };
            // Through NFC (U+1FBE prosgegrammeni is an iota once normalised), and through the other
            // case, so that name casing can never turn an unrepaired letter into a repairable one.
            let k = single(&mut std::iter::once(c).nfc()).unwrap_or(c);
            latin_lookalike(k)
                .or_else(|| {
                    single(&mut k.to_lowercase())
                        .and_then(latin_lookalike)
                        .map(|l| l.to_ascii_uppercase())
                })
                .or_else(|| {
                    single(&mut k.to_uppercase())
                        .and_then(latin_lookalike)
                        .map(|l| l.to_ascii_lowercase())
                })
        };
        let repaired: Option<String> = w
            .chars()
            .map(|c| {
                if matches!(script(c), Some(Script::Cyrillic | Script::Greek)) {
                    twin(c)
                } else {
                    Some(c)
                }
            })
            .collect();
        match repaired {
            Some(r) => {
                changed = true;
                out.push_str(&r);
            }
            None => out.push_str(w),
        }
    }
    let result = if changed { Some(out) } else { None };
    let after = result.as_deref().unwrap_or(s);
    let scripts_left = [
        Script::Latin,
        Script::Cyrillic,
        Script::Greek,
        Script::Other,
    ]
    .iter()
    .filter(|&&sc| after.chars().any(|c| script(c) == Some(sc)))
    .count();
    fixes.mixed_script |= scripts_left > 1;
    fixes.lookalike |= changed;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> (String, Fixes) {
        let mut f = Fixes::default();
        let pre = pre_clean(s, &mut f).into_owned();
        let out = clean(&pre, &mut f).into_owned();
        (out, f)
    }

    #[test]
    fn clean_text_is_borrowed() {
        let mut f = Fixes::default();
        assert!(matches!(clean("Nguyễn Thị Hồng", &mut f), Cow::Borrowed(_)));
        assert!(matches!(clean("H'Hen Niê", &mut f), Cow::Borrowed(_)));
        assert_eq!(f, Fixes::default());
    }

    #[test]
    fn spacing_and_invisibles() {
        let (s, f) = run("\u{FEFF} Nguyễn\u{A0}\u{A0}Thị\tHồng\u{200B} ");
        assert_eq!(s, "Nguyễn Thị Hồng");
        assert!(f.spacing && f.invisible && !f.nfc);
    }

    #[test]
    fn nfd_and_cp1258() {
        let nfd: String = "Nguyễn Thị Hồng".nfd().collect();
        let (s, f) = run(&nfd);
        assert_eq!(s, "Nguyễn Thị Hồng");
        assert!(f.nfc && !f.cp1258);
        let (s, f) = run("Nguyê\u{303}n");
        assert_eq!(s, "Nguyễn");
        assert!(f.nfc && f.cp1258);
        let (s, f) = run("Le\u{341}");
        assert_eq!(s, "Lé");
        assert!(f.deprecated);
    }

    #[test]
    fn lookalikes() {
        let (s, f) = run("Ðinh Văn Ɖức");
        assert_eq!(s, "Đinh Văn Đức");
        assert!(f.lookalike);
        let (s, f) = run("Nguyễn Thị Hоа"); // Cyrillic о, а
        assert_eq!(s, "Nguyễn Thị Hoa");
        assert!(f.lookalike && !f.mixed_script);
        let (s, f) = run("Nguyе\u{302}\u{303}n"); // Cyrillic е + combining marks
        assert_eq!(s, "Nguyễn");
        assert!(f.lookalike);
        let (_, f) = run("Nguyễn Бao");
        assert!(f.mixed_script);
        let (s, f) = run("Иван");
        assert_eq!(s, "Иван");
        assert!(!f.mixed_script && !f.lookalike);
    }

    #[test]
    fn punctuation() {
        let (s, f) = run("H’Hen Niê – Y‐Nơ");
        assert_eq!(s, "H'Hen Niê - Y-Nơ");
        assert!(f.punctuation);
    }

    #[test]
    fn non_byte_invisibles_and_lookalikes_go_first() {
        let mut f = Fixes::default();
        assert_eq!(
            pre_clean("Tr\u{AD}êng\u{200B}\u{3000}A", &mut f),
            "Tr\u{AD}êng A"
        );
        assert!(f.invisible && f.spacing);
    }
}
