//! Blocking: which pairs get compared at all.
//!
//! Comparing every pair of a province's 340,000 records would be 58 billion comparisons. A
//! match needs the date of birth (or its year) to agree, so records are put in blocks that
//! share a cheap key and only pairs inside a block are compared:
//!
//! | block | members | pairs compared |
//! |---|---|---|
//! | date of birth (day and month in sorted order when both ≤ 12, so a swap lands together) | records with a full date | all |
//! | year + folded family and given name | records with a year whose key a year-only record has | pairs with a year-only record |
//! | folded family and given name + commune | records whose key an undated record has | pairs with an undated record |
//! | personal ID | records with that ID | all |
//!
//! The rules need nothing more: a year-only or undated record matches only under its exact
//! name (or a missing middle name) and, undated, in the same commune.
//!
//! At 340,000 records over 16 years a date block holds about 60 records. A placeholder date
//! (01/01 of the year where the day was unknown) can gather thousands: a block larger than
//! [`BLOCK_CAP`] is not compared all-pairs but by sorted neighbourhood, each record against the
//! [`WINDOW`] records after it in two orders (by name, by parents' names), so that its cost stays
//! linear. A match whose records sit farther apart in both orders is missed; [`Stats`] counts
//! such blocks so the pipeline can say so. An ID on more than [`ID_CAP`] records is a
//! placeholder typed for unknown numbers, not one child: it is not grouped (the ID rules report
//! it) and [`Stats::ids_over_cap`] counts it.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::compare::{compare, Prepared};
use super::key::{parts, Key};
use super::reason::Reason;
use super::{already_there, exact, probable, same_id, MatchKind, Stats};

/// Largest block compared all-pairs: 1,000 records is half a million comparisons, about
/// 20 ms.
pub const BLOCK_CAP: usize = 1_000;
/// Neighbours compared after each record of a block over the cap, in each of two orders.
pub const WINDOW: usize = 50;
/// Most records that one personal ID may group.
pub const ID_CAP: usize = 10;

/// Which pairs are wanted: inside one list, or only between the existing list (indices below
/// `split`) and the new children (from `split` on).
#[derive(Clone, Copy, Debug)]
pub(super) enum Mode {
    Within,
    Across { split: usize },
}

/// The verdict on one pair.
#[derive(Clone, Copy, Debug)]
pub(super) struct Verdict {
    pub kind: MatchKind,
    pub reason: Reason,
    /// The pair meets the `merge.already_there` rule.
    pub already_there: bool,
}

fn classify(a: &Prepared, b: &Prepared) -> Option<Verdict> {
    let c = compare(a, b)?;
    let kind = if exact::applies(&c) {
        MatchKind::Exact
    } else if probable::applies(&c) || same_id::applies(&c) {
        MatchKind::Probable
    } else {
        return None;
    };
    Some(Verdict { kind, reason: c.reason(), already_there: already_there::applies(&c) })
}

fn hash_of(value: impl Hash) -> u64 {
    // SipHash with fixed keys: the same blocks on every run. A collision only merges two
    // blocks, which costs comparisons, never a wrong match.
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Runs the blocks over `recs` and returns every matched pair (indices into `recs`, the
/// smaller first) with its verdict, and the counts of the work done.
pub(super) fn link(recs: &[Prepared], mode: Mode) -> (Vec<((u32, u32), Verdict)>, Stats) {
    let mut linker = Linker { recs, mode, links: HashMap::new(), stats: Stats { records: recs.len(), ..Stats::default() } };

    // Dates of birth.
    let mut blocks: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, r) in recs.iter().enumerate() {
        if let Some((y, m, d)) = r.person.date_of_birth {
            let (lo, hi) = if m <= 12 && d <= 12 { (m.min(d), m.max(d)) } else { (m, d) };
            blocks.entry(hash_of((0u8, y, lo, hi))).or_default().push(i as u32);
        }
    }
    linker.run_blocks(blocks, &|_, _| true);

    // Year-only records against everyone born that year under the same name.
    let year_key = |r: &Prepared| {
        let p = parts(&r.name.folded);
        r.year.map(|y| hash_of((1u8, y, p.family, p.given)))
    };
    let wanted: HashSet<u64> = recs.iter().filter(|r| !r.has_full_date()).filter_map(year_key).collect();
    if !wanted.is_empty() {
        let mut blocks: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, r) in recs.iter().enumerate() {
            if let Some(k) = year_key(r).filter(|k| wanted.contains(k)) {
                blocks.entry(k).or_default().push(i as u32);
            }
        }
        linker.run_blocks(blocks, &|a, b| !(a.has_full_date() && b.has_full_date()));
    }

    // Undated records against everyone of the same name in the same commune.
    let name_key = |r: &Prepared| {
        let p = parts(&r.name.folded);
        hash_of((2u8, p.family, p.given))
    };
    let wanted: HashSet<u64> = recs.iter().filter(|r| r.year.is_none()).map(name_key).collect();
    if !wanted.is_empty() {
        let mut blocks: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, r) in recs.iter().enumerate() {
            let k = name_key(r);
            if wanted.contains(&k) {
                let commune = Key::new(r.person.commune).toned;
                blocks.entry(hash_of((k, commune))).or_default().push(i as u32);
            }
        }
        linker.run_blocks(blocks, &|a, b| a.year.is_none() || b.year.is_none());
    }

    // Personal IDs.
    let mut ids: HashMap<&str, Vec<u32>> = HashMap::new();
    for (i, r) in recs.iter().enumerate() {
        if !r.id.is_empty() {
            ids.entry(r.id).or_default().push(i as u32);
        }
    }
    for members in ids.values().filter(|m| m.len() > 1) {
        if members.len() > ID_CAP {
            linker.stats.ids_over_cap += 1;
            continue;
        }
        linker.note_block(members.len());
        linker.all_pairs(members, &|_, _| true);
    }

    let stats = linker.stats;
    let mut links: Vec<_> = linker.links.into_iter().collect();
    links.sort_unstable_by_key(|(pair, _)| *pair);
    (links, stats)
}

struct Linker<'s, 'p, 'a> {
    recs: &'s [Prepared<'p, 'a>],
    mode: Mode,
    links: HashMap<(u32, u32), Verdict>,
    stats: Stats,
}

type PairFilter<'f> = dyn Fn(&Prepared, &Prepared) -> bool + 'f;

impl Linker<'_, '_, '_> {
    fn run_blocks(&mut self, blocks: HashMap<u64, Vec<u32>>, wanted: &PairFilter) {
        for members in blocks.values().filter(|m| m.len() > 1) {
            if let Mode::Across { split } = self.mode {
                let existing = members.iter().filter(|&&i| (i as usize) < split).count();
                if existing == 0 || existing == members.len() {
                    continue;
                }
            }
            self.note_block(members.len());
            if members.len() <= BLOCK_CAP {
                self.all_pairs(members, wanted);
            } else {
                self.stats.capped_blocks += 1;
                self.neighbourhood(members, wanted);
            }
        }
    }

    fn note_block(&mut self, len: usize) {
        self.stats.blocks += 1;
        self.stats.largest_block = self.stats.largest_block.max(len);
    }

    fn all_pairs(&mut self, members: &[u32], wanted: &PairFilter) {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                self.pair(i, j, wanted);
            }
        }
    }

    /// Sorted neighbourhood over a block too big for all pairs (see the module docs).
    fn neighbourhood(&mut self, members: &[u32], wanted: &PairFilter) {
        let rec = |i: u32| &self.recs[i as usize];
        let mut by_name: Vec<(&str, u32)> = members.iter().map(|&i| (rec(i).name.folded.as_str(), i)).collect();
        by_name.sort_unstable();
        let by_name: Vec<u32> = by_name.into_iter().map(|(_, i)| i).collect();
        let mut by_parents: Vec<(String, u32)> = members
            .iter()
            .map(|&i| {
                let p = rec(i).person;
                (format!("{}|{}|{}", Key::new(p.mother).folded, Key::new(p.father).folded, Key::new(p.guardian).folded), i)
            })
            .collect();
        by_parents.sort_unstable();
        let by_parents: Vec<u32> = by_parents.into_iter().map(|(_, i)| i).collect();
        for order in [by_name, by_parents] {
            for (x, &i) in order.iter().enumerate() {
                for &j in order.iter().skip(x + 1).take(WINDOW) {
                    self.pair(i, j, wanted);
                }
            }
        }
    }

    fn pair(&mut self, i: u32, j: u32, wanted: &PairFilter) {
        let (i, j) = (i.min(j), i.max(j));
        if i == j {
            return;
        }
        if let Mode::Across { split } = self.mode {
            if ((i as usize) < split) == ((j as usize) < split) {
                return;
            }
        }
        let (a, b) = (&self.recs[i as usize], &self.recs[j as usize]);
        if !wanted(a, b) || self.links.contains_key(&(i, j)) {
            return;
        }
        self.stats.comparisons += 1;
        if let Some(v) = classify(a, b) {
            self.links.insert((i, j), v);
        }
    }
}
