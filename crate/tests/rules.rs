//! One fixture row per rule (tests/fixtures/rules.csv) and a snapshot of the findings
//! (tests/fixtures/rules.expected.tsv). Run with UPDATE_SNAPSHOTS=1 to rewrite the snapshot
//! after a deliberate change, then review the diff.

use lamsach::Options;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures")
}

fn findings_of(name: &str, options: &Options) -> String {
    let bytes = std::fs::read(fixtures().join(name)).expect("fixture");
    let cleaned = lamsach::clean(&bytes, name, options, &mut |_, _, _| {}).expect("clean");
    cleaned
        .findings
        .iter()
        .map(|f| {
            let col = f
                .column
                .map(lamsach::report::column_letter)
                .unwrap_or_default();
            format!(
                "{}\t{}\t{}\t{}\t{}\n",
                f.row,
                col,
                f.rule.code,
                f.before.escape_debug(),
                f.after.escape_debug()
            )
        })
        .collect()
}

fn options() -> Options {
    Options {
        reference_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
        ..Options::default()
    }
}

fn snapshot(fixture: &str, expected: &str, options: &Options) -> String {
    let got = findings_of(fixture, options);
    let path = fixtures().join(expected);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &got).expect("write snapshot");
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        got == want,
        "findings of {fixture} differ from {expected}:\n--- got\n{got}\n--- want\n{want}"
    );
    got
}

#[test]
fn findings_match_the_snapshot_and_every_rule_has_a_fixture() {
    let fields = snapshot("rules.csv", "rules.expected.tsv", &options());
    // The clean row (sheet row 2) has no finding at all.
    assert!(
        !fields.lines().any(|l| l.starts_with("2\t")),
        "a clean row was changed or flagged"
    );
    let text = snapshot("text_rules.csv", "text_rules.expected.tsv", &options());
    assert!(
        !text.lines().any(|l| l.starts_with("2\t")),
        "a clean name was changed or flagged"
    );
    let new_style = Options {
        tone_style: lamsach::text::ToneStyle::New,
        ..options()
    };
    let tone = snapshot(
        "text_rules.csv",
        "text_rules.new_tone_style.expected.tsv",
        &new_style,
    );
    let all = format!("{fields}{text}{tone}");
    for rule in lamsach::rules::all() {
        let code = format!("\t{}\t", rule.code);
        if rule.code.starts_with("dup.") || rule.code.starts_with("merge.") {
            continue; // groups of records: tests/duplicates.rs over tests/fixtures/duplicates/
        }
        if [
            "dob.excel_date",
            "id.numeric_cell",
            "phone.numeric_cell",
            "dob.column_swapped",
            "edit.manual",
        ]
        .contains(&rule.code)
        {
            continue; // typed cells and edits: tests/workbooks.rs, tests/review.rs, the dates module
        }
        assert!(
            all.contains(&code),
            "rule {} has no fixture row in tests/fixtures/rules.csv or text_rules.csv",
            rule.code
        );
    }
}
