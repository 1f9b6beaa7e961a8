//! Is this the same child? Duplicates inside one list, and children found in households
//! matched against the list before they are added (steps 2 and 3 of the provincial plan).
//!
//! A pure engine over records the pipeline has already cleaned: it takes [`Person`]s (borrowed
//! strings and parsed dates, with their sheet rows) and returns [`Group`]s of rows, or one
//! [`NewChildMatch`] per new child. It depends on std, `foldhash`, `strsim` and
//! `unicode-normalization` only, so it can be built and tested on its own.
//!
//! How two records are compared (`compare.rs`):
//! - names through keys that ignore case, spacing, Unicode form and tone-mark placement
//!   (`key.rs`); a missing middle name and a one-letter slip in the given name are allowed
//!   small differences; names equal only without accents ("Hà"/"Hạ") are different names
//!   unless date of birth, a parent and the commune are identical;
//! - dates of birth equal, or with day and month swapped, or a year on one side;
//! - gender, the parents' and guardian's names, the personal ID, the commune and village.
//!
//! The rules, one file each: [`exact`] (`dup.exact`), [`probable`] (`dup.probable`),
//! [`same_id`] (`dup.same_id`), and for new children [`already_there`]
//! (`merge.already_there`) and [`possibly_there`] (`merge.possibly_there`). Which pairs are
//! compared at all, and the caps on block sizes, are in [`block`]: the cost grows about
//! linearly with the list.
//!
//! Row numbers are the 1-based sheet rows the caller put in [`Person::row`].

pub mod already_there;
pub mod block;
mod compare;
pub mod exact;
mod key;
pub mod possibly_there;
pub mod probable;
mod reason;
pub mod same_id;
mod union_find;

pub use block::{BLOCK_CAP, ID_CAP, WINDOW};
pub use reason::{Evidence, Reason};

use std::collections::HashMap;

use block::{link, Mode, Pair};
use compare::Prepared;
use union_find::UnionFind;

/// Every rule of this module, for the rule catalogue.
pub static RULES: &[&crate::report::Rule] = &[
    &exact::EXACT,
    &probable::PROBABLE,
    &same_id::SAME_ID,
    &already_there::ALREADY_THERE,
    &possibly_there::POSSIBLY_THERE,
];

/// A child's gender as the list records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

/// One record, its values already cleaned by the pipeline (NFC, spacing, legacy encodings
/// repaired, dates parsed). Empty strings stand for missing values.
#[derive(Clone, Copy, Debug, Default)]
pub struct Person<'a> {
    /// 1-based sheet row.
    pub row: u32,
    /// The child's full name, family name first ("Nguyễn Thị Hồng").
    pub name: &'a str,
    /// (year, month, day) when the full date is known.
    pub date_of_birth: Option<(u16, u8, u8)>,
    /// The year of birth when only the year is known (ignored when `date_of_birth` is set).
    pub birth_year: Option<u16>,
    pub gender: Option<Gender>,
    pub father: &'a str,
    pub mother: &'a str,
    pub guardian: &'a str,
    /// The 12-digit personal identification number, or "".
    pub personal_id: &'a str,
    pub commune: &'a str,
    pub village: &'a str,
}

/// How sure a match is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MatchKind {
    /// Every compared field identical after cleaning ([`exact`]).
    Exact,
    /// Probably one child written differently, or the same personal ID ([`probable`],
    /// [`same_id`]): a person must check.
    Probable,
}

/// Two records found to match, with why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// Sheet rows, in the order of the input.
    pub rows: (u32, u32),
    pub kind: MatchKind,
    pub reason: Reason,
}

/// Records that are one child (or share one ID): the pairs found, joined when they share a
/// record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Sheet rows, ascending.
    pub rows: Vec<u32>,
    /// `Exact` when every link is exact.
    pub kind: MatchKind,
    /// The links' reasons together: a field is `same_*` when it is the same in every link;
    /// any difference of any link is listed.
    pub reason: Reason,
    /// The pairs that made the group, with their own reasons.
    pub links: Vec<Link>,
}

impl Group {
    /// The rule to report the group under: exact when every link is; else the same ID when
    /// any link shares one (the police must look whatever the rest says); else probable.
    pub fn rule(&self) -> &'static crate::report::Rule {
        if self.kind == MatchKind::Probable
            && self
                .links
                .iter()
                .any(|l| l.reason.contains(Evidence::SameId))
        {
            &same_id::SAME_ID
        } else if self.kind == MatchKind::Exact {
            &exact::EXACT
        } else {
            &probable::PROBABLE
        }
    }
}

/// Counts of the work done, for the report and for tuning.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub records: usize,
    /// Blocks with two or more records that were compared.
    pub blocks: usize,
    pub largest_block: usize,
    /// Blocks over [`BLOCK_CAP`], compared by sorted neighbourhood only.
    pub capped_blocks: usize,
    /// Pairs compared.
    pub comparisons: u64,
    /// Personal IDs on more than [`ID_CAP`] records, treated as missing.
    pub ids_over_cap: usize,
}

/// The duplicate groups of one list, ordered by their first row.
pub fn find_duplicates(people: &[Person]) -> Vec<Group> {
    find_duplicates_with_stats(people).0
}

/// [`find_duplicates`] and the counts of the work done.
pub fn find_duplicates_with_stats(people: &[Person]) -> (Vec<Group>, Stats) {
    let mut words = key::WordKeys::default();
    let recs: Vec<Prepared> = people
        .iter()
        .map(|p| Prepared::new(p, &mut words))
        .collect();
    let (links, stats) = link(recs, Mode::Within);
    (groups(people, &links), stats)
}

fn groups(people: &[Person], links: &[Pair]) -> Vec<Group> {
    let mut uf = UnionFind::new(people.len());
    for ((i, j), _) in links {
        uf.union(*i, *j);
    }
    // Group index by root, in order of first appearance (links are sorted by pair).
    let mut index_of_root: HashMap<u32, usize> = HashMap::new();
    let mut out: Vec<(Vec<u32>, Vec<Link>)> = Vec::new();
    let row = |i: u32| people.get(i as usize).map_or(0, |p| p.row);
    for ((i, j), v) in links {
        let root = uf.find(*i);
        let g = *index_of_root.entry(root).or_insert_with(|| {
            out.push((Vec::new(), Vec::new()));
            out.len() - 1
        });
        if let Some((members, ls)) = out.get_mut(g) {
            members.extend([*i, *j]);
            ls.push(Link {
                rows: (row(*i), row(*j)),
                kind: v.kind,
                reason: v.reason,
            });
        }
    }
    let mut groups: Vec<Group> = out
        .into_iter()
        .map(|(members, links)| {
            let mut rows: Vec<u32> = members.into_iter().map(row).collect();
            rows.sort_unstable();
            rows.dedup();
            let kind = if links.iter().all(|l| l.kind == MatchKind::Exact) {
                MatchKind::Exact
            } else {
                MatchKind::Probable
            };
            let reason = links
                .iter()
                .map(|l| l.reason)
                .reduce(Reason::combine)
                .unwrap_or_default();
            Group {
                rows,
                kind,
                reason,
                links,
            }
        })
        .collect();
    groups.sort_by(|a, b| a.rows.cmp(&b.rows));
    groups
}

/// What became of one new child.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewChildMatch {
    /// Already in the list at this row ([`already_there`]): do not add.
    AlreadyThere {
        row: u32,
    },
    /// Probably one of these rows, ascending ([`possibly_there`]): check before adding.
    PossiblyThere {
        rows: Vec<u32>,
    },
    New,
}

/// One new child's outcome with the pairs behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewChildReport {
    pub outcome: NewChildMatch,
    /// Links to existing rows (first row of each link: the existing record; second: the new).
    pub links: Vec<Link>,
}

/// For each new child, in order: already in `existing`, possibly there, or new.
pub fn match_new_children(existing: &[Person], new: &[Person]) -> Vec<NewChildMatch> {
    match_new_children_explained(existing, new)
        .into_iter()
        .map(|r| r.outcome)
        .collect()
}

/// [`match_new_children`] with the links (and their reasons) behind each outcome. When
/// several existing rows are the child, `AlreadyThere` names the first.
pub fn match_new_children_explained(existing: &[Person], new: &[Person]) -> Vec<NewChildReport> {
    let mut words = key::WordKeys::default();
    let recs: Vec<Prepared> = existing
        .iter()
        .chain(new)
        .map(|p| Prepared::new(p, &mut words))
        .collect();
    let split = existing.len();
    let (links, _) = link(recs, Mode::Across { split });
    let mut reports: Vec<(Option<u32>, NewChildReport)> = new
        .iter()
        .map(|_| {
            (
                None,
                NewChildReport {
                    outcome: NewChildMatch::New,
                    links: Vec::new(),
                },
            )
        })
        .collect();
    for ((i, j), v) in &links {
        // Across mode: i is an existing record, j a new one.
        let (Some(old), Some((first, report))) = (
            existing.get(*i as usize),
            reports.get_mut((*j as usize).wrapping_sub(split)),
        ) else {
            continue;
        };
        let new_row = new
            .get((*j as usize).wrapping_sub(split))
            .map_or(0, |p| p.row);
        report.links.push(Link {
            rows: (old.row, new_row),
            kind: v.kind,
            reason: v.reason,
        });
        if v.already_there {
            *first = Some(first.map_or(old.row, |r: u32| r.min(old.row)));
        }
    }
    reports
        .into_iter()
        .map(|(first, mut report)| {
            report.links.sort_by_key(|l| l.rows);
            report.outcome = match first {
                Some(row) => NewChildMatch::AlreadyThere { row },
                None if report.links.is_empty() => NewChildMatch::New,
                None => {
                    let mut rows: Vec<u32> = report.links.iter().map(|l| l.rows.0).collect();
                    rows.sort_unstable();
                    rows.dedup();
                    NewChildMatch::PossiblyThere { rows }
                }
            };
            report
        })
        .collect()
}
