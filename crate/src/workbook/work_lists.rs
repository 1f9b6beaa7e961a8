//! The work lists each party needs: children the police must verify (no ID or a wrong
//! one), grouped by commune; children a person must check in the household, grouped by
//! village, with what to check. Each row keeps its original sheet row number so answers
//! can be copied back.

use crate::clean::Cleaned;
use crate::report::{Finding, Lang, Severity};
use crate::workbook::role::Role;
use crate::workbook::table::Table;
use std::borrow::Cow;
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

/// One list: a header and groups of lines (group name → lines), groups in name order,
/// lines in sheet order. A line's cells are read from the cleaned table as it is written:
/// a province's lists hold tens of thousands of children, a copy of each value would be
/// most of the time spent on them.
pub struct WorkList<'a> {
    pub header: Vec<String>,
    /// The sheet's columns shown after the sheet row, in order.
    columns: Vec<usize>,
    /// Empty columns after the reason, for the police to fill in.
    blanks: usize,
    pub groups: BTreeMap<Cow<'a, str>, Vec<Line>>,
}

/// One child on a list.
pub struct Line {
    /// The 0-based sheet row of the record.
    pub r: usize,
    /// What to verify or check, the reasons joined by "; ".
    pub why: String,
}

impl<'a> WorkList<'a> {
    /// The texts of `line` after its sheet row: the record's values, the reason, and the
    /// empty columns.
    pub fn texts<'t>(
        &'t self,
        table: &'t Table,
        line: &'t Line,
    ) -> impl Iterator<Item = Cow<'t, str>> + 't {
        self.columns
            .iter()
            .map(move |&c| table.cell(line.r, c).shown())
            .chain(std::iter::once(Cow::Borrowed(line.why.as_str())))
            .chain(std::iter::repeat_n(Cow::Borrowed(""), self.blanks))
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

pub fn build(cleaned: &Cleaned, kind: Kind) -> WorkList<'_> {
    let lang = cleaned.options.lang;
    let vi = lang == Lang::Vi;
    let layout = &cleaned.layout;
    let table = &cleaned.table;
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
    let mut blanks = 0;
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
        blanks = 2;
    }

    // The findings that give a reason, by sheet row (in findings order within a row).
    let mut wanted: Vec<(u32, &Finding)> = cleaned
        .findings
        .iter()
        .filter(|f| match kind {
            Kind::Police => f.rule.severity == Severity::Error && f.rule.code.starts_with("id."),
            Kind::Household => f.rule.severity != Severity::Fixed,
        })
        .map(|f| (f.row, f))
        .collect();
    wanted.sort_by_key(|(row, _)| *row);
    let mut next = 0;

    let id_col = layout.column_of(Role::PersonalId).map(usize::from);
    let group_role = if kind == Kind::Police {
        Role::Commune
    } else {
        Role::Village
    };
    let group_col = layout.column_of(group_role).map(usize::from);
    let unknown = if vi { "(không rõ)" } else { "(unknown)" };
    let mut groups: BTreeMap<Cow<'_, str>, Vec<Line>> = BTreeMap::new();
    let mut why: Vec<String> = Vec::new();
    for (r, _) in cleaned
        .is_record
        .iter()
        .enumerate()
        .filter(|(_, rec)| **rec)
    {
        let row = r as u32 + 1;
        why.clear();
        if kind == Kind::Police && id_col.is_some_and(|c| table.cell(r, c).is_empty()) {
            why.push(if vi {
                "Chưa có số định danh".into()
            } else {
                "No ID number".into()
            });
        }
        // The reasons of the findings, each once.
        let first = why.len();
        while next < wanted.len() && wanted[next].0 < row {
            next += 1;
        }
        while next < wanted.len() && wanted[next].0 == row {
            let f = wanted[next].1;
            next += 1;
            let where_ = f
                .column
                .map(|c| format!("{}: ", layout.header_of(usize::from(c))))
                .unwrap_or_default();
            let text = format!("{where_}{}", f.message(lang));
            if !why[first..].contains(&text) {
                why.push(text);
            }
        }
        if why.is_empty() {
            continue;
        }
        let group = group_col
            .map(|c| table.cell(r, c).shown())
            .filter(|g| !g.is_empty())
            .unwrap_or(Cow::Borrowed(unknown));
        let line = Line {
            r,
            why: why.join("; "),
        };
        match groups.get_mut(group.as_ref()) {
            Some(lines) => lines.push(line),
            None => {
                groups.insert(group, vec![line]);
            }
        }
    }
    let columns = roles
        .iter()
        .filter_map(|role| layout.column_of(*role).map(usize::from))
        .collect();
    WorkList {
        header,
        columns,
        blanks,
        groups,
    }
}
