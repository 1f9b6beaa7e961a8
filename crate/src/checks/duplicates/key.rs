//! Comparison keys for names and places.
//!
//! Two spellings of one name must give one key whatever the case, the spacing, the Unicode form
//! (NFC, NFD, marks in a non-canonical order) or the tone-mark placement ("hoà"/"hòa",
//! "thuỷ"/"thủy"). A Vietnamese syllable carries one tone; where the mark sits is a convention
//! of spelling, not part of the name. So each word is decomposed (NFD), its tone mark taken out
//! and written once after the word's letters: "Hoà", "hòa", "HO\u{300}A" all become
//! `hoa\u{300}`. The vowel-shape marks (ă â ê ô ơ ư) stay on their letters, because they are
//! letters: "Hà" (`ha\u{300}`) and "Hạ" (`ha\u{323}`) keep different keys.
//!
//! The folded key drops every mark and writes đ as d ("Hạ" → `ha`, "Đức" → `duc`). Names that
//! are equal only when folded are candidates, never the same name.

use unicode_normalization::char::decompose_canonical;

/// The five Vietnamese tone marks as combining characters (after NFD, which also maps the
/// deprecated U+0340/U+0341 to U+0300/U+0301).
fn is_tone(c: char) -> bool {
    matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// A name or place as two keys of space-separated words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Key {
    /// Lower case, marks kept, each word's tone mark moved after its letters.
    pub toned: String,
    /// Lower case, no marks at all, đ → d.
    pub folded: String,
    /// Number of words (the same in both keys).
    pub words: usize,
    /// Where the family name ends and the given name starts in `toned` and in `folded`,
    /// found as the keys are made: a province's duplicate search splits names millions of
    /// times.
    toned_at: Bounds,
    folded_at: Bounds,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Bounds {
    family_end: usize,
    given_start: usize,
}

impl Bounds {
    /// `key` split as [`parts`] splits it, for a key of `words` words.
    fn parts(self, key: &str, words: usize) -> NameParts<'_> {
        let whole = NameParts {
            family: key,
            middle: "",
            given: key,
        };
        if words < 2 {
            return whole;
        }
        let family = key.get(..self.family_end);
        let given = key.get(self.given_start..);
        let middle = if words > 2 {
            key.get(self.family_end + 1..self.given_start - 1)
        } else {
            Some("")
        };
        match (family, middle, given) {
            (Some(family), Some(middle), Some(given)) => NameParts {
                family,
                middle,
                given,
            },
            _ => parts(key),
        }
    }
}

impl Key {
    pub fn new(text: &str) -> Key {
        let mut key = Key {
            toned: String::with_capacity(text.len() + 4),
            folded: String::with_capacity(text.len()),
            ..Key::default()
        };
        // Tone marks of the word being read; a well-formed word has one, a damaged one may
        // have more, and they are kept in order so that two damaged spellings still compare.
        let mut tones = String::new();
        let mut in_word = false;
        for c in text.chars() {
            if c.is_ascii() {
                key.push(c, &mut tones, &mut in_word);
            } else {
                // Decomposing letter by letter, without NFD's reordering of marks: a
                // Vietnamese letter has at most one shape mark and one tone, and the tone is
                // taken out below whatever its order, so the key is the same as under NFD.
                decompose_canonical(c, |d| key.push(d, &mut tones, &mut in_word));
            }
        }
        if in_word {
            key.end_word(&mut tones);
        }
        key
    }

    /// [`Key::new`], taking the keys of `text`'s words from `words` (and adding those it
    /// lacks): a province's 340,000 names are made of a few thousand words, and looking a
    /// word up costs less than decomposing it letter by letter.
    ///
    /// The same key as [`Key::new`]: a space ends a word and leaves nothing pending, so the
    /// text between two spaces gives the same words on its own as within the text.
    pub fn with_words<'t>(text: &'t str, words: &mut WordKeys<'t>) -> Key {
        let mut key = Key {
            toned: String::with_capacity(text.len() + 4),
            folded: String::with_capacity(text.len()),
            ..Key::default()
        };
        for piece in text.split(' ').filter(|p| !p.is_empty()) {
            let of_piece = words.0.entry(piece).or_insert_with(|| Key::new(piece));
            if of_piece.is_empty() {
                continue;
            }
            for (toned, folded) in of_piece.toned.split(' ').zip(of_piece.folded.split(' ')) {
                key.start_word();
                key.toned.push_str(toned);
                key.folded.push_str(folded);
            }
        }
        key
    }

    /// Adds one decomposed character.
    fn push(&mut self, c: char, tones: &mut String, in_word: &mut bool) {
        if c.is_whitespace() || matches!(c, '-' | '_' | ',' | ';' | '/' | '(' | ')' | '.') {
            if *in_word {
                self.end_word(tones);
                *in_word = false;
            }
        } else if is_tone(c) {
            if *in_word {
                tones.push(c);
            }
        } else if is_combining(c) {
            if *in_word {
                self.toned.push(c);
            }
        } else if c.is_alphanumeric() {
            if !*in_word {
                self.start_word();
                *in_word = true;
            }
            if c.is_ascii() {
                let lower = c.to_ascii_lowercase();
                self.toned.push(lower);
                self.folded.push(lower);
            } else {
                for lower in c.to_lowercase() {
                    self.toned.push(lower);
                    self.folded.push(if lower == 'đ' { 'd' } else { lower });
                }
            }
        }
        // Anything else is dropped without ending the word: apostrophes ("H'Hen" and
        // "H’Hen" compare equal), quotes, symbols, zero-width characters ("Hồ\u{200b}ng").
    }

    fn start_word(&mut self) {
        if self.words == 1 {
            self.toned_at.family_end = self.toned.len();
            self.folded_at.family_end = self.folded.len();
        }
        if self.words > 0 {
            self.toned.push(' ');
            self.folded.push(' ');
        }
        self.toned_at.given_start = self.toned.len();
        self.folded_at.given_start = self.folded.len();
        self.words += 1;
    }

    fn end_word(&mut self, tones: &mut String) {
        self.toned.push_str(tones);
        tones.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.words == 0
    }

    /// [`parts`] of `toned`.
    pub fn toned_parts(&self) -> NameParts<'_> {
        self.toned_at.parts(&self.toned, self.words)
    }

    /// [`parts`] of `folded`.
    pub fn folded_parts(&self) -> NameParts<'_> {
        self.folded_at.parts(&self.folded, self.words)
    }
}

/// The keys of the words (texts between spaces) met so far, for [`Key::with_words`].
#[derive(Default)]
pub struct WordKeys<'t>(std::collections::HashMap<&'t str, Key, foldhash::fast::FixedState>);

/// A person's name split as Vietnamese names are written: family name first, given name last,
/// middle names between. A one-word name is its own family and given name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameParts<'k> {
    pub family: &'k str,
    pub middle: &'k str,
    pub given: &'k str,
}

/// Splits a key string (words separated by single spaces).
pub fn parts(key: &str) -> NameParts<'_> {
    let (family, rest) = key.split_once(' ').unwrap_or((key, ""));
    let (middle, given) = match rest.rsplit_once(' ') {
        Some((m, g)) => (m, g),
        None if rest.is_empty() => ("", family),
        None => ("", rest),
    };
    NameParts {
        family,
        middle,
        given,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosmetic_differences_share_a_key() {
        let k = |s: &str| Key::new(s).toned;
        assert_eq!(k("Hoà"), k("hòa"));
        assert_eq!(k("Lê Thị Thuỷ"), k("  LÊ   THỊ  THỦY "));
        let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Ho\u{302}\u{300}ng";
        assert_eq!(k(nfd), k("Nguyễn Thị Hồng"));
        // Marks in a non-canonical order (dot below after the circumflex).
        assert_eq!(k("Nghe\u{302}\u{323}"), k("Nghệ"));
        assert_eq!(k("Hoa\u{341}"), k("Hoá"));
        assert_eq!(k("H'Hen Niê"), k("H’Hen Niê"));
    }

    #[test]
    fn different_tones_and_letters_keep_different_keys() {
        let k = |s: &str| Key::new(s).toned;
        assert_ne!(k("Hà"), k("Hạ"));
        assert_ne!(k("Lê"), k("Lệ"));
        assert_ne!(k("Lan"), k("Lân"));
        assert_ne!(k("Đức"), k("Dức"));
        assert_eq!(Key::new("Hạ").folded, Key::new("Hà").folded);
        assert_eq!(Key::new("Đặng Đức").folded, "dang duc");
    }

    #[test]
    fn name_parts() {
        let key = Key::new("Nguyễn Thị Minh Khai");
        let p = parts(&key.folded);
        assert_eq!(
            (p.family, p.middle, p.given),
            ("nguyen", "thi minh", "khai")
        );
        let p = parts("tran an");
        assert_eq!((p.family, p.middle, p.given), ("tran", "", "an"));
        let p = parts("an");
        assert_eq!((p.family, p.middle, p.given), ("an", "", "an"));
        let p = parts("");
        assert_eq!((p.family, p.middle, p.given), ("", "", ""));
        assert_eq!(Key::new(" - ,").words, 0);
    }

    proptest::proptest! {
        /// Keys made from the words' keys are the keys made letter by letter, whatever the
        /// text: marks at a word's start, separators inside a word, other spaces, a Greek
        /// question mark (which decomposes to ';'), words met before.
        #[test]
        fn keys_from_words_are_the_keys_made_letter_by_letter(
            texts in proptest::collection::vec(
                "[ A-Za-zđĐàáảãạăằâầêềôồơờưừ\u{300}\u{301}\u{323}'’_,.()\u{a0}\u{2003}\u{37e}-]{0,30}",
                1..6,
            )
        ) {
            let mut words = WordKeys::default();
            for text in &texts {
                proptest::prop_assert_eq!(Key::with_words(text, &mut words), Key::new(text), "{:?}", text);
            }
        }

        /// The split found while the keys are made is the split of the finished keys.
        #[test]
        fn parts_found_while_making_the_key_are_the_parts_of_the_key(
            text in "[ A-Za-zđĐàáảãạăằâầêềôồơờưừ\u{300}\u{301}\u{323}'’_,.()-]{0,40}"
        ) {
            let key = Key::new(&text);
            proptest::prop_assert_eq!(key.toned_parts(), parts(&key.toned));
            proptest::prop_assert_eq!(key.folded_parts(), parts(&key.folded));
        }
    }
}
