//! The whole pipeline from bytes: read (every format), find the header, clean, check,
//! write the workbook and the report. Any panic, hang or runaway allocation is a bug.
//!
//! RUSTC_BOOTSTRAP=1 cargo fuzz run clean fuzz/corpus/clean tests/fixtures -- -max_len=100000

#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = lamsach::Options { reference_date: chrono::NaiveDate::from_ymd_opt(2026, 11, 27), ..Default::default() };
    if let Ok(cleaned) = lamsach::clean(data, "fuzz.xlsx", &options, &mut |_, _, _| {}) {
        let _ = lamsach::write_workbook(&cleaned);
        let _ = lamsach::report_json(&cleaned);
    }
});
