//! The 54 ethnic groups with both GSO code lists (1979 and 2008), the modern spelling and
//! the other spellings and names in use. An alias marked `*` in the table, or listed under
//! two groups, is ambiguous and never mapped automatically.

use std::collections::HashMap;
use std::sync::OnceLock;

pub struct Group {
    pub code_1979: String,
    pub name_1979: String,
    pub code_2008: String,
    pub name_2008: String,
    pub name_modern: String,
    pub aliases: Vec<String>,
}

pub fn groups() -> &'static [Group] {
    static TABLE: OnceLock<Vec<Group>> = OnceLock::new();
    TABLE.get_or_init(|| {
        super::csv_rows(include_str!("../../data/ethnic_groups.csv"))
            .iter()
            .map(|r| {
                let field = |i: usize| r.get(i).unwrap_or_default().trim().to_string();
                let aliases = field(5)
                    .split([',', ';'])
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect();
                Group {
                    code_1979: field(0),
                    name_1979: field(1),
                    code_2008: field(2),
                    name_2008: field(3),
                    name_modern: field(4),
                    aliases,
                }
            })
            .collect()
    })
}

/// What a spelling points to, after folding (case, accents kept, hyphens/apostrophes/spaces
/// removed).
pub enum Lookup {
    /// One group, by its index in [`groups`].
    Group(usize),
    /// Several groups use this name: a person must choose (indices).
    Ambiguous(Vec<usize>),
}

/// The lookup key: lower case, accents kept (Hà ≠ Hạ), hyphens, apostrophes, spaces and a
/// trailing parenthesis removed: "H'Mông", "H’mông", "HMông", "H Mông" all give "hmông".
pub fn key(s: &str) -> String {
    let s = match s.find('(') {
        Some(i) if i > 0 => &s[..i],
        _ => s,
    };
    s.chars()
        .filter(|c| {
            !matches!(
                c,
                '-' | '\'' | '’' | 'ʼ' | '‘' | '`' | ' ' | '.' | '\u{00A0}'
            )
        })
        .flat_map(char::to_lowercase)
        .collect()
}

pub fn index() -> &'static HashMap<String, Lookup> {
    static INDEX: OnceLock<HashMap<String, Lookup>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut names: HashMap<String, Vec<usize>> = HashMap::new();
        let mut starred: Vec<String> = Vec::new();
        for (i, g) in groups().iter().enumerate() {
            let mut spellings = vec![
                g.name_1979.clone(),
                g.name_2008.clone(),
                g.name_modern.clone(),
            ];
            // "Kinh (Việt)" also means "Việt"; "H'mông (Mèo)" also "Mèo".
            if let (Some(a), Some(b)) = (g.name_2008.find('('), g.name_2008.find(')')) {
                if a < b {
                    spellings.push(g.name_2008[a + 1..b].to_string());
                }
            }
            for alias in &g.aliases {
                let clean = alias.trim_end_matches('*').to_string();
                if alias.ends_with('*') {
                    starred.push(key(&clean));
                }
                spellings.push(clean);
            }
            for s in spellings {
                let entry = names.entry(key(&s)).or_default();
                if !entry.contains(&i) {
                    entry.push(i);
                }
            }
        }
        // A starred alias that is also a group's own name ("Thổ") stays ambiguous.
        names
            .into_iter()
            .map(|(k, v)| {
                let lookup = if v.len() == 1 && !starred.contains(&k) {
                    Lookup::Group(v[0])
                } else {
                    Lookup::Ambiguous(v)
                };
                (k, lookup)
            })
            .collect()
    })
}
