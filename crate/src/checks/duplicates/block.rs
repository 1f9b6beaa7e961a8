//! Blocking: which pairs get compared at all.
//!
//! Comparing every pair of a province's 340,000 records would be 58 billion comparisons. A
//! match needs the date of birth (or its year) to agree, so records are put in blocks that
//! share a cheap key and only pairs inside a block are compared:
//!
//! | block | members | pairs compared |
//! |---|---|---|
//! | date of birth (day and month in sorted order when both ≤ 12, so a swap lands together) + folded family name | records with a full date | all |
//! | year + folded family and given name | records with a year whose key a year-only record has | pairs with a year-only record |
//! | folded family and given name + commune | records whose key an undated record has | pairs with an undated record |
//! | personal ID | records with that ID | all |
//!
//! The rules need nothing more: a year-only or undated record matches only under its family
//! and given names as they are (a middle name may be missing), and an undated one only in the
//! same commune. Year-only and undated blocks compare only the pairs that involve such a
//! record, so a common name's block costs what its few year-only records cost.
//!
//! Every match needs the family names equal (accents aside); only the same-ID rule does not,
//! and it has its own block. At 340,000 records over 16 years a date holds about 60 records,
//! and a date and family name about 10 (20 for Nguyễn). A placeholder date (01/01 of the year
//! where the day was unknown) can gather thousands: a block larger than [`BLOCK_CAP`] is not
//! compared all-pairs but by sorted neighbourhood, each record against the [`WINDOW`] records
//! after it in two orders (by name, by parents' names), so that its cost stays linear. A match
//! whose records sit farther apart than that in both orders is missed; [`Stats::capped_blocks`]
//! counts such blocks so the pipeline can say so. An ID on more than [`ID_CAP`] records is a
//! placeholder typed for unknown numbers, not one child: it is treated as missing (the ID rules
//! report it) and [`Stats::ids_over_cap`] counts it.

use std::collections::{HashMap, HashSet};

use super::compare::{compare, hash_of, Prepared, Quick};
use super::key::Key;
use super::reason::Reason;
use super::{already_there, exact, probable, same_id, MatchKind, Stats};

/// Largest block compared all-pairs: 1,000 records is half a million comparisons, a few tens
/// of milliseconds.
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
    Some(Verdict {
        kind,
        reason: c.reason(),
        already_there: already_there::applies(&c),
    })
}

/// A matched pair: indices into the records, the smaller first, and the verdict.
pub(super) type Pair = ((u32, u32), Verdict);

/// Runs the blocks over `recs` and returns every matched pair (indices into `recs`, the
/// smaller first) with its verdict, and the counts of the work done.
pub(super) fn link(mut recs: Vec<Prepared>, mode: Mode) -> (Vec<Pair>, Stats) {
    let (id_groups, ids_over_cap) = id_groups_and_placeholders(&mut recs);
    let recs = recs.as_slice();
    let stats = Stats {
        records: recs.len(),
        ids_over_cap,
        ..Stats::default()
    };
    let mut linker = Linker {
        recs,
        mode,
        links: HashMap::new(),
        stats,
        block: Vec::new(),
    };

    // Dates of birth (with the family name, which every match but the same ID's needs).
    let mut blocks: Vec<(u64, u32)> = Vec::with_capacity(recs.len());
    for (i, r) in recs.iter().enumerate() {
        if let Some((y, m, d)) = r.quick.date_of_birth {
            let (lo, hi) = if m <= 12 && d <= 12 {
                (m.min(d), m.max(d))
            } else {
                (m, d)
            };
            blocks.push((hash_of((y, lo, hi, r.quick.family)), i as u32));
        }
    }
    linker.run_blocks(blocks, None);

    // Year-only records against everyone born that year under the same family and given name
    // (the probable rule allows a year-only record no typo and no accent difference).
    let name_key = |r: &Prepared| {
        let p = r.name.folded_parts();
        hash_of((p.family, p.given))
    };
    let year_only = |r: &Prepared| !r.has_full_date() && r.quick.year.is_some();
    let wanted: HashSet<(u16, u64)> = recs
        .iter()
        .filter(|r| year_only(r))
        .filter_map(|r| Some((r.quick.year?, name_key(r))))
        .collect();
    if !wanted.is_empty() {
        let mut blocks: Vec<(u64, u32)> = Vec::new();
        for (i, r) in recs.iter().enumerate() {
            let Some(year) = r.quick.year else { continue };
            let k = (year, name_key(r));
            if wanted.contains(&k) {
                blocks.push((hash_of(k), i as u32));
            }
        }
        linker.run_blocks(blocks, Some(&year_only));
    }

    // Undated records against everyone of the same family and given name in the same commune
    // (the probable rule asks an undated record for the same commune).
    let undated = |r: &Prepared| r.quick.year.is_none();
    let wanted: HashSet<u64> = recs.iter().filter(|r| undated(r)).map(name_key).collect();
    if !wanted.is_empty() {
        // Communes repeat: their keys are computed once per distinct text.
        let mut communes: HashMap<&str, String> = HashMap::new();
        let mut blocks: Vec<(u64, u32)> = Vec::new();
        for (i, r) in recs.iter().enumerate() {
            let k = name_key(r);
            if wanted.contains(&k) {
                let commune = communes
                    .entry(r.person.commune)
                    .or_insert_with_key(|c| Key::new(c).toned);
                blocks.push((hash_of((k, commune)), i as u32));
            }
        }
        linker.run_blocks(blocks, Some(&undated));
    }

    // Personal IDs.
    for members in &id_groups {
        linker.note_block(members.len());
        linker.all_pairs(members, None);
    }

    let stats = linker.stats;
    let mut links: Vec<_> = linker.links.into_iter().collect();
    links.sort_unstable_by_key(|(pair, _)| *pair);
    (links, stats)
}

/// The records that share a personal ID, a group per ID, in the order of the IDs' hashes. An
/// ID held by more than [`ID_CAP`] records ("000000000000" typed for unknown numbers) says
/// nothing about who is who: it is blanked on its records and left out. Also returns how
/// many such IDs there were.
fn id_groups_and_placeholders(recs: &mut [Prepared]) -> (Vec<Vec<u32>>, usize) {
    // The hashes sorted, not the IDs: a province's 300,000 IDs are almost all unique, and
    // only the runs of one hash are read as texts (sorting the texts with them cost the page
    // a tenth of the duplicate search).
    let mut hashes: Vec<(u64, u32)> = recs
        .iter()
        .enumerate()
        .filter(|(_, r)| r.quick.has_id)
        .map(|(i, r)| (r.quick.id_hash, i as u32))
        .collect();
    hashes.sort_unstable();
    let mut over = 0;
    let mut groups = Vec::new();
    let mut run_ids: Vec<(&str, u32)> = Vec::new();
    for run in hashes
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        run_ids.clear();
        run_ids.extend(run.iter().map(|&(_, i)| (recs[i as usize].id(), i)));
        run_ids.sort_unstable();
        for same in run_ids.chunk_by(|a, b| a.0 == b.0) {
            let members: Vec<u32> = same.iter().map(|&(_, i)| i).collect();
            if members.len() > ID_CAP {
                over += 1;
                for &i in &members {
                    if let Some(r) = recs.get_mut(i as usize) {
                        r.quick.id_hash = 0;
                        r.quick.has_id = false;
                    }
                }
            } else if members.len() > 1 {
                groups.push(members);
            }
        }
    }
    (groups, over)
}

struct Linker<'s, 'p, 'a> {
    recs: &'s [Prepared<'p, 'a>],
    mode: Mode,
    links: HashMap<(u32, u32), Verdict>,
    stats: Stats,
    /// The [`Quick`] tests of the block being compared, side by side.
    block: Vec<Quick>,
}

/// Marks the records a block is for (year-only, undated): only pairs with at least one of
/// them are compared. `None`: every pair.
type Special<'f> = Option<&'f dyn Fn(&Prepared) -> bool>;

impl Linker<'_, '_, '_> {
    /// Compares inside each block of `(block key, record)` entries. Sorting them groups the
    /// blocks without a vector per block, in the same order on every run.
    fn run_blocks(&mut self, mut blocks: Vec<(u64, u32)>, special: Special) {
        blocks.sort_unstable();
        let mut members: Vec<u32> = Vec::new();
        for run in blocks
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|run| run.len() > 1)
        {
            members.clear();
            members.extend(run.iter().map(|(_, i)| *i));
            let members = members.as_slice();
            if let Mode::Across { split } = self.mode {
                let existing = members.iter().filter(|&&i| (i as usize) < split).count();
                if existing == 0 || existing == members.len() {
                    continue;
                }
            }
            self.note_block(members.len());
            if members.len() <= BLOCK_CAP {
                self.all_pairs(members, special);
            } else {
                self.stats.capped_blocks += 1;
                self.neighbourhood(members, special);
            }
        }
    }

    fn note_block(&mut self, len: usize) {
        self.stats.blocks += 1;
        self.stats.largest_block = self.stats.largest_block.max(len);
    }

    fn is_special(&self, i: u32, special: Special) -> bool {
        special.is_none_or(|f| f(&self.recs[i as usize]))
    }

    /// Every wanted pair of the block: with `special`, each special record against every
    /// other (a special pair once), so a block of many ordinary records and a few special ones
    /// costs only the few.
    fn all_pairs(&mut self, members: &[u32], special: Special) {
        let recs = self.recs;
        let mut block = std::mem::take(&mut self.block);
        block.clear();
        block.extend(members.iter().map(|&i| recs[i as usize].quick));
        for (x, &i) in members.iter().enumerate() {
            if special.is_none() {
                for (y, &j) in members.iter().enumerate().skip(x + 1) {
                    self.pair(i, j, &block[x], &block[y]);
                }
            } else if self.is_special(i, special) {
                for (y, &j) in members.iter().enumerate() {
                    if y != x && (y > x || !self.is_special(j, special)) {
                        self.pair(i, j, &block[x], &block[y]);
                    }
                }
            }
        }
        self.block = block;
    }

    /// Sorted neighbourhood over a block too big for all pairs (see the module docs).
    fn neighbourhood(&mut self, members: &[u32], special: Special) {
        let rec = |i: u32| &self.recs[i as usize];
        let mut by_name: Vec<(&str, u32)> = members
            .iter()
            .map(|&i| (rec(i).name.folded.as_str(), i))
            .collect();
        by_name.sort_unstable();
        let by_name: Vec<u32> = by_name.into_iter().map(|(_, i)| i).collect();
        let mut by_parents: Vec<(String, u32)> = members
            .iter()
            .map(|&i| {
                let p = rec(i).person;
                (
                    format!(
                        "{}|{}|{}",
                        Key::new(p.mother).folded,
                        Key::new(p.father).folded,
                        Key::new(p.guardian).folded
                    ),
                    i,
                )
            })
            .collect();
        by_parents.sort_unstable();
        let by_parents: Vec<u32> = by_parents.into_iter().map(|(_, i)| i).collect();
        for order in [by_name, by_parents] {
            for (x, &i) in order.iter().enumerate() {
                for &j in order.iter().skip(x + 1).take(WINDOW) {
                    if self.is_special(i, special) || self.is_special(j, special) {
                        let (a, b) = (&self.recs[i as usize], &self.recs[j as usize]);
                        self.pair(i, j, &a.quick, &b.quick);
                    }
                }
            }
        }
    }

    /// Compares records `i` and `j`, whose [`Quick`] tests are `qi` and `qj`.
    fn pair(&mut self, i: u32, j: u32, qi: &Quick, qj: &Quick) {
        let (i, j) = (i.min(j), i.max(j));
        if i == j {
            return;
        }
        if let Mode::Across { split } = self.mode {
            if ((i as usize) < split) == ((j as usize) < split) {
                return;
            }
        }
        self.stats.comparisons += 1;
        if qi.rules_out(qj) {
            return;
        }
        let (a, b) = (&self.recs[i as usize], &self.recs[j as usize]);
        // A pair met in two blocks (a date and an ID) gets the same verdict twice; looking it
        // up only when it matched keeps a hash lookup out of the millions of other pairs.
        if let Some(v) = classify(a, b) {
            self.links.entry((i, j)).or_insert(v);
        }
    }
}
