//! Rules across fields and rows, run on the cleaned values: a name and a carer present,
//! the ID against the gender and the birth year, parents' ages, the same ID on two
//! children.

pub mod duplicates;
mod gender_middle_name;
mod id_birth_year;
mod id_duplicate;
mod id_gender;
mod name_missing;
mod parent_age_gap;
mod parent_none;
mod same_as_parent;

pub use gender_middle_name::GENDER_MIDDLE_NAME;
pub use id_birth_year::ID_BIRTH_YEAR_MISMATCH;
pub use id_duplicate::ID_DUPLICATE;
pub use id_gender::ID_GENDER_MISMATCH;
pub use name_missing::NAME_MISSING;
pub use parent_age_gap::PARENT_AGE_GAP;
pub use parent_none::PARENT_NONE;
pub use same_as_parent::NAME_SAME_AS_PARENT;

use crate::fields::date_of_birth::parse::{parse_text, Parsed};
use crate::fields::gender::{recognise, Gender, Legend};
use crate::report::{Finding, Rule};
use crate::workbook::header::{Layout, RoleColumns};
use crate::workbook::role::Role;
use crate::workbook::table::{Cell, Table};
use chrono::{Datelike, NaiveDate};
use memchr::memmem::Finder;
use std::borrow::Cow;

pub static RULES: &[&Rule] = &[
    &NAME_MISSING,
    &PARENT_NONE,
    &ID_GENDER_MISMATCH,
    &ID_BIRTH_YEAR_MISMATCH,
    &ID_DUPLICATE,
    &PARENT_AGE_GAP,
    &NAME_SAME_AS_PARENT,
    &GENDER_MIDDLE_NAME,
];

/// A record's cleaned values that the checks compare.
struct Record<'a> {
    row: u32,
    table: &'a Table,
    columns: &'a RoleColumns,
    r: usize,
}

impl Record<'_> {
    fn col(&self, role: Role) -> Option<u16> {
        self.columns.of(role)
    }
    fn cell(&self, role: Role) -> Option<&Cell> {
        self.col(role)
            .map(|c| self.table.cell(self.r, usize::from(c)))
    }
    fn text(&self, role: Role) -> Option<Cow<'_, str>> {
        self.cell(role).filter(|c| !c.is_empty()).map(Cell::shown)
    }
    fn birth_year(&self, reference: NaiveDate) -> Option<i32> {
        year_of(
            self.cell(Role::DateOfBirth).filter(|c| !c.is_empty())?,
            reference,
        )
    }
}

/// The year of a birth date or birth year cell, as [`parse_text`] reads the cell's text; a
/// whole number of four digits (the usual year cell) without writing it out first.
fn year_of(cell: &Cell, reference: NaiveDate) -> Option<i32> {
    if let Cell::Number(n) = cell {
        if n.fract() == 0.0 && (1000.0..=9999.0).contains(n) {
            let year = *n as i32;
            return (1900..=2100).contains(&year).then_some(year);
        }
    }
    match parse_text(&cell.shown(), reference) {
        Parsed::YearOnly(y) => Some(i32::from(y)),
        Parsed::Date(d, _) => Some(d.year()),
        _ => None,
    }
}

/// Numeric gender codes explained in the gender column's header, if any.
fn gender_legend(layout: &Layout) -> Legend {
    layout
        .column_of(Role::Gender)
        .map(|c| Legend::from_header(layout.header_of(usize::from(c))))
        .unwrap_or_default()
}

/// Rows of the same group, other than `row`, as "12, 340".
fn other_rows(rows: &[u32], row: u32) -> String {
    rows.iter()
        .filter(|r| **r != row)
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A finding of `rule` on the record's cell in the column of `role` (its value as it is).
fn flag(
    rec: &Record,
    rule: &'static Rule,
    role: Role,
    detail: Option<String>,
    findings: &mut Vec<Finding>,
) {
    let column = rec.col(role);
    let value = column
        .map(|c| rec.table.cell(rec.r, usize::from(c)).display())
        .unwrap_or_default();
    findings.push(Finding {
        row: rec.row,
        column,
        rule,
        before: value.clone().into(),
        after: value.into(),
        detail,
    });
}

/// The record rows of a table, each as a [`Record`].
fn each_record<'a>(
    table: &'a Table,
    columns: &'a RoleColumns,
    is_record: &'a [bool],
) -> impl Iterator<Item = Record<'a>> + 'a {
    records(is_record).map(move |r| Record {
        row: r as u32 + 1,
        table,
        columns,
        r,
    })
}

/// The checks that read no person's name: the ID number against the gender and the birth
/// year, the same ID on two children, the parents' ages. The page runs them while the
/// other worker still cleans the last names; [`check_names`] runs once the names are in.
pub fn check_ids_and_ages(
    table: &Table,
    layout: &Layout,
    is_record: &[bool],
    reference: NaiveDate,
    findings: &mut Vec<Finding>,
) {
    let legend = gender_legend(layout);
    let columns = layout.role_columns();
    // (ID as a number, row): sorted afterwards, equal IDs stand together. Cheaper than a map
    // of strings to rows for 340,000 IDs.
    let mut ids: Vec<(u64, u32)> = Vec::new();
    for rec in each_record(table, &columns, is_record) {
        let year = rec.birth_year(reference);
        if let Some(id) = rec
            .text(Role::PersonalId)
            .filter(|id| id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()))
        {
            let gender = rec.text(Role::Gender).and_then(|g| recognise(&g, &legend));
            let digit4 = id.as_bytes()[3] - b'0';
            let id_gender = if digit4.is_multiple_of(2) {
                Gender::Male
            } else {
                Gender::Female
            };
            if gender.is_some_and(|g| g != id_gender) {
                flag(&rec, &ID_GENDER_MISMATCH, Role::PersonalId, None, findings);
            }
            let id_year = (19 + i32::from(digit4 / 2)) * 100 + id[4..6].parse::<i32>().unwrap_or(0);
            if year.is_some_and(|y| y != id_year) {
                flag(
                    &rec,
                    &ID_BIRTH_YEAR_MISMATCH,
                    Role::PersonalId,
                    Some(id_year.to_string()),
                    findings,
                );
            }
            if let Ok(number) = id.parse::<u64>() {
                ids.push((number, rec.row));
            }
        }

        if let Some(child_year) = year {
            for role in [Role::FatherBirthYear, Role::MotherBirthYear] {
                let Some(value) = rec.cell(role).filter(|c| !c.is_empty()) else {
                    continue;
                };
                let parent_year = year_of(value, reference);
                let plausible = parent_year.is_some_and(|p| (12..=70).contains(&(child_year - p)));
                if !plausible {
                    flag(&rec, &PARENT_AGE_GAP, role, None, findings);
                }
            }
        }
    }

    let id_col = columns.of(Role::PersonalId);
    ids.sort_unstable();
    for group in ids.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        let id = format!("{:012}", group[0].0);
        let rows: Vec<u32> = group.iter().map(|&(_, row)| row).collect();
        for &row in &rows {
            let others = other_rows(&rows, row);
            findings.push(Finding {
                row,
                column: id_col,
                rule: &ID_DUPLICATE,
                before: id.clone().into(),
                after: id.clone().into(),
                detail: Some(others),
            });
        }
    }
}

/// The checks that read the person names: the child's name missing, no carer named, the
/// child named as a parent, the other gender's middle name.
pub fn check_names(
    table: &Table,
    layout: &Layout,
    is_record: &[bool],
    findings: &mut Vec<Finding>,
) {
    let legend = gender_legend(layout);
    let columns = layout.role_columns();
    // The middle name of the other gender, looked for in every name: searchers made once.
    let (thi, van) = (Finder::new("Thị"), Finder::new("Văn"));
    let carers = [Role::FatherName, Role::MotherName, Role::GuardianName];
    let carer_columns: Vec<Role> = carers
        .into_iter()
        .filter(|r| columns.of(*r).is_some())
        .collect();
    for rec in each_record(table, &columns, is_record) {
        let name = rec.text(Role::ChildName);
        if rec.col(Role::ChildName).is_some() && name.is_none() {
            flag(&rec, &NAME_MISSING, Role::ChildName, None, findings);
        }
        if !carer_columns.is_empty() && carer_columns.iter().all(|r| rec.text(*r).is_none()) {
            flag(&rec, &PARENT_NONE, carer_columns[0], None, findings);
        }
        let Some(name) = &name else { continue };
        let key = crate::text::ComparisonKey::new(name);
        if carers
            .iter()
            .any(|r| rec.text(*r).is_some_and(|p| key.matches(&p)))
        {
            flag(&rec, &NAME_SAME_AS_PARENT, Role::ChildName, None, findings);
        }
        let gender = rec.text(Role::Gender).and_then(|g| recognise(&g, &legend));
        let contrary = match gender {
            Some(Gender::Male) => Some(("Thị", &thi)),
            Some(Gender::Female) => Some(("Văn", &van)),
            None => None,
        };
        // Looked for as words only where the text holds it at all: rarely.
        let contrary = contrary
            .and_then(|(word, finder)| finder.find(name.as_bytes()).is_some().then_some(word));
        if let Some(contrary) = contrary {
            // A middle name: neither the first word nor the last.
            let words = name.split_whitespace().count();
            let mut middle = name
                .split_whitespace()
                .take(words.saturating_sub(1))
                .skip(1);
            if middle.any(|w| w == contrary) {
                flag(&rec, &GENDER_MIDDLE_NAME, Role::Gender, None, findings);
            }
        }
    }
}

/// The roles a [`duplicates::Person`] holds as text, in the order [`Shown`] stores them.
const PERSON_TEXT: [Role; 7] = [
    Role::ChildName,
    Role::FatherName,
    Role::MotherName,
    Role::GuardianName,
    Role::PersonalId,
    Role::Commune,
    Role::Village,
];

/// The text of the record cells that are not text already (an ID or a date stored as a
/// number), written once, so that the people borrow every value and none is copied (a
/// province's list is 340,000 people compared at once).
pub struct Shown(Vec<String>);

impl Shown {
    pub fn of(table: &Table, layout: &Layout, is_record: &[bool]) -> Shown {
        let columns = PERSON_TEXT.map(|role| layout.column_of(role));
        let mut shown = Vec::new();
        for r in records(is_record) {
            for c in columns.iter().flatten() {
                match table.cell(r, usize::from(*c)) {
                    Cell::Text(_) | Cell::Empty => {}
                    other => shown.push(other.display()),
                }
            }
        }
        Shown(shown)
    }
}

fn records(is_record: &[bool]) -> impl Iterator<Item = usize> + '_ {
    is_record
        .iter()
        .enumerate()
        .filter(|(_, rec)| **rec)
        .map(|(r, _)| r)
}

/// The named records of a cleaned table, for the duplicate engine, borrowing the table's
/// text and `shown` (made by [`Shown::of`] from the same table).
pub fn people<'a>(
    table: &'a Table,
    layout: &Layout,
    is_record: &[bool],
    reference: NaiveDate,
    shown: &'a Shown,
) -> Vec<duplicates::Person<'a>> {
    let legend = gender_legend(layout);
    let role_columns = layout.role_columns();
    let columns = PERSON_TEXT.map(|role| role_columns.of(role));
    let mut next_shown = shown.0.iter();
    let mut people = Vec::with_capacity(records(is_record).count());
    for r in records(is_record) {
        // Walked in the order `Shown::of` wrote them.
        let texts: [&'a str; 7] = columns.map(|c| {
            let Some(c) = c else { return "" };
            match table.cell(r, usize::from(c)) {
                Cell::Text(t) => t.as_str(),
                Cell::Empty => "",
                _ => next_shown.next().map_or("", String::as_str),
            }
        });
        let [name, father, mother, guardian, id, commune, village] = texts;
        if name.is_empty() {
            continue;
        }
        let cell = |role: Role| {
            role_columns
                .of(role)
                .map(|c| table.cell(r, usize::from(c)).shown())
                .unwrap_or_default()
        };
        let (date_of_birth, birth_year) = match parse_text(&cell(Role::DateOfBirth), reference) {
            Parsed::Date(d, _) => (
                Some((d.year() as u16, d.month() as u8, d.day() as u8)),
                None,
            ),
            Parsed::YearOnly(y) => (None, Some(y)),
            _ => (None, None),
        };
        let gender = recognise(&cell(Role::Gender), &legend).map(|g| match g {
            Gender::Male => duplicates::Gender::Male,
            Gender::Female => duplicates::Gender::Female,
        });
        people.push(duplicates::Person {
            row: r as u32 + 1,
            name,
            date_of_birth,
            birth_year,
            gender,
            father,
            mother,
            guardian,
            personal_id: if id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()) {
                id
            } else {
                ""
            },
            commune,
            village,
        });
    }
    people
}

/// Groups of records that are probably one child (see [`duplicates`]), from the cleaned
/// values.
pub fn duplicate_groups(
    table: &Table,
    layout: &Layout,
    is_record: &[bool],
    reference: NaiveDate,
) -> Vec<duplicates::Group> {
    let shown = Shown::of(table, layout, is_record);
    let people = people(table, layout, is_record, reference, &shown);
    duplicates::find_duplicates(&people)
}

/// A finding on every member of a group, naming the other rows. Groups held together only
/// by a shared ID are left to `id.duplicate`, which already flags both rows.
pub fn duplicate_findings(
    groups: &[duplicates::Group],
    layout: &Layout,
    findings: &mut Vec<Finding>,
) {
    let col = layout.column_of(Role::ChildName);
    for g in groups {
        let rule = g.rule();
        if std::ptr::eq(rule, &duplicates::same_id::SAME_ID) {
            continue;
        }
        for &row in &g.rows {
            let others = other_rows(&g.rows, row);
            findings.push(Finding {
                row,
                column: col,
                rule,
                before: Default::default(),
                after: Default::default(),
                detail: Some(format!("{others}: {}", g.reason)),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::header::Column;
    use crate::workbook::table::{FileFormat, Table};

    fn column(index: u16, role: Role) -> Column {
        Column {
            index,
            letter: crate::report::column_letter(index),
            header: String::new(),
            role: Some(role),
        }
    }

    #[test]
    fn a_year_cell_is_read_as_its_text_is() {
        let reference = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let slow = |cell: &Cell| match parse_text(&cell.shown(), reference) {
            Parsed::YearOnly(y) => Some(i32::from(y)),
            Parsed::Date(d, _) => Some(d.year()),
            _ => None,
        };
        let mut cells: Vec<Cell> = (0..=12_000).map(|n| Cell::Number(f64::from(n))).collect();
        cells.extend([1985.5, -1985.0, 1e15, 0.1].map(Cell::Number));
        cells.extend(["1985", "05/03/2012", "1899", " 2001 "].map(Cell::text));
        for cell in &cells {
            assert_eq!(year_of(cell, reference), slow(cell), "{cell:?}");
        }
    }

    #[test]
    fn people_take_each_value_from_its_own_cell_when_some_are_numbers() {
        let text = |s: &str| Cell::text(s);
        let rows = vec![
            vec![
                text("Họ và tên"),
                text("Số định danh"),
                text("Họ tên cha"),
                text("Thôn"),
            ],
            // An ID and a father's "name" stored as numbers, between text cells.
            vec![
                text("Lò Văn Páo"),
                Cell::Number(14210000004.0),
                Cell::Number(7.0),
                text("Bản Mường"),
            ],
            vec![
                text("Trần Thị Bích"),
                text("079315000002"),
                text("Trần Văn Dũng"),
                Cell::Empty,
            ],
            // No name: left out, and its number must not shift the others'.
            vec![
                Cell::Empty,
                Cell::Number(1.0),
                Cell::Number(2.0),
                text("Thôn 2"),
            ],
            vec![
                text("Phạm Quốc Việt"),
                Cell::Number(1216000005.5),
                text("Phạm Văn Hùng"),
                Cell::Number(3.0),
            ],
        ];
        let table = Table {
            file_name: "t.xlsx".into(),
            format: FileFormat::Xlsx,
            sheets: vec!["S".into()],
            sheet: "S".into(),
            width: 4,
            rows,
            merges: Vec::new(),
        };
        let layout = Layout {
            header_first: 0,
            header_last: 0,
            data_start: 1,
            columns: vec![
                column(0, Role::ChildName),
                column(1, Role::PersonalId),
                column(2, Role::FatherName),
                column(3, Role::Village),
            ],
        };
        let is_record = [false, true, true, true, true];
        let shown = Shown::of(&table, &layout, &is_record);
        let reference = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default();
        let people = people(&table, &layout, &is_record, reference, &shown);
        let seen: Vec<(u32, &str, &str, &str, &str)> = people
            .iter()
            .map(|p| (p.row, p.name, p.personal_id, p.father, p.village))
            .collect();
        assert_eq!(
            seen,
            vec![
                // 14210000004 shows 11 digits: not an ID to compare.
                (2, "Lò Văn Páo", "", "7", "Bản Mường"),
                (3, "Trần Thị Bích", "079315000002", "Trần Văn Dũng", ""),
                (5, "Phạm Quốc Việt", "", "Phạm Văn Hùng", "3"),
            ]
        );
    }
}
