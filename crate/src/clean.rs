//! The data's trip through the rules: for every record row, every column with a role goes
//! through its field module; every change becomes a finding holding the original value.

use crate::fields;
use crate::options::Options;
use crate::report::{Finding, Rule, Severity, Summary};
use crate::rules;
use crate::text::name_batch::NameBatch;
use crate::text::{self, TextKind, TextOptions};
use crate::workbook::header::Layout;
use crate::workbook::role::Role;
use crate::workbook::table::{Cell, Table, Text};

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
    /// What was decided per column before cleaning, kept so an edit is checked the same way.
    contexts: Vec<Option<ColumnContext>>,
    dob: fields::date_of_birth::Context,
    /// Groups of records that are probably one child, for the "Trùng lặp" sheet.
    pub duplicates: Vec<crate::checks::duplicates::Group>,
    /// When a list of newly found children was merged in: what was decided for each.
    pub merged: Option<crate::merge::Merged>,
}

/// Cleans `table` in place and returns it with its findings.
pub fn clean_table(
    table: Table,
    layout: Layout,
    options: &Options,
    progress: &mut dyn FnMut(Stage, usize, usize),
) -> Cleaned {
    let mut cleaned = clean_cells(table, layout, options, progress, None);
    finish(&mut cleaned);
    cleaned
}

/// The first part of [`clean_table`]: every record's cells cleaned, with their findings,
/// and the record checks that read no name.
/// With `names_elsewhere`, the person names are not cleaned here but handed to it in
/// batches ([`text::name_batch`]) for another worker: give each answer to
/// [`apply_names`], then [`finish`].
pub fn clean_cells(
    mut table: Table,
    layout: Layout,
    options: &Options,
    progress: &mut dyn FnMut(Stage, usize, usize),
    mut names_elsewhere: Option<&mut dyn FnMut(Vec<u8>)>,
) -> Cleaned {
    let height = table.height();
    let start = (layout.data_start as usize).min(height);
    let is_record = find_records(&table, &layout, start);

    // Decided once per column: the legacy encoding (a vote over the column's record
    // cells), a gender code legend in the header, whether dates look day/month swapped.
    let records_in = |col: usize| {
        let table = &table;
        let is_record = &is_record;
        (start..height)
            .filter(move |r| is_record[*r])
            .map(move |r| table.cell(r, col))
    };
    let encodings = column_encodings(&table, &layout, &is_record, start);
    let contexts: Vec<Option<ColumnContext>> = layout
        .columns
        .iter()
        .zip(encodings)
        .map(|(c, encoding)| {
            Some(ColumnContext {
                role: c.role.filter(|r| r.holds_text())?,
                encoding,
                gender_legend: fields::gender::Legend::from_header(&c.header),
            })
        })
        .collect();
    // The core has no clock: without a reference date (the faces always give one) ages are
    // not checked and two-digit years are read as 20yy.
    let reference = options.reference_date;
    let dob = fields::date_of_birth::Context {
        reference,
        age_limit: options.age_limit,
        column_swapped: layout.column_of(Role::DateOfBirth).is_some_and(|c| {
            fields::date_of_birth::column_looks_swapped(records_in(usize::from(c)))
        }),
    };

    let mut findings = Vec::new();
    let mut names = NameBatch::new(options.tone_style, options.name_casing);
    let mut memos: Vec<Memo> = (0..contexts.len()).map(|_| Memo::default()).collect();
    let records = is_record.iter().filter(|b| **b).count();
    // The names of the last records are cleaned here: the other worker starts on the names
    // later than this one on the rest, and finishes together with it when this one takes
    // about the last seventh (measured on a province's list in Chromium: this worker waited
    // 160-180 ms for the last answers when it sent them all).
    let names_elsewhere_until = records - records / 7;
    let mut done = 0;
    for r in start..height {
        if !is_record[r] {
            continue;
        }
        for column in &layout.columns {
            let col = usize::from(column.index);
            let Some(ctx) = &contexts[col] else { continue };
            // A missing value is a finding too: give short rows their empty cells.
            if table.rows[r].len() <= col {
                table.rows[r].resize(col + 1, Cell::Empty);
            }
            let cell = &mut table.rows[r][col];
            let row = r as u32 + 1;
            let name_elsewhere = names_elsewhere.is_some()
                && ctx.role.holds_person_name()
                && done < names_elsewhere_until;
            match cell {
                Cell::Text(text) if name_elsewhere => {
                    names.push(r as u32, column.index, ctx.encoding, text);
                }
                // A name that is not text has nothing to clean.
                _ if name_elsewhere => {}
                Cell::Text(text) if repeats(ctx.role) => {
                    // One lookup: the key is a cell text, whose copy is a copy of the cell.
                    let (value, found) = memos[col].entry(text.clone()).or_insert_with(|| {
                        let mut fresh = Vec::new();
                        let mut value = Cell::Text(text.clone());
                        clean_cell(
                            &mut value,
                            ctx,
                            &dob,
                            options,
                            row,
                            column.index,
                            &mut fresh,
                        );
                        let found = fresh
                            .into_iter()
                            .map(|f| (f.rule, f.before, f.after, f.detail))
                            .collect();
                        (value, found)
                    });
                    for (rule, before, after, detail) in found.iter() {
                        findings.push(Finding {
                            row,
                            column: Some(column.index),
                            rule,
                            before: before.clone(),
                            after: after.clone(),
                            detail: detail.clone(),
                        });
                    }
                    *cell = value.clone();
                }
                _ => clean_cell(cell, ctx, &dob, options, row, column.index, &mut findings),
            }
        }
        if let Some(send) = names_elsewhere.as_mut().filter(|_| names.is_full()) {
            send(names.take());
        }
        done += 1;
        if done % PROGRESS_EVERY == 0 {
            progress(Stage::Check, done, records);
        }
    }
    if let Some(send) = names_elsewhere.as_mut().filter(|_| !names.is_empty()) {
        send(names.take());
    }
    progress(Stage::Check, records, records);

    let mut cleaned = Cleaned {
        table,
        layout,
        options: options.clone(),
        findings,
        summary: Summary::default(),
        is_record,
        contexts,
        dob,
        duplicates: Vec::new(),
        merged: None,
    };
    // Here, not in `finish`: in the page the other worker is still cleaning the last names
    // (this worker waited 70-130 ms for them on a province's list).
    check_ids_and_ages(&mut cleaned);
    cleaned
}

/// The record checks that read no person's name ([`crate::checks::check_ids_and_ages`]).
fn check_ids_and_ages(cleaned: &mut Cleaned) {
    crate::checks::check_ids_and_ages(
        &cleaned.table,
        &cleaned.layout,
        &cleaned.is_record,
        reference_date(cleaned),
        &mut cleaned.findings,
    );
}

/// The day ages are counted on; without one (the faces always give one) ages are not checked.
fn reference_date(cleaned: &Cleaned) -> chrono::NaiveDate {
    cleaned
        .options
        .reference_date
        .unwrap_or(chrono::NaiveDate::MAX)
}

/// The record checks that read the names, the duplicates, sheet order, and the summary:
/// after the cells are cleaned ([`clean_cells`], which ran the other record checks), and
/// after each edit.
pub fn finish(cleaned: &mut Cleaned) {
    let reference = reference_date(cleaned);
    crate::checks::check_names(
        &cleaned.table,
        &cleaned.layout,
        &cleaned.is_record,
        &mut cleaned.findings,
    );
    cleaned.duplicates = crate::checks::duplicate_groups(
        &cleaned.table,
        &cleaned.layout,
        &cleaned.is_record,
        reference,
    );
    crate::checks::duplicate_findings(&cleaned.duplicates, &cleaned.layout, &mut cleaned.findings);
    // Row-level and cross-row checks add findings out of order; readers expect sheet order.
    cleaned.findings.sort_by_key(|f| (f.row, f.column));
    let start = (cleaned.layout.data_start as usize).min(cleaned.table.height());
    cleaned.summary = summarise(&cleaned.table, start, &cleaned.is_record, &cleaned.findings);
    cleaned.summary.duplicate_groups = cleaned.duplicates.len() as u32;
    if let Some(c) = cleaned.layout.column_of(Role::PersonalId) {
        cleaned.summary.records_without_id = (0..cleaned.table.height())
            .filter(|r| cleaned.is_record[*r] && cleaned.table.cell(*r, usize::from(c)).is_empty())
            .count() as u32;
    }
}

/// Cleans and checks sheet row index `r` again (after a person edited it), and the
/// cross-row checks over the whole sheet. The row's fixes already made stay recorded.
pub fn recheck(cleaned: &mut Cleaned, r: usize) {
    recheck_rows(cleaned, r..r + 1);
}

/// [`recheck`] for a range of sheet row indices (rows appended by a merge).
pub fn recheck_rows(cleaned: &mut Cleaned, rows: std::ops::Range<usize>) {
    let mut fresh = Vec::new();
    for r in rows {
        let row = r as u32 + 1;
        for column in &cleaned.layout.columns {
            let col = usize::from(column.index);
            let Some(Some(ctx)) = cleaned.contexts.get(col) else {
                continue;
            };
            if cleaned.table.rows[r].len() <= col {
                cleaned.table.rows[r].resize(col + 1, Cell::Empty);
            }
            let cell = &mut cleaned.table.rows[r][col];
            clean_cell(
                cell,
                ctx,
                &cleaned.dob,
                &cleaned.options,
                row,
                column.index,
                &mut fresh,
            );
        }
    }
    cleaned.findings.extend(fresh);
    let record_rules = crate::checks::RULES
        .iter()
        .chain(crate::checks::duplicates::RULES);
    let record_rules: Vec<&crate::report::Rule> = record_rules.copied().collect();
    cleaned
        .findings
        .retain(|f| !record_rules.iter().any(|r| std::ptr::eq(*r, f.rule)));
    check_ids_and_ages(cleaned);
    finish(cleaned);
}

/// Which rows below the header hold a child's record. A row is surely a record when two
/// cells with a role are filled and one of them is the row number, date of birth, ID,
/// gender or ethnicity; above the last such row, any row with a filled role cell is a
/// record too (a child with most facts missing). Blank rows and the signature footer
/// under the list ("Người lập biểu", "XÁC NHẬN CỦA UBND") are left alone.
fn find_records(table: &Table, layout: &Layout, start: usize) -> Vec<bool> {
    let height = table.height();
    // (column, whether its role makes a row surely a record)
    let roled: Vec<(usize, bool)> = layout
        .columns
        .iter()
        .filter_map(|c| {
            let key = matches!(
                c.role?,
                Role::Stt | Role::DateOfBirth | Role::PersonalId | Role::Gender | Role::Ethnicity
            );
            Some((usize::from(c.index), key))
        })
        .collect();
    // Each row read once: (any role cell filled, surely a record).
    let rows: Vec<(bool, bool)> = (0..height)
        .map(|r| {
            let row = &table.rows[r];
            let (mut filled, mut key) = (0, false);
            for &(c, is_key) in &roled {
                if row.get(c).is_some_and(|cell| !cell.is_empty()) {
                    filled += 1;
                    key |= is_key;
                }
            }
            (filled >= 1, filled >= 2 && key)
        })
        .collect();
    let last_strong = (start..height).rev().find(|r| rows[*r].1);
    (0..height)
        .map(|r| {
            let (filled, strong) = rows[r];
            r >= start && (strong || (last_strong.is_some_and(|l| r < l) && filled))
        })
        .collect()
}

/// Each text column's legacy encoding, by the vote of its record cells
/// ([`text::detect_column_encoding`]), for every column of `layout` (`Unicode` where none
/// is voted on). The rows are read once for all columns, not once per column: a province's
/// table is 200 MB of cells.
fn column_encodings(
    table: &Table,
    layout: &Layout,
    is_record: &[bool],
    start: usize,
) -> Vec<text::ColumnEncoding> {
    let text_columns: Vec<usize> = layout
        .columns
        .iter()
        .filter(|c| c.role.is_some_and(|r| r.holds_text()))
        .map(|c| usize::from(c.index))
        .collect();
    // The rows of each column's voting cells, as bits (a province's columns are millions of
    // voters: a vector of their rows cost more to grow than the votes cost to count).
    let mut voters: Vec<Rows> = vec![Rows::new(table.height()); text_columns.len()];
    for r in (start..table.height()).filter(|r| is_record[*r]) {
        let row = &table.rows[r];
        for (k, &c) in text_columns.iter().enumerate() {
            if row.get(c).and_then(Cell::as_text).is_some_and(text::votes) {
                voters[k].insert(r);
            }
        }
    }
    layout
        .columns
        .iter()
        .map(|c| {
            let Some(k) = text_columns.iter().position(|&t| t == usize::from(c.index)) else {
                return text::ColumnEncoding::Unicode;
            };
            let rows = &voters[k];
            let sample = rows
                .iter()
                .step_by(text::voting_step(rows.len))
                .filter_map(|r| table.cell(r, usize::from(c.index)).as_text());
            text::column_vote(sample)
        })
        .collect()
}

/// A set of sheet row indices, one bit each.
#[derive(Clone)]
struct Rows {
    bits: Vec<u64>,
    len: usize,
}

impl Rows {
    fn new(height: usize) -> Self {
        Rows {
            bits: vec![0; height.div_ceil(64)],
            len: 0,
        }
    }

    /// Adds row `r` (below the height given, not already in).
    fn insert(&mut self, r: usize) {
        if let Some(word) = self.bits.get_mut(r / 64) {
            *word |= 1 << (r % 64);
            self.len += 1;
        }
    }

    /// The rows, ascending.
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.bits.iter().enumerate().flat_map(|(w, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                (rest != 0).then(|| {
                    let bit = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    w * 64 + bit
                })
            })
        })
    }
}

/// Per-column context decided once before the rows are cleaned.
#[derive(Clone, Debug)]
struct ColumnContext {
    role: Role,
    encoding: text::ColumnEncoding,
    gender_legend: fields::gender::Legend,
}

/// Columns whose few distinct values repeat thousands of times (gender, ethnicity, places):
/// each distinct text is cleaned once and the result reused.
fn repeats(role: Role) -> bool {
    matches!(
        role,
        Role::Gender
            | Role::Ethnicity
            | Role::Village
            | Role::Commune
            | Role::District
            | Role::Province
    )
}

/// A cleaned text cell, remembered: the new value and the findings' (rule, before, after,
/// detail) without the position. Hashed with foldhash: a province looks up two million
/// short texts here, and SipHash (the default) cost a tenth of the cleaning in the page.
type Memo = std::collections::HashMap<
    Text,
    (Cell, Vec<(&'static Rule, Text, Text, Option<String>)>),
    foldhash::fast::FixedState,
>;

/// The person names a batch's answer (from another worker, see [`clean_cells`]) says to
/// change, changed as cleaning them here would have, with their findings. False if the
/// answer is not one of this table's.
pub fn apply_names(cleaned: &mut Cleaned, answer: &[u8]) -> bool {
    let Some(answers) = text::name_batch::answers(answer) else {
        return false;
    };
    for a in answers {
        let cell = cleaned
            .table
            .rows
            .get_mut(a.row as usize)
            .and_then(|row| row.get_mut(usize::from(a.col)));
        let Some(cell @ Cell::Text(_)) = cell else {
            return false;
        };
        let codes = a.codes.into_iter();
        text_changed(cell, a.text, codes, a.row + 1, a.col, &mut cleaned.findings);
    }
    true
}

/// A text cell's cleaned `text` and the codes of its changes, as findings holding the
/// original (what a warning shows) and the cleaned value (what a fix shows).
fn text_changed<'c>(
    cell: &mut Cell,
    text: &str,
    codes: impl Iterator<Item = &'c str>,
    row: u32,
    col: u16,
    findings: &mut Vec<Finding>,
) {
    let after = Cell::text(text);
    let original = std::mem::replace(cell, Cell::Empty);
    for rule in codes.filter_map(rules::by_code) {
        let shown = if rule.severity == Severity::Fixed {
            &after
        } else {
            &original
        };
        findings.push(finding((row, col), rule, &original, shown, None));
    }
    *cell = after;
}

/// A finding on the cell at (sheet row, column): its value `before` and `after` the rule.
fn finding(
    (row, col): (u32, u16),
    rule: &'static Rule,
    before: &Cell,
    after: &Cell,
    detail: Option<String>,
) -> Finding {
    Finding {
        row,
        column: Some(col),
        rule,
        before: before.stored().into(),
        after: after.display().into(),
        detail,
    }
}

fn clean_cell(
    cell: &mut Cell,
    ctx: &ColumnContext,
    dob: &fields::date_of_birth::Context,
    options: &Options,
    row: u32,
    col: u16,
    findings: &mut Vec<Finding>,
) {
    // Text first: legacy encodings and Unicode repaired before any field reads the value.
    if let Cell::Text(s) = cell {
        let kind = match ctx.role {
            r if r.holds_person_name() => TextKind::PersonName,
            Role::Ethnicity => TextKind::Ethnicity,
            Role::Village | Role::Commune | Role::District | Role::Province | Role::Address => {
                TextKind::Place
            }
            _ => TextKind::Other,
        };
        let opts = TextOptions {
            kind,
            tone_style: options.tone_style,
            name_casing: options.name_casing && kind == TextKind::PersonName,
            column: ctx.encoding,
        };
        let (text, changes) = text::clean_text_cow(s, &opts);
        if !changes.is_empty() {
            let text = text.into_owned();
            let codes = changes.iter().map(|c| c.code());
            text_changed(cell, &text, codes, row, col, findings);
        }
    }
    let mut record = |rule: &'static Rule, before: &Cell, after: &Cell, detail: Option<String>| {
        findings.push(finding((row, col), rule, before, after, detail));
    };

    let outcome = match ctx.role {
        Role::DateOfBirth => fields::date_of_birth::clean(cell, dob),
        Role::Gender => fields::gender::clean(cell, &ctx.gender_legend),
        Role::Ethnicity => fields::ethnicity::clean(cell, options.ethnicity_list),
        Role::PersonalId => fields::id_number::clean(cell, fields::id_number::Holder::Child),
        Role::FatherId | Role::MotherId | Role::GuardianId => {
            fields::id_number::clean(cell, fields::id_number::Holder::Adult)
        }
        Role::Phone => fields::phone::clean(cell),
        Role::Province => fields::place::clean(cell, fields::place::Level::Province),
        Role::District => fields::place::clean(cell, fields::place::Level::District),
        Role::Commune => fields::place::clean(cell, fields::place::Level::Commune),
        Role::Village => fields::place::clean(cell, fields::place::Level::Village),
        _ => return,
    };
    // Each fix is reported from the value before it to the value after all fixes, so the
    // finding's "before" is always what the list held.
    let before_fields = cell.clone();
    let after = outcome
        .value
        .clone()
        .unwrap_or_else(|| before_fields.clone());
    for (rule, detail) in outcome.rules {
        if rule.severity == Severity::Fixed {
            record(rule, &before_fields, &after, detail);
        } else {
            record(rule, &after, &after, detail);
        }
    }
    *cell = after;
}

fn summarise(table: &Table, start: usize, is_record: &[bool], findings: &[Finding]) -> Summary {
    let mut summary = Summary {
        sheet_rows: table.height() as u32,
        ..Summary::default()
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The row set holds the rows put in it, in order, and counts them.
        #[test]
        fn rows_hold_what_was_put_in(rows in proptest::collection::btree_set(0usize..300, 0..80)) {
            let mut set = Rows::new(300);
            for r in &rows {
                set.insert(*r);
            }
            proptest::prop_assert_eq!(set.len, rows.len());
            proptest::prop_assert_eq!(set.iter().collect::<Vec<_>>(), rows.into_iter().collect::<Vec<_>>());
        }
    }
}
