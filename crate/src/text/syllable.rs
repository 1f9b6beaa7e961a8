//! Vietnamese syllable validator.
//!
//! A candidate decoding of a legacy-encoded cell is trusted only when it reads as Vietnamese,
//! so every word of a reading is put in one of four classes:
//! [`WordClass::Common`] (a syllable of a common name, ethnic group or place),
//! [`WordClass::Strict`] (onset + rhyme + tone that standard orthography allows, tone mark on a
//! vowel where either the old or the new placement rule puts it), [`WordClass::Lenient`]
//! (shaped like a minority-language word: "Ksor", "Mlô", "Byă", "Êban", "H" in "H'Hen") and
//! [`WordClass::Invalid`]. A reading is scored by counting the classes of its words.
//!
//! Letters are coded as small integers so that a word is checked without allocating.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// The 29 letters of the Vietnamese alphabet plus f, j, w, z (loan words, minority names).
/// A letter's code is its index + 1; 0 means "not a letter".
const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

/// Combining marks of the five tones, in the order of [`Tone`] codes 1..=5.
pub(crate) const TONE_MARKS: [char; 5] = ['\u{301}', '\u{300}', '\u{309}', '\u{303}', '\u{323}'];

/// Tone code: 0 none (ngang), 1 acute (sắc), 2 grave (huyền), 3 hook (hỏi), 4 tilde (ngã), 5 dot (nặng).
pub(crate) type Tone = u8;
pub(crate) const TONE_ACUTE: Tone = 1;
pub(crate) const TONE_DOT: Tone = 5;

/// What one character is as a Vietnamese letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Letter {
    /// Index + 1 in [`ALPHABET`] (the letter without tone and case).
    pub code: u8,
    pub tone: Tone,
    pub upper: bool,
}

/// Letter code of an alphabet character (lower case, no tone), 0 if absent.
pub(crate) fn code_of(c: char) -> u8 {
    ALPHABET
        .iter()
        .position(|&a| a == c)
        .map_or(0, |i| i as u8 + 1)
}

/// The lower-case, toneless character of a letter code.
pub(crate) fn char_of(code: u8) -> char {
    ALPHABET
        .get((code as usize).wrapping_sub(1))
        .copied()
        .unwrap_or('?')
}

/// Per letter code: (vowel, shaped vowel).
const KINDS: [(bool, bool); 34] = {
    let mut t = [(false, false); 34];
    let mut i = 0;
    while i < ALPHABET.len() {
        let c = ALPHABET[i];
        let shaped = matches!(c, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư');
        let vowel = shaped || matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        t[i + 1] = (vowel, shaped);
        i += 1;
    }
    t
};

pub(crate) fn is_vowel(code: u8) -> bool {
    KINDS.get(code as usize).is_some_and(|k| k.0)
}

/// ă â ê ô ơ ư: vowels that carry a shape mark (breve, circumflex, horn).
pub(crate) fn is_shaped(code: u8) -> bool {
    KINDS.get(code as usize).is_some_and(|k| k.1)
}

/// Direct-indexed tables: the Vietnamese letters live in U+0000..U+01B0 and U+1EA0..U+1EF9.
struct LetterTable {
    low: Vec<Option<Letter>>,
    high: Vec<Option<Letter>>,
}

const LOW_END: usize = 0x1B1;
const HIGH_START: usize = 0x1EA0;
const HIGH_END: usize = 0x1EFA;

fn letter_table() -> &'static LetterTable {
    static T: OnceLock<LetterTable> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = LetterTable {
            low: vec![None; LOW_END],
            high: vec![None; HIGH_END - HIGH_START],
        };
        let mut put = |c: char, l: Letter| {
            let u = c as usize;
            if u < LOW_END {
                t.low[u] = Some(l);
            } else if (HIGH_START..HIGH_END).contains(&u) {
                t.high[u - HIGH_START] = Some(l);
            }
        };
        for (i, &base) in ALPHABET.iter().enumerate() {
            let code = i as u8 + 1;
            let upper_base = base.to_uppercase().next().unwrap_or(base);
            for (b, upper) in [(base, false), (upper_base, true)] {
                put(
                    b,
                    Letter {
                        code,
                        tone: 0,
                        upper,
                    },
                );
                if is_vowel(code) {
                    for (t, &mark) in TONE_MARKS.iter().enumerate() {
                        if let Some(c) = compose_nfc(b, mark) {
                            put(
                                c,
                                Letter {
                                    code,
                                    tone: t as u8 + 1,
                                    upper,
                                },
                            );
                        }
                    }
                }
            }
        }
        // Look-alikes of Đ/đ (Icelandic eth, African D), which the cleaner repairs anyway.
        let dd = code_of('đ');
        put(
            '\u{D0}',
            Letter {
                code: dd,
                tone: 0,
                upper: true,
            },
        );
        put(
            '\u{F0}',
            Letter {
                code: dd,
                tone: 0,
                upper: false,
            },
        );
        put(
            '\u{189}',
            Letter {
                code: dd,
                tone: 0,
                upper: true,
            },
        );
        t
    })
}

/// The Vietnamese letter a precomposed (NFC) character is, if any.
pub(crate) fn letter(c: char) -> Option<Letter> {
    let u = c as usize;
    if u < 0x80 {
        if !c.is_ascii_alphabetic() {
            return None;
        }
        return Some(Letter {
            code: ASCII_CODES[u & 0x1f],
            tone: 0,
            upper: c.is_ascii_uppercase(),
        });
    }
    let t = letter_table();
    if u < LOW_END {
        t.low.get(u).copied().flatten()
    } else if (HIGH_START..HIGH_END).contains(&u) {
        t.high.get(u - HIGH_START).copied().flatten()
    } else if c == '\u{256}' {
        Some(Letter {
            code: code_of('đ'),
            tone: 0,
            upper: false,
        })
    } else {
        None
    }
}

/// Letter codes of a..z by (ASCII & 0x1F): 'a' = 1 ... 'z' = 26.
const ASCII_CODES: [u8; 32] = {
    let mut t = [0u8; 32];
    let mut i = 0;
    while i < ALPHABET.len() {
        let c = ALPHABET[i] as u32;
        if c < 0x80 {
            t[(c & 0x1f) as usize] = i as u8 + 1;
        }
        i += 1;
    }
    t
};

/// The precomposed character for a letter code, tone and case.
pub(crate) fn compose_letter(code: u8, tone: Tone, upper: bool) -> Option<char> {
    let base = char_of(code);
    if base == '?' {
        return None;
    }
    let base = if upper {
        base.to_uppercase().next()?
    } else {
        base
    };
    if tone == 0 {
        return Some(base);
    }
    compose_nfc(base, *TONE_MARKS.get(tone as usize - 1)?)
}

/// The single NFC character for a letter + tone mark. Not `char::compose`: "ặ" is "ạ" + breve,
/// so "ă" + dot below only composes after canonical reordering.
fn compose_nfc(base: char, mark: char) -> Option<char> {
    let mut it = [base, mark].into_iter().nfc();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Longest word (in letters) the validator looks at; longer tokens are invalid.
pub(crate) const MAX_LETTERS: usize = 12;

/// A word decoded into letter codes, without allocation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    pub codes: [u8; MAX_LETTERS],
    pub len: usize,
    /// Tone of the word (the last toned vowel's tone) and where it sits.
    pub tone: Tone,
    pub tone_at: usize,
    pub tones: u8,
    /// Bit i set: letter i is a capital.
    pub upper_mask: u16,
    /// Letter-case pattern is one that names use (lower, Capitalised, UPPER, "HMông").
    pub case_ok: bool,
}

impl Word {
    pub fn parse(token: &str) -> Option<Word> {
        let mut w = Word {
            codes: [0; MAX_LETTERS],
            len: 0,
            tone: 0,
            tone_at: 0,
            tones: 0,
            upper_mask: 0,
            case_ok: true,
        };
        let mut uppers = 0usize;
        let mut first_upper = false;
        let mut second_upper = false;
        let mut later_upper = false;
        for c in token.chars() {
            let l = letter(c)?;
            if w.len >= MAX_LETTERS {
                return None;
            }
            if l.upper {
                uppers += 1;
                w.upper_mask |= 1 << w.len;
                match w.len {
                    0 => first_upper = true,
                    1 => second_upper = true,
                    _ => later_upper = true,
                }
            }
            if l.tone != 0 {
                w.tones += 1;
                w.tone = l.tone;
                w.tone_at = w.len;
            }
            w.codes[w.len] = l.code;
            w.len += 1;
        }
        if w.len == 0 {
            return None;
        }
        let all_upper = uppers == w.len;
        let capitalised = !second_upper && !later_upper;
        // "HMông", "XTiêng": a one-consonant prefix written as a capital before a capitalised word.
        let prefixed =
            first_upper && second_upper && !later_upper && w.len > 2 && !is_vowel(w.codes[0]);
        w.case_ok = all_upper || capitalised || prefixed;
        Some(w)
    }

    pub fn codes(&self) -> &[u8] {
        &self.codes[..self.len]
    }
}

/// How much a word looks like Vietnamese.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum WordClass {
    Invalid,
    Lenient,
    Strict,
    Common,
}

/// Initial consonants, longest first so that "ngh" is tried before "ng" and "n".
const ONSETS: [&str; 29] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", "",
];

/// Rhymes (vowel cluster + final consonant) of standard orthography, toneless.
const RHYMES: &str = "a ac ach ai am an ang anh ao ap at au ay \
    ăc ăm ăn ăng ăp ăt \
    âc âm ân âng âp ât âu ây \
    e ec em en eng eo ep et \
    ê êch êm ên ênh êp êt êu \
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu \
    o oc om on ong op ot oi oa oac oach oai oam oan oang oanh oao oap oat oay \
    oăc oăm oăn oăng oăt oe oen oeng oeo oet ooc oong \
    ô ôc ôi ôm ôn ông ôp ôt \
    ơ ơi ơm ơn ơp ơt \
    u uc ui um un ung up ut ua uân uâng uât uây uê uêch uên uênh \
    uôc uôi uôm uôn uông uôt uy uya uych uyn uynh uyp uyt uyu uyên uyêt uơ \
    ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu \
    y yêm yên yêng yêt yêu";

/// Vowel clusters accepted in minority-language words on top of those of [`RHYMES`]
/// ("Ea Kar", "Pleiku", "Yang", "Byă", "Ayun", "Êa", "Êya").
const EXTRA_CLUSTERS: &str = "ea ei ya yă ayu êa êya";

/// Where the tone mark goes on a vowel cluster: (old style, new style) indices into `vowels`.
/// The two differ only for the open clusters oa, oe, uy (hoà / hòa, khoẻ / khỏe, thuỷ / thủy).
/// Rule of domain README §5.2: the vowel with a shape mark (ơ for ươ); else the last vowel when a
/// final consonant follows; else for two vowels the first (ia, ua, ưa, ai, ao, ...), with oa, oe,
/// uy depending on the style; for three vowels the middle one.
pub(crate) fn tone_slots(vowels: &[u8], has_coda: bool) -> (usize, usize) {
    let n = vowels.len();
    if n <= 1 {
        return (0, 0);
    }
    let uo = code_of('ư');
    let oo = code_of('ơ');
    if let Some(i) = vowels.windows(2).position(|p| p[0] == uo && p[1] == oo) {
        return (i + 1, i + 1);
    }
    if let Some(i) = vowels.iter().rposition(|&v| is_shaped(v)) {
        return (i, i);
    }
    if has_coda {
        return (n - 1, n - 1);
    }
    if n == 2 {
        let pair = (char_of(vowels[0]), char_of(vowels[1]));
        if matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y')) {
            return (1, 0);
        }
        return (0, 0);
    }
    (1, 1)
}

#[derive(Clone, Copy, Debug)]
struct RhymeInfo {
    /// Bit i set: the tone may sit on letter i of the rhyme.
    tone_mask: u8,
    /// Ends in c, ch, p or t: only sắc and nặng tones (or none, for unaccented text).
    stop: bool,
}

struct Grammar {
    rhymes: Vec<(u64, RhymeInfo)>,
    /// Sorted keys (binary search is faster than hashing these small u64s).
    clusters: Vec<u64>,
    common: Vec<u64>,
    onsets: Vec<Vec<u8>>,
}

/// Packs up to 10 letter codes (6 bits each) into a key; `extra` goes in the low bits.
fn pack(codes: &[u8], extra: u8) -> u64 {
    let mut k: u64 = codes.len() as u64;
    for &c in codes.iter().take(9) {
        k = (k << 6) | u64::from(c & 0x3f);
    }
    (k << 3) | u64::from(extra & 7)
}

fn codes_of(s: &str) -> Option<Vec<u8>> {
    s.chars().map(|c| letter(c).map(|l| l.code)).collect()
}

fn grammar() -> &'static Grammar {
    static G: OnceLock<Grammar> = OnceLock::new();
    G.get_or_init(|| {
        let mut rhymes = Vec::new();
        let mut clusters = Vec::new();
        for r in RHYMES.split_whitespace() {
            let Some(codes) = codes_of(r) else { continue };
            let nv = codes.iter().take_while(|&&c| is_vowel(c)).count();
            let (vowels, coda) = codes.split_at(nv);
            let (old, new) = tone_slots(vowels, !coda.is_empty());
            let coda_s: String = coda.iter().map(|&c| char_of(c)).collect();
            let stop = matches!(coda_s.as_str(), "c" | "ch" | "p" | "t");
            rhymes.push((
                pack(&codes, 0),
                RhymeInfo {
                    tone_mask: (1 << old) | (1 << new),
                    stop,
                },
            ));
            clusters.push(pack(vowels, 0));
        }
        for c in EXTRA_CLUSTERS.split_whitespace() {
            if let Some(codes) = codes_of(c) {
                clusters.push(pack(&codes, 0));
            }
        }
        rhymes.sort_by_key(|&(k, _)| k);
        clusters.sort_unstable();
        clusters.dedup();
        let mut common = Vec::new();
        for line in include_str!("common_syllables.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(w) = Word::parse(line) {
                common.push(pack(w.codes(), w.tone));
            }
        }
        common.sort_unstable();
        common.dedup();
        let onsets = ONSETS
            .iter()
            .map(|o| o.chars().map(code_of).collect())
            .collect();
        Grammar {
            rhymes,
            clusters,
            common,
            onsets,
        }
    })
}

fn rhyme(codes: &[u8]) -> Option<RhymeInfo> {
    let g = grammar();
    let k = pack(codes, 0);
    g.rhymes
        .binary_search_by_key(&k, |&(k, _)| k)
        .ok()
        .and_then(|i| g.rhymes.get(i))
        .map(|&(_, r)| r)
}

/// Length of the onset of a standard syllable: the first onset (longest first) after which the
/// rest of the word is a rhyme of [`RHYMES`]. None if the word has no such split.
pub(crate) fn onset_len(w: &Word) -> Option<usize> {
    let codes = w.codes();
    grammar().onsets.iter().find_map(|onset| {
        let n = onset.len();
        let fits = n < codes.len() && codes.starts_with(onset);
        (fits && rhyme(&codes[n..]).is_some()).then_some(n)
    })
}

/// Result of parsing a word as a standard syllable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standard {
    Valid,
    /// Onset and rhyme exist but the tone does not fit (two tones, misplaced, hỏi before -t):
    /// a Vietnamese syllable written wrongly, not a minority-language word.
    BadTone,
    NoParse,
}

/// Standard Vietnamese syllable: an onset, a rhyme of [`RHYMES`], at most one tone, placed where
/// the old or new rule puts it, and no hỏi/ngã/huyền tone before a stop consonant.
fn standard(w: &Word) -> Standard {
    let codes = w.codes();
    let mut found = Standard::NoParse;
    for onset in &grammar().onsets {
        let on_len = onset.len();
        if on_len >= codes.len() || !codes.starts_with(onset) {
            continue;
        }
        let Some(info) = rhyme(&codes[on_len..]) else {
            continue;
        };
        found = Standard::BadTone;
        if w.tones > 1 {
            continue;
        }
        if w.tones == 0 {
            return Standard::Valid;
        }
        if w.tone_at < on_len {
            continue;
        }
        let at = w.tone_at - on_len;
        if at >= 8 || info.tone_mask & (1 << at) == 0 {
            continue;
        }
        if info.stop && w.tone != TONE_ACUTE && w.tone != TONE_DOT {
            continue;
        }
        return Standard::Valid;
    }
    found
}

/// Shaped like a word of a minority language written in Vietnamese letters: consonant clusters
/// of up to three letters around at most three known vowel clusters, one tone per cluster.
fn lenient(w: &Word) -> bool {
    let codes = w.codes();
    if codes.len() > 10 {
        return false;
    }
    if codes.iter().all(|&c| !is_vowel(c)) {
        // "H" in "H'Hen", "K" in "K'Ho", abbreviations like "Th".
        return codes.len() <= 2;
    }
    let g = grammar();
    let mut i = 0;
    let mut groups = 0;
    while i < codes.len() {
        let start = i;
        let vowel = is_vowel(codes[i]);
        while i < codes.len() && is_vowel(codes[i]) == vowel {
            i += 1;
        }
        let run = &codes[start..i];
        if vowel {
            groups += 1;
            if groups > 3 || g.clusters.binary_search(&pack(run, 0)).is_err() {
                return false;
            }
        } else {
            let limit = if i == codes.len() && start > 0 { 2 } else { 3 };
            if run.len() > limit {
                return false;
            }
        }
    }
    if usize::from(w.tones) > groups {
        return false;
    }
    // A stop consonant at the end takes only the sắc or nặng tone, in any language written with
    // these letters ("luòc" is a misread, not a name).
    let stop = match codes {
        [.., a, b] if char_of(*a) == 'c' && char_of(*b) == 'h' => true,
        [.., last] => matches!(char_of(*last), 'c' | 'p' | 't' | 'k'),
        [] => false,
    };
    !(stop && w.tones > 0 && w.tone != TONE_ACUTE && w.tone != TONE_DOT)
}

/// Class of one word (a run of letters between separators).
pub(crate) fn classify(token: &str) -> WordClass {
    let Some(w) = Word::parse(token) else {
        return WordClass::Invalid;
    };
    if !w.case_ok {
        return WordClass::Invalid;
    }
    // The common-syllable list ignores where the tone sits, so it is consulted only for words
    // whose tone is where a rule puts it ("taù" is not "tàu").
    let common = || {
        w.tones <= 1
            && grammar()
                .common
                .binary_search(&pack(w.codes(), w.tone))
                .is_ok()
    };
    match standard(&w) {
        Standard::Valid if common() => WordClass::Common,
        Standard::Valid => WordClass::Strict,
        Standard::BadTone => WordClass::Invalid,
        Standard::NoParse if lenient(&w) && common() => WordClass::Common,
        Standard::NoParse if lenient(&w) => WordClass::Lenient,
        Standard::NoParse => WordClass::Invalid,
    }
}

/// Characters that split a cell into words for scoring: spaces, hyphens, apostrophes.
/// Everything else (Latin-1 symbols such as "§", "¨" that legacy bytes turn into, VIQR marks
/// inside a word) stays inside the word and makes it invalid.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\'' | '\u{2019}' | '\u{2018}' | '\u{2BC}' | '\u{2010}'
                ..='\u{2015}' | '\u{A0}' | '\u{200B}' | '\u{FEFF}'
        )
}

/// Punctuation trimmed from the ends of a word before it is judged ("An." "(Bé)").
fn is_edge_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '(' | ')' | '/' | '"' | '!' | '?' | '[' | ']'
    )
}

/// Counts of word classes over a reading of a cell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Score {
    pub words: u16,
    pub invalid: u16,
    pub lenient: u16,
    pub strict: u16,
    pub common: u16,
}

impl Score {
    /// No invalid word, and at least one word.
    pub fn good(&self) -> bool {
        self.words > 0 && self.invalid == 0
    }

    /// Ranking key: fewer invalid words, then more common, then more strict ones.
    pub fn rank(&self) -> (i32, i32, i32) {
        (
            -i32::from(self.invalid),
            i32::from(self.common),
            i32::from(self.strict),
        )
    }
}

/// Scores an NFC reading. Words with no alphanumeric character ("-", "§§") are skipped, and so
/// are words containing a digit (house numbers and codes are not a question of encoding).
pub(crate) fn score(text: &str) -> Score {
    let mut s = Score::default();
    let mut start = 0;
    let mut prev_consonant = false;
    let mut tokens = Vec::new();
    for (i, c) in text.char_indices() {
        // An apostrophe after a consonant separates ("H'Hen", "K'Ho"); after a vowel or a mark
        // it is a VIQR acute accent ("Thu'y", "Kha('n"), which keeps the word together and makes
        // it invalid.
        let split = is_separator(c) && (c != '\'' || prev_consonant);
        if split {
            tokens.push(text.get(start..i).unwrap_or(""));
            start = i + c.len_utf8();
        }
        prev_consonant = letter(c).is_some_and(|l| !is_vowel(l.code));
    }
    tokens.push(text.get(start..).unwrap_or(""));
    for tok in tokens {
        let tok = tok.trim_matches(is_edge_punctuation);
        let wordish = |c: char| letter(c).is_some() || c.is_alphanumeric();
        if tok.is_empty() || !tok.chars().any(wordish) || tok.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        s.words = s.words.saturating_add(1);
        match classify(tok) {
            WordClass::Invalid => s.invalid = s.invalid.saturating_add(1),
            WordClass::Lenient => s.lenient = s.lenient.saturating_add(1),
            WordClass::Strict => s.strict = s.strict.saturating_add(1),
            WordClass::Common => s.common = s.common.saturating_add(1),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(s: &str) -> WordClass {
        classify(s)
    }

    #[test]
    fn standard_syllables_are_strict_or_common() {
        for w in [
            "nguyễn",
            "Nguyễn",
            "NGUYỄN",
            "thị",
            "hồng",
            "trường",
            "người",
            "khuyết",
            "quốc",
            "giữ",
            "gìn",
            "quỳnh",
            "huỳnh",
            "hoà",
            "hòa",
            "thuỷ",
            "thủy",
            "khoẻ",
            "khỏe",
            "ngoài",
            "khuya",
            "tuyết",
            "nghiêng",
            "việt",
            "được",
            "bìa",
            "lụa",
            "lửa",
            "thuở",
            "oanh",
            "yến",
            "uyên",
            "an",
            "ánh",
            "y",
            "ý",
            "Ý",
        ] {
            assert!(
                class(w) >= WordClass::Strict,
                "{w} should be valid, got {:?}",
                class(w)
            );
        }
    }

    #[test]
    fn minority_names_are_not_rejected() {
        for w in [
            "Ksor", "Niê", "H", "Hen", "Y", "Mlô", "Byă", "Giàng", "Vừ", "Rmah", "Êban", "Ayun",
            "Siu", "Enuôl", "Hđơk", "Kpă", "Adrơng", "HMông", "XTiêng", "Ea", "Pleiku", "Nơ",
        ] {
            assert!(class(w) >= WordClass::Lenient, "{w} rejected");
        }
    }

    #[test]
    fn legacy_garbage_is_invalid() {
        for w in [
            "NguyÔn", "ThÞ", "Hång", "TrÇn", "V¨n", "§øc", "Nguyeãn", "Leâ", "Traàn", "Vaên",
            "Ñöùc", "Thuyû", "Nguye^~n", "hóang", "hảt", "nGuyễn", "thịị", "Phaïm",
        ] {
            assert_eq!(class(w), WordClass::Invalid, "{w} accepted");
        }
    }

    #[test]
    fn common_lookup_ignores_tone_position() {
        assert_eq!(class("hoà"), WordClass::Common);
        assert_eq!(class("hòa"), WordClass::Common);
        assert_eq!(class("Nguyễn"), WordClass::Common);
        assert_eq!(class("vò"), WordClass::Strict);
    }

    #[test]
    fn scores_count_words() {
        let s = score("Nguyễn Thị Hồng");
        assert_eq!((s.words, s.invalid, s.common), (3, 0, 3));
        let s = score("NguyÔn ThÞ Hång");
        assert_eq!((s.words, s.invalid), (3, 3));
        let s = score("H'Hen Niê 12");
        assert_eq!((s.words, s.invalid), (3, 0));
        let s = score("Thu'y Pha.m");
        assert_eq!((s.words, s.invalid), (2, 2));
        assert_eq!(score("").words, 0);
    }

    #[test]
    fn tone_slots_follow_the_rule() {
        let c = |s: &str| codes_of(s).unwrap_or_default();
        assert_eq!(tone_slots(&c("oa"), false), (1, 0));
        assert_eq!(tone_slots(&c("oa"), true), (1, 1));
        assert_eq!(tone_slots(&c("uy"), false), (1, 0));
        assert_eq!(tone_slots(&c("ua"), false), (0, 0));
        assert_eq!(tone_slots(&c("ươ"), true), (1, 1));
        assert_eq!(tone_slots(&c("uyê"), true), (2, 2));
        assert_eq!(tone_slots(&c("oai"), false), (1, 1));
    }

    #[test]
    fn letters_round_trip() {
        for c in "aáàảãạăắằẳẵặâấầẩẫậđĐêếềểễệƯỨỪỬỮỰýỳỷỹỵ".chars()
        {
            let l = letter(c).unwrap_or(Letter {
                code: 0,
                tone: 0,
                upper: false,
            });
            assert_eq!(compose_letter(l.code, l.tone, l.upper), Some(c));
        }
        assert!(letter('Þ').is_none());
        assert!(letter('ª').is_none());
    }
}
