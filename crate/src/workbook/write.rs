//! The cleaned workbook: sheet 1 in the input's layout (every row and column where it was,
//! changed cells highlighted with a note holding the original), then the findings and the
//! summary.

use super::table::Cell;
use crate::clean::Cleaned;
use crate::error::Error;
use crate::options::DateOutput;
use crate::report::{column_letter, Finding, Lang, Severity};
use crate::workbook::role::Role;
use crate::workbook::work_lists::{self, Kind, WorkList};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, Note, Workbook, Worksheet, XlsxError,
};
use std::collections::HashMap;

/// Excel's limit on rows in a sheet; the findings sheet stops one row short of it.
const EXCEL_MAX_ROWS: usize = 1_048_576;
/// Cell notes written at most. Each note is a VML shape: 100,000 of them make a province's
/// workbook several times slower to write (measured: notes were 40 % of the write time at
/// 20,000 rows) and slow to open in Excel. Past this many, the findings sheet still holds
/// every original value; the summary sheet says notes stopped.
pub const MAX_NOTES: usize = 10_000;
/// Excel's limit on characters in a cell.
const EXCEL_MAX_CELL_CHARS: usize = 32_767;

fn write_error(e: XlsxError) -> Error {
    Error::Write {
        detail: e.to_string(),
    }
}

struct Formats {
    fixed: Format,
    warning: Format,
    error: Format,
    date: Format,
    date_fixed: Format,
    header: Format,
    group: Format,
}

impl Formats {
    fn new() -> Self {
        let date = Format::new().set_num_format("dd/mm/yyyy");
        Formats {
            fixed: Format::new().set_background_color(Color::RGB(0xFFF2CC)),
            warning: Format::new().set_background_color(Color::RGB(0xFCE4D6)),
            error: Format::new().set_background_color(Color::RGB(0xF8CBAD)),
            date_fixed: date.clone().set_background_color(Color::RGB(0xFFF2CC)),
            date,
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xD9E1F2)),
            group: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xEDEDED)),
        }
    }
}

/// A workbook whose creation time is fixed, so the same input and options give the same
/// bytes.
fn new_book() -> Result<Workbook, Error> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(write_error)?;
    book.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&created)
            .set_author("LamSach"),
    );
    Ok(book)
}

/// Writes the cleaned workbook.
pub fn write_workbook(cleaned: &Cleaned) -> Result<Vec<u8>, Error> {
    let lang = cleaned.options.lang;
    let mut book = new_book()?;
    let formats = Formats::new();

    let data_name = sheet_name(&cleaned.table.sheet);
    let sheet = book.add_worksheet();
    sheet.set_name(&data_name).map_err(write_error)?;
    let noted = write_data_sheet(sheet, cleaned, &formats)?;

    let names = sheet_names(lang);
    let sheet = book.add_worksheet();
    sheet
        .set_name(unique(names.findings, &data_name))
        .map_err(write_error)?;
    write_findings_sheet(sheet, cleaned, &formats)?;

    let sheet = book.add_worksheet();
    sheet
        .set_name(unique(names.summary, &data_name))
        .map_err(write_error)?;
    write_summary_sheet(sheet, cleaned, noted, &formats)?;

    for kind in [Kind::Police, Kind::Household] {
        let list = work_lists::build(cleaned, kind);
        let sheet = book.add_worksheet();
        sheet
            .set_name(unique(kind.title(lang), &data_name))
            .map_err(write_error)?;
        write_list_sheet(sheet, &list, list.groups.iter(), &formats)?;
    }

    let sheet = book.add_worksheet();
    sheet
        .set_name(unique(
            if lang == Lang::Vi {
                "Trùng lặp"
            } else {
                "Duplicates"
            },
            &data_name,
        ))
        .map_err(write_error)?;
    write_duplicates_sheet(sheet, cleaned, &formats)?;

    if let Some(merged) = &cleaned.merged {
        let name = if lang == Lang::Vi {
            "Trẻ mới phát hiện"
        } else {
            "Newly found"
        };
        let sheet = book.add_worksheet();
        sheet
            .set_name(unique(name, &data_name))
            .map_err(write_error)?;
        write_merge_sheet(sheet, merged, lang, &formats)?;
    }

    book.save_to_buffer().map_err(write_error)
}

/// The groups of probable duplicates side by side: one block per group, one line per
/// record, with the fields a person compares. Nothing is merged or deleted.
fn write_duplicates_sheet(
    sheet: &mut Worksheet,
    cleaned: &Cleaned,
    formats: &Formats,
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
    for (c, h) in header.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, h, &formats.header)
            .map_err(write_error)?;
    }
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
        sheet
            .write_string_with_format(r, 0, title, &formats.group)
            .map_err(write_error)?;
        r += 1;
        for &row in &g.rows {
            sheet
                .write_number(r, 0, f64::from(row))
                .map_err(write_error)?;
            for (c, role) in roles.iter().enumerate() {
                let col = usize::from(layout.column_of(*role).unwrap_or(0));
                let value = cleaned.table.cell(row as usize - 1, col).display();
                sheet
                    .write_string(r, c as u16 + 1, truncate(&value, EXCEL_MAX_CELL_CHARS))
                    .map_err(write_error)?;
            }
            r += 1;
        }
    }
    if cleaned.duplicates.is_empty() {
        sheet
            .write_string(
                1,
                0,
                if vi {
                    "Không thấy trẻ nào bị trùng."
                } else {
                    "No duplicate children found."
                },
            )
            .map_err(write_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(write_error)?;
    sheet.set_column_width(0, 9.0).map_err(write_error)?;
    for c in 1..header.len() {
        sheet
            .set_column_width(c as u16, 20.0)
            .map_err(write_error)?;
    }
    Ok(())
}

/// What became of each child of the household list: added (at which row), already there,
/// or possibly there (a person decides; the child was not added).
fn write_merge_sheet(
    sheet: &mut Worksheet,
    merged: &crate::merge::Merged,
    lang: Lang,
    formats: &Formats,
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
    for (c, h) in header.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &formats.header)
            .map_err(write_error)?;
    }
    for (i, d) in merged.decisions.iter().enumerate() {
        let r = i as u32 + 1;
        let outcome = match (d.outcome, vi) {
            ("added", true) => "Đã thêm vào cuối danh sách",
            ("already_there", true) => "Đã có trong danh sách: không thêm",
            ("possibly_there", true) => "Có thể đã có: cần người quyết định, chưa thêm",
            ("added", false) => "Added at the end of the list",
            ("already_there", false) => "Already in the list: not added",
            (_, false) => "Possibly in the list: a person decides; not added",
            (_, true) => "Có thể đã có: cần người quyết định, chưa thêm",
        };
        sheet
            .write_number(r, 0, f64::from(d.new_row))
            .map_err(write_error)?;
        sheet.write_string(r, 1, &d.name).map_err(write_error)?;
        let format = if d.outcome == "possibly_there" {
            &formats.warning
        } else {
            &Format::new()
        };
        sheet
            .write_string_with_format(r, 2, outcome, format)
            .map_err(write_error)?;
        let rows: Vec<String> = d.rows.iter().map(u32::to_string).collect();
        sheet
            .write_string(r, 3, rows.join(", "))
            .map_err(write_error)?;
    }
    for (c, w) in [12.0, 28.0, 44.0, 20.0].into_iter().enumerate() {
        sheet.set_column_width(c as u16, w).map_err(write_error)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(write_error)?;
    Ok(())
}

/// A work list on its own: the police list on one sheet grouped by commune, the household
/// list with one sheet per village.
pub fn write_work_list(cleaned: &Cleaned, kind: Kind) -> Result<Vec<u8>, Error> {
    let mut book = new_book()?;
    let formats = Formats::new();
    let list = work_lists::build(cleaned, kind);
    let title = kind.title(cleaned.options.lang);
    if kind == Kind::Police || list.groups.is_empty() {
        let sheet = book.add_worksheet();
        sheet.set_name(title).map_err(write_error)?;
        write_list_sheet(sheet, &list, list.groups.iter(), &formats)?;
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
            let sheet = book.add_worksheet();
            sheet.set_name(&name).map_err(write_error)?;
            write_list_sheet(sheet, &list, std::iter::once((group, rows)), &formats)?;
        }
    }
    book.save_to_buffer().map_err(write_error)
}

fn write_list_sheet<'a>(
    sheet: &mut Worksheet,
    list: &WorkList,
    groups: impl Iterator<Item = (&'a String, &'a Vec<Vec<String>>)>,
    formats: &Formats,
) -> Result<(), Error> {
    for (c, h) in list.header.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, h, &formats.header)
            .map_err(write_error)?;
    }
    let mut r = 1u32;
    for (group, rows) in groups {
        if r as usize >= EXCEL_MAX_ROWS - 1 {
            break;
        }
        sheet
            .write_string_with_format(r, 0, format!("{group} ({})", rows.len()), &formats.group)
            .map_err(write_error)?;
        r += 1;
        for line in rows {
            if r as usize >= EXCEL_MAX_ROWS {
                break;
            }
            for (c, v) in line.iter().enumerate() {
                match (c, v.parse::<f64>()) {
                    (0, Ok(n)) => sheet.write_number(r, 0, n),
                    _ => sheet.write_string(r, c as u16, truncate(v, EXCEL_MAX_CELL_CHARS)),
                }
                .map_err(write_error)?;
            }
            r += 1;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(write_error)?;
    let last = list.header.len().saturating_sub(1);
    for c in 0..=last {
        let width = if c == 0 {
            9.0
        } else if c == last || (c + 2 == last + 1 && list.header.len() > 10) {
            40.0
        } else {
            18.0
        };
        sheet
            .set_column_width(c as u16, width)
            .map_err(write_error)?;
    }
    Ok(())
}

struct SheetNames {
    findings: &'static str,
    summary: &'static str,
}

fn sheet_names(lang: Lang) -> SheetNames {
    match lang {
        Lang::Vi => SheetNames {
            findings: "Phát hiện",
            summary: "Tổng hợp",
        },
        Lang::En => SheetNames {
            findings: "Findings",
            summary: "Summary",
        },
    }
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

/// The worst severity and, where a person would want one, the note text for each cell that
/// has findings. A cell whose shown value did not change (an Excel date cell written as the
/// same dd/mm/yyyy text, a number cell written as the same digits) gets no note: the
/// highlight and its row in the findings sheet say it was converted, and a note per such
/// cell would make a province's workbook several times slower to write and to open.
fn cell_marks(findings: &[Finding], lang: Lang) -> HashMap<(u32, u16), (Severity, Option<String>)> {
    struct Mark {
        severity: Severity,
        original: Option<String>,
        shown_changed: bool,
        flagged: bool,
        messages: String,
    }
    let mut marks: HashMap<(u32, u16), Mark> = HashMap::new();
    for f in findings {
        let Some(col) = f.column else { continue };
        let m = marks.entry((f.row, col)).or_insert(Mark {
            severity: f.rule.severity,
            original: None,
            shown_changed: false,
            flagged: false,
            messages: String::new(),
        });
        m.severity = m.severity.max(f.rule.severity);
        if f.rule.severity == Severity::Fixed {
            if m.original.is_none() {
                m.original = Some(f.before.clone());
            }
            m.shown_changed |= f.before != f.after && !is_type_conversion(f.rule.code);
        } else {
            m.flagged = true;
        }
        m.messages.push_str(&format!("• {}\n", f.message(lang)));
    }
    marks
        .into_iter()
        .map(|(k, m)| {
            let note = (m.shown_changed || m.flagged).then(|| {
                let head = match (&m.original, lang) {
                    (Some(o), Lang::Vi) if m.shown_changed => format!("Giá trị gốc: «{o}»\n"),
                    (Some(o), Lang::En) if m.shown_changed => format!("Original value: «{o}»\n"),
                    _ => String::new(),
                };
                format!("{head}{}", m.messages)
            });
            (k, (m.severity, note))
        })
        .collect()
}

/// Rules that only change a cell's type, not what Excel shows.
fn is_type_conversion(code: &str) -> bool {
    matches!(
        code,
        "dob.excel_date" | "id.numeric_cell" | "phone.numeric_cell"
    )
}

/// Writes sheet 1; returns how many cells deserved a note.
fn write_data_sheet(
    sheet: &mut Worksheet,
    cleaned: &Cleaned,
    formats: &Formats,
) -> Result<usize, Error> {
    let table = &cleaned.table;
    let marks = cell_marks(&cleaned.findings, cleaned.options.lang);
    let noted = marks.values().filter(|(_, note)| note.is_some()).count();
    let dob_col = cleaned.layout.column_of(Role::DateOfBirth);

    let mut notes = 0usize;
    for (r, row) in table.rows.iter().enumerate() {
        let row_num = r as u32;
        for (c, cell) in row.iter().enumerate() {
            let col = c as u16;
            let mark = marks.get(&(row_num + 1, col));
            let highlight = mark.map(|(sev, _)| match sev {
                Severity::Fixed => &formats.fixed,
                Severity::Warning => &formats.warning,
                Severity::Error => &formats.error,
            });
            let as_date_cell = cleaned.options.date_output == DateOutput::DateCell
                && Some(col) == dob_col
                && cleaned.is_record.get(r).copied().unwrap_or(false);
            write_cell(sheet, row_num, col, cell, highlight, as_date_cell, formats)?;
            if let Some((_, Some(text))) = mark.filter(|_| notes < MAX_NOTES) {
                notes += 1;
                let note = Note::new(truncate(text, 2000))
                    .set_author("LamSach")
                    .add_author_prefix(false);
                sheet
                    .insert_note(row_num, col, &note)
                    .map_err(write_error)?;
            }
        }
    }

    for m in &table.merges {
        // Only merges whose other cells are empty can be re-made without losing a value.
        let covered_empty = (m.first_row..=m.last_row).all(|r| {
            (m.first_col..=m.last_col).all(|c| {
                (r == m.first_row && c == m.first_col)
                    || table.cell(r as usize, usize::from(c)).is_empty()
            })
        });
        let single = m.first_row == m.last_row && m.first_col == m.last_col;
        if covered_empty && !single {
            let text = table
                .cell(m.first_row as usize, usize::from(m.first_col))
                .display();
            let format = if (m.first_row as usize) < cleaned.layout.data_start as usize {
                &formats.header
            } else {
                &Format::new()
            };
            sheet
                .merge_range(
                    m.first_row,
                    m.first_col,
                    m.last_row,
                    m.last_col,
                    &text,
                    format,
                )
                .map_err(write_error)?;
        }
    }

    for c in 0..table.width {
        sheet
            .set_column_width(c, column_width(cleaned, usize::from(c)))
            .map_err(write_error)?;
    }
    if cleaned.layout.data_start > 0 && (cleaned.layout.data_start as usize) < EXCEL_MAX_ROWS {
        sheet
            .set_freeze_panes(cleaned.layout.data_start, 0)
            .map_err(write_error)?;
    }
    Ok(noted)
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    highlight: Option<&Format>,
    as_date_cell: bool,
    formats: &Formats,
) -> Result<(), Error> {
    let result = match cell {
        Cell::Empty => match highlight {
            Some(f) => sheet.write_blank(row, col, f),
            None => return Ok(()),
        },
        Cell::Text(s) if as_date_cell => match dmy_serial(s) {
            Some(serial) => {
                let f = if highlight.is_some() {
                    &formats.date_fixed
                } else {
                    &formats.date
                };
                sheet.write_number_with_format(row, col, serial, f)
            }
            None => write_text(sheet, row, col, s, highlight),
        },
        Cell::Text(s) => write_text(sheet, row, col, s, highlight),
        Cell::Error(s) => write_text(sheet, row, col, s, highlight),
        Cell::Number(n) => match highlight {
            Some(f) => sheet.write_number_with_format(row, col, *n, f),
            None => sheet.write_number(row, col, *n),
        },
        Cell::Date(d) => {
            let f = if highlight.is_some() {
                &formats.date_fixed
            } else {
                &formats.date
            };
            sheet.write_number_with_format(row, col, d.serial, f)
        }
        Cell::Bool(b) => match highlight {
            Some(f) => sheet.write_boolean_with_format(row, col, *b, f),
            None => sheet.write_boolean(row, col, *b),
        },
    };
    result.map(|_| ()).map_err(write_error)
}

fn write_text<'a>(
    sheet: &'a mut Worksheet,
    row: u32,
    col: u16,
    s: &str,
    highlight: Option<&Format>,
) -> Result<&'a mut Worksheet, XlsxError> {
    let s = truncate(s, EXCEL_MAX_CELL_CHARS);
    match highlight {
        Some(f) => sheet.write_string_with_format(row, col, s, f),
        None => sheet.write_string(row, col, s),
    }
}

fn truncate(s: &str, max_chars: usize) -> &str {
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

fn write_findings_sheet(
    sheet: &mut Worksheet,
    cleaned: &Cleaned,
    formats: &Formats,
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
    for (c, h) in headers.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, *h, &formats.header)
            .map_err(write_error)?;
    }
    let room = EXCEL_MAX_ROWS - 2;
    for (i, f) in cleaned.findings.iter().take(room).enumerate() {
        let r = i as u32 + 1;
        sheet
            .write_number(r, 0, f64::from(f.row))
            .map_err(write_error)?;
        if let Some(col) = f.column {
            sheet
                .write_string(r, 1, column_letter(col))
                .map_err(write_error)?;
            sheet
                .write_string(
                    r,
                    2,
                    truncate(cleaned.layout.header_of(usize::from(col)), 255),
                )
                .map_err(write_error)?;
        }
        sheet.write_string(r, 3, f.rule.code).map_err(write_error)?;
        sheet
            .write_string(r, 4, f.rule.severity.label(lang))
            .map_err(write_error)?;
        sheet
            .write_string(r, 5, truncate(&f.before, EXCEL_MAX_CELL_CHARS))
            .map_err(write_error)?;
        sheet
            .write_string(r, 6, truncate(&f.after, EXCEL_MAX_CELL_CHARS))
            .map_err(write_error)?;
        sheet
            .write_string(r, 7, f.message(lang))
            .map_err(write_error)?;
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
        sheet
            .write_string(room as u32 + 1, 0, msg)
            .map_err(write_error)?;
    }
    let last = cleaned.findings.len().min(room) as u32;
    sheet.autofilter(0, 0, last, 7).map_err(write_error)?;
    sheet.set_freeze_panes(1, 0).map_err(write_error)?;
    for (c, w) in [7.0, 7.0, 24.0, 22.0, 10.0, 28.0, 28.0, 60.0]
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(c as u16, w).map_err(write_error)?;
    }
    Ok(())
}

fn write_summary_sheet(
    sheet: &mut Worksheet,
    cleaned: &Cleaned,
    noted: usize,
    formats: &Formats,
) -> Result<(), Error> {
    let lang = cleaned.options.lang;
    let s = &cleaned.summary;
    let t = &cleaned.table;
    let vi = lang == Lang::Vi;
    let mut rows: Vec<(String, String)> = vec![
        (if vi { "Tệp" } else { "File" }.into(), t.file_name.clone()),
        (
            if vi { "Trang tính" } else { "Sheet" }.into(),
            t.sheet.clone(),
        ),
        (
            if vi {
                "Dòng tiêu đề"
            } else {
                "Header rows"
            }
            .into(),
            format!(
                "{}–{}",
                cleaned.layout.header_first + 1,
                cleaned.layout.header_last + 1
            ),
        ),
        (
            if vi {
                "Số dòng trong trang"
            } else {
                "Rows in the sheet"
            }
            .into(),
            s.sheet_rows.to_string(),
        ),
        (
            if vi {
                "Số trẻ (dòng dữ liệu)"
            } else {
                "Records (children)"
            }
            .into(),
            s.records.to_string(),
        ),
        (
            if vi {
                "Ô đã tự sửa"
            } else {
                "Cells fixed"
            }
            .into(),
            s.cells_fixed.to_string(),
        ),
        (
            if vi { "Cảnh báo" } else { "Warnings" }.into(),
            s.warnings.to_string(),
        ),
        (
            if vi { "Lỗi" } else { "Errors" }.into(),
            s.errors.to_string(),
        ),
        (
            if vi {
                "Số trẻ cần rà soát"
            } else {
                "Records to review"
            }
            .into(),
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
    sheet
        .write_string_with_format(
            0,
            0,
            if vi {
                "Tổng hợp làm sạch"
            } else {
                "Cleaning summary"
            },
            &formats.header,
        )
        .map_err(write_error)?;
    for (i, (k, v)) in rows.iter().enumerate() {
        sheet
            .write_string(i as u32 + 1, 0, k)
            .map_err(write_error)?;
        match v.parse::<f64>() {
            Ok(n) if !v.is_empty() => sheet.write_number(i as u32 + 1, 1, n),
            _ => sheet.write_string(i as u32 + 1, 1, v),
        }
        .map_err(write_error)?;
    }
    sheet.set_column_width(0, 60.0).map_err(write_error)?;
    sheet.set_column_width(1, 30.0).map_err(write_error)?;
    Ok(())
}
