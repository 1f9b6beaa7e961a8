//! Merging the children found in households into the exported list (step 3 of the plan).

use lamsach::Options;
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures")
            .join(name),
    )
    .expect("fixture")
}

#[test]
fn only_truly_new_children_are_appended_and_nothing_moves() {
    let options = Options {
        reference_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
        ..Options::default()
    };
    let export = fixture("merge_export.csv");
    let before =
        lamsach::clean(&export, "merge_export.csv", &options, &mut |_, _, _| {}).expect("clean");
    let (merged_list, merged) = lamsach::clean_and_merge(
        (&export, "merge_export.csv"),
        (&fixture("merge_found.csv"), "merge_found.csv"),
        &options,
        &mut |_, _, _| {},
    )
    .expect("merge");
    let outcomes: Vec<(&str, Vec<u32>)> = merged
        .decisions
        .iter()
        .map(|d| (d.outcome, d.rows.clone()))
        .collect();
    assert_eq!(
        outcomes,
        vec![
            ("already_there", vec![2]),
            ("possibly_there", vec![3]),
            ("added", vec![5])
        ]
    );
    // The export's rows are where they were, unchanged.
    for r in 0..before.table.height() {
        assert_eq!(
            merged_list.table.rows[r],
            before.table.rows[r],
            "row {} moved or changed",
            r + 1
        );
    }
    // The new child is at the end, columns mapped by role although the new list has another
    // column order and other header words; the row number continues the export's.
    let added = |col: usize| merged_list.table.cell(4, col).display();
    assert_eq!(added(0), "4");
    assert_eq!(added(1), "Đỗ Minh Quân");
    assert_eq!(added(2), "07/07/2019", "cleaned like any row");
    assert_eq!(added(6), "Đỗ Văn Hưng");
    assert_eq!(added(7), "Vũ Thị Hằng");
    assert!(merged_list
        .findings
        .iter()
        .any(|f| f.row == 5 && f.rule.code == "dob.reformatted" && f.before == "7/7/2019"));
    let json: serde_json::Value =
        serde_json::from_str(&lamsach::report_json(&merged_list)).expect("json");
    assert_eq!(json["merge"]["summary"]["added"], 1);
    let bytes = lamsach::write_workbook(&merged_list).expect("write");
    let book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("open");
    use calamine::Reader;
    assert!(book
        .sheet_names()
        .contains(&"Trẻ mới phát hiện".to_string()));
}
