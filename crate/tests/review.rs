//! The review screen's operations: filtered pages of findings, a whole record, and a
//! person's edit that is checked again at once and kept in the downloads.

use lamsach::review::{edit, findings_page, record, Filter};
use lamsach::Options;
use std::path::PathBuf;

fn cleaned() -> lamsach::Cleaned {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/rules.csv");
    let bytes = std::fs::read(path).expect("fixture");
    let options = Options {
        reference_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
        ..Options::default()
    };
    lamsach::clean(&bytes, "rules.csv", &options, &mut |_, _, _| {}).expect("clean")
}

#[test]
fn pages_filter_by_severity_rule_column_and_name() {
    let c = cleaned();
    let all = findings_page(&c, &Filter::default(), 0, 10);
    assert_eq!(all.total, c.findings.len());
    assert_eq!(all.rows.len(), 10);
    let errors = findings_page(
        &c,
        &Filter {
            severity: Some(lamsach::report::Severity::Error),
            ..Filter::default()
        },
        0,
        1000,
    );
    assert_eq!(errors.total as u32, c.summary.errors);
    let dob = findings_page(
        &c,
        &Filter {
            column: Some("C".into()),
            ..Filter::default()
        },
        0,
        1000,
    );
    assert!(dob.rows.iter().all(|r| r.column.as_deref() == Some("C")));
    let viet = findings_page(
        &c,
        &Filter {
            search: Some("quoc viet".into()),
            ..Filter::default()
        },
        0,
        1000,
    );
    assert!(
        viet.total > 0 && viet.rows.iter().all(|r| r.name == "Phạm Quốc Việt"),
        "accents optional in search"
    );
    let second_page = findings_page(&c, &Filter::default(), 10, 10);
    assert_eq!(second_page.rows[0].index, 10);
}

#[test]
fn a_record_shows_before_and_after_for_each_cell() {
    let c = cleaned();
    let cells = record(&c, 3);
    let dob = cells.iter().find(|x| x.letter == "C").expect("column C");
    assert_eq!(dob.original.as_deref(), Some("5/3/2015"));
    assert_eq!(dob.value, "05/03/2015");
}

#[test]
fn an_edit_is_checked_again_and_kept_as_a_manual_edit() {
    let mut c = cleaned();
    let errors_before = c.summary.errors;
    // Sheet row 6 has an impossible date of birth (31/02/2015).
    assert!(c
        .findings
        .iter()
        .any(|f| f.row == 6 && f.rule.code == "dob.invalid"));
    edit(&mut c, 6, 2, "28/02/2015").expect("edit");
    assert!(!c
        .findings
        .iter()
        .any(|f| f.row == 6 && f.rule.code == "dob.invalid"));
    let manual = c
        .findings
        .iter()
        .find(|f| f.rule.code == "edit.manual")
        .expect("manual edit recorded");
    assert_eq!(
        (manual.row, manual.before.as_str(), manual.after.as_str()),
        (6, "31/02/2015", "28/02/2015")
    );
    assert_eq!(c.summary.errors, errors_before - 1);
    // An edit is cleaned like any value: a date in another form is rewritten.
    edit(&mut c, 6, 2, "1/3/2015").expect("edit");
    assert_eq!(c.table.cell(5, 2).display(), "01/03/2015");
    // Making two IDs different removes the duplicate-ID error from both rows.
    assert_eq!(
        c.findings
            .iter()
            .filter(|f| f.rule.code == "id.duplicate")
            .count(),
        2
    );
    edit(&mut c, 11, 5, "079214000019").expect("edit");
    assert_eq!(
        c.findings
            .iter()
            .filter(|f| f.rule.code == "id.duplicate")
            .count(),
        0
    );
    // The edit is in the downloaded workbook.
    let bytes = lamsach::write_workbook(&c).expect("write");
    let cleaned_again =
        lamsach::clean(&bytes, "x.xlsx", &c.options, &mut |_, _, _| {}).expect("read back");
    assert_eq!(cleaned_again.table.cell(5, 2).display(), "01/03/2015");
}

#[test]
fn pages_filter_by_village_and_commune() {
    let c = cleaned();
    let village = |v: &str, commune: Option<&str>| {
        findings_page(
            &c,
            &Filter {
                village: Some(v.into()),
                commune: commune.map(str::to_string),
                ..Filter::default()
            },
            0,
            1000,
        )
    };
    // Sheet rows 4 and 7 (STT 3 and 6) are the children of Thôn 2.
    let page = village("Thôn 2", None);
    assert!(page.total > 0);
    let mut rows: Vec<u32> = page.rows.iter().map(|r| r.row).collect();
    rows.dedup();
    assert_eq!(rows, vec![4, 7]);
    assert!(page.rows.iter().all(|r| r.village == "Thôn 2"));
    assert_eq!(village("Thôn 2", Some("Xã Tân Lập")).total, page.total);
    assert_eq!(village("Thôn 2", Some("Xã Khác")).total, 0);
    assert_eq!(village("Thôn 9", None).total, 0);
}

#[test]
fn messages_in_the_language_asked_for() {
    let c = cleaned();
    let en = findings_page(
        &c,
        &Filter {
            lang: Some(lamsach::report::Lang::En),
            code: Some("dob.invalid".into()),
            ..Filter::default()
        },
        0,
        10,
    );
    let vi = findings_page(
        &c,
        &Filter {
            code: Some("dob.invalid".into()),
            ..Filter::default()
        },
        0,
        10,
    );
    assert_eq!(en.total, 1);
    assert_ne!(en.rows[0].message, vi.rows[0].message);
    let record = lamsach::review::record_in(&c, 6, lamsach::report::Lang::En);
    let dob = record
        .iter()
        .find(|cell| cell.letter == "C")
        .expect("column C");
    assert_eq!(dob.findings, vec![en.rows[0].message.clone()]);
}
