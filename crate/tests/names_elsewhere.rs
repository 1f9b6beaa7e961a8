//! The page's first worker hands the person names to its second worker in batches and
//! applies the answers: the cleaned list must be exactly the one cleaned in one place, for
//! every fixture with names (legacy encodings, casing, tone styles, warnings) and for
//! random lists.

use lamsach::clean::{apply_names, clean_cells, clean_table, finish, Cleaned};
use lamsach::text::name_batch::clean_batch;
use lamsach::text::ToneStyle;
use lamsach::Options;
use proptest::prelude::*;
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Cleaned with the names sent away in batches, each answered by `clean_batch`.
fn cleaned_elsewhere(bytes: &[u8], name: &str, options: &Options) -> (Cleaned, usize) {
    let (table, layout) = lamsach::open(bytes, name, options).expect("open");
    let mut batches = Vec::new();
    let mut send = |batch: Vec<u8>| batches.push(batch);
    let mut cleaned = clean_cells(table, layout, options, &mut |_, _, _| {}, Some(&mut send));
    // Answered in any order: here the last batch first.
    for batch in batches.iter().rev() {
        let answer = clean_batch(batch).expect("a batch");
        assert!(
            apply_names(&mut cleaned, &answer),
            "an answer of this table"
        );
    }
    finish(&mut cleaned);
    (cleaned, batches.len())
}

fn cleaned_here(bytes: &[u8], name: &str, options: &Options) -> Cleaned {
    let (table, layout) = lamsach::open(bytes, name, options).expect("open");
    clean_table(table, layout, options, &mut |_, _, _| {})
}

fn assert_same(bytes: &[u8], name: &str, options: &Options) -> usize {
    let (elsewhere, batches) = cleaned_elsewhere(bytes, name, options);
    let here = cleaned_here(bytes, name, options);
    assert_eq!(
        elsewhere.table.rows, here.table.rows,
        "{name}: the same cells"
    );
    assert_eq!(
        lamsach::report_json(&elsewhere),
        lamsach::report_json(&here),
        "{name}: the same report"
    );
    batches
}

fn options() -> Options {
    Options {
        reference_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
        ..Options::default()
    }
}

#[test]
fn every_fixture_is_cleaned_the_same_with_its_names_cleaned_elsewhere() {
    let new_style = Options {
        tone_style: ToneStyle::New,
        name_casing: false,
        ..options()
    };
    for name in [
        "text_rules.csv",
        "rules.csv",
        "title_rows.xlsx",
        "list.xls",
        "list.ods",
        "merged_header.xlsx",
    ] {
        let bytes = fixture(name);
        assert!(
            assert_same(&bytes, name, &options()) > 0,
            "{name}: names were sent"
        );
        assert_same(&bytes, name, &new_style);
    }
}

/// A list of children whose names are drawn from spellings a province's list has.
fn list(names: &[(usize, usize, usize)]) -> Vec<u8> {
    const SPELLINGS: [&str; 12] = [
        "Nguyễn Văn An",
        "nguyễn  thị   hoà",
        "NguyÔn ThÞ Hång",
        "Lê\u{00a0}Văn Bình",
        "TRẦN THỊ THUỶ",
        "Phạm Thị Hòa",
        "Ng\u{0075}\u{0302}\u{0303}n",
        "Đỗ",
        "Hoàng Văn 3",
        "",
        "Võ Thị Ngọc Ánh Hồng Nhung Lan",
        "Bui Thi Hoa",
    ];
    let mut csv = String::from("STT,Họ và tên,Ngày sinh,Giới tính,Họ tên cha,Họ tên mẹ\n");
    for (i, (c, f, m)) in names.iter().enumerate() {
        csv.push_str(&format!(
            "{},{},0{}/03/2015,Nam,{},{}\n",
            i + 1,
            SPELLINGS[c % 12],
            1 + i % 9,
            SPELLINGS[f % 12],
            SPELLINGS[m % 12]
        ));
    }
    csv.into_bytes()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn random_lists_are_cleaned_the_same(names in proptest::collection::vec((0usize..12, 0usize..12, 0usize..12), 1..200)) {
        assert_same(&list(&names), "random.csv", &options());
    }
}

#[test]
fn a_list_of_many_batches_is_cleaned_the_same() {
    // About 1.2 MB of names sent: two batches.
    let names: Vec<(usize, usize, usize)> = (0..30_000)
        .map(|i| (i % 12, (i / 12) % 12, (i / 144) % 12))
        .collect();
    let batches = assert_same(&list(&names), "large.csv", &options());
    assert!(batches > 1, "{batches} batch(es)");
}
