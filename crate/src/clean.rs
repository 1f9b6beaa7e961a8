//! The data's trip through the rules: for every record row, every column with a role goes
//! through its field module; every change becomes a finding holding the original value.

use crate::fields;
use crate::options::Options;
use crate::report::{Finding, Rule, Severity, Summary};
use crate::rules;
use crate::text::{self, TextKind, TextOptions};
use crate::workbook::header::Layout;
use crate::workbook::role::Role;
use crate::workbook::table::{Cell, Table};

/// Where the work is, for a progress bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Read,
    Check,
    Write,
}

/// Rows between two progress reports: often enough for a smooth bar, rarely enough to
/// cost nothing.
pub const PROGRESS_EVERY: usize = 2_000;

/// A cleaned sheet: the table with its cells replaced by their clean values, and the
/// findings in row order.
#[derive(Clone, Debug)]
pub struct Cleaned {
    pub table: Table,
    pub layout: Layout,
    pub options: Options,
    pub findings: Vec<Finding>,
    pub summary: Summary,
    /// For each sheet row index, whether it holds a child's record.
    pub is_record: Vec<bool>,
}

/// Cleans `table` in place and returns it with its findings.
pub fn clean_table(mut table: Table, layout: Layout, options: &Options, progress: &mut dyn FnMut(Stage, usize, usize)) -> Cleaned {
    let height = table.height();
    let start = (layout.data_start as usize).min(height);
    let is_record = find_records(&table, &layout, start);

    // Legacy encodings are decided per column, by a vote over the column's record cells.
    let column_encodings: Vec<Option<text::ColumnEncoding>> = layout
        .columns
        .iter()
        .map(|c| {
            c.role.filter(|r| r.holds_text()).map(|_| {
                let col = usize::from(c.index);
                text::detect_column_encoding(
                    (start..height).filter(|r| is_record[*r]).filter_map(|r| table.cell(r, col).as_text()),
                )
            })
        })
        .collect();

    let mut findings = Vec::new();
    let records = is_record.iter().filter(|b| **b).count();
    let mut done = 0;
    for r in start..height {
        if !is_record[r] {
            continue;
        }
        for column in &layout.columns {
            let Some(role) = column.role else { continue };
            let col = usize::from(column.index);
            let Some(encoding) = column_encodings[col].clone() else { continue };
            let Some(cell) = table.rows[r].get_mut(col) else { continue };
            clean_cell(cell, role, encoding, options, r as u32 + 1, column.index, &mut findings);
        }
        done += 1;
        if done % PROGRESS_EVERY == 0 {
            progress(Stage::Check, done, records);
        }
    }
    progress(Stage::Check, records, records);

    // Row-level and cross-row checks may add findings out of order; readers expect sheet order.
    findings.sort_by_key(|f| (f.row, f.column));
    let summary = summarise(&table, start, &is_record, &findings);
    Cleaned { table, layout, options: options.clone(), findings, summary, is_record }
}

/// Which rows below the header hold a child's record. A row is surely a record when two
/// cells with a role are filled and one of them is the row number, date of birth, ID,
/// gender or ethnicity; above the last such row, any row with a filled role cell is a
/// record too (a child with most facts missing). Blank rows and the signature footer
/// under the list ("Người lập biểu", "XÁC NHẬN CỦA UBND") are left alone.
fn find_records(table: &Table, layout: &Layout, start: usize) -> Vec<bool> {
    let height = table.height();
    let filled = |r: usize, pred: &dyn Fn(Role) -> bool| {
        layout
            .columns
            .iter()
            .filter(|c| c.role.is_some_and(pred) && !table.cell(r, usize::from(c.index)).is_empty())
            .count()
    };
    let strong = |r: usize| {
        filled(r, &|_| true) >= 2
            && filled(r, &|role| {
                matches!(role, Role::Stt | Role::DateOfBirth | Role::PersonalId | Role::Gender | Role::Ethnicity)
            }) >= 1
    };
    let last_strong = (start..height).rev().find(|r| strong(*r));
    (0..height)
        .map(|r| r >= start && (strong(r) || (last_strong.is_some_and(|l| r < l) && filled(r, &|_| true) >= 1)))
        .collect()
}

fn clean_cell(
    cell: &mut Cell,
    role: Role,
    encoding: text::ColumnEncoding,
    options: &Options,
    row: u32,
    col: u16,
    findings: &mut Vec<Finding>,
) {
    let mut record = |rule: &'static Rule, before: &Cell, after: &Cell| {
        findings.push(Finding { row, column: Some(col), rule, before: before.stored(), after: after.display(), detail: None });
    };

    let typed = match role {
        Role::DateOfBirth => fields::date_of_birth::clean(cell),
        r if r == Role::Phone => fields::phone::clean(cell),
        r if r.holds_digits() => fields::id_number::clean(cell),
        _ => None,
    };
    if let Some((new, rule)) = typed {
        record(rule, cell, &new);
        *cell = new;
    }

    if let Cell::Text(s) = cell {
        let kind = match role {
            r if r.holds_person_name() => TextKind::PersonName,
            Role::Ethnicity => TextKind::Ethnicity,
            Role::Village | Role::Commune | Role::District | Role::Province | Role::Address => TextKind::Place,
            _ => TextKind::Other,
        };
        let opts = TextOptions {
            kind,
            tone_style: options.tone_style,
            name_casing: options.name_casing && kind == TextKind::PersonName,
            column: encoding,
        };
        let cleaned = text::clean_text(s, &opts);
        if cleaned.changes.is_empty() {
            return;
        }
        let before = Cell::Text(std::mem::take(s));
        let after = Cell::Text(cleaned.text);
        for change in &cleaned.changes {
            if let Some(rule) = rules::by_code(change.code()) {
                let shown_after = if rule.severity == Severity::Fixed { &after } else { &before };
                record(rule, &before, shown_after);
            }
        }
        *cell = after;
    }
}

fn summarise(table: &Table, start: usize, is_record: &[bool], findings: &[Finding]) -> Summary {
    let mut summary = Summary { sheet_rows: table.height() as u32, ..Summary::default() };
    for r in start..table.height() {
        if is_record[r] {
            summary.records += 1;
        } else {
            summary.other_rows += 1;
        }
    }
    let mut last_cell = None;
    let mut last_review_row = None;
    let mut last_error_row = None;
    for f in findings {
        summary.count(f);
        if f.rule.severity == Severity::Fixed && last_cell != Some((f.row, f.column)) {
            summary.cells_fixed += 1;
            last_cell = Some((f.row, f.column));
        }
        if f.rule.severity != Severity::Fixed && last_review_row != Some(f.row) {
            summary.records_to_review += 1;
            last_review_row = Some(f.row);
        }
        if f.rule.severity == Severity::Error && last_error_row != Some(f.row) {
            summary.records_with_errors += 1;
            last_error_row = Some(f.row);
        }
    }
    summary
}
