//! What the review screen asks of a cleaned sheet: pages of findings under a filter, one
//! whole record with its before and after, and a person's edit of one cell (checked again
//! at once and kept as a manual edit).

use crate::clean::{self, Cleaned};
use crate::report::{column_letter, Finding, Lang, Severity};
use crate::workbook::header::fold;
use crate::workbook::role::Role;
use crate::workbook::table::Cell;
use serde::{Deserialize, Serialize};

crate::declare_rule! {
    /// **Kiểm tra:** ô được người dùng sửa tay trên trang.
    /// **What it checks:** a cell a person edited by hand on the page.
    ///
    /// **Vì sao / Why:** mọi thay đổi đều được ghi lại cùng giá trị trước đó. / Every change
    /// is recorded with the value before it.
    ///
    /// **Ví dụ / Example:** `31/02/2015` → `28/02/2015` (sửa tay / by hand).
    ///
    /// **Cách sửa / Fix:** không cần; đây là bản ghi của việc sửa. / Nothing to do; this is the
    /// record of the edit.
    pub EDIT_MANUAL = ("edit.manual", Fixed, "Sửa tay trên trang", "Edited by hand on the page");
}

pub static RULES: &[&crate::report::Rule] = &[&EDIT_MANUAL];

/// Which findings to show. Empty fields do not filter.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct Filter {
    pub severity: Option<Severity>,
    pub code: Option<String>,
    /// Column letter.
    pub column: Option<String>,
    /// Village and commune as written in the cleaned records (exact text).
    pub village: Option<String>,
    pub commune: Option<String>,
    /// Language of the messages shown; `None`: the language the list was cleaned in.
    pub lang: Option<Lang>,
    /// Part of the child's name, accents and case optional.
    pub search: Option<String>,
}

#[derive(Serialize)]
pub struct FindingRow {
    pub index: usize,
    pub row: u32,
    pub column: Option<String>,
    pub header: String,
    pub code: &'static str,
    pub severity: Severity,
    pub before: String,
    pub after: String,
    pub message: String,
    pub name: String,
    pub village: String,
}

#[derive(Serialize)]
pub struct Page {
    pub total: usize,
    pub rows: Vec<FindingRow>,
}

fn text_of(cleaned: &Cleaned, r: usize, role: Role) -> String {
    cleaned
        .layout
        .column_of(role)
        .map(|c| cleaned.table.cell(r, usize::from(c)).display())
        .unwrap_or_default()
}

/// The findings matching `filter`, `limit` of them from `offset`.
pub fn findings_page(cleaned: &Cleaned, filter: &Filter, offset: usize, limit: usize) -> Page {
    let lang: Lang = filter.lang.unwrap_or(cleaned.options.lang);
    let search = filter.search.as_deref().map(fold).filter(|s| !s.is_empty());
    let column = filter.column.as_deref().filter(|c| !c.is_empty());
    let code = filter.code.as_deref().filter(|c| !c.is_empty());
    let village = filter.village.as_deref().filter(|v| !v.is_empty());
    let commune = filter.commune.as_deref().filter(|v| !v.is_empty());
    let matches = |f: &Finding| {
        let r = f.row as usize - 1;
        filter.severity.is_none_or(|s| f.rule.severity == s)
            && code.is_none_or(|c| f.rule.code == c)
            && column.is_none_or(|c| f.column.map(column_letter).as_deref() == Some(c))
            && village.is_none_or(|v| text_of(cleaned, r, Role::Village) == v)
            && commune.is_none_or(|v| text_of(cleaned, r, Role::Commune) == v)
            && search
                .as_ref()
                .is_none_or(|s| fold(&text_of(cleaned, r, Role::ChildName)).contains(s.as_str()))
    };
    let mut total = 0;
    let mut rows = Vec::new();
    for (index, f) in cleaned.findings.iter().enumerate() {
        if !matches(f) {
            continue;
        }
        if total >= offset && rows.len() < limit {
            let r = f.row as usize - 1;
            rows.push(FindingRow {
                index,
                row: f.row,
                column: f.column.map(column_letter),
                header: f
                    .column
                    .map(|c| cleaned.layout.header_of(usize::from(c)).to_string())
                    .unwrap_or_default(),
                code: f.rule.code,
                severity: f.rule.severity,
                before: f.before.to_string(),
                after: f.after.to_string(),
                message: f.message(lang),
                name: text_of(cleaned, r, Role::ChildName),
                village: text_of(cleaned, r, Role::Village),
            });
        }
        total += 1;
    }
    Page { total, rows }
}

#[derive(Serialize)]
pub struct RecordCell {
    pub letter: String,
    pub header: String,
    pub role: Option<&'static str>,
    /// The value in the list as it came in (the first finding's "before"), if it changed.
    pub original: Option<String>,
    pub value: String,
    pub findings: Vec<String>,
}

/// Every cell of one sheet row, with its original and current value and its findings.
pub fn record(cleaned: &Cleaned, row: u32) -> Vec<RecordCell> {
    record_in(cleaned, row, cleaned.options.lang)
}

/// [`record`] with the messages in `lang` (the page's language may change after cleaning).
pub fn record_in(cleaned: &Cleaned, row: u32, lang: Lang) -> Vec<RecordCell> {
    let r = (row as usize).saturating_sub(1);
    cleaned
        .layout
        .columns
        .iter()
        .map(|c| {
            let here: Vec<&Finding> = cleaned
                .findings
                .iter()
                .filter(|f| f.row == row && f.column == Some(c.index))
                .collect();
            let original = here
                .iter()
                .find(|f| f.rule.severity == Severity::Fixed)
                .map(|f| f.before.to_string());
            RecordCell {
                letter: c.letter.clone(),
                header: c.header.clone(),
                role: c.role.map(|r| r.key()),
                original,
                value: cleaned.table.cell(r, usize::from(c.index)).display(),
                findings: here.iter().map(|f| f.message(lang)).collect(),
            }
        })
        .collect()
}

/// A person's edit of one cell: the value is cleaned and checked like any other, the row and
/// the cross-row checks run again, and the edit itself is a finding (`edit.manual`).
pub fn edit(cleaned: &mut Cleaned, row: u32, col: u16, value: &str) -> Result<(), crate::Error> {
    let r = row as usize - 1;
    if r >= cleaned.table.height() || usize::from(col) >= cleaned.layout.columns.len() {
        return Err(crate::Error::BadOption {
            detail: format!("no cell {}{row}", column_letter(col)),
        });
    }
    let before = cleaned.table.cell(r, usize::from(col)).display();
    if cleaned.table.rows[r].len() <= usize::from(col) {
        cleaned.table.rows[r].resize(usize::from(col) + 1, Cell::Empty);
    }
    cleaned.table.rows[r][usize::from(col)] = if value.is_empty() {
        Cell::Empty
    } else {
        Cell::text(value.to_string())
    };
    if let Some(flag) = cleaned.is_record.get_mut(r) {
        *flag = true;
    }
    // Keep the fixes made to the row's other cells (they hold the originals); everything a
    // person must look at is found again.
    cleaned
        .findings
        .retain(|f| f.row != row || (f.rule.severity == Severity::Fixed && f.column != Some(col)));
    cleaned.findings.push(Finding {
        row,
        column: Some(col),
        rule: &EDIT_MANUAL,
        before: before.into(),
        after: value.to_string().into(),
        detail: None,
    });
    clean::recheck(cleaned, r);
    Ok(())
}
