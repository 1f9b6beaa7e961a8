//! Vietnamese text: every text cell of a name, ethnicity or place column goes through
//! [`clean_text`], which returns the clean text and one [`Change`] per kind of fix made or doubt
//! found, each with its own rule code.
//!
//! The trip of a cell:
//! 1. zero-width characters and Cyrillic/Greek look-alikes, which no legacy byte can be, are
//!    dropped or repaired ([`unicode`]);
//! 2. the cell's encoding is decided (Unicode, TCVN3, VNI, VIQR, Windows-1258) from the cell and
//!    its column's vote, with the syllable validator as the judge ([`legacy`], [`syllable`]);
//!    a cell that looks legacy-encoded but reads as nothing is left alone and reported unsure;
//! 3. Unicode hygiene: NFC, deprecated tones, look-alike letters, invisibles, spacing,
//!    apostrophes and dashes ([`unicode`]);
//! 4. person names only: syllables run together are split ("ThịHồng");
//! 5. tone placement style, if asked ([`tone`]); 6. name casing, if asked ([`casing`]);
//! 7. the result is cleaned again (as Unicode, once converted) until nothing changes, since a
//!    fix can reveal another (a control character removed from between "a" and a VIQR "'");
//! 8. warnings on the result: symbols, one syllable, more than six, mixed scripts.
//!
//! Well-formed text (letters, digits, single inner spaces and hyphens, NFC) is recognised in
//! one scan and returned borrowed from [`clean_text_cow`], with no change.

pub mod casing;
pub mod legacy;
pub mod name_batch;
pub mod syllable;
pub mod tone;
pub mod unicode;

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Where the tone mark goes in open oa/oe/uy syllables (domain README §5.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToneStyle {
    /// As written.
    #[default]
    Keep,
    /// "hoà, khoẻ, thuỷ" (MOET 2018 rule).
    Old,
    /// "hòa, khỏe, thủy".
    New,
}

/// What a column holds; decides which rules apply (casing and name warnings: person names only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    PersonName,
    Ethnicity,
    Place,
    Other,
}

/// Result of the vote over a column's cells ([`detect_column_encoding`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ColumnEncoding {
    Unicode,
    Tcvn3,
    Vni,
    Viqr,
    Cp1258,
    /// Unicode cells and legacy cells side by side: each cell is judged on its own, and common
    /// name syllables break ties.
    Mixed,
}

impl ColumnEncoding {
    /// Every column encoding, Unicode first.
    pub const ALL: [ColumnEncoding; 6] = [
        ColumnEncoding::Unicode,
        ColumnEncoding::Tcvn3,
        ColumnEncoding::Vni,
        ColumnEncoding::Viqr,
        ColumnEncoding::Cp1258,
        ColumnEncoding::Mixed,
    ];
}

/// Most cells read for a column's vote (an evenly spread sample of a bigger column).
const MAX_VOTERS: usize = 4096;
/// Share of a column's voting cells one legacy encoding needs for the column to be that encoding.
const LEGACY_MAJORITY: f64 = 0.8;
/// Share of legacy votes above which a column that is not all legacy is `Mixed`.
const MIXED_SHARE: f64 = 0.05;

/// Vote over a column's cells (called once per column before cleaning its cells).
///
/// Each cell votes for the encoding whose reading alone makes sense of it, for Unicode when it
/// reads well as it stands and no legacy reading does, or not at all (ASCII, empty, ambiguous).
/// A legacy encoding with at least 80 % of the votes wins; with at least 5 % the column is
/// `Mixed`; otherwise `Unicode`. `Cp1258` means Windows-1258 *bytes* read through cp1252
/// ("NguyêÞn"); Windows-1258 text that was decoded without composition ("Nguyê" + U+0303 + "n")
/// is Unicode, each such cell being reported as `text.legacy_cp1258` when composed.
pub fn detect_column_encoding<'a>(cells: impl Iterator<Item = &'a str>) -> ColumnEncoding {
    let voters: Vec<&str> = cells.filter(|c| votes(c)).collect();
    let step = voting_step(voters.len());
    column_vote(voters.iter().step_by(step).copied())
}

/// Whether a cell votes in [`detect_column_encoding`]: only cells that could be legacy text or
/// are non-ASCII Unicode can.
pub fn votes(cell: &str) -> bool {
    !cell.is_ascii() || legacy::may_be_legacy(cell)
}

/// Of a column's `voters` (in row order), every `voting_step`-th votes: an evenly spread
/// sample of at most [`MAX_VOTERS`] is enough (a province's 340,000 names would otherwise cost
/// seconds of reading every cell every way).
pub fn voting_step(voters: usize) -> usize {
    voters.div_ceil(MAX_VOTERS).max(1)
}

/// [`detect_column_encoding`] of the sample of a column's voters that votes.
pub fn column_vote<'a>(sample: impl Iterator<Item = &'a str>) -> ColumnEncoding {
    use legacy::{Encoding, Vote};
    // A place, an ethnic group or a gender repeats through its column: each text votes the
    // same every time it comes.
    let mut memo: std::collections::HashMap<&str, Option<Vote>, foldhash::fast::FixedState> =
        Default::default();
    let mut unicode = 0usize;
    let mut combining = 0usize;
    let mut legacy = [0usize; 4];
    let mut leans = [0usize; 4];
    let index = |e: Encoding| match e {
        Encoding::Tcvn3 => 0,
        Encoding::Vni => 1,
        Encoding::Viqr => 2,
        Encoding::Cp1258 => 3,
    };
    for cell in sample {
        match *memo.entry(cell).or_insert_with(|| legacy::vote(cell)) {
            Some(Vote::Unicode) => unicode += 1,
            Some(Vote::Cp1258Combining) => combining += 1,
            Some(Vote::Legacy(e)) => legacy[index(e)] += 1,
            Some(Vote::Lean(e)) => leans[index(e)] += 1,
            None => {}
        }
    }
    // Leaning cells decide only a column in which no cell voted clearly.
    if unicode + combining + legacy.iter().sum::<usize>() == 0 {
        legacy = leans;
    }
    let legacy_total: usize = legacy.iter().sum();
    let total = unicode + combining + legacy_total;
    if total == 0 {
        return ColumnEncoding::Unicode;
    }
    let (top_i, top) = legacy
        .iter()
        .copied()
        .enumerate()
        .max_by_key(|&(_, n)| n)
        .unwrap_or((0, 0));
    let share = |n: usize| n as f64 / total as f64;
    if top > 0 && share(top) >= LEGACY_MAJORITY {
        return [
            ColumnEncoding::Tcvn3,
            ColumnEncoding::Vni,
            ColumnEncoding::Viqr,
            ColumnEncoding::Cp1258,
        ]
        .get(top_i)
        .copied()
        .unwrap_or(ColumnEncoding::Mixed);
    }
    if legacy_total > 0 && share(legacy_total) >= MIXED_SHARE {
        return ColumnEncoding::Mixed;
    }
    // Windows-1258 text already decoded to Unicode (vowels + combining tones) is Unicode: each
    // such cell is composed and reported as `text.legacy_cp1258` on its own, and the column must
    // not make its precomposed cells be read as Windows-1258 bytes ("Ý" is not "Ư" there).
    ColumnEncoding::Unicode
}

/// How to clean one cell.
#[derive(Clone, Copy, Debug)]
pub struct TextOptions {
    pub kind: TextKind,
    pub tone_style: ToneStyle,
    /// Capitalise each syllable (person names only).
    pub name_casing: bool,
    /// The column's vote ([`detect_column_encoding`]); `Unicode` when there was none.
    pub column: ColumnEncoding,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            kind: TextKind::Other,
            tone_style: ToneStyle::Keep,
            name_casing: false,
            column: ColumnEncoding::Unicode,
        }
    }
}

/// One kind of change made, or doubt found, in a cell. The caller turns each into a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// Converted from TCVN3 (fixed).
    LegacyTcvn3,
    /// Converted from VNI-Windows (fixed).
    LegacyVni,
    /// Converted from VIQR (fixed).
    LegacyViqr,
    /// Converted from Windows-1258 (bytes, or decoded combining sequences) (fixed).
    LegacyCp1258,
    /// Looks legacy-encoded but no conversion can be trusted: text left as is (warning).
    LegacyUnsure,
    /// Normalised to NFC (fixed).
    Nfc,
    /// U+0340/U+0341 replaced by U+0300/U+0301 (fixed).
    DeprecatedTone,
    /// Ð ð Ɖ ɖ, Cyrillic or Greek look-alikes replaced by Latin letters (fixed).
    LookalikeLetter,
    /// Zero-width and other invisible characters removed (fixed).
    Invisible,
    /// Non-breaking or odd spaces, tabs, runs of spaces, spaces at the ends, or syllables run
    /// together (fixed).
    Spacing,
    /// Curly apostrophes and dashes made ASCII (fixed).
    Punctuation,
    /// Name capitalised per syllable (fixed).
    Casing,
    /// Tone mark moved to the chosen style (fixed).
    ToneStyle,
    /// Digits or symbols inside a name (warning).
    NameSymbols,
    /// A name of one syllable (warning).
    NameSingleSyllable,
    /// A name of more than six syllables (warning).
    NameTooLong,
    /// Letters of more than one script that could not be repaired (warning).
    MixedScript,
}

impl Change {
    /// Stable rule code.
    pub fn code(self) -> &'static str {
        match self {
            Change::LegacyTcvn3 => "text.legacy_tcvn3",
            Change::LegacyVni => "text.legacy_vni",
            Change::LegacyViqr => "text.legacy_viqr",
            Change::LegacyCp1258 => "text.legacy_cp1258",
            Change::LegacyUnsure => "text.legacy_unsure",
            Change::Nfc => "text.nfc",
            Change::DeprecatedTone => "text.deprecated_tone",
            Change::LookalikeLetter => "text.lookalike",
            Change::Invisible => "text.invisible",
            Change::Spacing => "text.spacing",
            Change::Punctuation => "text.punctuation",
            Change::Casing => "name.casing",
            Change::ToneStyle => "name.tone_style",
            Change::NameSymbols => "name.symbols",
            Change::NameSingleSyllable => "name.single_syllable",
            Change::NameTooLong => "name.too_long",
            Change::MixedScript => "text.mixed_script",
        }
    }

    /// A warning (the text was not changed for it) rather than a fix.
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            Change::LegacyUnsure
                | Change::NameSymbols
                | Change::NameSingleSyllable
                | Change::NameTooLong
                | Change::MixedScript
        )
    }

    /// Every change kind, for rule catalogues.
    pub const ALL: [Change; 17] = [
        Change::LegacyTcvn3,
        Change::LegacyVni,
        Change::LegacyViqr,
        Change::LegacyCp1258,
        Change::LegacyUnsure,
        Change::Nfc,
        Change::DeprecatedTone,
        Change::LookalikeLetter,
        Change::Invisible,
        Change::Spacing,
        Change::Punctuation,
        Change::Casing,
        Change::ToneStyle,
        Change::NameSymbols,
        Change::NameSingleSyllable,
        Change::NameTooLong,
        Change::MixedScript,
    ];
}

/// The clean text of a cell and what was done or doubted. `text == input` when `changes` holds
/// only warnings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CleanText {
    pub text: String,
    pub changes: Vec<Change>,
}

/// Cleans one cell (see the module docs for the steps).
pub fn clean_text(input: &str, options: &TextOptions) -> CleanText {
    let (text, changes) = clean_text_cow(input, options);
    CleanText {
        text: text.into_owned(),
        changes,
    }
}

/// [`clean_text`] without the copy: the input comes back borrowed when nothing changes, which
/// is the common case over a whole province's list.
pub fn clean_text_cow<'a>(input: &'a str, options: &TextOptions) -> (Cow<'a, str>, Vec<Change>) {
    if plainly_clean(input, options.kind == TextKind::PersonName) {
        return style_and_warn(input, options);
    }
    repaired(input, options)
}

/// [`clean_text_cow`] by every fix, for a text that may need them.
fn repaired<'a>(input: &'a str, options: &TextOptions) -> (Cow<'a, str>, Vec<Change>) {
    let Some(first) = fix_pass(input, options) else {
        return (Cow::Borrowed(input), vec![Change::LegacyUnsure]);
    };
    let Pass {
        mut text,
        mut changes,
        mut converted,
        mut mixed_script,
    } = first;
    // Cleaning can show what the first look could not: a control character removed from between
    // a vowel and a VIQR mark, a letter that casing made decodable. Clean the result again until
    // nothing changes, as the Unicode it now is once something was converted.
    for _ in 0..3 {
        let Cow::Owned(current) = &text else { break };
        // Plain letters and spaces: another pass could only redo casing and tone style, which
        // are already done.
        if plainly_clean(current, options.kind == TextKind::PersonName) {
            break;
        }
        let column = match options.column {
            _ if converted => ColumnEncoding::Unicode,
            ColumnEncoding::Tcvn3 | ColumnEncoding::Vni | ColumnEncoding::Viqr => {
                ColumnEncoding::Unicode
            }
            c => c,
        };
        let again = fix_pass(current, &TextOptions { column, ..*options });
        let Some(again) = again else {
            return (Cow::Borrowed(input), vec![Change::LegacyUnsure]);
        };
        let Cow::Owned(next) = again.text else { break };
        for c in again.changes {
            if !changes.contains(&c) {
                changes.push(c);
            }
        }
        converted |= again.converted;
        mixed_script |= again.mixed_script;
        text = Cow::Owned(next);
    }
    // A changed text that ended up equal to the input (a fix undone by another) is no change.
    if let Cow::Owned(s) = &text {
        if s == input {
            changes.clear();
            text = Cow::Borrowed(input);
        }
    }
    if options.kind == TextKind::PersonName {
        name_warnings(&text, &mut changes);
    }
    if mixed_script {
        changes.push(Change::MixedScript);
    }
    (text, changes)
}

/// One pass that proves the encoding and Unicode steps have nothing to do, so that the common
/// cell costs a scan: letters, digits, single inner spaces and hyphens only; no VIQR mark or
/// "dd"; no letter of Latin-1 unless a letter no legacy byte can be ("ư", "ễ") shows the cell is
/// Unicode; for names, no capital right after a small letter (syllables run together).
fn plainly_clean(s: &str, person: bool) -> bool {
    let mut prev = ' ';
    let mut prev_lower = false;
    let mut latin1 = false;
    let mut non_byte = false;
    for c in s.chars() {
        match c {
            ' ' if prev == ' ' => return false,
            ' ' | '-' | '0'..='9' => prev_lower = false,
            // Dates (dd/mm/yyyy) and house numbers: no encoding uses a slash for a mark.
            '/' if !person => prev_lower = false,
            'a'..='z' | 'A'..='Z' => {
                if matches!((prev, c), ('d', 'd') | ('D', 'D') | ('D', 'd')) {
                    return false;
                }
                let upper = c.is_ascii_uppercase();
                if person && upper && prev_lower {
                    return false;
                }
                prev_lower = !upper;
            }
            _ => {
                let Some(l) = syllable::letter(c) else {
                    return false;
                };
                if c == '\u{D0}' || c == '\u{F0}' {
                    return false;
                }
                if (c as u32) <= 0xFF {
                    latin1 = true;
                } else {
                    non_byte = true;
                }
                if person && l.upper && prev_lower {
                    return false;
                }
                prev_lower = !l.upper;
            }
        }
        prev = c;
    }
    prev != ' ' && (!latin1 || non_byte)
}

/// Tone style, casing and warnings for a cell whose text is otherwise clean.
fn style_and_warn<'a>(input: &'a str, options: &TextOptions) -> (Cow<'a, str>, Vec<Change>) {
    let mut changes = Vec::new();
    let mut text = tone::apply(input, options.tone_style);
    if matches!(text, Cow::Owned(_)) {
        changes.push(Change::ToneStyle);
    }
    if options.kind == TextKind::PersonName && options.name_casing {
        if let Cow::Owned(s) = casing::name_case(&text) {
            changes.push(Change::Casing);
            text = Cow::Owned(s);
        }
    }
    if options.kind == TextKind::PersonName {
        name_warnings(&text, &mut changes);
    }
    (text, changes)
}

/// What one pass of the fixes did.
struct Pass<'a> {
    text: Cow<'a, str>,
    /// Fixes only; warnings are added once at the end.
    changes: Vec<Change>,
    converted: bool,
    mixed_script: bool,
}

/// One pass of every fix; None when the encoding is unsure (the cell is then left alone).
fn fix_pass<'a>(input: &'a str, options: &TextOptions) -> Option<Pass<'a>> {
    let mut changes = Vec::new();
    let mut fixes = unicode::Fixes::default();
    let stripped = unicode::pre_clean(input, &mut fixes);
    let (decoded, converted) = match legacy::decide(&stripped, &options.column) {
        legacy::Decision::Keep => (stripped, false),
        legacy::Decision::Convert(r) => {
            changes.push(match r.enc {
                legacy::Encoding::Tcvn3 => Change::LegacyTcvn3,
                legacy::Encoding::Vni => Change::LegacyVni,
                legacy::Encoding::Viqr => Change::LegacyViqr,
                legacy::Encoding::Cp1258 => Change::LegacyCp1258,
            });
            (Cow::Owned(r.text), true)
        }
        legacy::Decision::Unsure => return None,
    };
    let fixed = match unicode::clean(&decoded, &mut fixes) {
        Cow::Borrowed(_) => None,
        Cow::Owned(s) => Some(s),
    };
    let cleaned = match fixed {
        Some(s) => Cow::Owned(s),
        None => decoded,
    };
    if fixes.nfc {
        changes.push(if fixes.cp1258 && !converted {
            Change::LegacyCp1258
        } else {
            Change::Nfc
        });
    }
    for (on, change) in [
        (fixes.deprecated, Change::DeprecatedTone),
        (fixes.lookalike, Change::LookalikeLetter),
        (fixes.invisible, Change::Invisible),
        (fixes.punctuation, Change::Punctuation),
    ] {
        if on {
            changes.push(change);
        }
    }
    let person = options.kind == TextKind::PersonName;
    let mut spacing = fixes.spacing;
    let mut text = cleaned;
    if person {
        if let Cow::Owned(s) = split_joined_syllables(&text) {
            spacing = true;
            text = Cow::Owned(s);
        }
    }
    if spacing {
        changes.push(Change::Spacing);
    }
    if let Cow::Owned(s) = tone::apply(&text, options.tone_style) {
        changes.push(Change::ToneStyle);
        text = Cow::Owned(s);
    }
    if person && options.name_casing {
        if let Cow::Owned(s) = casing::name_case(&text) {
            changes.push(Change::Casing);
            text = Cow::Owned(s);
        }
    }
    Some(Pass {
        text,
        changes,
        converted,
        mixed_script: fixes.mixed_script,
    })
}

/// "NguyễnVăn" -> "Nguyễn Văn": a lower-case letter followed by a capital inside a word, when
/// both sides are standard syllables (so "McDonald" or "H'Hen" are left alone).
fn split_joined_syllables(s: &str) -> Cow<'_, str> {
    let mut cuts: Vec<usize> = Vec::new();
    let mut word_start = 0;
    let mut prev: Option<char> = None;
    // Vietnamese letters know their case without Unicode's tables (this runs on every name).
    let upper = |c: char| syllable::letter(c).map_or_else(|| c.is_uppercase(), |l| l.upper);
    let lower = |c: char| syllable::letter(c).map_or_else(|| c.is_lowercase(), |l| !l.upper);
    for (i, c) in s.char_indices() {
        if c == ' ' || c == '-' || c == '\'' {
            word_start = i + c.len_utf8();
        } else if upper(c) && prev.is_some_and(lower) {
            let left = s.get(word_start..i).unwrap_or("");
            let right_end = s
                .get(i..)
                .and_then(|r| r.find([' ', '-', '\'']))
                .map_or(s.len(), |k| i + k);
            let right = s.get(i..right_end).unwrap_or("");
            // Two letters at least on each side: "HoÌ" is an undecoded legacy cell, not "Ho Ì".
            let ok = |w: &str| {
                w.chars().count() >= 2 && syllable::classify(w) >= syllable::WordClass::Strict
            };
            if ok(left) && ok(right) {
                cuts.push(i);
                word_start = i;
            }
        }
        prev = Some(c);
    }
    if cuts.is_empty() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + cuts.len());
    let mut last = 0;
    for c in cuts {
        out.push_str(s.get(last..c).unwrap_or(""));
        out.push(' ');
        last = c;
    }
    out.push_str(s.get(last..).unwrap_or(""));
    Cow::Owned(out)
}

/// Most syllables a name may have before it is flagged (family + middle + given names).
const MAX_NAME_SYLLABLES: usize = 6;

fn name_warnings(s: &str, changes: &mut Vec<Change>) {
    if s.is_empty() {
        return;
    }
    // Vietnamese letters first: Unicode's alphabetic table is slow and this runs on every name.
    let is_letter = |c: char| syllable::letter(c).is_some() || (!c.is_ascii() && c.is_alphabetic());
    let symbols = s.chars().any(|c| {
        !(is_letter(c)
            || c == ' '
            || c == '\''
            || c == '-'
            || unicode_normalization::char::is_combining_mark(c))
    });
    if symbols {
        changes.push(Change::NameSymbols);
    }
    let syllables = s
        .split([' ', '-'])
        .filter(|w| w.chars().any(is_letter))
        .count();
    if syllables == 1 {
        changes.push(Change::NameSingleSyllable);
    } else if syllables > MAX_NAME_SYLLABLES {
        changes.push(Change::NameTooLong);
    }
}

/// `text.trim()`, without looking for Unicode spaces in a text that starts and ends with a
/// visible ASCII character, as most cells do: a province's cleaning trims millions of them.
pub fn trim(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    if visible(text.as_bytes().first()) && visible(text.as_bytes().last()) {
        text
    } else {
        text.trim()
    }
}

/// A key under which spellings of the same name are equal: NFC or NFD, either tone placement,
/// case, spacing, invisibles, curly apostrophes, look-alike letters. Letters themselves (đ/d,
/// i/y) still count. For duplicate detection.
pub fn comparison_key(input: &str) -> String {
    clean_comparison_key(input).unwrap_or_else(|| full_comparison_key(input))
}

fn full_comparison_key(input: &str) -> String {
    let mut fixes = unicode::Fixes::default();
    let stripped = unicode::pre_clean(input, &mut fixes);
    let cleaned = unicode::clean(&stripped, &mut fixes);
    let lower: String = cleaned.nfc().flat_map(char::to_lowercase).collect();
    let lower: String = lower.nfc().collect();
    let styled = tone::apply(&lower, ToneStyle::New).into_owned();
    styled
        .replace(" - ", "-")
        .replace("- ", "-")
        .replace(" -", "-")
}

/// [`comparison_key`] of a value that is already clean, as the cleaned table holds it:
/// Vietnamese letters with single spaces between words. Such a value needs none of the
/// repairs, only lower case and one tone placement; the checks compare a province's names
/// this way a million times. `None` for anything else (the full path handles it).
fn clean_comparison_key(input: &str) -> Option<String> {
    clean_length(input)?;
    let key: String = input.chars().flat_map(char::to_lowercase).collect();
    Some(match tone::apply(&key, ToneStyle::New) {
        Cow::Borrowed(_) => key,
        Cow::Owned(styled) => styled,
    })
}

/// The number of characters of `input` if it takes [`clean_comparison_key`]'s path; its key
/// then has as many (a letter's lower case is one letter, a tone moves from letter to letter).
fn clean_length(input: &str) -> Option<usize> {
    let mut after_space = true;
    let mut chars = 0;
    for c in input.chars() {
        chars += 1;
        // Most letters of a name are ASCII: a letter, a space or nothing clean.
        if c.is_ascii_alphabetic() {
            after_space = false;
            continue;
        }
        if c == ' ' {
            if after_space {
                return None;
            }
            after_space = true;
            continue;
        }
        // Letters that are look-alikes of Đ/đ are repaired by the full path.
        if matches!(c, '\u{D0}' | '\u{F0}' | '\u{189}' | '\u{256}') || syllable::letter(c).is_none()
        {
            return None;
        }
        after_space = false;
    }
    if after_space && chars > 0 {
        return None;
    }
    Some(chars)
}

/// A text's [`comparison_key`], to compare many texts with (a child's name with its
/// parents'). Made only when lengths do not already tell the texts apart: a clean text's
/// key has as many characters as the text.
pub struct ComparisonKey<'t> {
    text: &'t str,
    clean_chars: Option<usize>,
    /// The key and its number of characters.
    key: std::cell::OnceCell<(String, usize)>,
}

impl<'t> ComparisonKey<'t> {
    pub fn new(text: &'t str) -> Self {
        ComparisonKey {
            text,
            clean_chars: clean_length(text),
            key: std::cell::OnceCell::new(),
        }
    }

    fn key(&self) -> &(String, usize) {
        self.key.get_or_init(|| {
            let key = comparison_key(self.text);
            let chars = key.chars().count();
            (key, chars)
        })
    }

    /// Whether `input`'s comparison key is this one.
    pub fn matches(&self, input: &str) -> bool {
        if let Some(n) = clean_length(input) {
            let chars = self.clean_chars.unwrap_or_else(|| self.key().1);
            if n != chars {
                return false;
            }
            if self.clean_chars.is_some() {
                if let Some(same) = same_clean_letters(self.text, input) {
                    return same;
                }
            }
        }
        comparison_key(input) == self.key().0
    }
}

/// Whether two clean texts of as many characters have the same key, when their letters tell:
/// a key keeps each letter (lower case) and only moves tone marks, so another letter or a
/// space elsewhere means another key, and the same letters with the same tones the same key.
/// `None` when only the tones differ (their placement may still agree): the keys decide.
fn same_clean_letters(a: &str, b: &str) -> Option<bool> {
    let mut tones_differ = false;
    for (x, y) in a.chars().zip(b.chars()) {
        match (syllable::letter(x), syllable::letter(y)) {
            (Some(x), Some(y)) if x.code == y.code => tones_differ |= x.tone != y.tone,
            (None, None) => {} // both spaces: clean texts hold nothing else
            _ => return Some(false),
        }
    }
    if tones_differ {
        None
    } else {
        Some(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_opts() -> TextOptions {
        TextOptions {
            kind: TextKind::PersonName,
            ..TextOptions::default()
        }
    }

    #[test]
    fn clean_names_are_untouched() {
        for s in [
            "Nguyễn Thị Hồng",
            "H'Hen Niê",
            "Y-Nơ Ksor",
            "Giàng A Vừ",
            "Byă Mlô",
            "Lê Văn Tư",
            "Hoàng",
            "NGUYỄN VĂN AN",
        ] {
            let (t, ch) = clean_text_cow(s, &name_opts());
            assert!(matches!(t, Cow::Borrowed(_)), "{s}");
            assert!(ch.iter().all(|c| c.is_warning()), "{s}: {ch:?}");
        }
    }

    #[test]
    fn legacy_cells_are_converted() {
        let o = name_opts();
        let r = clean_text("NguyÔn ThÞ Hång", &o);
        assert_eq!(r.text, "Nguyễn Thị Hồng");
        assert_eq!(r.changes, vec![Change::LegacyTcvn3]);
        let r = clean_text("NGUYÔN V¡N §øC", &o);
        assert_eq!(r.text, "NGUYỄN VĂN ĐỨC");
        let r = clean_text("Nguye^~n Thi. Ho^`ng", &o);
        assert_eq!(
            (r.text.as_str(), r.changes.as_slice()),
            ("Nguyễn Thị Hồng", &[Change::LegacyViqr][..])
        );
        let r = clean_text("Tr\u{AD}¬ng V¨n A", &o);
        assert_eq!(r.text, "Trương Văn A");
    }

    #[test]
    fn unsure_cells_are_left_alone() {
        let r = clean_text("Þ§ø¨ ¶¶", &name_opts());
        assert_eq!(r.text, "Þ§ø¨ ¶¶");
        assert_eq!(r.changes, vec![Change::LegacyUnsure]);
    }

    #[test]
    fn casing_tone_and_warnings() {
        let o = TextOptions {
            name_casing: true,
            tone_style: ToneStyle::New,
            ..name_opts()
        };
        let r = clean_text("  NGUYỄN  thị THUỶ ", &o);
        assert_eq!(r.text, "Nguyễn Thị Thủy");
        assert_eq!(
            r.changes,
            vec![Change::Spacing, Change::ToneStyle, Change::Casing]
        );
        let r = clean_text("Nguyễn Văn 2", &name_opts());
        assert_eq!(r.changes, vec![Change::NameSymbols]);
        let r = clean_text("An", &name_opts());
        assert_eq!(r.changes, vec![Change::NameSingleSyllable]);
        let r = clean_text("Công Tằng Tôn Nữ Thị Hoàng Mai Anh", &name_opts());
        assert_eq!(r.changes, vec![Change::NameTooLong]);
        let r = clean_text("NguyễnVăn An", &name_opts());
        assert_eq!(
            (r.text.as_str(), r.changes.as_slice()),
            ("Nguyễn Văn An", &[Change::Spacing][..])
        );
        let r = clean_text("Nguyễn Бao", &name_opts());
        assert!(r.changes.contains(&Change::MixedScript));
    }

    #[test]
    fn fast_path_agrees_with_the_full_pipeline() {
        for s in [
            "Nguyễn Thị Hồng",
            "NGUYEN VAN AN",
            "Lê Văn Tư",
            "Y-Nơ Ksor",
            "Nguyễn Văn 2",
            "An",
            "hoà bình thuận",
            "Đặng Thị Ánh",
        ] {
            for (casing, tone) in [
                (false, ToneStyle::Keep),
                (true, ToneStyle::New),
                (true, ToneStyle::Old),
            ] {
                let o = TextOptions {
                    name_casing: casing,
                    tone_style: tone,
                    ..name_opts()
                };
                assert!(plainly_clean(s, true), "{s}");
                let fast = style_and_warn(s, &o);
                let Some(p) = fix_pass(s, &o) else {
                    panic!("{s}")
                };
                let mut slow = p.changes;
                name_warnings(&p.text, &mut slow);
                assert_eq!(
                    (fast.0.as_ref(), &fast.1),
                    (p.text.as_ref(), &slow),
                    "{s} {o:?}"
                );
            }
        }
        for s in [
            "Lê Hà",
            " An",
            "An ",
            "A  B",
            "Ddu+'c",
            "NguyễnVăn",
            "Ðinh",
            "H'Hen",
            "Tr\u{AD}êng",
        ] {
            assert!(!plainly_clean(s, true), "{s:?}");
        }
    }

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<&str> = Change::ALL.iter().map(|c| c.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Change::ALL.len());
    }

    proptest::proptest! {
        /// A text the quick check lets through comes out of cleaning exactly as it would
        /// from every fix, for every kind of text.
        #[test]
        fn plainly_clean_texts_need_none_of_the_fixes(
            chars in proptest::collection::vec(0usize..1000, 0..20),
            kind in 0usize..4,
        ) {
            let mut alphabet: Vec<char> = "0123456789/ -.,'()aAdDđĐeoOuyYưƯơằẰệỆỹỸ".chars().collect();
            alphabet.extend(['h', 'n', 'g', 't', 'V', 'T', 'N', 'à', 'ễ', 'ú']);
            let input: String = chars.iter().map(|i| alphabet[i % alphabet.len()]).collect();
            let kind = [TextKind::PersonName, TextKind::Place, TextKind::Ethnicity, TextKind::Other][kind];
            for (tone_style, column) in [ToneStyle::Keep, ToneStyle::New, ToneStyle::Old]
                .into_iter()
                .flat_map(|t| ColumnEncoding::ALL.map(|c| (t, c)))
            {
                let options = TextOptions { kind, tone_style, name_casing: true, column };
                if plainly_clean(&input, kind == TextKind::PersonName) {
                    let (quick, quick_changes) = clean_text_cow(&input, &options);
                    let (full, full_changes) = repaired(&input, &options);
                    proptest::prop_assert_eq!(&quick, &full, "{:?} {:?}", input, options);
                    proptest::prop_assert_eq!(quick_changes, full_changes, "{:?} {:?}", input, options);
                }
            }
        }
    }

    proptest::proptest! {
        /// The quick path for clean values gives exactly the full path's key.
        #[test]
        fn clean_values_get_the_full_key(chars in proptest::collection::vec(0usize..1000, 0..24)) {
            let alphabet = key_alphabet();
            let input: String = chars.iter().map(|i| alphabet[i % alphabet.len()]).collect();
            if let Some(quick) = clean_comparison_key(&input) {
                proptest::prop_assert_eq!(quick, full_comparison_key(&input), "{:?}", input);
            }
        }
    }

    proptest::proptest! {
        /// A clean text's key has as many characters as the text, so a key compared by
        /// length first tells the same texts apart as the keys themselves.
        #[test]
        fn a_key_compared_by_length_first_matches_as_the_keys_do(
            a in proptest::collection::vec(0usize..1000, 0..16),
            b in proptest::collection::vec(0usize..1000, 0..16),
        ) {
            let alphabet = key_alphabet();
            let text = |v: &[usize]| -> String { v.iter().map(|i| alphabet[i % alphabet.len()]).collect() };
            let (a, b) = (text(&a), text(&b));
            if let Some(n) = clean_length(&a) {
                proptest::prop_assert_eq!(comparison_key(&a).chars().count(), n, "{:?}", a);
            }
            let key = ComparisonKey::new(&a);
            proptest::prop_assert_eq!(key.matches(&b), comparison_key(&b) == comparison_key(&a));
            // The same name in other case and tone placement still matches.
            let other = tone::apply(&a.to_uppercase(), ToneStyle::Old).into_owned();
            proptest::prop_assert_eq!(key.matches(&other), comparison_key(&other) == comparison_key(&a));
            proptest::prop_assert!(key.matches(&a));
        }

        /// Texts of the same letters, each in any case and tone, match exactly when their
        /// keys are equal (the letter-by-letter shortcut never decides otherwise).
        #[test]
        fn the_same_letters_in_other_tones_match_as_the_keys_do(
            a in proptest::collection::vec(0usize..1000, 0..16),
            picks in proptest::collection::vec(0usize..1000, 16),
        ) {
            let alphabet = key_alphabet();
            let a: String = a.iter().map(|i| alphabet[i % alphabet.len()]).collect();
            let b: String = a
                .chars()
                .zip(&picks)
                .map(|(c, pick)| {
                    let Some(code) = syllable::letter(c).map(|l| l.code) else { return c };
                    let same: Vec<char> = alphabet
                        .iter()
                        .copied()
                        .filter(|o| syllable::letter(*o).is_some_and(|l| l.code == code))
                        .collect();
                    same[pick % same.len()]
                })
                .collect();
            let key = ComparisonKey::new(&a);
            proptest::prop_assert_eq!(key.matches(&b), comparison_key(&b) == comparison_key(&a), "{:?} {:?}", a, b);
        }
    }

    /// Every Vietnamese letter in both cases, spaces, and characters the quick path must
    /// leave to the full one.
    fn key_alphabet() -> Vec<char> {
        let mut chars: Vec<char> = (0u32..0x2000)
            .filter_map(char::from_u32)
            .filter(|c| syllable::letter(*c).is_some())
            .collect();
        chars.extend(
            [
                ' ', ' ', ' ', ' ', '-', '\u{200B}', '\u{D0}', '\u{301}', 'а', '\u{A0}', '\'',
            ]
            .iter(),
        );
        chars
    }

    #[test]
    fn clean_names_take_the_quick_path() {
        for name in ["Nguyễn Thị Hồng", "LÒ VĂN PÁO", "Hoà", "Đặng Thuỷ"] {
            assert_eq!(
                clean_comparison_key(name),
                Some(full_comparison_key(name)),
                "{name}"
            );
        }
        for name in [" An", "An ", "Thị  Hà", "Y-Nơ", "H'Hen", "Ðặng"] {
            assert_eq!(clean_comparison_key(name), None, "{name}");
        }
    }

    #[test]
    fn comparison_keys() {
        let nfd: String = "Nguyễn Thị Thủy".nfd().collect();
        let k = comparison_key("NGUYỄN  THỊ THUỶ");
        assert_eq!(k, comparison_key(&nfd));
        assert_eq!(k, comparison_key("nguyễn thị thủy\u{200B}"));
        assert_ne!(comparison_key("Lý"), comparison_key("Lí"));
        assert_eq!(comparison_key("Y - Nơ"), comparison_key("Y-Nơ"));
    }

    #[test]
    fn column_vote() {
        let t3 = ["NguyÔn ThÞ Hång", "TrÇn V¨n §øc", "Lª ThÞ Thuû", "Hoa"];
        assert_eq!(
            detect_column_encoding(t3.iter().copied()),
            ColumnEncoding::Tcvn3
        );
        let vni = ["Nguyeãn Thò Hoàng", "Traàn Vaên Ñöùc", "Hoàng"];
        assert_eq!(
            detect_column_encoding(vni.iter().copied()),
            ColumnEncoding::Vni
        );
        let uni = ["Nguyễn Thị Hồng", "Trần Văn Đức", "Hoàng"];
        assert_eq!(
            detect_column_encoding(uni.iter().copied()),
            ColumnEncoding::Unicode
        );
        let mixed = ["Nguyễn Thị Hồng", "Trần Văn Đức", "NguyÔn ThÞ Hång"];
        assert_eq!(
            detect_column_encoding(mixed.iter().copied()),
            ColumnEncoding::Mixed
        );
        assert_eq!(
            detect_column_encoding(std::iter::empty()),
            ColumnEncoding::Unicode
        );
    }
}
