//! Find the header row below the title rows, read a two-row merged header and a row of
//! column numbers under it, and map each header to a [`Role`].

use super::role::Role;
use super::table::{Cell, Table};
use crate::error::Error;
use crate::report::column_letter;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// Government lists put 1–5 title rows above the header; 30 leaves room for long preambles.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// One column of the sheet as LamSach understands it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    pub index: u16,
    pub letter: String,
    /// Header text as written (two header rows joined by " / ").
    pub header: String,
    pub role: Option<Role>,
}

/// Where the header is and what each column holds. Row numbers are 0-based indices into
/// [`Table::rows`] (sheet row = index + 1).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Layout {
    pub header_first: u32,
    pub header_last: u32,
    /// First row that may hold a record (after the header and any column-number row).
    pub data_start: u32,
    pub columns: Vec<Column>,
}

/// The column of each role ([`Layout::role_columns`]).
#[derive(Clone, Copy, Debug)]
pub struct RoleColumns([Option<u16>; Role::ALL.len()]);

impl RoleColumns {
    pub fn of(&self, role: Role) -> Option<u16> {
        self.0[role as usize]
    }
}

impl Layout {
    pub fn column_of(&self, role: Role) -> Option<u16> {
        self.columns
            .iter()
            .find(|c| c.role == Some(role))
            .map(|c| c.index)
    }

    /// [`Layout::column_of`] of every role, found once: for code that asks for them for
    /// each of a province's records.
    pub fn role_columns(&self) -> RoleColumns {
        RoleColumns(Role::ALL.map(|role| self.column_of(role)))
    }

    pub fn role_of(&self, col: usize) -> Option<Role> {
        self.columns.get(col).and_then(|c| c.role)
    }

    pub fn header_of(&self, col: usize) -> &str {
        self.columns
            .get(col)
            .map(|c| c.header.as_str())
            .unwrap_or("")
    }

    /// Applies user overrides `ROLE=COLUMN` (COLUMN: a letter or a header text; ROLE may be
    /// `ignore` to take a column's role away). The role moves: no other column keeps it.
    pub fn apply_override(&mut self, role: &str, column: &str) -> Result<(), Error> {
        let role = match role.trim() {
            "ignore" | "none" => None,
            key => Some(Role::from_key(key).ok_or_else(|| Error::UnknownRole {
                role: key.to_string(),
            })?),
        };
        let wanted = column.trim();
        let folded = fold(wanted);
        let index = self
            .columns
            .iter()
            .position(|c| c.letter.eq_ignore_ascii_case(wanted))
            .or_else(|| {
                self.columns
                    .iter()
                    .position(|c| !folded.is_empty() && fold(&c.header) == folded)
            })
            .ok_or_else(|| Error::UnknownColumn {
                column: wanted.to_string(),
            })?;
        if let Some(role) = role {
            for c in &mut self.columns {
                if c.role == Some(role) {
                    c.role = None;
                }
            }
        }
        self.columns[index].role = role;
        Ok(())
    }
}

/// Finds the header block and the role of every column.
pub fn detect_layout(table: &Table) -> Result<Layout, Error> {
    let limit = table.height().min(HEADER_SEARCH_ROWS);
    let single: Vec<Vec<String>> = (0..limit).map(|r| row_texts(table, r)).collect();
    let mut best: Option<(usize, usize, usize, Vec<String>)> = None; // (score, first, last, headers)
    for r in 0..limit {
        let score = distinct_roles(&single[r]);
        if score >= 2 && best.as_ref().is_none_or(|b| score > b.0) {
            best = Some((score, r, r, single[r].clone()));
        }
    }
    let (score, mut first, mut last, mut headers) = best.ok_or_else(|| Error::NoHeader {
        sheet: table.sheet.clone(),
    })?;

    // A two-row header: a group row ("Thông tin cha") merged over sub-headers ("Họ tên",
    // "Năm sinh"). Accept the pair only if it names more roles and both rows are all text.
    for (upper, lower) in [(first.wrapping_sub(1), first), (first, first + 1)] {
        if upper >= limit
            || lower >= table.height()
            || !all_text(table, upper)
            || !all_text(table, lower)
        {
            continue;
        }
        let combined = combine(table, upper, lower);
        let s = distinct_roles(&combined);
        if s > score {
            (first, last, headers) = (upper, lower, combined);
            break;
        }
    }

    let mut data_start = last + 1;
    if data_start < table.height() && is_column_number_row(table, data_start) {
        data_start += 1;
    }

    let mut columns = Vec::with_capacity(usize::from(table.width));
    let mut taken = Vec::new();
    for (index, header) in headers
        .into_iter()
        .enumerate()
        .take(usize::from(table.width))
    {
        let role = classify(&header).filter(|r| !taken.contains(r));
        if let Some(r) = role {
            taken.push(r);
        }
        let index = index as u16;
        columns.push(Column {
            index,
            letter: column_letter(index),
            header,
            role,
        });
    }
    Ok(Layout {
        header_first: first as u32,
        header_last: last as u32,
        data_start: data_start as u32,
        columns,
    })
}

fn row_texts(table: &Table, r: usize) -> Vec<String> {
    (0..usize::from(table.width))
        .map(|c| tidy(&table.cell(r, c).display()))
        .collect()
}

/// Header text with line breaks and runs of spaces made single spaces.
fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn all_text(table: &Table, r: usize) -> bool {
    table
        .rows
        .get(r)
        .is_some_and(|row| row.iter().all(|c| matches!(c, Cell::Empty | Cell::Text(_))))
}

fn distinct_roles(headers: &[String]) -> usize {
    let mut roles: Vec<Role> = headers.iter().filter_map(|h| classify(h)).collect();
    roles.sort();
    roles.dedup();
    roles.len()
}

/// Joins a group row and a sub-header row, carrying the group's text across its merge.
fn combine(table: &Table, upper: usize, lower: usize) -> Vec<String> {
    (0..usize::from(table.width))
        .map(|c| {
            let mut top = tidy(&table.cell(upper, c).display());
            if top.is_empty() {
                if let Some(m) = table.merges.iter().find(|m| {
                    m.first_row as usize <= upper
                        && upper <= m.last_row as usize
                        && usize::from(m.first_col) <= c
                        && c <= usize::from(m.last_col)
                        && m.first_row as usize == upper
                }) {
                    top = tidy(&table.cell(upper, usize::from(m.first_col)).display());
                }
            }
            let bottom = tidy(&table.cell(lower, c).display());
            match (top.is_empty(), bottom.is_empty()) {
                (false, false) if top != bottom => format!("{top} / {bottom}"),
                (false, _) => top,
                (true, _) => bottom,
            }
        })
        .collect()
}

/// "(1) (2) (3)…", "1 2 3…" or "A B C…" under the header, numbering the columns.
fn is_column_number_row(table: &Table, r: usize) -> bool {
    let Some(row) = table.rows.get(r) else {
        return false;
    };
    let mut count = 0;
    for cell in row {
        let ok = match cell {
            Cell::Empty => continue,
            Cell::Number(n) => n.fract() == 0.0 && *n >= 0.0 && *n < 100.0,
            Cell::Text(s) => {
                let t = s.trim().trim_start_matches('(').trim_end_matches(')');
                (!t.is_empty() && t.len() <= 3 && t.chars().all(|ch| ch.is_ascii_digit()))
                    || (t.len() == 1 && t.chars().all(|ch| ch.is_ascii_uppercase()))
            }
            _ => false,
        };
        if !ok {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// Lower case, accents removed, đ → d, punctuation → space, single spaces.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.nfd() {
        let ch = match ch {
            'đ' | 'Đ' | 'ð' | 'Ð' => 'd',
            c if ('\u{0300}'..='\u{036F}').contains(&c) => continue,
            c => c,
        };
        if ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// The role a header names, tolerant of case, accents, punctuation and the synonyms in use
/// (domain README §7.1). `None` for headers we do not understand: those columns pass through.
pub fn classify(header: &str) -> Option<Role> {
    let f = fold(header);
    if f.is_empty() {
        return None;
    }
    let words: Vec<&str> = f.split(' ').collect();
    let has_word = |w: &str| words.contains(&w);
    let has = |phrase: &str| contains_phrase(&f, phrase);

    if matches!(f.as_str(), "stt" | "tt" | "so tt" | "so thu tu" | "thu tu") {
        return Some(Role::Stt);
    }
    // Columns about someone else than the child or the parents.
    // MOET's own pupil code ("Mã định danh Bộ GD&ĐT") is not the national personal ID.
    if has("chu ho")
        || has("quan he")
        || has("noi sinh")
        || has("khai sinh")
        || has("que quan")
        || has("gd")
        || has("csdl")
    {
        return None;
    }

    // "cha"/"bố"/"mẹ" are checked with accents when the header has them, so that
    // "Bộ GD&ĐT" is not read as "bố".
    let lower: String = header.nfc().collect::<String>().to_lowercase();
    let accented = !lower.is_ascii();
    let lower_words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let father = if accented {
        lower_words.iter().any(|w| *w == "cha" || *w == "bố")
    } else {
        has_word("cha") || has_word("bo")
    };
    let mother = if accented {
        lower_words.contains(&"mẹ")
    } else {
        has_word("me")
    };
    let guardian = has("giam ho") || has("nuoi duong") || has("cham soc") || has("do dau");

    let is_id = [
        "dinh danh",
        "cccd",
        "cmnd",
        "can cuoc",
        "ddcn",
        "chung minh",
        "so cc",
        "ma so ca nhan",
        "cmt",
    ]
    .iter()
    .any(|p| has(p));
    let is_dob = has("ngay sinh")
        || has("ngay thang nam sinh")
        || has("sinh ngay")
        || has("ngay thang sinh");
    let is_year = !is_dob && has("nam sinh");
    let is_phone =
        has("dien thoai") || has_word("sdt") || has("so dt") || has_word("dt") || has("di dong");

    if father || mother || guardian {
        let several = [father, mother, guardian].iter().filter(|b| **b).count() > 1;
        return Some(match () {
            _ if is_phone => Role::Phone,
            _ if several || guardian => {
                if is_id {
                    Role::GuardianId
                } else if is_dob || is_year {
                    return None;
                } else {
                    Role::GuardianName
                }
            }
            _ if father && is_id => Role::FatherId,
            _ if father && (is_year || is_dob) => Role::FatherBirthYear,
            _ if father => Role::FatherName,
            _ if is_id => Role::MotherId,
            _ if is_year || is_dob => Role::MotherBirthYear,
            _ => Role::MotherName,
        });
    }
    if is_id {
        return Some(Role::PersonalId);
    }
    if is_dob || is_year {
        return Some(Role::DateOfBirth);
    }
    if is_phone {
        return Some(Role::Phone);
    }
    if has("gioi tinh") || f == "gioi" || f == "nam nu" || f == "gt" {
        return Some(Role::Gender);
    }
    if has("dan toc") {
        return Some(Role::Ethnicity);
    }
    if has("ghi chu") {
        return Some(Role::Notes);
    }
    if has("dia chi") || has("noi o") || has("thuong tru") || has("tam tru") || has("cho o") {
        return Some(Role::Address);
    }
    let province = has_word("tinh") || has("thanh pho truc thuoc") || f == "tinh tp";
    let district = has_word("huyen") || has_word("quan");
    let commune = has_word("xa") || has_word("phuong") || has("thi tran");
    let village = [
        "thon",
        "ap",
        "xom",
        "khom",
        "buon",
        "lang",
        "to dan pho",
        "khu pho",
        "ban",
        "khu",
    ]
    .iter()
    .any(|w| has(w))
        || words.first() == Some(&"to");
    let levels = [province, district, commune, village]
        .iter()
        .filter(|b| **b)
        .count();
    if levels > 1 {
        // "Xã/Phường/Thị trấn" is one level; "Xã, huyện, tỉnh" is an address.
        return Some(
            if levels == 2 && district && commune && has("quan") && !has_word("xa") {
                Role::District
            } else {
                Role::Address
            },
        );
    }
    if province {
        return Some(Role::Province);
    }
    if district {
        return Some(Role::District);
    }
    if commune {
        return Some(Role::Commune);
    }
    if village {
        return Some(Role::Village);
    }
    if has("ho ten") || has("ho va ten") || has_word("ten") || has("ho chu dem") {
        return Some(Role::ChildName);
    }
    None
}

/// Whole-word phrase match inside a folded string.
fn contains_phrase(folded: &str, phrase: &str) -> bool {
    let padded = format!(" {folded} ");
    padded.contains(&format!(" {phrase} "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_columns_are_the_columns_of_every_role() {
        // Indexing by `role as usize` needs ALL in declaration order.
        for (i, role) in Role::ALL.iter().enumerate() {
            assert_eq!(*role as usize, i, "{role:?}");
        }
        let roles = [
            Some(Role::Gender),
            None,
            Some(Role::ChildName),
            Some(Role::Notes),
        ];
        let layout = Layout {
            header_first: 0,
            header_last: 0,
            data_start: 1,
            columns: roles
                .iter()
                .enumerate()
                .map(|(i, role)| Column {
                    index: i as u16,
                    letter: column_letter(i as u16),
                    header: String::new(),
                    role: *role,
                })
                .collect(),
        };
        let columns = layout.role_columns();
        for role in Role::ALL {
            assert_eq!(columns.of(role), layout.column_of(role), "{role:?}");
        }
        assert_eq!(columns.of(Role::ChildName), Some(2));
    }

    #[test]
    fn headers_in_use_are_recognised() {
        let cases = [
            ("STT", Some(Role::Stt)),
            ("Họ và tên", Some(Role::ChildName)),
            ("Họ, chữ đệm và tên", Some(Role::ChildName)),
            ("HỌ TÊN TRẺ", Some(Role::ChildName)),
            ("Ngày, tháng, năm sinh", Some(Role::DateOfBirth)),
            ("Ngay sinh", Some(Role::DateOfBirth)),
            ("Giới tính", Some(Role::Gender)),
            ("Dân tộc", Some(Role::Ethnicity)),
            ("Số định danh cá nhân", Some(Role::PersonalId)),
            ("Số ĐDCN", Some(Role::PersonalId)),
            ("CCCD/CMND", Some(Role::PersonalId)),
            ("Họ tên cha", Some(Role::FatherName)),
            ("Năm sinh cha", Some(Role::FatherBirthYear)),
            ("Họ và tên mẹ", Some(Role::MotherName)),
            ("Năm sinh mẹ", Some(Role::MotherBirthYear)),
            ("Số CCCD của mẹ", Some(Role::MotherId)),
            ("Người giám hộ", Some(Role::GuardianName)),
            ("Họ tên người nuôi dưỡng", Some(Role::GuardianName)),
            ("Họ tên cha/mẹ/người giám hộ", Some(Role::GuardianName)),
            ("Tỉnh/TP", Some(Role::Province)),
            ("Quận/Huyện", Some(Role::District)),
            ("Xã/Phường/Thị trấn", Some(Role::Commune)),
            ("Thôn/Tổ", Some(Role::Village)),
            ("Địa chỉ thường trú", Some(Role::Address)),
            ("Số điện thoại", Some(Role::Phone)),
            ("Ghi chú", Some(Role::Notes)),
            ("Mã định danh Bộ GD&ĐT (trên CSDL ngành)", None),
            ("Quốc tịch", None),
            ("Nơi sinh", None),
            ("Cân nặng (kg)", None),
            ("Họ tên chủ hộ", None),
        ];
        for (header, role) in cases {
            assert_eq!(classify(header), role, "{header}");
        }
    }

    #[test]
    fn fold_removes_accents_case_and_punctuation() {
        assert_eq!(fold("  Ngày, tháng, NĂM sinh "), "ngay thang nam sinh");
        assert_eq!(fold("Số ĐDCN"), "so ddcn");
    }
}
