//! The whole trip over small fixture workbooks made by independent tools (openpyxl, xlwt,
//! odfpy; see scripts/make-fixtures.py): read, find the header, clean, write, and read the
//! cleaned workbook back with calamine to check what an officer would check.

use calamine::{Data, Reader, Xlsx};
use lamsach::report::Lang;
use lamsach::workbook::role::Role;
use lamsach::workbook::xlsx::{Sheet, Style};
use lamsach::{Cleaned, Error, Options};
use std::io::Cursor;
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn options() -> Options {
    Options {
        reference_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
        ..Options::default()
    }
}

fn clean(name: &str) -> Cleaned {
    lamsach::clean(&fixture(name), name, &options(), &mut |_, _, _| {}).expect(name)
}

/// The cleaned workbook's sheets as calamine reads them back.
fn read_back(cleaned: &Cleaned) -> Vec<(String, calamine::Range<Data>)> {
    let bytes = lamsach::write_workbook(cleaned).expect("write");
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("cleaned workbook opens");
    book.worksheets()
}

fn text_at(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => format!("<{other:?}>"),
    }
}

#[test]
fn title_rows_header_and_footer_are_found() {
    let c = clean("title_rows.xlsx");
    assert_eq!(
        (c.layout.header_first, c.layout.header_last),
        (3, 3),
        "header on sheet row 4"
    );
    assert_eq!(
        c.layout.data_start, 5,
        "the (1) (2) … row is skipped: data from row 6"
    );
    assert_eq!(c.summary.records, 6);
    assert_eq!(
        c.summary.other_rows, 2,
        "a blank row and the signature footer are not records"
    );
    let roles: Vec<Option<Role>> = c.layout.columns.iter().map(|col| col.role).collect();
    assert_eq!(
        roles,
        vec![
            Some(Role::Stt),
            Some(Role::ChildName),
            Some(Role::DateOfBirth),
            Some(Role::Gender),
            Some(Role::Ethnicity),
            Some(Role::PersonalId),
            Some(Role::FatherName),
            Some(Role::MotherName),
            Some(Role::Village),
            None
        ]
    );
}

#[test]
fn cleaned_sheet_keeps_every_row_in_place_and_converts_dates_and_ids() {
    let c = clean("title_rows.xlsx");
    let sheets = read_back(&c);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "DS tre em",
            "Phát hiện",
            "Tổng hợp",
            "Cần công an xác minh",
            "Cần rà soát tại hộ gia đình",
            "Trùng lặp"
        ]
    );
    let data = &sheets[0].1;
    assert_eq!(data.start(), Some((0, 0)));
    assert_eq!(
        data.end().map(|e| e.0),
        Some(12),
        "13 rows, footer included"
    );
    assert_eq!(
        text_at(data, 0, 0),
        "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
        "title row untouched"
    );
    assert_eq!(text_at(data, 3, 1), "Họ và tên", "header untouched");
    assert_eq!(text_at(data, 4, 2), "(3)", "column-number row untouched");
    // Date cells become dd/mm/yyyy text; a text date stays as it was.
    assert_eq!(text_at(data, 5, 2), "05/03/2012");
    assert_eq!(text_at(data, 6, 2), "31/12/2015");
    assert_eq!(text_at(data, 9, 2), "25/05/2016");
    assert_eq!(text_at(data, 10, 2), "29/02/2020");
    // The 12-digit text ID stays 12-digit text; an ID typed as a number becomes its 12 digits.
    assert_eq!(text_at(data, 5, 5), "079212000001");
    assert_eq!(
        text_at(data, 6, 5),
        "079315000002",
        "the lost leading zero restored"
    );
    // NFC and spacing.
    assert_eq!(text_at(data, 7, 1), "Nguyễn Thị Hồng");
    assert_eq!(text_at(data, 8, 1), "Lò Văn Páo");
    // The column LamSach does not understand keeps its numbers.
    assert_eq!(data.get_value((6, 9)), Some(&Data::Float(20.25)));
    assert_eq!(text_at(data, 12, 1), "Người lập biểu", "footer untouched");
    // Every order preserved: the row numbers are where they were.
    for (i, r) in (5..11).enumerate() {
        assert_eq!(data.get_value((r, 0)), Some(&Data::Float((i + 1) as f64)));
    }
}

#[test]
fn every_changed_cell_has_a_finding_with_its_original_value() {
    let c = clean("title_rows.xlsx");
    let sheets = read_back(&c);
    let findings = &sheets[1].1;
    assert_eq!(
        findings.height(),
        c.findings.len() + 1,
        "one row per finding under a header"
    );
    assert_eq!(text_at(findings, 0, 3), "Mã quy tắc");
    let nfc = c
        .findings
        .iter()
        .find(|f| f.rule.code == "text.nfc")
        .expect("an NFC finding");
    assert_eq!(nfc.row, 8);
    assert_eq!(nfc.before, "Nguye\u{302}\u{303}n Thị Hồng");
    assert_eq!(nfc.after, "Nguyễn Thị Hồng");
    let date = c
        .findings
        .iter()
        .find(|f| f.rule.code == "dob.excel_date" && f.row == 6)
        .expect("date finding");
    assert_eq!(
        (date.before.as_str(), date.after.as_str()),
        ("40973", "05/03/2012")
    );
    // A value LamSach changed is never silently changed: each differs from the input only
    // where a finding says so.
    let input = lamsach::open(&fixture("title_rows.xlsx"), "t", &options())
        .expect("open")
        .0;
    for (r, row) in c.table.rows.iter().enumerate() {
        for (col, cell) in row.iter().enumerate() {
            if cell != input.cell(r, col) {
                assert!(
                    c.findings
                        .iter()
                        .any(|f| f.row == r as u32 + 1 && f.column == Some(col as u16)),
                    "cell {}{} changed without a finding",
                    lamsach::report::column_letter(col as u16),
                    r + 1
                );
            }
        }
    }
}

#[test]
fn dates_in_the_1904_system_are_the_same_days() {
    let c = clean("date1904.xlsx");
    let dob = |row: usize| c.table.cell(row, 2).display();
    assert_eq!(dob(1), "05/03/2012");
    assert_eq!(dob(2), "31/12/2015");
    assert_eq!(dob(3), "01/01/2018");
    assert_eq!(dob(6), "29/02/2020");
}

#[test]
fn a_two_row_merged_header_names_the_parent_columns() {
    let c = clean("merged_header.xlsx");
    assert_eq!(
        (
            c.layout.header_first,
            c.layout.header_last,
            c.layout.data_start
        ),
        (1, 2, 3)
    );
    assert_eq!(c.layout.column_of(Role::FatherName), Some(4));
    assert_eq!(c.layout.column_of(Role::FatherBirthYear), Some(5));
    assert_eq!(c.layout.column_of(Role::MotherName), Some(6));
    assert_eq!(c.layout.column_of(Role::MotherBirthYear), Some(7));
    assert_eq!(c.layout.columns[4].header, "Thông tin cha / Họ và tên");
    let sheets = read_back(&c);
    assert_eq!(
        text_at(&sheets[0].1, 1, 4),
        "Thông tin cha",
        "the group header is written back"
    );
    assert_eq!(text_at(&sheets[0].1, 3, 2), "02/09/2014");
}

#[test]
fn xls_ods_and_csv_give_the_same_clean_values() {
    for (name, first_data_row) in [("list.xls", 3usize), ("list.ods", 1), ("list.csv", 1)] {
        let c = clean(name);
        assert_eq!(c.summary.records, 6, "{name}");
        let row = |i: usize| first_data_row + i;
        assert_eq!(c.table.cell(row(0), 2).display(), "05/03/2012", "{name}");
        assert_eq!(c.table.cell(row(0), 5).display(), "079212000001", "{name}");
        assert_eq!(
            c.table.cell(row(2), 1).display(),
            "Nguyễn Thị Hồng",
            "{name}"
        );
        assert_eq!(c.table.cell(row(3), 1).display(), "Lò Văn Páo", "{name}");
        assert_eq!(
            c.table.cell(row(1), 5).display(),
            "079315000002",
            "{name}: numeric ID as 12-digit text"
        );
    }
}

#[test]
fn the_first_sheet_with_a_header_is_chosen_and_a_named_sheet_is_honoured() {
    let c = clean("two_sheets.xlsx");
    assert_eq!(c.table.sheet, "Danh sach");
    assert_eq!(
        c.table.sheets,
        vec!["Huong dan".to_string(), "Danh sach".to_string()]
    );
    let named = Options {
        sheet: Some("Huong dan".into()),
        ..options()
    };
    let err = lamsach::open(&fixture("two_sheets.xlsx"), "x", &named).unwrap_err();
    assert_eq!(
        err,
        Error::NoHeader {
            sheet: "Huong dan".into()
        }
    );
    let missing = Options {
        sheet: Some("Khong co".into()),
        ..options()
    };
    assert!(matches!(
        lamsach::open(&fixture("two_sheets.xlsx"), "x", &missing),
        Err(Error::SheetNotFound { .. })
    ));
}

#[test]
fn column_overrides_move_a_role() {
    let opts = Options {
        columns: vec![
            ("ignore".into(), "B".into()),
            ("notes".into(), "Cân nặng (kg)".into()),
        ],
        ..options()
    };
    let c =
        lamsach::clean(&fixture("title_rows.xlsx"), "t", &opts, &mut |_, _, _| {}).expect("clean");
    assert_eq!(c.layout.role_of(1), None);
    assert_eq!(c.layout.role_of(9), Some(Role::Notes));
    assert!(
        c.findings.iter().all(|f| f.column != Some(1)),
        "an ignored column is untouched"
    );
    let bad = Options {
        columns: vec![("shoe_size".into(), "B".into())],
        ..options()
    };
    assert!(matches!(
        lamsach::open(&fixture("title_rows.xlsx"), "t", &bad),
        Err(Error::UnknownRole { .. })
    ));
}

/// A part of a written workbook, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("the workbook is a zip");
    let mut file = zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text).expect(name);
    text
}

#[test]
fn changed_cells_are_highlighted_and_noted_with_their_original() {
    let cleaned = clean("title_rows.xlsx");
    let bytes = lamsach::write_workbook(&cleaned).expect("write");
    let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
    let styles = part(&bytes, "xl/styles.xml");
    let notes = part(&bytes, "xl/comments1.xml");
    // F7: an ID stored as a number lost its leading zero; fixed, so yellow (style 1 fills
    // FFF2CC), with a note giving the value the list held.
    assert!(
        sheet.contains("<c r=\"F7\" s=\"1\" t=\"s\">"),
        "F7 highlighted"
    );
    let xfs = styles.split("<cellXfs").nth(1).expect("cellXfs");
    let fixed_xf = xfs.split("<xf ").nth(2).expect("xf 1");
    assert!(fixed_xf.contains("fillId=\"2\""), "{fixed_xf}");
    let fills: Vec<&str> = styles.split("<fill>").skip(1).collect();
    assert!(fills[2].contains("FFFFF2CC"), "{}", fills[2]);
    let f7 = notes
        .split("<comment ref=\"F7\"")
        .nth(1)
        .expect("a note on F7");
    assert!(
        f7.split("</comment>")
            .next()
            .unwrap()
            .contains("«79315000002»"),
        "{f7}"
    );
    // An untouched cell has neither.
    assert!(sheet.contains("<c r=\"B6\" t=\"s\">"), "B6 plain");
    assert!(!notes.contains("ref=\"B6\""));
    // The title rows' merges are kept, the header stays frozen, the findings can be filtered.
    assert!(sheet.contains("<mergeCell ref=\"A1:J1\"/>"));
    assert!(sheet.contains("<pane ySplit=\"5\" topLeftCell=\"A6\""));
    let findings = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(findings.contains(&format!(
        "<autoFilter ref=\"A1:H{}\"/>",
        cleaned.findings.len() + 1
    )));
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let a = lamsach::write_workbook(&clean("title_rows.xlsx")).expect("write");
    let b = lamsach::write_workbook(&clean("title_rows.xlsx")).expect("write");
    assert_eq!(a, b);
}

#[test]
fn cleaning_the_cleaned_workbook_changes_nothing_more() {
    let once = clean("title_rows.xlsx");
    let bytes = lamsach::write_workbook(&once).expect("write");
    let twice =
        lamsach::clean(&bytes, "again.xlsx", &options(), &mut |_, _, _| {}).expect("clean again");
    let fixed: Vec<_> = twice
        .findings
        .iter()
        .filter(|f| f.rule.severity == lamsach::report::Severity::Fixed)
        .collect();
    assert!(fixed.is_empty(), "second pass fixed again: {fixed:?}");
}

#[test]
fn the_json_report_has_the_documented_shape() {
    let c = clean("title_rows.xlsx");
    let json: serde_json::Value =
        serde_json::from_str(&lamsach::report_json(&c)).expect("valid JSON");
    assert_eq!(json["version"], 1);
    assert_eq!(json["input"]["format"], "xlsx");
    assert_eq!(json["input"]["sheet"], "DS tre em");
    assert_eq!(json["columns"][1]["role"], "child_name");
    assert_eq!(json["columns"][9]["role"], serde_json::Value::Null);
    assert_eq!(json["summary"]["records"], 6);
    let f = &json["findings"][0];
    for key in [
        "row", "column", "header", "code", "severity", "before", "after", "message",
    ] {
        assert!(f.get(key).is_some(), "finding lacks {key}");
    }
    assert_eq!(
        json["findings"].as_array().map(Vec::len),
        Some(c.findings.len())
    );
}

#[test]
fn bad_files_get_a_clear_error_not_a_panic() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", vec![], "empty_file"),
        (
            "random",
            (0..4000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
            "not_a_spreadsheet",
        ),
        (
            "pdf",
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj".to_vec(),
            "not_a_spreadsheet",
        ),
        // An HTML table is read (workbook::html); a web page without one is refused.
        (
            "html",
            b"<html><body><p>Phien lam viec het han</p></body></html>".to_vec(),
            "html_disguised",
        ),
        (
            "html table, no header",
            b"<html><body><table><tr><td>STT</td></tr></table></body></html>".to_vec(),
            "no_header",
        ),
        (
            "truncated",
            fixture("title_rows.xlsx")[..1500].to_vec(),
            "corrupt",
        ),
        (
            "zip without workbook",
            b"PK\x03\x04\x14\x00\x00\x00\x00\x00".to_vec(),
            "corrupt",
        ),
    ];
    for (what, bytes, code) in cases {
        let err = lamsach::clean(&bytes, "x.xlsx", &options(), &mut |_, _, _| {}).expect_err(what);
        assert_eq!(err.code(), code, "{what}: {err}");
        assert!(!err.message(Lang::Vi).is_empty() && !err.message(Lang::En).is_empty());
    }
    let no_header = b"a,b,c\n1,2,3\n".to_vec();
    let err =
        lamsach::clean(&no_header, "x.csv", &options(), &mut |_, _, _| {}).expect_err("no header");
    assert_eq!(err.code(), "no_header");
}

#[test]
fn docs_rules_md_is_generated_from_the_rules() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        on_disk,
        lamsach::rules::markdown(),
        "docs/rules.md is stale: run `lamsach rules --markdown > docs/rules.md`"
    );
    for rule in lamsach::rules::all() {
        for section in ["Kiểm tra", "What it checks", "Why", "Example", "Fix"] {
            assert!(
                rule.help.contains(section),
                "rule {} lacks its \"{section}\" section",
                rule.code
            );
        }
    }
}

/// A workbook of one compact sheet, "S", its rows written by `rows`.
fn compact_book(rows: impl AsyncFnOnce(&mut Sheet<'_, '_>) -> Result<(), Error>) -> Vec<u8> {
    use lamsach::workbook::xlsx::{finish_now, Book, SheetSetup, Zip};
    let mut bytes = Vec::new();
    finish_now(async {
        let mut zip = Zip::new(&mut bytes);
        let mut book = Book::new(&mut zip);
        let setup = SheetSetup {
            compact: true,
            ..SheetSetup::default()
        };
        let mut sheet = book.sheet("S", setup)?;
        rows(&mut sheet).await?;
        sheet.end().await?;
        book.finish().await
    })
    .expect("write");
    bytes
}

#[test]
fn cells_without_their_reference_are_read_where_they_were_written() {
    // Row 1 is full; row 2 skips B and E (gaps must carry a reference); row 4 starts at C.
    let rows: [(u32, &[(u16, &str)]); 3] = [
        (0, &[(0, "a1"), (1, "b1"), (2, "c1")]),
        (1, &[(0, "a2"), (2, "c2"), (3, "d2"), (5, "f2")]),
        (3, &[(2, "c4"), (3, "d4")]),
    ];
    let bytes = compact_book(async |sheet| {
        for (r, cells) in rows {
            sheet.row(r).await?;
            for &(c, text) in cells {
                sheet.text(c, text, Style::Plain)?;
            }
        }
        Ok(())
    });
    let xml = part(&bytes, "xl/worksheets/sheet1.xml");
    // Only the cells after a gap, or not in column A at the row's start, say where they are.
    let references: Vec<&str> = xml
        .split("<c r=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap_or_default())
        .collect();
    assert_eq!(references, ["C2", "F2", "C4"], "{xml}");

    let expected = |r: u32, c: u16| {
        rows.iter()
            .find(|(row, _)| *row == r)
            .and_then(|(_, cells)| cells.iter().find(|(col, _)| *col == c))
            .map(|(_, t)| t.to_string())
            .unwrap_or_default()
    };
    let mut calamine_book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).expect("opens");
    let range = calamine_book.worksheet_range("S").expect("sheet S");
    let ours = lamsach::workbook::xlsx_reader::read(&bytes, "s.xlsx", None)
        .expect("our reader")
        .expect("our reader reads it, not calamine");
    for r in 0..5u32 {
        for c in 0..7u16 {
            let want = expected(r, c);
            assert_eq!(
                text_at(&range, r, u32::from(c)),
                want,
                "calamine, row {r} col {c}"
            );
            assert_eq!(
                ours.cell(r as usize, usize::from(c)).display(),
                want,
                "our reader, row {r} col {c}"
            );
        }
    }
}

#[test]
fn the_data_sheet_keeps_every_cell_reference_and_the_findings_leave_most_out() {
    let bytes = lamsach::write_workbook(&clean("title_rows.xlsx")).expect("write");
    let cells = |xml: &str| (xml.matches("<c ").count(), xml.matches("<c r=\"").count());
    let (data_cells, data_refs) = cells(&part(&bytes, "xl/worksheets/sheet1.xml"));
    assert!(data_cells > 50);
    assert_eq!(
        data_refs, data_cells,
        "the data sheet goes back to the upload software"
    );
    let findings = part(&bytes, "xl/worksheets/sheet2.xml");
    let (finding_cells, finding_refs) = (findings.matches("<c").count(), cells(&findings).1);
    assert!(
        finding_refs * 4 < finding_cells,
        "{finding_refs} of {finding_cells}"
    );
}

#[test]
fn the_findings_sheet_holds_every_value_before_and_after_exactly() {
    // Spaces at either end, tabs, NFD letters, quotes: the findings sheet writes its texts in
    // their cells (the data sheet shares them, as Excel does).
    let c = lamsach::clean(
        &fixture("rules.csv"),
        "rules.csv",
        &options(),
        &mut |_, _, _| {},
    )
    .expect("rules.csv");
    let bytes = lamsach::write_workbook(&c).expect("write");
    assert!(part(&bytes, "xl/worksheets/sheet2.xml").contains("t=\"inlineStr\""));
    assert!(!part(&bytes, "xl/worksheets/sheet1.xml").contains("inlineStr"));
    let sheets = read_back(&c);
    let findings = &sheets[1].1;
    assert_eq!(findings.height(), c.findings.len() + 1);
    let mut spaced = 0;
    for (i, f) in c.findings.iter().enumerate() {
        let r = i as u32 + 1;
        assert_eq!(
            findings.get_value((r, 0)),
            Some(&Data::Float(f64::from(f.row)))
        );
        assert_eq!(text_at(findings, r, 3), f.rule.code);
        assert_eq!(
            text_at(findings, r, 5),
            f.before.as_str(),
            "before, finding {i}"
        );
        assert_eq!(
            text_at(findings, r, 6),
            f.after.as_str(),
            "after, finding {i}"
        );
        if f.before.starts_with(' ') || f.before.ends_with(' ') {
            spaced += 1;
        }
    }
    assert!(spaced > 0, "a value with a space at an end");
}

#[test]
fn a_run_of_shared_strings_is_written_as_its_cells_one_by_one() {
    // Rows as the findings sheet writes them: a number, then four shared strings; the last
    // row has no number, so its run does not follow a cell and needs its references.
    let write = |as_run: bool| {
        compact_book(async |sheet| {
            let ids = ["Cột B", "Họ và tên", "name.case", "Đã sửa"].map(|t| sheet.intern(t));
            let run = Sheet::prepare_run(1, &ids);
            for r in 0..4u32 {
                sheet.row(r).await?;
                if r < 3 {
                    sheet.number(0, f64::from(r), Style::Plain)?;
                }
                if as_run {
                    sheet.shared_run(&run)?;
                } else {
                    for (i, &id) in ids.iter().enumerate() {
                        sheet.text_id(1 + i as u16, id, Style::Plain)?;
                    }
                }
                sheet.text(5, "after", Style::Plain)?;
            }
            Ok(())
        })
    };
    let (one_by_one, as_run) = (write(false), write(true));
    assert_eq!(
        part(&as_run, "xl/worksheets/sheet1.xml"),
        part(&one_by_one, "xl/worksheets/sheet1.xml")
    );
    // Sixteen cells refer to the shared strings: the table says so.
    let strings = part(&as_run, "xl/sharedStrings.xml");
    assert!(
        strings.contains("count=\"16\" uniqueCount=\"4\""),
        "{strings}"
    );
    assert_eq!(strings, part(&one_by_one, "xl/sharedStrings.xml"));
    assert!(part(&as_run, "xl/worksheets/sheet1.xml").contains("<c r=\"B4\" t=\"s\">"));
}
