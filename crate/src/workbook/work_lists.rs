//! The work lists each party needs: children the police must verify (no ID or a wrong
//! one), grouped by commune; children a person must check in the household, grouped by
//! village, with what to check. Each row keeps its original sheet row number so answers
//! can be copied back.

use crate::clean::Cleaned;
use crate::report::{Lang, Severity};
use crate::workbook::role::Role;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// "Cần công an xác minh".
    Police,
    /// "Cần rà soát tại hộ gia đình".
    Household,
}

impl Kind {
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Police, Lang::Vi) => "Cần công an xác minh",
            (Kind::Police, Lang::En) => "For the police",
            (Kind::Household, Lang::Vi) => "Cần rà soát tại hộ gia đình",
            (Kind::Household, Lang::En) => "Household review",
        }
    }
}

/// One list: a header and groups of rows (group name → rows), groups in name order, rows
/// in sheet order.
pub struct WorkList {
    pub header: Vec<String>,
    pub groups: BTreeMap<String, Vec<Vec<String>>>,
}

impl WorkList {
    pub fn len(&self) -> usize {
        self.groups.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

const POLICE_ROLES: &[Role] = &[
    Role::ChildName,
    Role::DateOfBirth,
    Role::Gender,
    Role::Ethnicity,
    Role::PersonalId,
    Role::FatherName,
    Role::MotherName,
    Role::GuardianName,
    Role::Village,
    Role::Commune,
];

const HOUSEHOLD_ROLES: &[Role] = &[
    Role::ChildName,
    Role::DateOfBirth,
    Role::Gender,
    Role::FatherName,
    Role::MotherName,
    Role::GuardianName,
    Role::Village,
];

/// The roles of `wanted` the sheet has, and a header: "Dòng gốc" then each one's header as
/// written in the sheet.
pub fn row_columns(
    layout: &crate::Layout,
    wanted: &[Role],
    lang: Lang,
) -> (Vec<Role>, Vec<String>) {
    let roles: Vec<Role> = wanted
        .iter()
        .copied()
        .filter(|r| layout.column_of(*r).is_some())
        .collect();
    let mut header = vec![if lang == Lang::Vi {
        "Dòng gốc"
    } else {
        "Sheet row"
    }
    .to_string()];
    header.extend(roles.iter().map(|r| {
        layout
            .header_of(usize::from(layout.column_of(*r).unwrap_or(0)))
            .to_string()
    }));
    (roles, header)
}

pub fn build(cleaned: &Cleaned, kind: Kind) -> WorkList {
    let lang = cleaned.options.lang;
    let vi = lang == Lang::Vi;
    let layout = &cleaned.layout;
    let (roles, mut header) = row_columns(
        layout,
        match kind {
            Kind::Police => POLICE_ROLES,
            Kind::Household => HOUSEHOLD_ROLES,
        },
        lang,
    );
    header.push(match (kind, vi) {
        (Kind::Police, true) => "Lý do".into(),
        (Kind::Police, false) => "Reason".into(),
        (Kind::Household, true) => "Cần kiểm tra".into(),
        (Kind::Household, false) => "To check".into(),
    });
    if kind == Kind::Police {
        header.push(
            if vi {
                "Số định danh (công an ghi)"
            } else {
                "ID number (by the police)"
            }
            .into(),
        );
        header.push(
            if vi {
                "Ghi chú của công an"
            } else {
                "Police notes"
            }
            .into(),
        );
    }

    // Reasons per sheet row, from the findings (already in row order).
    let mut reasons: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    for f in &cleaned.findings {
        let wanted = match kind {
            Kind::Police => f.rule.severity == Severity::Error && f.rule.code.starts_with("id."),
            Kind::Household => f.rule.severity != Severity::Fixed,
        };
        if wanted {
            let where_ = f
                .column
                .map(|c| format!("{}: ", layout.header_of(usize::from(c))))
                .unwrap_or_default();
            let entry = reasons.entry(f.row).or_default();
            let text = format!("{where_}{}", f.message(lang));
            if !entry.contains(&text) {
                entry.push(text);
            }
        }
    }
    let id_col = layout.column_of(Role::PersonalId).map(usize::from);
    let group_role = if kind == Kind::Police {
        Role::Commune
    } else {
        Role::Village
    };
    let group_col = layout.column_of(group_role).map(usize::from);
    let mut groups: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for (r, _) in cleaned
        .is_record
        .iter()
        .enumerate()
        .filter(|(_, rec)| **rec)
    {
        let row = r as u32 + 1;
        let mut why = reasons.get(&row).cloned().unwrap_or_default();
        if kind == Kind::Police {
            if let Some(c) = id_col {
                if cleaned.table.cell(r, c).is_empty() {
                    why.insert(
                        0,
                        if vi {
                            "Chưa có số định danh".into()
                        } else {
                            "No ID number".into()
                        },
                    );
                }
            }
        }
        if why.is_empty() {
            continue;
        }
        let mut line = vec![row.to_string()];
        line.extend(roles.iter().map(|role| {
            let c = usize::from(layout.column_of(*role).unwrap_or(0));
            cleaned.table.cell(r, c).display()
        }));
        line.push(why.join("; "));
        if kind == Kind::Police {
            line.extend([String::new(), String::new()]);
        }
        let group = group_col
            .map(|c| cleaned.table.cell(r, c).display())
            .filter(|g| !g.is_empty());
        let group = group.unwrap_or_else(|| {
            if vi {
                "(không rõ)".into()
            } else {
                "(unknown)".into()
            }
        });
        groups.entry(group).or_default().push(line);
    }
    WorkList { header, groups }
}
