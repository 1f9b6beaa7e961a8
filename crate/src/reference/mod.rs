//! Official tables, kept as data files under `crate/data/` and parsed once. Their sources
//! are in `../shared/domain/README.md`; `tests` below check them against the facts the
//! domain notes state (63 + 34 provinces, 54 ethnic groups, 21 phone prefixes).

pub mod ethnicity;
pub mod phone;
pub mod province;

/// Rows of an embedded CSV file with a header row. The files are ours and fixed at build
/// time, so a malformed row is skipped rather than reported.
fn csv_rows(text: &'static str) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes())
        .records()
        .filter_map(Result::ok)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn tables_have_the_documented_sizes() {
        assert_eq!(super::province::provinces_2024().len(), 63);
        assert_eq!(super::province::provinces_2025().len(), 34);
        assert_eq!(super::ethnicity::groups().len(), 54);
        assert_eq!(super::phone::old_prefixes().len(), 21);
        // Every 2024 ID prefix is "0" + the GSO code (domain README §1.3).
        for p in super::province::provinces_2024() {
            assert_eq!(p.id_prefix, format!("0{}", p.gso_code));
        }
    }
}
