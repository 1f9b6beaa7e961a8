//! The 63 provinces before 1 July 2025 (with the 3-digit ID prefix) and the 34 after.

use std::sync::OnceLock;

pub struct Province {
    pub gso_code: String,
    /// The first 3 digits of a personal ID registered there ("0" + GSO code).
    pub id_prefix: String,
    /// Full official name, e.g. "Tỉnh Hà Giang", "Thành phố Huế".
    pub full_name: String,
}

pub fn provinces_2024() -> &'static [Province] {
    static TABLE: OnceLock<Vec<Province>> = OnceLock::new();
    TABLE.get_or_init(|| {
        super::csv_rows(include_str!("../../data/provinces_2024.csv"))
            .iter()
            .map(|r| Province {
                gso_code: r.get(0).unwrap_or_default().to_string(),
                id_prefix: r.get(1).unwrap_or_default().to_string(),
                full_name: r.get(3).unwrap_or_default().to_string(),
            })
            .collect()
    })
}

pub fn provinces_2025() -> &'static [Province] {
    static TABLE: OnceLock<Vec<Province>> = OnceLock::new();
    TABLE.get_or_init(|| {
        super::csv_rows(include_str!("../../data/provinces_2025.csv"))
            .iter()
            .map(|r| Province {
                gso_code: r.get(0).unwrap_or_default().to_string(),
                id_prefix: format!("0{}", r.get(0).unwrap_or_default()),
                full_name: r.get(1).unwrap_or_default().to_string(),
            })
            .collect()
    })
}

/// Whether the first 3 digits of a personal ID name a place of birth registration: one of
/// the 63 province codes (they stay valid after the 2025 merger) or a country, 101–295.
pub fn is_valid_id_prefix(prefix: &str) -> bool {
    if provinces_2024().iter().any(|p| p.id_prefix == prefix) {
        return true;
    }
    prefix
        .parse::<u16>()
        .is_ok_and(|n| (101..=295).contains(&n))
}
