//! The cleaned workbook: sheet 1 in the input's layout (every row and column where it was,
//! changed cells highlighted with a note holding the original), then the findings, the
//! summary, the work lists and the duplicates. Written as a stream by [`super::xlsx`].

use super::table::Cell;
use super::xlsx::{finish_now, Book, Parts, SharedRun, Sheet, SheetSetup, Style, Zip};
use crate::clean::Cleaned;
use crate::error::Error;
use crate::options::DateOutput;
use crate::report::{column_letter, Finding, Lang, Rule, Severity};
use crate::workbook::role::Role;
use crate::workbook::table::Table;
use crate::workbook::work_lists::{self, Kind, Line, WorkList};
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Write;

/// Excel's limit on rows in a sheet; the findings sheet stops one row short of it.
const EXCEL_MAX_ROWS: usize = 1_048_576;
/// Cell notes written at most. Each note is a VML shape: 100,000 of them make a province's
/// workbook slow to write and slow to open in Excel. Past this many, the findings sheet still
/// holds every original value; the summary sheet says notes stopped.
pub const MAX_NOTES: usize = 10_000;
/// Excel's limit on characters in a cell.
const EXCEL_MAX_CELL_CHARS: usize = 32_767;

/// The cleaned workbook's bytes.
pub fn write_workbook(cleaned: &Cleaned) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    write_workbook_to(cleaned, &mut out)?;
    Ok(out)
}

/// Writes the cleaned workbook into `sink` as it is made.
pub fn write_workbook_to(cleaned: &Cleaned, sink: &mut dyn Write) -> Result<(), Error> {
    finish_now(write_workbook_parts(cleaned, &mut Zip::new(sink)))
}

/// Hands the cleaned workbook's parts to `parts` as they are made, waiting whenever `parts`
/// is not [ready](Parts::ready) for more.
pub async fn write_workbook_parts(cleaned: &Cleaned, parts: &mut dyn Parts) -> Result<(), Error> {
    let lang = cleaned.options.lang;
    let vi = lang == Lang::Vi;
    let mut book = Book::new(parts);

    let data_name = sheet_name(&cleaned.table.sheet);
    let noted = write_data_sheet(&mut book, &data_name, cleaned).await?;

    let (findings, summary) = if vi {
        ("Phát hiện", "Tổng hợp")
    } else {
        ("Findings", "Summary")
    };
    write_findings_sheet(&mut book, &unique(findings, &data_name), cleaned).await?;
    write_summary_sheet(&mut book, &unique(summary, &data_name), cleaned, noted).await?;

    for kind in [Kind::Police, Kind::Household] {
        let list = work_lists::build(cleaned, kind);
        write_list_sheet(
            &mut book,
            &unique(kind.title(lang), &data_name),
            &cleaned.table,
            &list,
            list.groups.iter(),
        )
        .await?;
    }

    let duplicates = if vi { "Trùng lặp" } else { "Duplicates" };
    write_duplicates_sheet(&mut book, &unique(duplicates, &data_name), cleaned).await?;

    if let Some(merged) = &cleaned.merged {
        let name = if vi {
            "Trẻ mới phát hiện"
        } else {
            "Newly found"
        };
        write_merge_sheet(&mut book, &unique(name, &data_name), merged, lang).await?;
    }
    book.finish().await
}

/// A work list on its own: the police list on one sheet grouped by commune, the household
/// list with one sheet per village.
pub fn write_work_list(cleaned: &Cleaned, kind: Kind) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    write_work_list_to(cleaned, kind, &mut out)?;
    Ok(out)
}

/// [`write_work_list`] into `sink`.
pub fn write_work_list_to(
    cleaned: &Cleaned,
    kind: Kind,
    sink: &mut dyn Write,
) -> Result<(), Error> {
    finish_now(write_work_list_parts(cleaned, kind, &mut Zip::new(sink)))
}

/// [`write_work_list`]'s parts, handed to `parts` as they are made.
pub async fn write_work_list_parts(
    cleaned: &Cleaned,
    kind: Kind,
    parts: &mut dyn Parts,
) -> Result<(), Error> {
    let mut book = Book::new(parts);
    let list = work_lists::build(cleaned, kind);
    let title = kind.title(cleaned.options.lang);
    if kind == Kind::Police || list.groups.is_empty() {
        write_list_sheet(&mut book, title, &cleaned.table, &list, list.groups.iter()).await?;
    } else {
        let mut used: Vec<String> = Vec::new();
        for (group, rows) in &list.groups {
            let mut name = sheet_name(group);
            let mut n = 2;
            while used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
                name = format!(
                    "{} ({n})",
                    sheet_name(group).chars().take(25).collect::<String>()
                );
                n += 1;
            }
            used.push(name.clone());
            let group = std::iter::once((group, rows));
            write_list_sheet(&mut book, &name, &cleaned.table, &list, group).await?;
        }
    }
    book.finish().await
}

/// A header row in bold on blue, and the sheet set up with frozen header and widths.
async fn start_sheet<'b, 'a>(
    book: &'b mut Book<'a>,
    name: &str,
    header: &[&str],
    widths: Vec<f64>,
) -> Result<Sheet<'b, 'a>, Error> {
    let mut sheet = book.sheet(
        name,
        SheetSetup {
            freeze_rows: 1,
            widths,
            compact: true,
            ..SheetSetup::default()
        },
    )?;
    sheet.row(0).await?;
    for (c, h) in header.iter().enumerate() {
        sheet.text(c as u16, h.to_string(), Style::Header)?;
    }
    Ok(sheet)
}

/// The groups of probable duplicates side by side: one block per group, one line per
/// record, with the fields a person compares. Nothing is merged or deleted.
async fn write_duplicates_sheet(
    book: &mut Book<'_>,
    name: &str,
    cleaned: &Cleaned,
) -> Result<(), Error> {
    let vi = cleaned.options.lang == Lang::Vi;
    let layout = &cleaned.layout;
    let roles = [
        Role::ChildName,
        Role::DateOfBirth,
        Role::Gender,
        Role::FatherName,
        Role::MotherName,
        Role::GuardianName,
        Role::PersonalId,
        Role::Commune,
        Role::Village,
    ];
    let (roles, header) = work_lists::row_columns(layout, &roles, cleaned.options.lang);
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let widths = (0..header.len())
        .map(|c| if c == 0 { 9.0 } else { 20.0 })
        .collect();
    let mut sheet = start_sheet(book, name, &header, widths).await?;
    let mut r = 1u32;
    for (i, g) in cleaned.duplicates.iter().enumerate() {
        if r as usize + g.rows.len() + 1 >= EXCEL_MAX_ROWS {
            break;
        }
        let title = format!(
            "{} {} — {} ({})",
            if vi { "Nhóm" } else { "Group" },
            i + 1,
            g.rule().message(cleaned.options.lang),
            g.reason
        );
        sheet.row(r).await?;
        sheet.text(0, title, Style::Group)?;
        r += 1;
        for &row in &g.rows {
            sheet.row(r).await?;
            sheet.number(0, f64::from(row), Style::Plain)?;
            for (c, role) in roles.iter().enumerate() {
                let col = usize::from(layout.column_of(*role).unwrap_or(0));
                let value = cleaned.table.cell(row as usize - 1, col).display();
                sheet.text(
                    c as u16 + 1,
                    truncate(&value, EXCEL_MAX_CELL_CHARS).to_string(),
                    Style::Plain,
                )?;
            }
            r += 1;
        }
    }
    if cleaned.duplicates.is_empty() {
        sheet.row(1).await?;
        sheet.text(
            0,
            if vi {
                "Không thấy trẻ nào bị trùng."
            } else {
                "No duplicate children found."
            },
            Style::Plain,
        )?;
    }
    sheet.end().await
}

/// What became of each child of the household list: added (at which row), already there,
/// or possibly there (a person decides; the child was not added).
async fn write_merge_sheet<'a>(
    book: &mut Book<'a>,
    name: &str,
    merged: &'a crate::merge::Merged,
    lang: Lang,
) -> Result<(), Error> {
    let vi = lang == Lang::Vi;
    let header: [&str; 4] = if vi {
        [
            "Dòng trong danh sách mới",
            "Họ và tên",
            "Kết quả",
            "Dòng trong danh sách này",
        ]
    } else {
        ["Row in the new list", "Name", "Outcome", "Row in this list"]
    };
    let mut sheet = start_sheet(book, name, &header, vec![12.0, 28.0, 44.0, 20.0]).await?;
    for (i, d) in merged.decisions.iter().enumerate() {
        let outcome = match (d.outcome, vi) {
            ("added", true) => "Đã thêm vào cuối danh sách",
            ("already_there", true) => "Đã có trong danh sách: không thêm",
            ("possibly_there", true) => "Có thể đã có: cần người quyết định, chưa thêm",
            ("added", false) => "Added at the end of the list",
            ("already_there", false) => "Already in the list: not added",
            (_, false) => "Possibly in the list: a person decides; not added",
            (_, true) => "Có thể đã có: cần người quyết định, chưa thêm",
        };
        let style = if d.outcome == "possibly_there" {
            Style::Warning
        } else {
            Style::Plain
        };
        let rows: Vec<String> = d.rows.iter().map(u32::to_string).collect();
        sheet.row(i as u32 + 1).await?;
        sheet.number(0, f64::from(d.new_row), Style::Plain)?;
        sheet.text(1, d.name.as_str(), Style::Plain)?;
        sheet.text(2, outcome, style)?;
        sheet.text(3, rows.join(", "), Style::Plain)?;
    }
    sheet.end().await
}

/// A work list's lines, grouped; each line's values are read from the cleaned table as it is
/// written.
async fn write_list_sheet<'g, 'a: 'g>(
    book: &mut Book<'_>,
    name: &str,
    table: &'a Table,
    list: &'g WorkList<'a>,
    groups: impl Iterator<Item = (&'g Cow<'a, str>, &'g Vec<Line>)>,
) -> Result<(), Error> {
    let last = list.header.len().saturating_sub(1);
    let widths = (0..=last)
        .map(|c| {
            if c == 0 {
                9.0
            } else if c == last || (c + 2 == last + 1 && list.header.len() > 10) {
                40.0
            } else {
                18.0
            }
        })
        .collect();
    let header: Vec<&str> = list.header.iter().map(String::as_str).collect();
    let mut sheet = start_sheet(book, name, &header, widths).await?;
    let mut r = 1u32;
    for (group, lines) in groups {
        if r as usize >= EXCEL_MAX_ROWS - 1 {
            break;
        }
        sheet.row(r).await?;
        sheet.text(0, format!("{group} ({})", lines.len()), Style::Group)?;
        r += 1;
        for line in lines {
            if r as usize >= EXCEL_MAX_ROWS {
                break;
            }
            sheet.row(r).await?;
            // The sheet row, in column A, as a number.
            sheet.number(0, line.r as f64 + 1.0, Style::Plain)?;
            for (c, text) in list.texts(table, line).enumerate() {
                let text = truncate(&text, EXCEL_MAX_CELL_CHARS);
                sheet.text_ref(c as u16 + 1, text, Style::Plain)?;
            }
            r += 1;
        }
    }
    sheet.end().await
}

/// Excel sheet names: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect::<String>()
        .trim_matches('\'')
        .chars()
        .take(31)
        .collect();
    if cleaned.trim().is_empty() {
        "Sheet1".into()
    } else {
        cleaned
    }
}

fn unique(name: &str, taken: &str) -> String {
    if name.eq_ignore_ascii_case(taken) {
        format!("{name} (LamSach)")
    } else {
        name.to_string()
    }
}

/// What the findings of one cell mean for how it is written: the worst severity, and
/// whether a person would want a note. A cell whose shown value did not change (an Excel
/// date cell written as the same dd/mm/yyyy text, a number cell written as the same digits)
/// gets no note: the highlight and its row in the findings sheet say it was converted.
struct Mark<'f> {
    severity: Severity,
    findings: &'f [Finding],
    /// A fix changed what Excel shows.
    shown_changed: bool,
    noted: bool,
}

impl Mark<'_> {
    fn of(findings: &[Finding]) -> Option<Mark<'_>> {
        let severity = findings.iter().map(|f| f.rule.severity).max()?;
        let shown_changed = findings.iter().any(|f| {
            f.rule.severity == Severity::Fixed
                && f.before != f.after
                && !is_type_conversion(f.rule.code)
        });
        let flagged = findings.iter().any(|f| f.rule.severity != Severity::Fixed);
        Some(Mark {
            severity,
            findings,
            shown_changed,
            noted: shown_changed || flagged,
        })
    }

    fn style(&self) -> Style {
        match self.severity {
            Severity::Fixed => Style::Fixed,
            Severity::Warning => Style::Warning,
            Severity::Error => Style::Error,
        }
    }

    /// The original value (when the shown value changed) and one line per finding.
    fn note(&self, lang: Lang) -> String {
        let original = self
            .findings
            .iter()
            .find(|f| f.rule.severity == Severity::Fixed)
            .map(|f| f.before.as_str());
        let mut text = match (original, lang) {
            (Some(o), Lang::Vi) if self.shown_changed => format!("Giá trị gốc: «{o}»\n"),
            (Some(o), Lang::En) if self.shown_changed => format!("Original value: «{o}»\n"),
            _ => String::new(),
        };
        for f in self.findings {
            text.push_str(&format!("• {}\n", f.message(lang)));
        }
        truncate(&text, 2000).to_string()
    }
}

/// Rules that only change a cell's type, not what Excel shows.
fn is_type_conversion(code: &str) -> bool {
    matches!(
        code,
        "dob.excel_date" | "id.numeric_cell" | "phone.numeric_cell"
    )
}

/// Writes sheet 1; returns how many cells deserved a note.
async fn write_data_sheet<'a>(
    book: &mut Book<'a>,
    name: &str,
    cleaned: &'a Cleaned,
) -> Result<usize, Error> {
    let table = &cleaned.table;
    let layout = &cleaned.layout;
    let lang = cleaned.options.lang;
    let dob_col = layout.column_of(Role::DateOfBirth);
    let date_cells = cleaned.options.date_output == DateOutput::DateCell;

    // Merges re-made in the output: only those whose other cells are empty can be, without
    // losing a value. Their cells take the header style in the header block.
    let merges: Vec<_> = table
        .merges
        .iter()
        .filter(|m| {
            let single = m.first_row == m.last_row && m.first_col == m.last_col;
            !single
                && (m.first_row..=m.last_row).all(|r| {
                    (m.first_col..=m.last_col).all(|c| {
                        (r == m.first_row && c == m.first_col)
                            || table.cell(r as usize, usize::from(c)).is_empty()
                    })
                })
        })
        .collect();
    let header_merge = |r: u32, c: u16| {
        r < layout.data_start
            && merges.iter().any(|m| {
                (m.first_row..=m.last_row).contains(&r) && (m.first_col..=m.last_col).contains(&c)
            })
    };

    let mut sheet = book.sheet(
        name,
        SheetSetup {
            freeze_rows: if (layout.data_start as usize) < EXCEL_MAX_ROWS {
                layout.data_start
            } else {
                0
            },
            widths: (0..table.width)
                .map(|c| column_width(cleaned, usize::from(c)))
                .collect(),
            dimension: Some((table.height() as u32, table.width)),
            selected: true,
            // The upload software reads this sheet back: written as Excel writes it.
            compact: false,
        },
    )?;

    // Findings are in (row, column) order: walk them beside the cells.
    let findings = &cleaned.findings;
    let mut next = 0usize;
    let mut noted = 0usize;
    for (r, row) in table.rows.iter().enumerate() {
        let row_num = r as u32;
        let in_header_merges = row_num < layout.data_start && !merges.is_empty();
        let width = if in_header_merges {
            usize::from(table.width)
        } else {
            row.len()
        };
        while next < findings.len() && findings[next].row <= row_num {
            next += 1;
        }
        if row.is_empty() && !in_header_merges {
            continue;
        }
        sheet.row(row_num).await?;
        let is_record = cleaned.is_record.get(r).copied().unwrap_or(false);
        for c in 0..width {
            let col = c as u16;
            // This cell's findings: those of this row with this column.
            while next < findings.len()
                && findings[next].row == row_num + 1
                && findings[next].column.is_none_or(|fc| fc < col)
            {
                next += 1;
            }
            let first = next;
            while next < findings.len()
                && findings[next].row == row_num + 1
                && findings[next].column == Some(col)
            {
                next += 1;
            }
            let mark = Mark::of(&findings[first..next]);
            let style = match &mark {
                Some(m) => m.style(),
                None if header_merge(row_num, col) => Style::Header,
                None => Style::Plain,
            };
            let cell = row.get(c).unwrap_or(&Cell::Empty);
            let as_date_cell = date_cells && Some(col) == dob_col && is_record;
            write_cell(&mut sheet, col, cell, style, as_date_cell)?;
            if let Some(m) = mark.filter(|m| m.noted) {
                if noted < MAX_NOTES {
                    sheet.note(col, m.note(lang));
                }
                noted += 1;
            }
        }
    }
    for m in merges {
        sheet.merge(m.first_row, m.first_col, m.last_row, m.last_col);
    }
    sheet.end().await?;
    Ok(noted)
}

fn write_cell<'a>(
    sheet: &mut Sheet<'_, 'a>,
    col: u16,
    cell: &'a Cell,
    style: Style,
    as_date_cell: bool,
) -> Result<(), Error> {
    match cell {
        Cell::Empty => sheet.blank(col, style),
        Cell::Text(s) if as_date_cell => match dmy_serial(s) {
            Some(serial) => sheet.number(col, serial, style.as_date()),
            None => sheet.text(col, truncate(s, EXCEL_MAX_CELL_CHARS), style),
        },
        Cell::Text(s) => sheet.text(col, truncate(s, EXCEL_MAX_CELL_CHARS), style),
        Cell::Error(s) => sheet.text(col, truncate(s, EXCEL_MAX_CELL_CHARS), style),
        Cell::Number(n) => sheet.number(col, *n, style),
        Cell::Date(d) => sheet.number(col, d.serial, style.as_date()),
        Cell::Bool(b) => sheet.boolean(col, *b, style),
    }
}

fn truncate(s: &str, max_chars: usize) -> &str {
    // Bytes bound chars from above: a short text needs no counting.
    if s.len() <= max_chars {
        return s;
    }
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The Excel serial (1900 system) of a dd/mm/yyyy text, for the "real date cells" option.
fn dmy_serial(s: &str) -> Option<f64> {
    let date = chrono::NaiveDate::parse_from_str(s, "%d/%m/%Y").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    Some((date - epoch).num_days() as f64)
}

/// Wide enough for the header and the first rows, within reason.
fn column_width(cleaned: &Cleaned, col: usize) -> f64 {
    let table = &cleaned.table;
    let sample_end = table.height().min(cleaned.layout.data_start as usize + 200);
    let data_start = (cleaned.layout.header_first as usize).min(sample_end);
    let longest = (data_start..sample_end)
        .map(|r| table.cell(r, col).display().chars().count())
        .max()
        .unwrap_or(0);
    (longest as f64 * 1.1 + 2.0).clamp(6.0, 45.0)
}

async fn write_findings_sheet<'a>(
    book: &mut Book<'a>,
    name: &str,
    cleaned: &'a Cleaned,
) -> Result<(), Error> {
    let lang = cleaned.options.lang;
    let headers: [&str; 8] = match lang {
        Lang::Vi => [
            "Dòng",
            "Cột",
            "Tiêu đề cột",
            "Mã quy tắc",
            "Mức độ",
            "Trước",
            "Sau",
            "Nội dung",
        ],
        Lang::En => [
            "Row",
            "Column",
            "Header",
            "Rule code",
            "Severity",
            "Before",
            "After",
            "Message",
        ],
    };
    let widths = vec![7.0, 7.0, 24.0, 22.0, 10.0, 28.0, 28.0, 60.0];
    let mut sheet = start_sheet(book, name, &headers, widths).await?;
    let layout = &cleaned.layout;
    // Each column's letter and header, stored once.
    let columns: Vec<(u32, u32)> = (0..layout.columns.len().max(usize::from(cleaned.table.width)))
        .map(|c| {
            let letter = sheet.intern(column_letter(c as u16));
            let header = sheet.intern(truncate(layout.header_of(c), 255));
            (letter, header)
        })
        .collect();
    // Each rule's code, severity and message, stored once: a province has hundreds of
    // thousands of findings of a few dozen rules.
    let mut rule_texts: HashMap<*const Rule, [u32; 3]> = HashMap::new();
    // The column, header, code and severity cells of each column and rule, made once.
    let mut runs: HashMap<(u16, *const Rule), SharedRun> = HashMap::new();
    let room = EXCEL_MAX_ROWS - 2;
    for (i, f) in cleaned.findings.iter().take(room).enumerate() {
        sheet.row(i as u32 + 1).await?;
        sheet.number(0, f64::from(f.row), Style::Plain)?;
        let [code, severity, message] =
            *rule_texts.entry(f.rule as *const Rule).or_insert_with(|| {
                [
                    sheet.intern(f.rule.code),
                    sheet.intern(f.rule.severity.label(lang)),
                    sheet.intern(f.rule.message(lang)),
                ]
            });
        match f.column.map(|col| (col, columns.get(usize::from(col)))) {
            Some((col, Some(&(letter, header)))) => {
                let run = runs
                    .entry((col, f.rule as *const Rule))
                    .or_insert_with(|| Sheet::prepare_run(1, &[letter, header, code, severity]));
                sheet.shared_run(run)?;
            }
            other => {
                if let Some((col, _)) = other {
                    sheet.text(1, column_letter(col), Style::Plain)?;
                }
                sheet.text_id(3, code, Style::Plain)?;
                sheet.text_id(4, severity, Style::Plain)?;
            }
        }
        sheet.text(5, truncate(&f.before, EXCEL_MAX_CELL_CHARS), Style::Plain)?;
        sheet.text(6, truncate(&f.after, EXCEL_MAX_CELL_CHARS), Style::Plain)?;
        match &f.detail {
            None => sheet.text_id(7, message, Style::Plain)?,
            Some(_) => sheet.text(7, f.message(lang), Style::Plain)?,
        }
    }
    if cleaned.findings.len() > room {
        let msg = match lang {
            Lang::Vi => format!(
                "… còn {} phát hiện nữa: xem báo cáo JSON.",
                cleaned.findings.len() - room
            ),
            Lang::En => format!(
                "… {} more findings: see the JSON report.",
                cleaned.findings.len() - room
            ),
        };
        sheet.row(room as u32 + 1).await?;
        sheet.text(0, msg, Style::Plain)?;
    }
    let last = cleaned.findings.len().min(room) as u32;
    sheet.autofilter(0, 0, last, 7);
    sheet.end().await
}

async fn write_summary_sheet(
    book: &mut Book<'_>,
    name: &str,
    cleaned: &Cleaned,
    noted: usize,
) -> Result<(), Error> {
    let lang = cleaned.options.lang;
    let s = &cleaned.summary;
    let t = &cleaned.table;
    let vi = lang == Lang::Vi;
    let label = |vi_text: &str, en_text: &str| if vi { vi_text } else { en_text }.to_string();
    let mut rows: Vec<(String, String)> = vec![
        (label("Tệp", "File"), t.file_name.clone()),
        (label("Trang tính", "Sheet"), t.sheet.clone()),
        (
            label("Dòng tiêu đề", "Header rows"),
            format!(
                "{}–{}",
                cleaned.layout.header_first + 1,
                cleaned.layout.header_last + 1
            ),
        ),
        (
            label("Số dòng trong trang", "Rows in the sheet"),
            s.sheet_rows.to_string(),
        ),
        (
            label("Số trẻ (dòng dữ liệu)", "Records (children)"),
            s.records.to_string(),
        ),
        (
            label("Ô đã tự sửa", "Cells fixed"),
            s.cells_fixed.to_string(),
        ),
        (label("Cảnh báo", "Warnings"), s.warnings.to_string()),
        (label("Lỗi", "Errors"), s.errors.to_string()),
        (
            label("Số trẻ cần rà soát", "Records to review"),
            s.records_to_review.to_string(),
        ),
    ];
    if noted > MAX_NOTES {
        rows.push((
            if vi {
                format!("Ghi chú trong ô: chỉ {MAX_NOTES} ô đầu có ghi chú; giá trị gốc của mọi ô có trong trang Phát hiện")
            } else {
                format!("Cell notes: only the first {MAX_NOTES} cells have one; every original value is in the Findings sheet")
            },
            noted.to_string(),
        ));
    }
    rows.push((String::new(), String::new()));
    for (code, count) in &s.by_rule {
        let message = crate::rules::by_code(code)
            .map(|r| r.message(lang))
            .unwrap_or("");
        rows.push((format!("{code}: {message}"), count.to_string()));
    }
    rows.push((String::new(), String::new()));
    for c in &cleaned.layout.columns {
        let role = c
            .role
            .map(|r| if vi { r.label_vi() } else { r.label_en() })
            .unwrap_or(if vi { "(giữ nguyên)" } else { "(untouched)" });
        rows.push((format!("{} — {}", c.letter, c.header), role.to_string()));
    }
    let title = if vi {
        "Tổng hợp làm sạch"
    } else {
        "Cleaning summary"
    };
    let mut sheet = book.sheet(
        name,
        SheetSetup {
            widths: vec![60.0, 30.0],
            compact: true,
            ..SheetSetup::default()
        },
    )?;
    sheet.row(0).await?;
    sheet.text(0, title, Style::Header)?;
    for (i, (k, v)) in rows.into_iter().enumerate() {
        if k.is_empty() && v.is_empty() {
            continue;
        }
        sheet.row(i as u32 + 1).await?;
        sheet.text(0, k, Style::Plain)?;
        match v.parse::<f64>() {
            Ok(n) => sheet.number(1, n, Style::Plain)?,
            Err(_) => sheet.text(1, v, Style::Plain)?,
        }
    }
    sheet.end().await
}
