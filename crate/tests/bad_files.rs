//! Bad input gets a clear message, never a hang or a crash; unusual but legitimate files are
//! cleaned with every row kept. One test per file of `tests/fixtures/bad/` (written by
//! `scripts/make-bad-fixtures.py`), each run twice: through the library (the error's stable
//! code, a message in Vietnamese and in English) and through the CLI in a child process
//! (exit code 2 and the message on stderr; 0 for legitimate files), so that an abort or a
//! runaway allocation fails one test instead of killing the test run.
//!
//! The size checks happen before any reader starts (`workbook::limits`): the over-size cases
//! here are tiny files whose zip directory or `<dimension>` gives them away.

use lamsach::report::Lang;
use lamsach::workbook::table::Cell;
use lamsach::{Cleaned, Error, Options};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/bad")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn options() -> Options {
    Options {
        reference_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
        ..Options::default()
    }
}

fn clean(name: &str) -> Result<Cleaned, Error> {
    lamsach::clean(&bytes(name), name, &options(), &mut |_, _, _| {})
}

/// The file is refused with `code`, and the message says why in both languages.
fn refused(name: &str, code: &str) -> Error {
    let err = match clean(name) {
        Ok(c) => panic!(
            "{name}: expected {code}, but it was cleaned ({} rows)",
            c.table.height()
        ),
        Err(e) => e,
    };
    assert_eq!(err.code(), code, "{name}: {err}");
    let (vi, en) = (err.message(Lang::Vi), err.message(Lang::En));
    assert!(
        !vi.trim().is_empty() && !en.trim().is_empty(),
        "{name}: empty message"
    );
    assert_ne!(
        vi, en,
        "{name}: the Vietnamese message must not be the English one"
    );
    cli(name, 2, &vi);
    err
}

/// The file is cleaned; every input row is still there, in order, and the cleaned workbook
/// can be written.
fn cleaned(name: &str) -> Cleaned {
    let c = clean(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let (input, _) = lamsach::open(&bytes(name), name, &options()).expect("opens");
    assert_eq!(
        c.table.height(),
        input.height(),
        "{name}: rows lost or added"
    );
    for r in 0..input.height() {
        let non_empty = |t: &lamsach::Table| {
            (0..usize::from(t.width))
                .filter(|&col| !t.cell(r, col).is_empty())
                .count()
        };
        assert_eq!(
            non_empty(&c.table),
            non_empty(&input),
            "{name}: row {} lost cells",
            r + 1
        );
    }
    lamsach::write_workbook(&c).unwrap_or_else(|e| panic!("{name}: write: {e}"));
    cli(name, 0, "");
    c
}

/// Runs `lamsach clean FILE` in a child process: expected exit code, the message (its first
/// 40 characters) on stderr, and an end within a minute (a debug build; release takes
/// milliseconds for every file here).
fn cli(name: &str, code: i32, message: &str) {
    let out_dir = std::env::temp_dir().join(format!("lamsach-bad-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_lamsach"))
        .args(["clean", &path(name).to_string_lossy(), "-o"])
        .arg(out_dir.join(format!("{name}.xlsx")))
        .args(["--reference-date", "2026-11-27"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{name}: the CLI did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr)
        .expect("stderr");
    assert_eq!(
        status.code(),
        Some(code),
        "{name}: CLI exit status {status}; stderr: {stderr}"
    );
    let head: String = message.chars().take(40).collect();
    assert!(
        stderr.contains(&head),
        "{name}: stderr lacks the message: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
}

// ---- not a spreadsheet ---------------------------------------------------------------------

#[test]
fn empty_file() {
    refused("empty.xlsx", "empty_file");
}

#[test]
fn random_bytes() {
    refused("random.xlsx", "not_a_spreadsheet");
}

#[test]
fn pdf_renamed_xlsx() {
    refused("pdf_renamed.xlsx", "not_a_spreadsheet");
}

#[test]
fn jpeg_renamed_xlsx() {
    refused("jpeg_renamed.xlsx", "not_a_spreadsheet");
}

#[test]
fn truncated_xlsx() {
    refused("truncated.xlsx", "corrupt");
}

#[test]
fn zip_without_a_workbook() {
    refused("zip_no_workbook.xlsx", "not_a_spreadsheet");
}

#[test]
fn web_page_without_a_table() {
    refused("html_no_table.xls", "html_disguised");
}

// ---- password protected --------------------------------------------------------------------

#[test]
fn password_protected_xlsx() {
    refused("encrypted.xlsx", "encrypted");
}

#[test]
fn password_protected_xls() {
    refused("encrypted.xls", "encrypted");
}

// ---- damaged or hostile --------------------------------------------------------------------

#[test]
fn zip_bomb() {
    refused("zip_bomb.xlsx", "zip_bomb");
}

#[test]
fn zip_declaring_a_huge_part() {
    refused("declared_huge.xlsx", "unpacked_too_large");
}

#[test]
fn xml_with_unclosed_tags() {
    refused("xml_unclosed.xlsx", "corrupt");
}

#[test]
fn shared_string_index_out_of_range() {
    refused("sst_out_of_range.xlsx", "corrupt");
}

#[test]
fn sixteen_thousand_columns() {
    let err = refused("cols_16384.xlsx", "too_many_cells");
    assert!(
        err.message(Lang::En).contains("1000 rows × 16384 columns"),
        "{err}"
    );
}

#[test]
fn a_million_rows() {
    let err = refused("rows_1048576.xlsx", "too_many_cells");
    assert!(
        err.message(Lang::En).contains("1048576 rows × 16 columns"),
        "{err}"
    );
}

#[test]
fn the_whole_grid() {
    refused("grid_full.xlsx", "too_many_cells");
}

/// Without `<dimension>` only the cells give the size away: read.rs builds the table from
/// calamine's cell stream and checks each cell as it arrives (calamine's dense `Range` would
/// ask for 17 billion cells and abort the process).
#[test]
fn the_whole_grid_without_a_dimension() {
    refused("grid_full_no_dimension.xlsx", "too_many_cells");
}

#[test]
fn the_whole_grid_without_a_dimension_does_not_crash_the_cli() {
    cli("grid_full_no_dimension.xlsx", 2, "");
}

/// 1,048,575 repeats of a 16-cell row in a 1 KB ODS: calamine expands them all.
#[test]
fn ods_repeated_rows() {
    refused("ods_rows_repeated.ods", "too_many_cells");
}

// ---- legitimate but unusual: cleaned, every row kept ---------------------------------------

#[test]
fn xml_with_bad_characters_is_read() {
    // U+0001 and U+001F are not allowed in XML 1.0, but the reader takes them; the text
    // cleaning then treats them like any invisible character.
    let c = cleaned("xml_bad_chars.xlsx");
    assert_eq!(c.summary.records, 3);
}

#[test]
fn only_a_header() {
    let c = cleaned("header_only.xlsx");
    assert_eq!(c.summary.records, 0);
    assert_eq!(c.table.height(), 1);
}

#[test]
fn no_recognisable_header() {
    refused("no_header.xlsx", "no_header");
}

#[test]
fn only_empty_cells() {
    refused("only_empty_cells.xlsx", "empty_sheet");
}

#[test]
fn a_32767_character_cell() {
    let c = cleaned("long_cell.xlsx");
    let long = c.table.cell(2, 9).display();
    assert!(
        long.chars().count() >= 32_700,
        "the long note is kept ({} chars)",
        long.chars().count()
    );
}

#[test]
fn control_characters() {
    let c = cleaned("control_chars.xlsx");
    assert_eq!(c.summary.records, 3);
}

#[test]
fn formula_error_cells() {
    let c = cleaned("formula_errors.xlsx");
    assert_eq!(c.summary.records, 3);
    let errors: Vec<String> = c
        .table
        .rows
        .iter()
        .flatten()
        .filter_map(|cell| match cell {
            Cell::Error(e) => Some(e.to_string()),
            _ => None,
        })
        .collect();
    for e in ["#N/A", "#REF!", "#DIV/0!"] {
        assert!(
            errors.iter().any(|x| x == e),
            "{e} kept as an error cell: {errors:?}"
        );
    }
}

#[test]
fn merged_cells_across_data_rows() {
    let c = cleaned("merged_data.xlsx");
    assert_eq!(c.summary.records, 3);
    assert!(
        c.table
            .merges
            .iter()
            .any(|m| (m.first_row, m.last_row, m.first_col) == (1, 3, 8)),
        "{:?}",
        c.table.merges
    );
}

#[test]
fn hidden_sheets() {
    let c = cleaned("hidden_sheets.xlsx");
    assert_eq!(c.table.sheet, "DS tre em");
    assert_eq!(c.summary.records, 3);
}

#[test]
fn only_chart_sheets() {
    refused("chart_only.xlsx", "no_sheets");
}

// ---- formats that look like Excel but are not ----------------------------------------------

fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfc().collect()
}

fn assert_the_list(c: &Cleaned, name: &str) {
    assert_eq!(c.summary.records, 3, "{name}");
    let find = |text: &str| {
        c.table
            .rows
            .iter()
            .flatten()
            .any(|cell| nfc(&cell.display()) == text)
    };
    for v in [
        "Nguyễn Văn An",
        "Lò Văn Páo",
        "079212000001",
        "014210000004",
        "Thôn 1",
    ] {
        assert!(find(v), "{name}: {v} not found");
    }
}

#[test]
fn html_table_saved_as_xls() {
    let c = cleaned("html_table.xls");
    assert_the_list(&c, "html_table.xls");
    assert_eq!(
        c.table.cell(0, 0).display(),
        "UBND XÃ TÂN LẬP",
        "title row, entities decoded"
    );
}

#[test]
fn html_table_in_windows_1258() {
    let c = cleaned("html_cp1258.xls");
    assert_the_list(&c, "html_cp1258.xls");
}

#[test]
fn xml_spreadsheet_2003_saved_as_xls() {
    let c = cleaned("spreadsheetml.xls");
    assert_the_list(&c, "spreadsheetml.xls");
    assert!(
        c.table
            .merges
            .iter()
            .any(|m| (m.first_row, m.last_col) == (0, 9)),
        "title merged across"
    );
}

#[test]
fn csv_in_utf8_utf16_and_windows_1258() {
    for name in [
        "csv_utf8.csv",
        "csv_utf16le.csv",
        "csv_utf16be.csv",
        "csv_cp1258.csv",
    ] {
        let c = cleaned(name);
        assert_the_list(&c, name);
        assert_eq!(
            nfc(&c.table.cell(0, 1).display()),
            "Họ và tên",
            "{name}: header decoded"
        );
    }
}

/// Inputs the fuzzer (fuzz/, cargo-fuzz) found to crash the pipeline: each must now end in a
/// clean result or a clear error, never a panic.
#[test]
fn fuzz_regressions_end_in_a_result_or_an_error() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/fuzz") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        let options = lamsach::Options {
            reference_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 27),
            ..Default::default()
        };
        if let Ok(cleaned) = lamsach::clean(&bytes, "fuzz.xls", &options, &mut |_, _, _| {}) {
            lamsach::write_workbook(&cleaned).expect("a cleaned file can be written");
        }
        seen += 1;
    }
    assert!(seen > 0, "no regression inputs in {}", dir.display());
}
