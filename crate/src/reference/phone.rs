//! Mobile prefixes changed from 11 to 10 digits in 2018–2019 (domain README §8.1).

use std::sync::OnceLock;

/// `(old 4-digit prefix, new 3-digit prefix)`.
pub fn old_prefixes() -> &'static [(String, String)] {
    static TABLE: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        super::csv_rows(include_str!("../../data/phone_prefixes_2018.csv"))
            .iter()
            .map(|r| {
                (
                    r.get(0).unwrap_or_default().to_string(),
                    r.get(1).unwrap_or_default().to_string(),
                )
            })
            .collect()
    })
}
