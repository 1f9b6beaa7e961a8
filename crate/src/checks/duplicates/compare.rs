//! Comparing two records field by field. Each field gives a relation (same, compatible in a
//! named way, missing, different); the rules (`exact.rs`, `probable.rs`, `same_id.rs`) decide
//! from the relations, and [`Comparison::reason`] says which fields matched or differed.

use std::cell::OnceCell;
use std::hash::Hash;

use super::key::{Key, WordKeys};
use super::reason::{Evidence, Reason};
use super::{Gender, Person};

/// A record with the keys that every comparison needs, computed once.
pub(super) struct Prepared<'p, 'a> {
    pub person: &'p Person<'a>,
    pub name: Key,
    /// What every pair is tested on first.
    pub quick: Quick,
    /// Keys of the father, mother, guardian, commune and village, computed the first time a
    /// pair gets that far (few records do), then kept: a record met in many pairs pays once.
    others: OnceCell<Box<[Key; 5]>>,
}

/// What every pair of a block is tested on first, small and apart from the rest: a block's
/// records have theirs copied side by side (`block.rs`), so that testing its pairs reads a
/// few cache lines, not four scattered places per pair. Most pairs end here: of a
/// generated province's 2.8 million pairs, 8,800 went further.
#[derive(Clone, Copy, Debug)]
pub(super) struct Quick {
    /// The folded family name, hashed: a match needs it equal, so one integer comparison
    /// rejects most pairs.
    pub family: u64,
    /// The ID hashed (0 when missing), so that the common case, two different IDs, costs one
    /// integer comparison.
    pub id_hash: u64,
    /// The folded given name, told apart without reading the name (see [`Given`]).
    given: Given,
    /// The folded middle names (see [`Middle`]).
    middle: Middle,
    pub date_of_birth: Option<(u16, u8, u8)>,
    /// Year of birth from the date, else from `birth_year`.
    pub year: Option<u16>,
    gender: Option<Gender>,
    pub has_id: bool,
}

impl Quick {
    /// True when the pair surely does not match: the IDs cannot be the same, and
    /// [`Quick::rules_out_unless_same_id`]. What [`compare`] asks first, so that a pair
    /// skipped here is one it would have turned away.
    pub fn rules_out(&self, other: &Quick) -> bool {
        let may_share_id = self.has_id && other.has_id && self.id_hash == other.id_hash;
        !may_share_id && self.rules_out_unless_same_id(other)
    }

    /// The family name, the gender, the date of birth or the given name rules a match out
    /// (only the same ID, which needs nothing else, still makes one).
    fn rules_out_unless_same_id(&self, other: &Quick) -> bool {
        self.family != other.family
            || rel(self.gender, other.gender) == Rel::Different
            || dob_relation(self, other) == DobRel::Different
            || !self.given.may_relate(&other.given)
            || !self.middle.may_relate(&other.middle)
    }
}

/// What [`name_relation`] asks of two folded middle names: the same, or one of them the
/// other with a word left out. Told apart here, the same family, date of birth and a given
/// name one letter apart no longer send a pair to the full comparison (of a generated
/// province's 76,000 such pairs, 67,000 had other middle names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Middle {
    hash: u64,
    words: u32,
}

impl Middle {
    fn of(middle: &str) -> Middle {
        let words = if middle.is_empty() {
            0
        } else {
            middle.split(' ').count()
        };
        Middle {
            hash: hash_of(middle),
            // A cell holds at most 32,767 characters: never saturates.
            words: words.try_into().unwrap_or(u32::MAX),
        }
    }

    /// False only when the middle names differ and neither is the other with one word
    /// left out, so that [`name_relation`] would find the names different.
    fn may_relate(&self, other: &Middle) -> bool {
        if self.words == other.words {
            self.hash == other.hash
        } else {
            self.words.abs_diff(other.words) == 1
        }
    }
}

impl<'p, 'a> Prepared<'p, 'a> {
    pub fn new(person: &'p Person<'a>, words: &mut WordKeys<'a>) -> Self {
        let name = Key::with_words(person.name, words);
        let id = crate::text::trim(person.personal_id);
        let folded = name.folded_parts();
        let quick = Quick {
            family: hash_of(folded.family),
            id_hash: if id.is_empty() { 0 } else { hash_of(id) },
            given: Given::of(folded.given),
            middle: Middle::of(folded.middle),
            date_of_birth: person.date_of_birth,
            year: person
                .date_of_birth
                .map(|(y, _, _)| y)
                .or(person.birth_year),
            gender: person.gender,
            has_id: !id.is_empty(),
        };
        Prepared {
            person,
            name,
            quick,
            others: OnceCell::new(),
        }
    }

    fn others(&self) -> &[Key; 5] {
        self.others.get_or_init(|| {
            let p = self.person;
            Box::new([p.father, p.mother, p.guardian, p.commune, p.village].map(Key::new))
        })
    }

    /// The personal ID without surrounding spaces ("" when missing or set aside).
    pub fn id(&self) -> &'a str {
        if !self.quick.has_id {
            return "";
        }
        crate::text::trim(self.person.personal_id)
    }

    pub fn has_full_date(&self) -> bool {
        self.quick.date_of_birth.is_some()
    }
}

/// What [`name_relation`] first asks of two folded given names, kept beside the record: most
/// pairs of a block share the family name and differ in the given name by more than a slip,
/// and this tells them apart without reading either name from memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Given {
    hash: u64,
    shape: Shape,
}

/// What the slip test reads of a given name: the name itself when it is ASCII (folded
/// Vietnamese is) and short, so that the test needs no other memory; else its length and
/// its first and last letters. Small: a province has 340,000 of them in memory at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Inline {
        len: u8,
        letters: [u8; INLINE],
    },
    Long {
        chars: u32,
        first: Option<char>,
        last: Option<char>,
    },
}

/// Longest given name held in a [`Shape::Inline`]: longer than any Vietnamese syllable.
const INLINE: usize = 11;

impl Given {
    fn of(given: &str) -> Given {
        let shape = if given.is_ascii() && given.len() <= INLINE {
            let mut letters = [0; INLINE];
            letters[..given.len()].copy_from_slice(given.as_bytes());
            Shape::Inline {
                len: given.len() as u8,
                letters,
            }
        } else {
            Shape::Long {
                chars: given.chars().count().try_into().unwrap_or(u32::MAX),
                first: given.chars().next(),
                last: given.chars().next_back(),
            }
        };
        Given {
            hash: hash_of(given),
            shape,
        }
    }

    /// False only when the given names differ and are not [`one_slip_apart`], so that
    /// [`name_relation`] would find the names different.
    fn may_relate(&self, other: &Given) -> bool {
        if self.hash == other.hash {
            return true;
        }
        match (self.shape.inline(), other.shape.inline()) {
            (Some(a), Some(b)) => ascii_slip_apart(a, b),
            _ => {
                let (ca, fa, la) = self.shape.outline();
                let (cb, fb, lb) = other.shape.outline();
                ca.min(cb) >= 3 && ca.abs_diff(cb) <= 1 && (fa == fb || la == lb)
            }
        }
    }
}

impl Shape {
    fn inline(&self) -> Option<&[u8]> {
        match self {
            Shape::Inline { len, letters } => letters.get(..usize::from(*len)),
            Shape::Long { .. } => None,
        }
    }

    /// The name's length in characters, and its first and last letters.
    fn outline(&self) -> (u32, Option<char>, Option<char>) {
        match *self {
            Shape::Long { chars, first, last } => (chars, first, last),
            Shape::Inline { .. } => {
                let name = self.inline().unwrap_or_default();
                let letter = |b: Option<&u8>| b.map(|b| char::from(*b));
                (name.len() as u32, letter(name.first()), letter(name.last()))
            }
        }
    }
}

/// A block key or a field's fingerprint. foldhash with its fixed seed: the same on every run,
/// and several times cheaper in wasm than SipHash (a province hashes a few million). Equal
/// hashes only ever mean "compare the values"; a collision costs a comparison, never a
/// wrong match, so the results do not depend on the hash (the page's 32-bit wasm and the
/// native CLI agree).
pub(super) fn hash_of(value: impl Hash) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::default().hash_one(value)
}

/// How two names relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NameRel {
    /// The same key: equal up to case, spacing, Unicode form and tone-mark placement.
    Same,
    /// Close enough to be one name under the differences named.
    Near {
        middle_missing: bool,
        given_typo: bool,
        accents: bool,
    },
    Different,
}

impl NameRel {
    /// How many of the named small differences the names show (accents counted apart).
    pub fn defects(self) -> u32 {
        match self {
            NameRel::Near {
                middle_missing,
                given_typo,
                ..
            } => u32::from(middle_missing) + u32::from(given_typo),
            _ => 0,
        }
    }

    pub fn accents(self) -> bool {
        matches!(self, NameRel::Near { accents: true, .. })
    }
}

/// The tone marks at the end of a toned key word (see `key.rs`), "" for a level tone.
fn tone_of(word: &str) -> &str {
    let cut = word
        .trim_end_matches(['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'])
        .len();
    word.get(cut..).unwrap_or("")
}

/// Whether the words of `short` are the words of `long` with exactly one word left out.
fn one_word_dropped(short: &str, long: &str) -> bool {
    let s: Vec<&str> = if short.is_empty() {
        Vec::new()
    } else {
        short.split(' ').collect()
    };
    let l: Vec<&str> = long.split(' ').collect();
    if long.is_empty() || l.len() != s.len() + 1 {
        return false;
    }
    (0..l.len()).any(|skip| {
        l.iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, w)| *w)
            .eq(s.iter().copied())
    })
}

/// Whether two different folded given names of at least three letters are one edit apart
/// (a letter replaced, dropped, added, or two neighbours swapped). Most pairs fail the cheap
/// tests: lengths more than one apart, or both the first and the last letters different (one
/// edit in three or more letters cannot change both).
fn one_slip_apart(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return ascii_slip_apart(a.as_bytes(), b.as_bytes());
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 3 || la.abs_diff(lb) > 1 {
        return false;
    }
    if a.chars().next() != b.chars().next() && a.chars().next_back() != b.chars().next_back() {
        return false;
    }
    strsim::osa_distance(a, b) == 1
}

/// [`one_slip_apart`] of two ASCII names, without allocating: a province tests a quarter of
/// a million pairs of given names this way.
fn ascii_slip_apart(a: &[u8], b: &[u8]) -> bool {
    if a.len().min(b.len()) < 3 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    // The first difference; one edit must begin there.
    let Some(at) = (0..short.len()).find(|&i| long[i] != short[i]) else {
        // One is the other with a letter added at the end (equal names are not a slip).
        return long.len() > short.len();
    };
    if long.len() > short.len() {
        return long[at + 1..] == short[at..];
    }
    let replaced = long[at + 1..] == short[at + 1..];
    let swapped = at + 1 < long.len()
        && long[at] == short[at + 1]
        && long[at + 1] == short[at]
        && long[at + 2..] == short[at + 2..];
    replaced || swapped
}

/// Compares two names (children's or parents').
///
/// Family names must agree (accents aside). Given names may differ by one letter when the
/// word keeps its tone ("Hồng"/"Hồnh"), but not by the tone alone ("Hà"/"Hạ" is `accents`,
/// which the rules treat as a different name unless everything else agrees). Middle names may
/// lack one word on one side. Names of one or two letters get no typo allowance: "An"/"Anh"
/// differ as names, not by a slip.
pub(super) fn name_relation(a: &Key, b: &Key) -> NameRel {
    if a.is_empty() || b.is_empty() {
        return NameRel::Different;
    }
    if a.toned == b.toned {
        return NameRel::Same;
    }
    let (fa, fb) = (a.folded_parts(), b.folded_parts());
    if fa.family != fb.family {
        return NameRel::Different;
    }
    let (ta, tb) = (a.toned_parts(), b.toned_parts());
    let mut accents = false;
    accents |= ta.family != tb.family;

    let mut given_typo = false;
    if fa.given == fb.given {
        accents |= ta.given != tb.given;
    } else {
        if one_slip_apart(fa.given, fb.given) && tone_of(ta.given) == tone_of(tb.given) {
            given_typo = true;
        } else {
            return NameRel::Different;
        }
    }

    let mut middle_missing = false;
    if fa.middle == fb.middle {
        accents |= ta.middle != tb.middle;
    } else {
        let (ts, tl, fs, fl) = if a.words < b.words {
            (ta.middle, tb.middle, fa.middle, fb.middle)
        } else {
            (tb.middle, ta.middle, fb.middle, fa.middle)
        };
        if one_word_dropped(ts, tl) {
            middle_missing = true;
        } else if one_word_dropped(fs, fl) {
            middle_missing = true;
            accents = true;
        } else {
            return NameRel::Different;
        }
    }
    NameRel::Near {
        middle_missing,
        given_typo,
        accents,
    }
}

/// How two birth dates relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DobRel {
    Same,
    /// Day and month swapped, both ≤ 12 (an English-locale Excel reading 05/06 as 6 May).
    Swapped,
    /// Same year, one or both records know only the year.
    YearOnly,
    /// One record has neither date nor year.
    Missing,
    Different,
}

pub(super) fn dob_relation(a: &Quick, b: &Quick) -> DobRel {
    match (a.date_of_birth, b.date_of_birth) {
        (Some(x), Some(y)) if x == y => DobRel::Same,
        (Some((ya, ma, da)), Some((yb, mb, db))) => {
            if ya == yb && ma == db && da == mb && ma <= 12 && da <= 12 {
                DobRel::Swapped
            } else {
                DobRel::Different
            }
        }
        _ => match (a.year, b.year) {
            (Some(x), Some(y)) if x == y => DobRel::YearOnly,
            (Some(_), Some(_)) => DobRel::Different,
            _ => DobRel::Missing,
        },
    }
}

/// A field that is either equal, missing on at least one side, or different.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rel {
    Same,
    Missing,
    Different,
}

fn rel<T: PartialEq>(a: Option<T>, b: Option<T>) -> Rel {
    match (a, b) {
        (Some(x), Some(y)) if x == y => Rel::Same,
        (Some(_), Some(_)) => Rel::Different,
        _ => Rel::Missing,
    }
}

fn text_rel(a: &Key, b: &Key) -> Rel {
    if a.is_empty() || b.is_empty() {
        Rel::Missing
    } else if a.toned == b.toned {
        Rel::Same
    } else {
        Rel::Different
    }
}

/// The personal IDs of two records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum IdRel {
    Same,
    BothMissing,
    OneMissing,
    Different,
}

fn id_relation(a: &Prepared, b: &Prepared) -> IdRel {
    let (ia, ib) = (a.id(), b.id());
    match (ia.is_empty(), ib.is_empty()) {
        (true, true) => IdRel::BothMissing,
        (true, false) | (false, true) => IdRel::OneMissing,
        _ if a.quick.id_hash == b.quick.id_hash && ia == ib => IdRel::Same,
        _ => IdRel::Different,
    }
}

/// What the parents' and guardians' names say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum ParentMatch {
    /// Names present on both records in the same role, none of them close.
    Different,
    /// Nothing to compare: each role is missing on one record or the other.
    None,
    /// A parent's name is close (missing middle name, one letter, accents).
    Similar,
    /// A parent's name is the same (or the guardian on one record is a parent on the other).
    Same,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ParentRel {
    pub best: ParentMatch,
    /// Whose name agreed exactly: father, mother, guardian.
    pub same: [bool; 3],
    /// Some role, filled on both records, disagrees although another agrees.
    pub differs: bool,
    /// Every role is identical (or empty on both records) and at least one is filled.
    pub identical: bool,
}

/// Compares the father, mother and guardian keys (the first three of `others`).
fn parent_relation(ka: &[Key], kb: &[Key]) -> ParentRel {
    let mut best = ParentMatch::None;
    let mut same = [false; 3];
    let mut any_different = false;
    let mut identical = true;
    let mut filled = false;
    for role in 0..3 {
        let (x, y) = (&ka[role], &kb[role]);
        filled |= !x.is_empty() || !y.is_empty();
        identical &= x.toned == y.toned;
        if x.is_empty() || y.is_empty() {
            continue;
        }
        match name_relation(x, y) {
            NameRel::Same => {
                same[role] = true;
                best = best.max(ParentMatch::Same);
            }
            NameRel::Near { .. } => best = best.max(ParentMatch::Similar),
            NameRel::Different => any_different = true,
        }
    }
    // Who is "guardian" on one list may be the father or mother on the other.
    let crossed = |g: &Key, others: &[Key]| {
        !g.is_empty() && (g.toned == others[0].toned || g.toned == others[1].toned)
    };
    if crossed(&ka[2], kb) || crossed(&kb[2], ka) {
        same[2] = true;
        best = best.max(ParentMatch::Same);
    }
    if best == ParentMatch::None && any_different {
        best = ParentMatch::Different;
    }
    ParentRel {
        best,
        same,
        differs: any_different && best > ParentMatch::None,
        identical: identical && filled,
    }
}

/// Every relation between two records.
#[derive(Clone, Copy, Debug)]
pub(super) struct Comparison {
    pub name: NameRel,
    pub dob: DobRel,
    pub gender: Rel,
    pub parents: ParentRel,
    pub commune: Rel,
    pub village: Rel,
    pub id: IdRel,
}

/// The cheap relations (ID, gender, date, name), or `None` when they already rule a match
/// out. Parents and places, which cost allocations, are compared only for the few pairs that
/// pass.
pub(super) fn compare(a: &Prepared, b: &Prepared) -> Option<Comparison> {
    // Cheapest tests first: this runs for every pair of every block.
    let (qa, qb) = (&a.quick, &b.quick);
    if qa.rules_out(qb) {
        return None;
    }
    let id = id_relation(a, b);
    if id != IdRel::Same && qa.rules_out_unless_same_id(qb) {
        return None;
    }
    let name = name_relation(&a.name, &b.name);
    if id != IdRel::Same && name == NameRel::Different {
        return None;
    }
    let (ka, kb) = (a.others(), b.others());
    Some(Comparison {
        name,
        dob: dob_relation(qa, qb),
        gender: rel(qa.gender, qb.gender),
        parents: parent_relation(&ka[..3], &kb[..3]),
        commune: text_rel(&ka[3], &kb[3]),
        village: text_rel(&ka[4], &kb[4]),
        id,
    })
}

impl Comparison {
    /// The facts of this pair as [`Evidence`].
    pub fn reason(&self) -> Reason {
        let mut r = Reason::empty();
        match self.name {
            NameRel::Same => r.add(Evidence::SameName),
            NameRel::Near {
                middle_missing,
                given_typo,
                accents,
            } => {
                for (on, e) in [
                    (middle_missing, Evidence::NameMiddleMissing),
                    (given_typo, Evidence::NameGivenTypo),
                    (accents, Evidence::NameAccents),
                ] {
                    if on {
                        r.add(e);
                    }
                }
            }
            NameRel::Different => {}
        }
        match self.dob {
            DobRel::Same => r.add(Evidence::SameDob),
            DobRel::Swapped => r.add(Evidence::DobDayMonthSwapped),
            DobRel::YearOnly => r.add(Evidence::DobYearOnly),
            DobRel::Missing => r.add(Evidence::DobMissing),
            DobRel::Different => {}
        }
        match self.gender {
            Rel::Same => r.add(Evidence::SameGender),
            Rel::Missing => r.add(Evidence::GenderMissing),
            Rel::Different => {}
        }
        for (same, e) in self.parents.same.iter().zip([
            Evidence::SameFather,
            Evidence::SameMother,
            Evidence::SameGuardian,
        ]) {
            if *same {
                r.add(e);
            }
        }
        match self.parents.best {
            ParentMatch::Similar => r.add(Evidence::ParentSimilar),
            ParentMatch::None => r.add(Evidence::ParentMissing),
            ParentMatch::Same | ParentMatch::Different => {}
        }
        if self.parents.differs {
            r.add(Evidence::ParentDiffers);
        }
        match self.id {
            IdRel::Same => r.add(Evidence::SameId),
            IdRel::OneMissing => r.add(Evidence::IdMissing),
            IdRel::Different => r.add(Evidence::IdDiffers),
            IdRel::BothMissing => {}
        }
        match self.commune {
            Rel::Same => r.add(Evidence::SameCommune),
            Rel::Different => r.add(Evidence::CommuneDiffers),
            Rel::Missing => {}
        }
        if self.village == Rel::Same {
            r.add(Evidence::SameVillage);
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: &str, b: &str) -> NameRel {
        name_relation(&Key::new(a), &Key::new(b))
    }

    #[test]
    fn names() {
        assert_eq!(rel("Nguyễn Thị Hoà", "nguyễn thị  hòa"), NameRel::Same);
        assert_eq!(
            rel("Nguyễn Thị Hồng", "Nguyễn Hồng"),
            NameRel::Near {
                middle_missing: true,
                given_typo: false,
                accents: false
            }
        );
        assert_eq!(
            rel("Nguyễn Thị Hồng", "Nguyễn Thị Hồnh"),
            NameRel::Near {
                middle_missing: false,
                given_typo: true,
                accents: false
            }
        );
        assert_eq!(
            rel("Lê Thu Hà", "Lê Thu Hạ"),
            NameRel::Near {
                middle_missing: false,
                given_typo: false,
                accents: true
            }
        );
        assert_eq!(rel("Lê Thu Hà", "Lê Thu Hải"), NameRel::Different); // "ha" vs "hai": short, tone differs
        assert_eq!(rel("Trần Văn An", "Trần Văn Bình"), NameRel::Different);
        assert_eq!(rel("Trần Văn An", "Trần Văn Anh"), NameRel::Different);
        assert_eq!(rel("Trần Văn An", "Phạm Văn An"), NameRel::Different);
        assert_eq!(rel("Trần Văn An", ""), NameRel::Different);
        assert_eq!(
            rel("Trần Minh Văn An", "Trần Văn An"),
            NameRel::Near {
                middle_missing: true,
                given_typo: false,
                accents: false
            }
        );
        assert_eq!(rel("Trần Minh Văn An", "Trần An"), NameRel::Different);
        assert_eq!(rel("Hồng", "Hồng"), NameRel::Same);
    }

    #[test]
    fn dropped_words() {
        assert!(one_word_dropped("", "thi"));
        assert!(one_word_dropped("thi", "thi minh"));
        assert!(one_word_dropped("minh", "thi minh"));
        assert!(!one_word_dropped("", ""));
        assert!(!one_word_dropped("thu", "thi minh"));
        assert!(!one_word_dropped("", "thi minh"));
    }

    #[test]
    fn slips() {
        assert!(one_slip_apart("hong", "honh"));
        assert!(one_slip_apart("hong", "ohng"));
        assert!(one_slip_apart("hong", "xhong"));
        assert!(one_slip_apart("hong", "hon"));
        assert!(one_slip_apart("minh", "linh"));
        assert!(!one_slip_apart("an", "am"));
        assert!(!one_slip_apart("tung", "tam"));
        assert!(!one_slip_apart("hong", "hong"));
    }

    proptest::proptest! {
        /// The given- and middle-name shortcuts only ever turn away pairs whose names
        /// differ.
        #[test]
        fn the_name_shortcuts_turn_away_only_different_names(
            a in proptest::collection::vec(0usize..1000, 0..5),
            b in proptest::collection::vec(0usize..1000, 0..5),
            family in 0usize..1000,
        ) {
            // Words in the spellings a province uses, so that many pairs are near each other.
            const WORDS: &[&str] = &[
                "Nguyễn", "nguyen", "Thị", "Văn", "Hồng", "Hồnh", "Hông", "Hoà", "hòa", "Hà",
                "Hạ", "Hải", "An", "Anh", "Ân", "Minh", "Linh", "Lình", "Đức", "Duc", "Ngọc",
                "Ngoc", "Thu", "Thư", "Y", "Bình", "Binh", "Bính", "Tú", "Tụ", "Tuấn", "",
            ];
            let name = |v: &[usize]| -> String {
                let mut words = vec![WORDS[family % WORDS.len()]];
                words.extend(v.iter().map(|i| WORDS[i % WORDS.len()]));
                words.join(" ")
            };
            let (a, b) = (name(&a), name(&b));
            let (ka, kb) = (Key::new(&a), Key::new(&b));
            let (ga, gb) = (Given::of(ka.folded_parts().given), Given::of(kb.folded_parts().given));
            if !ga.may_relate(&gb) {
                proptest::prop_assert_eq!(name_relation(&ka, &kb), NameRel::Different, "{:?} {:?}", a, b);
            }
            let (ma, mb) = (Middle::of(ka.folded_parts().middle), Middle::of(kb.folded_parts().middle));
            if !ma.may_relate(&mb) {
                proptest::prop_assert_eq!(name_relation(&ka, &kb), NameRel::Different, "{:?} {:?}", a, b);
            }
        }
    }

    proptest::proptest! {
        /// The ASCII slip test is the Unicode one (strsim's optimal string alignment).
        #[test]
        fn the_ascii_slip_test_agrees_with_strsim(a in "[abhn]{0,6}", b in "[abhn]{0,6}") {
            let slow = {
                let (la, lb) = (a.len(), b.len());
                la.min(lb) >= 3
                    && la.abs_diff(lb) <= 1
                    && (a.chars().next() == b.chars().next()
                        || a.chars().next_back() == b.chars().next_back())
                    && strsim::osa_distance(&a, &b) == 1
            };
            proptest::prop_assert_eq!(ascii_slip_apart(a.as_bytes(), b.as_bytes()), slow);
        }
    }

    #[test]
    fn an_id_is_read_without_the_spaces_around_it() {
        for id in [
            "079315000002",
            " 079315000002",
            "079315000002\u{a0}",
            "\t0793 ",
            " ",
            "",
        ] {
            let person = Person {
                row: 1,
                name: "Lê An",
                personal_id: id,
                ..Person::default()
            };
            let mut words = WordKeys::default();
            let p = Prepared::new(&person, &mut words);
            assert_eq!(p.id(), id.trim(), "{id:?}");
        }
    }

    #[test]
    fn tones() {
        assert_eq!(tone_of(&Key::new("Hồng").toned), "\u{300}");
        assert_eq!(tone_of("ha"), "");
    }
}
