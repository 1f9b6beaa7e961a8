//! The duplicate and merge engines (`checks::duplicates`): fixtures with known groups and near
//! misses (`tests/fixtures/duplicates/*.csv`), a property test of damaged copies, a measurement
//! of recall and precision on a generated list of 20,000 records, and a timing on 340,000.
//!
//! `cargo test --release --test duplicates -- --nocapture` prints the figures; the 340,000-row
//! timing runs only in a release build.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;
use std::time::Instant;

use lamsach::checks::duplicates::{
    find_duplicates, find_duplicates_with_stats, match_new_children, match_new_children_explained,
    Evidence, Gender, Group, MatchKind, NewChildMatch, Person, Stats, BLOCK_CAP, RULES,
};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------------------------------------
// Records as the tests hold them (owned), and the CSV fixtures.

#[derive(Clone, Debug, Default)]
struct Rec {
    row: u32,
    name: String,
    dob: Option<(u16, u8, u8)>,
    year: Option<u16>,
    gender: Option<Gender>,
    father: String,
    mother: String,
    guardian: String,
    id: String,
    commune: String,
    village: String,
    /// Fixture expectations (see the CSV headers).
    group: String,
    kind: String,
    rule: String,
}

impl Rec {
    fn person(&self) -> Person<'_> {
        Person {
            row: self.row,
            name: &self.name,
            date_of_birth: self.dob,
            birth_year: if self.dob.is_none() { self.year } else { None },
            gender: self.gender,
            father: &self.father,
            mother: &self.mother,
            guardian: &self.guardian,
            personal_id: &self.id,
            commune: &self.commune,
            village: &self.village,
        }
    }
}

fn people(recs: &[Rec]) -> Vec<Person<'_>> {
    recs.iter().map(Rec::person).collect()
}

fn parse_dob(s: &str) -> (Option<(u16, u8, u8)>, Option<u16>) {
    let parts: Vec<&str> = s.split('/').collect();
    match parts.as_slice() {
        [d, m, y] => {
            let dob = (
                y.parse().expect("year"),
                m.parse().expect("month"),
                d.parse().expect("day"),
            );
            (Some(dob), Some(dob.0))
        }
        [y] if !y.is_empty() => (None, Some(y.parse().expect("year"))),
        _ => (None, None),
    }
}

/// The fixture CSVs: no quoted fields (names hold no commas), `#` comment lines, a header.
fn load(text: &str) -> Vec<Rec> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            assert!(f.len() >= 13, "13 fields in {line}");
            let (dob, year) = parse_dob(f[2]);
            Rec {
                row: f[0].parse().expect("row"),
                name: f[1].into(),
                dob,
                year,
                gender: match f[3] {
                    "Nam" => Some(Gender::Male),
                    "Nữ" => Some(Gender::Female),
                    _ => None,
                },
                father: f[4].into(),
                mother: f[5].into(),
                guardian: f[6].into(),
                id: f[7].into(),
                commune: f[8].into(),
                village: f[9].into(),
                group: f[10].into(),
                kind: f[11].into(),
                rule: f[12].into(),
            }
        })
        .collect()
}

const GROUPS: &str = include_str!("../../tests/fixtures/duplicates/groups.csv");
const MERGE_EXISTING: &str = include_str!("../../tests/fixtures/duplicates/merge_existing.csv");
const MERGE_NEW: &str = include_str!("../../tests/fixtures/duplicates/merge_new.csv");
const NAME_PARTS: &str = include_str!("../../tests/fixtures/duplicates/name_parts.txt");

fn kind_name(kind: MatchKind) -> &'static str {
    match kind {
        MatchKind::Exact => "exact",
        MatchKind::Probable => "probable",
    }
}

// ---------------------------------------------------------------------------------------------
// Fixtures.

#[test]
fn fixture_groups_and_near_misses() {
    let recs = load(GROUPS);
    let found = find_duplicates(&people(&recs));
    for g in &found {
        println!(
            "{:?} {} {} {}",
            g.rows,
            kind_name(g.kind),
            g.rule().code,
            g.reason
        );
    }

    let mut expected: BTreeMap<&str, (BTreeSet<u32>, &str, &str)> = BTreeMap::new();
    for r in recs.iter().filter(|r| !r.group.is_empty()) {
        let e = expected
            .entry(&r.group)
            .or_insert_with(|| (BTreeSet::new(), &r.kind, &r.rule));
        e.0.insert(r.row);
    }
    let note = |row: u32| {
        recs.iter()
            .find(|r| r.row == row)
            .map_or("", |r| r.group.as_str())
    };
    for (label, (rows, kind, rule)) in &expected {
        let g = found
            .iter()
            .find(|g| g.rows.iter().copied().collect::<BTreeSet<_>>() == *rows)
            .unwrap_or_else(|| panic!("group {label} {rows:?} not found"));
        assert_eq!(kind_name(g.kind), *kind, "kind of group {label}");
        assert_eq!(g.rule().code, *rule, "rule of group {label}");
    }
    for g in &found {
        let labels: BTreeSet<&str> = g.rows.iter().map(|r| note(*r)).collect();
        assert!(
            labels.len() == 1 && !labels.contains(""),
            "unexpected group {:?} ({})",
            g.rows,
            g.reason
        );
    }
    assert_eq!(found.len(), expected.len());
}

#[test]
fn fixture_reasons_say_what_differed() {
    let recs = load(GROUPS);
    let found = find_duplicates(&people(&recs));
    let group = |row: u32| found.iter().find(|g| g.rows.contains(&row)).expect("group");
    let b = group(12).reason;
    assert!(
        b.contains(Evidence::NameMiddleMissing) && b.contains(Evidence::DobDayMonthSwapped),
        "{b}"
    );
    assert!(
        b.contains(Evidence::SameFather) && b.contains(Evidence::SameMother),
        "{b}"
    );
    assert_eq!(
        group(14).reason.to_string(),
        "same_dob+same_gender+same_father+same_mother+same_commune+same_village+name_given_typo+id_missing"
    );
    assert!(group(24).reason.contains(Evidence::NameAccents));
    assert!(group(26).reason.contains(Evidence::DobYearOnly));
    assert!(group(35).reason.contains(Evidence::IdDiffers));
    assert!(group(10).reason.contains(Evidence::CommuneDiffers));
    assert!(group(37).reason.contains(Evidence::ParentMissing));
    assert!(group(39).reason.contains(Evidence::SameGuardian));
    assert!(group(45).reason.contains(Evidence::DobMissing));
    // The chain's group keeps each pair's own reason.
    let chain = group(30);
    assert_eq!(chain.links.len(), 3);
    assert!(chain
        .links
        .iter()
        .any(|l| l.rows == (30, 31) && l.kind == MatchKind::Exact));
    assert!(
        !chain.reason.contains(Evidence::SameName),
        "not the same name in every link"
    );
}

#[test]
fn fixture_merge_new_children() {
    let existing = load(MERGE_EXISTING);
    let new = load(MERGE_NEW);
    let outcomes = match_new_children(&people(&existing), &people(&new));
    assert_eq!(outcomes.len(), new.len());
    for (r, got) in new.iter().zip(&outcomes) {
        let want = match r.group.split_once(':') {
            Some(("already", row)) => NewChildMatch::AlreadyThere {
                row: row.parse().expect("row"),
            },
            Some(("possibly", rows)) => NewChildMatch::PossiblyThere {
                rows: rows.split(' ').map(|x| x.parse().expect("row")).collect(),
            },
            _ => NewChildMatch::New,
        };
        assert_eq!(*got, want, "new child in row {}", r.row);
    }
    let explained = match_new_children_explained(&people(&existing), &people(&new));
    let swapped = &explained[2];
    assert!(swapped
        .links
        .iter()
        .all(|l| l.reason.contains(Evidence::DobDayMonthSwapped) && l.rows.1 == 4));
    // A new list compared with itself finds nothing across: only existing vs new pairs count.
    assert!(match_new_children(&[], &people(&new))
        .iter()
        .all(|m| *m == NewChildMatch::New));
}

#[test]
fn rules_have_codes_and_bilingual_help() {
    let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), RULES.len());
    for r in RULES {
        assert!(
            r.code.starts_with("dup.") || r.code.starts_with("merge."),
            "{}",
            r.code
        );
        for section in [
            "**Kiểm tra:**",
            "**What it checks:**",
            "**Vì sao / Why:**",
            "**Ví dụ / Example:**",
            "**Cách sửa / Fix:**",
        ] {
            assert!(r.help.contains(section), "{} lacks {section}", r.code);
        }
        assert!(!r.message_vi.is_empty() && !r.message_en.is_empty());
    }
}

#[test]
fn odd_input_never_panics() {
    let long = "Nguyễn ".repeat(5_000);
    let weird = [
        "",
        " ",
        "\u{300}\u{301}",
        "'",
        "-",
        "Đ",
        "a\u{323}\u{302}\u{309}",
        "\u{200b}",
        "İ",
        "ǅ",
        "💡 An",
        "123",
        &long,
    ];
    let mut recs = Vec::new();
    for (i, w) in weird.iter().enumerate() {
        for dob in [
            None,
            Some((0, 0, 0)),
            Some((2015, 13, 40)),
            Some((2015, 2, 31)),
            Some((u16::MAX, u8::MAX, u8::MAX)),
        ] {
            recs.push(Rec {
                row: recs.len() as u32,
                name: w.to_string(),
                dob,
                year: if i % 2 == 0 { Some(2015) } else { None },
                father: w.to_string(),
                mother: weird[(i + 1) % weird.len()].to_string(),
                guardian: w.to_string(),
                id: if i % 3 == 0 {
                    "079215000001".into()
                } else {
                    w.to_string()
                },
                commune: w.to_string(),
                ..Rec::default()
            });
        }
    }
    let ps = people(&recs);
    let _ = find_duplicates(&ps);
    let _ = match_new_children(&ps, &ps);
    assert!(find_duplicates(&[]).is_empty());
    assert!(match_new_children(&[], &[]).is_empty());
}

#[test]
fn a_placeholder_id_is_not_a_group() {
    let parts = parts();
    let mut rng = Rng::new(7);
    let mut recs: Vec<Rec> = (0..200).map(|_| random_child(&mut rng, parts)).collect();
    for r in &mut recs {
        r.id = "000000000000".into();
    }
    for (i, r) in recs.iter_mut().enumerate() {
        r.row = i as u32 + 2;
    }
    let (groups, stats) = find_duplicates_with_stats(&people(&recs));
    assert!(groups.iter().all(|g| !g.reason.contains(Evidence::SameId)));
    assert_eq!(stats.ids_over_cap, 1);
}

/// 6,000 records on one placeholder date (01/01/2015) make a block over the cap: compared by
/// sorted neighbourhood, the damaged copies are still found.
#[test]
fn a_huge_block_is_compared_by_neighbourhood() {
    let parts = parts();
    let mut rng = Rng::new(11);
    let mut recs: Vec<Rec> = (0..6_000)
        .map(|_| {
            let mut r = random_child(&mut rng, parts);
            r.dob = Some((2015, 1, 1));
            r.year = Some(2015);
            r
        })
        .collect();
    let originals = recs.len();
    for i in (0..originals).step_by(100) {
        let mut copy = recs[i].clone();
        copy.name = copy.name.to_uppercase();
        copy.id.clear();
        recs.push(copy);
    }
    for (i, r) in recs.iter_mut().enumerate() {
        r.row = i as u32 + 2;
    }
    let (groups, stats) = find_duplicates_with_stats(&people(&recs));
    assert!(
        stats.capped_blocks >= 1 && stats.largest_block > BLOCK_CAP,
        "{stats:?}"
    );
    let together = |a: u32, b: u32| {
        groups
            .iter()
            .any(|g| g.rows.contains(&a) && g.rows.contains(&b))
    };
    for (k, i) in (0..originals).step_by(100).enumerate() {
        assert!(
            together(i as u32 + 2, (originals + k) as u32 + 2),
            "copy of row {} not found",
            i + 2
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Generated records: name parts, a seeded generator, damage.

struct Parts {
    family: Vec<(String, u32)>,
    middle_m: Vec<(String, u32)>,
    middle_f: Vec<(String, u32)>,
    given_m: Vec<(String, u32)>,
    given_f: Vec<(String, u32)>,
    commune: Vec<(String, u32)>,
    village: Vec<(String, u32)>,
    /// Syllables of place names, for as many communes as a list needs.
    place: Vec<String>,
}

fn parts() -> &'static Parts {
    static PARTS: OnceLock<Parts> = OnceLock::new();
    PARTS.get_or_init(|| {
        let mut p = Parts {
            family: Vec::new(),
            middle_m: Vec::new(),
            middle_f: Vec::new(),
            given_m: Vec::new(),
            given_f: Vec::new(),
            commune: Vec::new(),
            village: Vec::new(),
            place: Vec::new(),
        };
        for line in NAME_PARTS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let (section, rest) = line.split_once(' ').expect("SECTION WORDS");
            if section == "place" {
                p.place = rest.split(' ').map(String::from).collect();
                continue;
            }
            let (words, weight) = match rest.rsplit_once(" *") {
                Some((w, n)) => (w, n.parse().expect("weight")),
                None => (rest, 1),
            };
            let list = match section {
                "family" => &mut p.family,
                "middle_m" => &mut p.middle_m,
                "middle_f" => &mut p.middle_f,
                "given_m" => &mut p.given_m,
                "given_f" => &mut p.given_f,
                "commune" => &mut p.commune,
                "village" => &mut p.village,
                other => panic!("unknown section {other}"),
            };
            list.push((words.to_string(), weight));
        }
        p
    })
}

/// xorshift64*: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).max(1))
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn weighted<'a>(&mut self, items: &'a [(String, u32)]) -> &'a str {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut r = self.below(total as usize) as u32;
        for (s, w) in items {
            if r < *w {
                return s;
            }
            r -= w;
        }
        items.last().map_or("", |(s, _)| s)
    }
}

fn days_in(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn random_date(rng: &mut Rng) -> (u16, u8, u8) {
    random_date_with(rng, 0.0)
}

/// A date of birth 2010–2026; with chance `placeholder` the 01/01 typed when the day was unknown.
fn random_date_with(rng: &mut Rng, placeholder: f64) -> (u16, u8, u8) {
    let y = 2010 + rng.below(17) as u16;
    if rng.chance(placeholder) {
        return (y, 1, 1);
    }
    let m = 1 + rng.below(12) as u8;
    let d = 1 + rng.below(usize::from(days_in(y, m))) as u8;
    (y, m, d)
}

fn adult(rng: &mut Rng, p: &Parts, family: &str, male: bool) -> String {
    let (middle, given) = if male {
        (&p.middle_m, &p.given_m)
    } else {
        (&p.middle_f, &p.given_f)
    };
    format!("{family} {} {}", rng.weighted(middle), rng.weighted(given))
}

/// A personal ID: province code, century and sex digit, year, serial (unique per call).
fn personal_id(rng: &mut Rng, serial: &mut u32, year: u16, gender: Option<Gender>) -> String {
    *serial += 1;
    let sex = if gender == Some(Gender::Female) { 3 } else { 2 };
    format!(
        "{:03}{sex}{:02}{:06}",
        1 + rng.below(96),
        year % 100,
        *serial
    )
}

/// One child with parents, unrelated to anyone else.
fn random_child(rng: &mut Rng, p: &Parts) -> Rec {
    let family = rng.weighted(&p.family).to_string();
    let male = rng.chance(0.5);
    let (middle, given) = if male {
        (&p.middle_m, &p.given_m)
    } else {
        (&p.middle_f, &p.given_f)
    };
    let dob = random_date(rng);
    Rec {
        name: format!("{family} {} {}", rng.weighted(middle), rng.weighted(given)),
        dob: Some(dob),
        year: Some(dob.0),
        gender: Some(if male { Gender::Male } else { Gender::Female }),
        father: adult(rng, p, &family, true),
        mother: {
            let f = rng.weighted(&p.family).to_string();
            adult(rng, p, &f, false)
        },
        commune: rng.weighted(&p.commune).into(),
        village: rng.weighted(&p.village).into(),
        id: format!("{:012}", rng.below(1_000_000_000_000)),
        ..Rec::default()
    }
}

/// A generated record and who it really is.
struct Truth {
    child: u32,
    /// The child has a twin in the list (same parents and date, another given name).
    twin: bool,
    /// A damaged copy: the kinds of damage done.
    damage: Vec<&'static str>,
}

/// Commune names for a list of `n` records: one commune per 2,000 children, as in the country
/// (about 24 million children in about 10,500 communes), and at least 10.
fn communes(rng: &mut Rng, p: &Parts, n: usize) -> Vec<(String, u32)> {
    let want = (n / 2_000).max(10);
    let mut names: BTreeSet<String> = BTreeSet::new();
    while names.len() < want {
        let prefix = ["Xã", "Xã", "Xã", "Phường", "Thị trấn"][rng.below(5)];
        let (a, b) = (
            &p.place[rng.below(p.place.len())],
            &p.place[rng.below(p.place.len())],
        );
        if a != b {
            names.insert(format!("{prefix} {a} {b}"));
        }
    }
    names.into_iter().map(|c| (c, 1)).collect()
}

/// A list like a province's export: households of one to three children, about `twins` of the
/// records twins, about `dups` of them a damaged copy of another record, in random order.
fn generate(n: usize, seed: u64, dups: f64, twins: f64) -> (Vec<Rec>, Vec<Truth>) {
    generate_with(n, seed, dups, twins, 0.0)
}

/// [`generate`] with a share of dates replaced by the 01/01 placeholder.
fn generate_with(
    n: usize,
    seed: u64,
    dups: f64,
    twins: f64,
    placeholder: f64,
) -> (Vec<Rec>, Vec<Truth>) {
    let p = parts();
    let mut rng = Rng::new(seed);
    let communes = communes(&mut rng, p, n);
    let mut recs: Vec<(Rec, Truth)> = Vec::with_capacity(n + n / 20);
    let mut serial = 0u32;
    let mut child = 0u32;
    let originals = (n as f64 / (1.0 + dups)) as usize;
    while recs.len() < originals {
        let family = rng.weighted(&p.family).to_string();
        let mother_family = rng.weighted(&p.family).to_string();
        let father = if rng.chance(0.92) {
            adult(&mut rng, p, &family, true)
        } else {
            String::new()
        };
        let mother = if rng.chance(0.97) {
            adult(&mut rng, p, &mother_family, false)
        } else {
            String::new()
        };
        let guardian = if rng.chance(0.04) {
            let f = rng.weighted(&p.family).to_string();
            let male = rng.chance(0.5);
            adult(&mut rng, p, &f, male)
        } else {
            String::new()
        };
        let commune = rng.weighted(&communes).to_string();
        let village = rng.weighted(&p.village).to_string();
        let kids = 1 + rng.below(3);
        let mut given_used: Vec<String> = Vec::new();
        for _ in 0..kids {
            let twin = rng.chance(twins / 2.0);
            let dob = random_date_with(&mut rng, placeholder);
            let (full, year) = match rng.below(100) {
                0..=2 => (None, Some(dob.0)),
                3 => (None, None),
                _ => (Some(dob), Some(dob.0)),
            };
            for _ in 0..if twin { 2 } else { 1 } {
                let male = rng.chance(0.5);
                let gender = if rng.chance(0.02) {
                    None
                } else {
                    Some(if male { Gender::Male } else { Gender::Female })
                };
                let (middle, given_list) = if male {
                    (&p.middle_m, &p.given_m)
                } else {
                    (&p.middle_f, &p.given_f)
                };
                let mut given = rng.weighted(given_list).to_string();
                while given_used.contains(&given) {
                    given = rng.weighted(given_list).to_string();
                }
                given_used.push(given.clone());
                let fam = if rng.chance(0.95) {
                    &family
                } else {
                    &mother_family
                };
                let name = format!("{fam} {} {given}", rng.weighted(middle));
                let id = if rng.chance(0.6) {
                    personal_id(&mut rng, &mut serial, dob.0, gender)
                } else {
                    String::new()
                };
                let rec = Rec {
                    name,
                    dob: full,
                    year,
                    gender,
                    father: father.clone(),
                    mother: mother.clone(),
                    guardian: guardian.clone(),
                    id,
                    commune: commune.clone(),
                    village: village.clone(),
                    ..Rec::default()
                };
                recs.push((
                    rec,
                    Truth {
                        child,
                        twin,
                        damage: Vec::new(),
                    },
                ));
                child += 1;
            }
        }
    }
    let count = recs.len();
    for i in 0..count {
        if rng.chance(dups) {
            let (copy, damage) = damaged_copy(&recs[i].0, &mut rng, p, &communes);
            let truth = Truth {
                child: recs[i].1.child,
                twin: recs[i].1.twin,
                damage,
            };
            recs.push((copy, truth));
        }
    }
    // Shuffle (Fisher–Yates) so copies are not next to their originals.
    for i in (1..recs.len()).rev() {
        let j = rng.below(i + 1);
        recs.swap(i, j);
    }
    let (mut recs, truths): (Vec<Rec>, Vec<Truth>) = recs.into_iter().unzip();
    for (i, r) in recs.iter_mut().enumerate() {
        r.row = i as u32 + 2;
    }
    (recs, truths)
}

/// A copy of `r` damaged the ways a second registration of the same child is: always some
/// cosmetic damage, and with realistic odds the differences the engine allows.
fn damaged_copy(
    r: &Rec,
    rng: &mut Rng,
    p: &Parts,
    communes: &[(String, u32)],
) -> (Rec, Vec<&'static str>) {
    let mut c = r.clone();
    let mut kinds = Vec::new();
    type Cosmetic = (&'static str, fn(&str) -> String);
    let cosmetic: [Cosmetic; 5] = [
        ("upper", |s| s.to_uppercase()),
        ("lower", |s| s.to_lowercase()),
        ("spacing", |s| format!(" {}  ", s.replace(' ', "  "))),
        ("tone_place", move_tones),
        ("nfd", |s| s.nfd().collect()),
    ];
    let (kind, f) = cosmetic[rng.below(cosmetic.len())];
    c.name = f(&c.name);
    c.mother = f(&c.mother);
    kinds.push(kind);
    if rng.chance(0.2) {
        if let Some(name) = drop_middle(&c.name, rng.below(4)) {
            c.name = name;
            kinds.push("middle_dropped");
        }
    }
    if rng.chance(0.2) {
        let (op, pos, letter) = (rng.below(4) as u8, rng.below(16), rng.below(26) as u8);
        if let Some(name) = typo_in_given(&c.name, op, pos, letter) {
            c.name = name;
            kinds.push("given_typo");
        }
    }
    if rng.chance(0.15) {
        if let Some((y, m, d)) = c.dob.filter(|(_, m, d)| m != d && *m <= 12 && *d <= 12) {
            c.dob = Some((y, d, m));
            kinds.push("day_month_swapped");
        }
    }
    if rng.chance(0.04) && c.dob.is_some() {
        c.dob = None;
        kinds.push("year_only");
    }
    if rng.chance(0.15) {
        c.commune = rng.weighted(communes).into();
        c.village = rng.weighted(&p.village).into();
        kinds.push("moved");
    }
    if !c.id.is_empty() && rng.chance(0.4) {
        c.id.clear();
        kinds.push("id_dropped");
    }
    if rng.chance(0.1) {
        if rng.chance(0.5) {
            c.father.clear();
        } else {
            c.mother.clear();
        }
        kinds.push("parent_dropped");
    }
    if rng.chance(0.1) {
        if let Some(name) = drop_middle(&c.father, 0) {
            c.father = name;
            kinds.push("parent_middle_dropped");
        }
    }
    if rng.chance(0.05) {
        c.gender = None;
        kinds.push("gender_dropped");
    }
    if rng.chance(0.03) {
        c.name = strip_accents_of_given(&c.name);
        kinds.push("given_accents_lost");
    }
    (c, kinds)
}

/// NFD split into letters, each with the marks that follow it.
fn units(word: &str) -> Vec<Vec<char>> {
    let mut out: Vec<Vec<char>> = Vec::new();
    for c in word.nfd() {
        match out.last_mut() {
            Some(u) if ('\u{300}'..='\u{36f}').contains(&c) => u.push(c),
            _ => out.push(vec![c]),
        }
    }
    out
}

fn is_tone(c: char) -> bool {
    matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
}

fn fold(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'đ' => 'd',
        l => l,
    }
}

/// Moves the tone between the two vowels of open oa/oe/uy syllables ("Hoà" ↔ "Hòa").
fn move_tones(s: &str) -> String {
    let words: Vec<String> = s
        .split(' ')
        .map(|w| {
            let mut u = units(w);
            let n = u.len();
            if n < 2 || (n >= 3 && fold(u[n - 3][0]) == 'q') {
                return w.to_string();
            }
            let pair = (fold(u[n - 2][0]), fold(u[n - 1][0]));
            let plain = |x: &Vec<char>| x[1..].iter().all(|c| is_tone(*c)) && x.len() <= 2;
            if !matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y'))
                || !plain(&u[n - 2])
                || !plain(&u[n - 1])
            {
                return w.to_string();
            }
            match (u[n - 2].len(), u[n - 1].len()) {
                (2, 1) => {
                    let t = u[n - 2].remove(1);
                    u[n - 1].push(t);
                }
                (1, 2) => {
                    let t = u[n - 1].remove(1);
                    u[n - 2].push(t);
                }
                _ => {}
            }
            u.concat().into_iter().collect::<String>().nfc().collect()
        })
        .collect();
    words.join(" ")
}

/// The name without its `k`-th middle word (None when it has no middle name).
fn drop_middle(name: &str, k: usize) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 3 {
        return None;
    }
    let skip = 1 + k % (words.len() - 2);
    Some(
        words
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, w)| *w)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// One slip of the finger in the given name (the last word): a letter replaced, dropped,
/// added, or two neighbours swapped; the word's tone mark stays. None when the given name has
/// fewer than three letters (the engine allows no slip there) or the slip would change nothing.
fn typo_in_given(name: &str, op: u8, pos: usize, letter: u8) -> Option<String> {
    let (head, given) = name.trim_end().rsplit_once(' ')?;
    let mut u = units(given);
    let n = u.len();
    if n < 3 {
        return None;
    }
    let mut l = (b'a' + letter % 26) as char;
    match op % 4 {
        0 => {
            let i = pos % n;
            if fold(u[i][0]) == l {
                l = if l == 'z' { 'a' } else { (l as u8 + 1) as char };
            }
            u[i][0] = if u[i][0].is_uppercase() {
                l.to_ascii_uppercase()
            } else {
                l
            };
        }
        1 => {
            // Drop a letter that carries no mark, keeping at least three letters.
            let plain: Vec<usize> = (0..n).filter(|i| u[*i].len() == 1).collect();
            if n < 4 || plain.is_empty() {
                return None;
            }
            u.remove(plain[pos % plain.len()]);
        }
        2 => u.insert(pos % (n + 1), vec![l]),
        _ => {
            let swappable: Vec<usize> = (0..n - 1)
                .filter(|&i| {
                    u[i].len() == 1 && u[i + 1].len() == 1 && fold(u[i][0]) != fold(u[i + 1][0])
                })
                .collect();
            if swappable.is_empty() {
                return None;
            }
            u.swap(
                swappable[pos % swappable.len()],
                swappable[pos % swappable.len()] + 1,
            );
        }
    }
    let word: String = u.concat().into_iter().collect::<String>().nfc().collect();
    Some(format!("{head} {word}"))
}

fn strip_accents_of_given(name: &str) -> String {
    let Some((head, given)) = name.trim_end().rsplit_once(' ') else {
        return name.to_string();
    };
    let plain: String = given
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect();
    format!("{head} {plain}")
}

#[test]
fn damage_helpers() {
    assert_eq!(move_tones("Lê Thị Thuỷ Hoà"), "Lê Thị Thủy Hòa");
    assert_eq!(move_tones("Hòa Quý Hoàng"), "Hoà Quý Hoàng");
    assert_eq!(
        drop_middle("Nguyễn Thị Minh Khai", 1).as_deref(),
        Some("Nguyễn Thị Khai")
    );
    assert_eq!(
        typo_in_given("Lê Thị Hồng", 0, 3, 7).as_deref(),
        Some("Lê Thị Hồnh")
    );
    assert_eq!(typo_in_given("Lê Thị Hà", 0, 0, 0), None);
    assert_eq!(strip_accents_of_given("Lê Thị Hạnh"), "Lê Thị Hanh");
}

// ---------------------------------------------------------------------------------------------
// Property: a damaged copy is found.

/// Name damage beyond cosmetics: at most two of a dropped middle name, a typo, a swapped date
/// (the engine's budget; three slips at once are not claimed).
#[derive(Clone, Debug)]
enum Slips {
    None,
    Middle,
    Typo,
    Swap,
    MiddleTypo,
    MiddleSwap,
    TypoSwap,
}

#[derive(Clone, Debug)]
struct Damage {
    case: u8,
    spacing: bool,
    tone_place: bool,
    nfd: bool,
    slips: Slips,
    middle_word: usize,
    typo: (u8, usize, u8),
}

fn damage_strategy() -> impl Strategy<Value = Damage> {
    (
        0u8..3,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop_oneof![
            Just(Slips::None),
            Just(Slips::Middle),
            Just(Slips::Typo),
            Just(Slips::Swap),
            Just(Slips::MiddleTypo),
            Just(Slips::MiddleSwap),
            Just(Slips::TypoSwap),
        ],
        0usize..4,
        (0u8..4, 0usize..16, 0u8..26),
    )
        .prop_map(
            |(case, spacing, tone_place, nfd, slips, middle_word, typo)| Damage {
                case,
                spacing,
                tone_place,
                nfd,
                slips,
                middle_word,
                typo,
            },
        )
}

fn apply(r: &Rec, d: &Damage) -> Rec {
    let mut c = r.clone();
    // Without its ID the copy must be found by what it says, not by the same-ID rule.
    c.id.clear();
    let (middle, typo, swap) = match d.slips {
        Slips::None => (false, false, false),
        Slips::Middle => (true, false, false),
        Slips::Typo => (false, true, false),
        Slips::Swap => (false, false, true),
        Slips::MiddleTypo => (true, true, false),
        Slips::MiddleSwap => (true, false, true),
        Slips::TypoSwap => (false, true, true),
    };
    if middle {
        c.name = drop_middle(&c.name, d.middle_word).unwrap_or(c.name);
    }
    if typo {
        c.name = typo_in_given(&c.name, d.typo.0, d.typo.1, d.typo.2).unwrap_or(c.name);
    }
    if swap {
        if let Some((y, m, dd)) = c.dob.filter(|(_, m, d)| *m <= 12 && *d <= 12) {
            c.dob = Some((y, dd, m));
        }
    }
    for text in [&mut c.name, &mut c.father, &mut c.mother] {
        if d.tone_place {
            *text = move_tones(text);
        }
        match d.case {
            1 => *text = text.to_uppercase(),
            2 => *text = text.to_lowercase(),
            _ => {}
        }
        if d.spacing {
            *text = format!("  {}  ", text.replace(' ', "   "));
        }
        if d.nfd {
            *text = text.nfd().collect();
        }
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_copy_is_found(seed in any::<u64>(), others in 0usize..40, at in any::<usize>(), damage in damage_strategy()) {
        let parts = parts();
        let mut rng = Rng::new(seed);
        let mut recs: Vec<Rec> = (0..=others).map(|_| random_child(&mut rng, parts)).collect();
        let original = at % recs.len();
        let copy = apply(&recs[original], &damage);
        recs.push(copy);
        for (i, r) in recs.iter_mut().enumerate() {
            r.row = i as u32 + 2;
        }
        let (a, b) = (recs[original].row, recs[recs.len() - 1].row);
        let groups = find_duplicates(&people(&recs));
        prop_assert!(
            groups.iter().any(|g| g.rows.contains(&a) && g.rows.contains(&b)),
            "{:?}\n{:?}\nnot grouped; groups: {:?}", recs[original], recs[recs.len() - 1], groups
        );
        // The same copy, as a new child, is not new.
        let existing = people(&recs[..recs.len() - 1]);
        let new = people(&recs[recs.len() - 1..]);
        prop_assert_ne!(&match_new_children(&existing, &new)[0], &NewChildMatch::New);
    }
}

// ---------------------------------------------------------------------------------------------
// Measurement.

struct Scores {
    true_pairs: usize,
    found_true: usize,
    found_pairs: usize,
    false_pairs: usize,
    twin_exact: usize,
    twin_probable: usize,
    exact_false: usize,
    /// True pairs not already tied by one ID on both records, and how many of those were found.
    pairs_without_id: usize,
    found_without_id: usize,
    missed_by_damage: BTreeMap<&'static str, (usize, usize)>,
    examples: Vec<String>,
}

fn score(recs: &[Rec], truths: &[Truth], groups: &[Group]) -> Scores {
    let mut s = Scores {
        true_pairs: 0,
        found_true: 0,
        found_pairs: 0,
        false_pairs: 0,
        twin_exact: 0,
        twin_probable: 0,
        exact_false: 0,
        pairs_without_id: 0,
        found_without_id: 0,
        missed_by_damage: BTreeMap::new(),
        examples: Vec::new(),
    };
    let index_of_row = |row: u32| row as usize - 2;
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for row in &group.rows {
            group_of.insert(index_of_row(*row), g);
        }
        let members: Vec<usize> = group.rows.iter().map(|r| index_of_row(*r)).collect();
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                s.found_pairs += 1;
                if truths[i].child != truths[j].child {
                    s.false_pairs += 1;
                    if s.examples.len() < 6 {
                        s.examples.push(format!(
                            "FALSE {:?} | {:?} ({})",
                            recs[i].person(),
                            recs[j].person(),
                            group.reason
                        ));
                    }
                }
            }
        }
        for l in &group.links {
            let (i, j) = (index_of_row(l.rows.0), index_of_row(l.rows.1));
            if truths[i].child == truths[j].child {
                continue;
            }
            let twins = truths[i].twin
                && truths[j].twin
                && recs[i].mother == recs[j].mother
                && recs[i].father == recs[j].father;
            match (l.kind, twins) {
                (MatchKind::Exact, true) => s.twin_exact += 1,
                (MatchKind::Exact, false) => s.exact_false += 1,
                (MatchKind::Probable, true) => s.twin_probable += 1,
                _ => {}
            }
        }
    }
    let mut by_child: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, t) in truths.iter().enumerate() {
        by_child.entry(t.child).or_default().push(i);
    }
    for members in by_child.values().filter(|m| m.len() > 1) {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                s.true_pairs += 1;
                let found = group_of
                    .get(&i)
                    .is_some_and(|g| group_of.get(&j) == Some(g));
                s.found_true += usize::from(found);
                if recs[i].id.is_empty() || recs[i].id != recs[j].id {
                    s.pairs_without_id += 1;
                    s.found_without_id += usize::from(found);
                }
                let damaged = if truths[i].damage.is_empty() { j } else { i };
                for kind in &truths[damaged].damage {
                    let e = s.missed_by_damage.entry(kind).or_default();
                    e.0 += 1;
                    e.1 += usize::from(!found);
                }
                if !found && s.examples.len() < 12 {
                    s.examples.push(format!(
                        "MISSED {:?}: {:?} | {:?}",
                        truths[damaged].damage,
                        recs[i].person(),
                        recs[j].person()
                    ));
                }
            }
        }
    }
    s
}

fn print_scores(label: &str, n: usize, s: &Scores, stats: &Stats, secs: f64) {
    let recall = s.found_true as f64 / s.true_pairs.max(1) as f64;
    let precision = (s.found_pairs - s.false_pairs) as f64 / s.found_pairs.max(1) as f64;
    println!("{label}: {n} records, {secs:.3} s");
    println!(
        "  true pairs {}, found {} → recall {:.4}; without a shared ID: {} / {} → {:.4}",
        s.true_pairs,
        s.found_true,
        recall,
        s.found_without_id,
        s.pairs_without_id,
        s.found_without_id as f64 / s.pairs_without_id.max(1) as f64
    );
    println!(
        "  pairs reported {}, false {} → precision {:.4}",
        s.found_pairs, s.false_pairs, precision
    );
    println!(
        "  twins: exact {}, probable {}; other exact false {}",
        s.twin_exact, s.twin_probable, s.exact_false
    );
    println!("  damage kind: pairs / missed");
    for (kind, (all, missed)) in &s.missed_by_damage {
        println!("    {kind:24} {all:6} {missed:5}");
    }
    println!("  {stats:?}");
    for e in &s.examples {
        println!("  {e}");
    }
}

#[test]
fn measure_recall_and_precision_on_20000_records() {
    let (recs, truths) = generate(20_000, 2026, 0.03, 0.01);
    let twins = truths
        .iter()
        .filter(|t| t.twin && t.damage.is_empty())
        .count();
    let dups = truths.iter().filter(|t| !t.damage.is_empty()).count();
    println!(
        "generated {} records: {dups} damaged copies, {twins} twin records",
        recs.len()
    );
    let ps = people(&recs);
    let start = Instant::now();
    let (groups, stats) = find_duplicates_with_stats(&ps);
    let secs = start.elapsed().as_secs_f64();
    let s = score(&recs, &truths, &groups);
    print_scores("find_duplicates", recs.len(), &s, &stats, secs);

    let recall = s.found_true as f64 / s.true_pairs as f64;
    let precision = (s.found_pairs - s.false_pairs) as f64 / s.found_pairs as f64;
    assert!(recall >= 0.97, "recall {recall:.4}");
    assert!(precision >= 0.95, "precision {precision:.4}");
    assert_eq!(s.twin_exact, 0, "twins reported as exact");
    assert_eq!(s.exact_false, 0, "different children reported as exact");
}

/// Children found in households: the damaged copies must not come back as new, and children
/// who are really new must.
#[test]
fn measure_merge_on_20000_records() {
    let (recs, truths) = generate(20_000, 77, 0.03, 0.01);
    // The copies are the "new" list; the originals (and everyone else) the existing one.
    let (mut existing, mut new_children) = (Vec::new(), Vec::new());
    for (r, t) in recs.iter().zip(&truths) {
        if t.damage.is_empty() {
            existing.push(r.person());
        } else {
            new_children.push(r.person());
        }
    }
    let mut rng = Rng::new(5);
    let fresh: Vec<Rec> = (0..500)
        .map(|i| {
            let mut r = random_child(&mut rng, parts());
            r.row = 100_000 + i;
            r
        })
        .collect();
    new_children.extend(people(&fresh));
    let start = Instant::now();
    let outcomes = match_new_children(&existing, &new_children);
    let secs = start.elapsed().as_secs_f64();
    let copies = new_children.len() - fresh.len();
    let copies_new = outcomes[..copies]
        .iter()
        .filter(|o| **o == NewChildMatch::New)
        .count();
    let already = outcomes[..copies]
        .iter()
        .filter(|o| matches!(o, NewChildMatch::AlreadyThere { .. }))
        .count();
    let fresh_flagged = outcomes[copies..]
        .iter()
        .filter(|o| **o != NewChildMatch::New)
        .count();
    println!(
        "match_new_children: {} existing, {} new in {secs:.3} s: copies already there {already}, possibly {}, new {copies_new}; truly new flagged {fresh_flagged} / {}",
        existing.len(),
        new_children.len(),
        copies - already - copies_new,
        fresh.len()
    );
    assert!(
        copies_new as f64 / copies as f64 <= 0.03,
        "{copies_new} of {copies} copies called new"
    );
    assert!(
        fresh_flagged as f64 / fresh.len() as f64 <= 0.01,
        "{fresh_flagged} truly new children flagged"
    );
}

/// CPU time of this thread in seconds (Linux), to report beside wall time: the machines these
/// tests run on are shared, and wall time there measures the neighbours too.
fn thread_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Runs `f`, printing its wall and CPU time.
fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let (wall, cpu) = (Instant::now(), thread_cpu_seconds());
    let out = f();
    let cpu = cpu
        .and_then(|c| thread_cpu_seconds().map(|d| format!(", {:.3} s CPU", d - c)))
        .unwrap_or_default();
    println!("{label}: {:.3} s wall{cpu}", wall.elapsed().as_secs_f64());
    out
}

/// The whole-province size, timed (printed, not asserted). Release builds only: a debug build
/// is ten times slower and says nothing about what the officer will wait.
#[test]
fn time_340000_records() {
    if cfg!(debug_assertions) {
        println!("time_340000_records: skipped in a debug build (use --release)");
        return;
    }
    let (recs, truths) = timed("generate 340,000 records", || {
        generate(340_000, 340, 0.03, 0.01)
    });
    let ps = people(&recs);
    let start = Instant::now();
    let (groups, stats) = timed("find_duplicates", || find_duplicates_with_stats(&ps));
    let secs = start.elapsed().as_secs_f64();
    let s = score(&recs, &truths, &groups);
    print_scores("find_duplicates", recs.len(), &s, &stats, secs);

    let split = recs.len() - 5_000;
    let outcomes = timed("match_new_children, 5,000 new", || {
        match_new_children(&ps[..split], &ps[split..])
    });
    println!(
        "  {} existing vs {} new: {} not new",
        split,
        ps.len() - split,
        outcomes
            .iter()
            .filter(|o| **o != NewChildMatch::New)
            .count()
    );

    // A fifth of the dates typed as the 01/01 placeholder: blocks over the cap.
    let (recs, truths) = generate_with(340_000, 341, 0.03, 0.01, 0.2);
    let ps = people(&recs);
    let start = Instant::now();
    let (groups, stats) = timed("find_duplicates, 20 % of dates 01/01", || {
        find_duplicates_with_stats(&ps)
    });
    let secs = start.elapsed().as_secs_f64();
    let s = score(&recs, &truths, &groups);
    print_scores(
        "find_duplicates, 20 % of dates 01/01",
        recs.len(),
        &s,
        &stats,
        secs,
    );
}
