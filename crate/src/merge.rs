//! Step 3 of the provincial plan: children found in households are added to the exported
//! list. Both lists are cleaned with the same rules; each new child is matched against the
//! export (already there, possibly there, new); only the truly new children are appended
//! at the end of the export's sheet, columns mapped by role. No existing row moves.

use crate::checks::duplicates::{self, NewChildMatch};
use crate::checks::{people, Shown};
use crate::clean::{self, Cleaned};
use crate::report::Finding;
use crate::workbook::role::Role;
use crate::workbook::table::Cell;
use serde::Serialize;

/// What became of one child of the new list.
#[derive(Clone, Debug, Serialize)]
pub struct Decision {
    /// Row in the new list's sheet.
    pub new_row: u32,
    pub name: String,
    /// "already_there", "possibly_there" or "added".
    pub outcome: &'static str,
    /// Matching rows of the export (already/possibly there), or the row it was added as.
    pub rows: Vec<u32>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct MergeSummary {
    pub new_list_records: u32,
    pub added: u32,
    pub already_there: u32,
    pub possibly_there: u32,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Merged {
    pub summary: MergeSummary,
    pub decisions: Vec<Decision>,
}

/// Appends the truly new children of `new` to `export` and returns what was decided for
/// each child of `new`. Possible matches are not added: a person decides (the decisions
/// list them).
pub fn merge(export: &mut Cleaned, new: &Cleaned) -> Merged {
    let reference = export
        .options
        .reference_date
        .unwrap_or(chrono::NaiveDate::MAX);
    let existing_shown = Shown::of(&export.table, &export.layout, &export.is_record);
    let incoming_shown = Shown::of(&new.table, &new.layout, &new.is_record);
    let existing = people(
        &export.table,
        &export.layout,
        &export.is_record,
        reference,
        &existing_shown,
    );
    let incoming = people(
        &new.table,
        &new.layout,
        &new.is_record,
        reference,
        &incoming_shown,
    );
    let matches = duplicates::match_new_children(&existing, &incoming);

    let mut merged = Merged::default();
    merged.summary.new_list_records = incoming.len() as u32;
    let mut next_stt = next_number(export);
    let first_appended = export.table.height();
    for (person, m) in incoming.iter().zip(matches) {
        let (outcome, rows) = match m {
            NewChildMatch::AlreadyThere { row } => {
                merged.summary.already_there += 1;
                ("already_there", vec![row])
            }
            NewChildMatch::PossiblyThere { rows } => {
                merged.summary.possibly_there += 1;
                ("possibly_there", rows)
            }
            NewChildMatch::New => {
                merged.summary.added += 1;
                let row = append(export, new, person.row, &mut next_stt);
                ("added", vec![row])
            }
        };
        merged.decisions.push(Decision {
            new_row: person.row,
            name: person.name.to_string(),
            outcome,
            rows,
        });
    }
    let end = export.table.height();
    clean::recheck_rows(export, first_appended..end);
    export.merged = Some(merged.clone());
    merged
}

/// The STT to give the next appended row: one more than the largest in the export, written
/// as text when the export writes it as text.
struct Numbering {
    next: f64,
    as_text: bool,
}

fn next_number(export: &Cleaned) -> Option<Numbering> {
    let col = usize::from(export.layout.column_of(Role::Stt)?);
    let (mut max, mut as_text) = (0.0, false);
    for r in (0..export.table.height()).filter(|r| export.is_record[*r]) {
        let (n, text) = match export.table.cell(r, col) {
            Cell::Number(n) => (Some(*n), false),
            Cell::Text(s) => (s.trim().parse().ok(), true),
            _ => (None, false),
        };
        if let Some(n) = n {
            max = f64::max(max, n);
            as_text = text;
        }
    }
    Some(Numbering {
        next: max + 1.0,
        as_text,
    })
}

/// Copies new-list row `new_row` to a fresh row at the end of the export, column by role;
/// its findings come along, moved to their new place. Returns the new sheet row.
fn append(
    export: &mut Cleaned,
    new: &Cleaned,
    new_row: u32,
    next_stt: &mut Option<Numbering>,
) -> u32 {
    let width = usize::from(export.table.width);
    let mut cells = vec![Cell::Empty; width];
    let src = new_row as usize - 1;
    let mut column_map = Vec::new();
    for column in &new.layout.columns {
        let Some(role) = column.role else { continue };
        let Some(target) = export.layout.column_of(role) else {
            continue;
        };
        if role == Role::Stt {
            continue;
        }
        cells[usize::from(target)] = new.table.cell(src, usize::from(column.index)).clone();
        column_map.push((column.index, target));
    }
    if let (Some(col), Some(n)) = (export.layout.column_of(Role::Stt), next_stt.as_mut()) {
        let number = crate::workbook::table::format_number(n.next);
        cells[usize::from(col)] = if n.as_text {
            Cell::text(number)
        } else {
            Cell::Number(n.next)
        };
        n.next += 1.0;
    }
    export.table.rows.push(cells);
    export.is_record.push(true);
    let row = export.table.height() as u32;
    for f in new.findings.iter().filter(|f| f.row == new_row) {
        let column = f.column.and_then(|c| {
            column_map
                .iter()
                .find(|(from, _)| *from == c)
                .map(|(_, to)| *to)
        });
        if column.is_some() && f.rule.severity == crate::report::Severity::Fixed {
            export.findings.push(Finding {
                row,
                column,
                ..f.clone()
            });
        }
    }
    row
}
