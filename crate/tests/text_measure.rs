//! Measures how well damaged names are restored and how rarely clean names are touched, on
//! generated lists of realistic names (`tests/text/name_parts.txt`): 5,000 names per kind of
//! damage, each kind cleaned as one column (vote first, then every cell), plus 50,000 clean
//! names. Prints the figures and asserts the targets: at least 99.5 % of damaged names restored
//! exactly for every kind, fewer than 1 in 10,000 clean names changed.
//!
//! `cargo test --release --test text_measure -- --nocapture` shows the table.

#[path = "text_support.rs"]
mod support;

use lamsach::text::{
    clean_text, detect_column_encoding, Change, ColumnEncoding, TextKind, TextOptions, ToneStyle,
};
use support::{Parts, Rng};

const PER_KIND: usize = 5_000;
const CLEAN: usize = 50_000;
const TARGET_RESTORED: f64 = 0.995;
const MAX_CLEAN_CHANGED: f64 = 1.0 / 10_000.0;

/// One generated cell: what the sheet holds and what it should become. `damaged` is false for
/// the clean cells of a mixed column.
struct Cell {
    input: String,
    want: String,
    damaged: bool,
}

#[derive(Default)]
struct Tally {
    damaged: usize,
    restored: usize,
    unsure: usize,
    wrong: usize,
    clean: usize,
    clean_changed: usize,
    clean_flagged: usize,
    examples: Vec<String>,
}

fn run_column(cells: &[Cell]) -> (ColumnEncoding, Tally) {
    let column = detect_column_encoding(cells.iter().map(|c| c.input.as_str()));
    let opts = TextOptions {
        kind: TextKind::PersonName,
        tone_style: ToneStyle::Keep,
        name_casing: false,
        column,
    };
    let mut t = Tally::default();
    for c in cells {
        let r = clean_text(&c.input, &opts);
        let unsure = r.changes.contains(&Change::LegacyUnsure);
        if c.damaged {
            t.damaged += 1;
            if r.text == c.want {
                t.restored += 1;
            } else {
                if unsure {
                    t.unsure += 1;
                } else {
                    t.wrong += 1;
                }
                if t.examples.len() < 8 {
                    t.examples.push(format!(
                        "{} <- {:?} -> {:?} {:?}",
                        c.want, c.input, r.text, r.changes
                    ));
                }
            }
        } else {
            t.clean += 1;
            if r.text != c.input {
                t.clean_changed += 1;
                if t.examples.len() < 8 {
                    t.examples.push(format!(
                        "CLEAN CHANGED {:?} -> {:?} {:?}",
                        c.input, r.text, r.changes
                    ));
                }
            }
            if unsure {
                t.clean_flagged += 1;
            }
        }
    }
    (column, t)
}

fn damaged_column(
    parts: &Parts,
    seed: u64,
    damage: &dyn Fn(&mut Rng, &str) -> (String, String),
) -> Vec<Cell> {
    let mut rng = Rng::new(seed);
    (0..PER_KIND)
        .map(|_| {
            let name = parts.name(&mut rng);
            let name = support::list_form(&mut rng, &name);
            let (input, want) = damage(&mut rng, &name);
            Cell {
                input,
                want,
                damaged: true,
            }
        })
        .collect()
}

fn rare_column(parts: &Parts, seed: u64, damage: fn(&str) -> String) -> Vec<Cell> {
    let mut rng = Rng::new(seed);
    (0..PER_KIND)
        .map(|_| {
            let name = support::rare_name(parts, &mut rng);
            Cell {
                input: damage(&name),
                want: name,
                damaged: true,
            }
        })
        .collect()
}

fn mixed_column(
    parts: &Parts,
    seed: u64,
    legacy_share: f64,
    encode: fn(&str) -> String,
) -> Vec<Cell> {
    let mut rng = Rng::new(seed);
    (0..PER_KIND)
        .map(|_| {
            let name = parts.name(&mut rng);
            let name = support::list_form(&mut rng, &name);
            if rng.chance(legacy_share) {
                Cell {
                    input: encode(&name),
                    want: name,
                    damaged: true,
                }
            } else {
                Cell {
                    input: name.clone(),
                    want: name,
                    damaged: false,
                }
            }
        })
        .collect()
}

#[test]
fn restoration_rates() {
    let parts = Parts::load();
    let same = |f: fn(&str) -> String| move |_: &mut Rng, n: &str| (f(n), n.to_string());
    let kinds: Vec<(&str, Vec<Cell>)> = vec![
        (
            "TCVN3 (VN3, mixed case)",
            damaged_column(&parts, 1, &same(support::tcvn3)),
        ),
        (
            "TCVN3 all caps (.VnTimeH)",
            damaged_column(&parts, 2, &|_, n: &str| {
                (
                    support::tcvn3(&n.to_lowercase()).to_ascii_uppercase(),
                    n.to_uppercase(),
                )
            }),
        ),
        (
            "VNI-Windows",
            damaged_column(&parts, 3, &same(support::vni)),
        ),
        ("VIQR", damaged_column(&parts, 4, &same(support::viqr))),
        (
            "CP1258 bytes via cp1252",
            damaged_column(&parts, 5, &same(support::cp1258_bytes)),
        ),
        (
            "CP1258 decomposed",
            damaged_column(&parts, 6, &same(support::cp1258_combining)),
        ),
        ("NFD", damaged_column(&parts, 7, &same(support::nfd))),
        (
            "invisible chars / spacing",
            damaged_column(&parts, 8, &|r, n: &str| {
                (support::invisible(r, n), n.to_string())
            }),
        ),
        (
            "look-alike letters",
            damaged_column(&parts, 9, &|r, n: &str| {
                (support::lookalike(r, n), n.to_string())
            }),
        ),
        (
            "mixed 70% Unicode + 30% TCVN3",
            mixed_column(&parts, 10, 0.3, support::tcvn3),
        ),
        (
            "mixed 70% Unicode + 30% VNI",
            mixed_column(&parts, 11, 0.3, support::vni),
        ),
        (
            "mixed 95% Unicode + 5% TCVN3",
            mixed_column(&parts, 12, 0.05, support::tcvn3),
        ),
        // Given and middle names made of random valid syllables, mostly absent from the list of
        // common name syllables the decoder leans on.
        (
            "uncommon names, TCVN3",
            rare_column(&parts, 13, support::tcvn3),
        ),
        ("uncommon names, VNI", rare_column(&parts, 14, support::vni)),
        (
            "uncommon names, VIQR",
            rare_column(&parts, 15, support::viqr),
        ),
    ];
    let mut rng = Rng::new(99);
    let clean: Vec<Cell> = (0..CLEAN)
        .map(|i| {
            // One in ten with uncommon syllables.
            let n = if i % 10 == 0 {
                support::rare_name(&parts, &mut rng)
            } else {
                parts.name(&mut rng)
            };
            let n = support::list_form(&mut rng, &n);
            Cell {
                input: n.clone(),
                want: n,
                damaged: false,
            }
        })
        .collect();

    println!(
        "\n{:<32} {:>9} {:>7} {:>9} {:>7} {:>7} {:>8} {:>8}",
        "kind of damage", "column", "cells", "restored", "unsure", "wrong", "clean", "clean Δ"
    );
    let mut failed = Vec::new();
    let (mut clean_total, mut clean_changed, mut clean_flagged) = (0, 0, 0);
    for (label, cells) in kinds
        .iter()
        .map(|(l, c)| (*l, c))
        .chain(std::iter::once(("clean Unicode names", &clean)))
    {
        let (column, t) = run_column(cells);
        let share = if t.damaged == 0 {
            1.0
        } else {
            t.restored as f64 / t.damaged as f64
        };
        println!(
            "{:<32} {:>9} {:>7} {:>8.2}% {:>7} {:>7} {:>8} {:>8}",
            label,
            format!("{column:?}"),
            cells.len(),
            share * 100.0,
            t.unsure,
            t.wrong,
            t.clean,
            t.clean_changed
        );
        for e in &t.examples {
            println!("    {e}");
        }
        clean_total += t.clean;
        clean_changed += t.clean_changed;
        clean_flagged += t.clean_flagged;
        if share < TARGET_RESTORED {
            failed.push(format!("{label}: {:.2}% restored", share * 100.0));
        }
    }
    let changed_rate = clean_changed as f64 / clean_total as f64;
    println!(
        "clean names: {clean_total}, changed {clean_changed} ({:.4}%), flagged unsure {clean_flagged} ({:.4}%)",
        changed_rate * 100.0,
        clean_flagged as f64 / clean_total as f64 * 100.0
    );
    assert!(
        failed.is_empty(),
        "below {:.1}%: {failed:?}",
        TARGET_RESTORED * 100.0
    );
    assert!(
        changed_rate < MAX_CLEAN_CHANGED,
        "{clean_changed} of {clean_total} clean names changed"
    );
}
