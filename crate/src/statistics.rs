//! The figures behind the review screen's charts and the printable summary, computed once
//! over the cleaned records (never in the page over all rows): findings by rule, children
//! by age and gender on the reference date, ethnic groups, how complete each column with a
//! role is, and the communes and villages for the findings filter.
//!
//! Values are read from the cleaned cells, so they count what the downloads hold (dates are
//! dd/mm/yyyy text or date cells after cleaning; genders "Nam"/"Nữ"; ethnic groups in the
//! chosen spelling).

use crate::clean::Cleaned;
use crate::fields::date_of_birth::{parse, reached_age};
use crate::fields::gender::{self, Gender, Legend};
use crate::report::Severity;
use crate::workbook::header::fold;
use crate::workbook::role::Role;
use chrono::{Datelike, NaiveDate};
use foldhash::fast::FixedState;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;

/// How many ethnic groups are named in the chart; the rest are summed as "others".
pub const TOP_ETHNIC_GROUPS: usize = 8;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statistics {
    /// Rows that hold a child's record.
    pub records: u32,
    /// The day ages are counted on, dd/mm/yyyy; `None` when no date was given.
    pub reference_date: Option<String>,
    pub age_limit: u8,
    /// One band per age from 0 to `age_limit - 1`, then one band "age_limit and over".
    pub pyramid: Vec<AgeBand>,
    /// Records whose age is not known: no date of birth, only a year, an impossible date,
    /// or a date after the reference date.
    pub age_unknown: u32,
    /// Findings per rule, most first.
    pub by_rule: Vec<RuleCount>,
    /// The most common ethnic groups, most first (at most [`TOP_ETHNIC_GROUPS`]).
    pub ethnic_groups: Vec<NameCount>,
    /// Records of the other groups, and how many groups those are.
    pub ethnic_others: u32,
    pub ethnic_other_groups: u32,
    /// Records with no ethnic group written.
    pub ethnic_missing: u32,
    /// `false` when no column has the ethnicity role (the chart is then left out).
    pub has_ethnicity: bool,
    /// Every column with a role, in sheet order: how many records have it filled.
    pub completeness: Vec<ColumnFill>,
    /// Communes and villages written in the records, sorted, for the findings filter.
    pub places: Vec<Place>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AgeBand {
    /// Age in whole years; the last band holds this age and older.
    pub age: u8,
    pub and_over: bool,
    pub male: u32,
    pub female: u32,
    /// Gender missing or not recognised.
    pub other: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleCount {
    pub code: &'static str,
    pub severity: Severity,
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NameCount {
    pub name: String,
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ColumnFill {
    pub letter: String,
    pub header: String,
    pub role: &'static str,
    pub filled: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    pub commune: String,
    pub village: String,
    pub records: u32,
}

/// Whole years from `born` to `on` (a 29 February birthday counts from 1 March, as the
/// over-age rule does); `None` when born after `on`.
fn age_on(born: NaiveDate, on: NaiveDate) -> Option<u8> {
    if born > on {
        return None;
    }
    let years = on.year() - born.year();
    let years = if years > 0 && !reached_age(born, on, years.min(255) as u8) {
        years - 1
    } else {
        years
    };
    Some(years.clamp(0, 255) as u8)
}

pub fn statistics(cleaned: &Cleaned) -> Statistics {
    let table = &cleaned.table;
    let layout = &cleaned.layout;
    let options = &cleaned.options;
    let age_limit = options.age_limit.max(1);
    let reference = options.reference_date;
    let column = |role: Role| layout.column_of(role).map(usize::from);
    let (dob_col, gender_col, ethnic_col) = (
        column(Role::DateOfBirth),
        column(Role::Gender),
        column(Role::Ethnicity),
    );
    let (village_col, commune_col) = (column(Role::Village), column(Role::Commune));
    let legend = gender_col
        .map(|c| Legend::from_header(layout.header_of(c)))
        .unwrap_or_default();
    let roled: Vec<(usize, Role)> = layout
        .columns
        .iter()
        .filter_map(|c| c.role.map(|r| (usize::from(c.index), r)))
        .collect();

    let mut pyramid: Vec<AgeBand> = (0..=age_limit)
        .map(|age| AgeBand {
            age,
            and_over: age == age_limit,
            male: 0,
            female: 0,
            other: 0,
        })
        .collect();
    let mut age_unknown = 0;
    // Keys borrow the cells' text: no copy per record.
    // foldhash: two lookups per record of a province (SipHash, the default, is slow in wasm).
    let mut ethnic: HashMap<Cow<'_, str>, u32, FixedState> = HashMap::default();
    let mut ethnic_missing = 0;
    let mut filled = vec![0u32; roled.len()];
    let mut places: HashMap<(Cow<'_, str>, Cow<'_, str>), u32, FixedState> = HashMap::default();
    let mut records = 0u32;

    for r in 0..table.height() {
        if !cleaned.is_record.get(r).copied().unwrap_or(false) {
            continue;
        }
        records += 1;
        let cell = |c: usize| table.cell(r, c);
        let trimmed = |c: usize| match table.cell(r, c).shown() {
            Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
            Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
        };

        let age = match (dob_col, reference) {
            (Some(c), Some(on)) => match parse::parse(cell(c), on) {
                parse::Parsed::Date(born, _) => age_on(born, on),
                _ => None,
            },
            _ => None,
        };
        match age {
            Some(age) => {
                let band = &mut pyramid[usize::from(age.min(age_limit))];
                let g = gender_col.and_then(|c| gender::recognise(&trimmed(c), &legend));
                match g {
                    Some(Gender::Male) => band.male += 1,
                    Some(Gender::Female) => band.female += 1,
                    None => band.other += 1,
                }
            }
            None => age_unknown += 1,
        }

        if let Some(c) = ethnic_col {
            let name = trimmed(c);
            if name.is_empty() {
                ethnic_missing += 1;
            } else {
                *ethnic.entry(name).or_insert(0) += 1;
            }
        }

        for (k, (c, _)) in roled.iter().enumerate() {
            if !cell(*c).is_empty() {
                filled[k] += 1;
            }
        }

        if village_col.is_some() || commune_col.is_some() {
            let text = |c: Option<usize>| c.map(|c| cell(c).shown()).unwrap_or_default();
            let key = (text(commune_col), text(village_col));
            if !(key.0.trim().is_empty() && key.1.trim().is_empty()) {
                *places.entry(key).or_insert(0) += 1;
            }
        }
    }

    let mut groups: Vec<NameCount> = ethnic
        .into_iter()
        .map(|(name, count)| NameCount {
            name: name.into_owned(),
            count,
        })
        .collect();
    groups.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    let others: Vec<NameCount> = groups.split_off(groups.len().min(TOP_ETHNIC_GROUPS));

    let mut by_rule: Vec<RuleCount> = cleaned
        .summary
        .by_rule
        .iter()
        .map(|(code, count)| RuleCount {
            code,
            severity: crate::rules::by_code(code).map_or(Severity::Warning, |r| r.severity),
            count: *count,
        })
        .collect();
    // Most first; the sort is stable, so equal counts stay in code order.
    by_rule.sort_by_key(|r| std::cmp::Reverse(r.count));

    let mut places: Vec<Place> = places
        .into_iter()
        .map(|((commune, village), records)| Place {
            commune: commune.into_owned(),
            village: village.into_owned(),
            records,
        })
        .collect();
    // A total order: the same places in the same order on every run.
    places.sort_by_cached_key(|p| {
        (
            fold(&p.commune),
            fold(&p.village),
            p.commune.clone(),
            p.village.clone(),
        )
    });

    Statistics {
        records,
        reference_date: reference.map(parse::to_dmy),
        age_limit,
        pyramid,
        age_unknown,
        by_rule,
        ethnic_others: others.iter().map(|g| g.count).sum(),
        ethnic_other_groups: others.len() as u32,
        ethnic_groups: groups,
        ethnic_missing,
        has_ethnicity: ethnic_col.is_some(),
        completeness: roled
            .iter()
            .zip(filled)
            .map(|((c, role), filled)| ColumnFill {
                letter: crate::report::column_letter(*c as u16),
                header: layout.header_of(*c).to_string(),
                role: role.key(),
                filled,
            })
            .collect(),
        places,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn cleaned(csv: &str, reference: (i32, u32, u32)) -> Cleaned {
        let options = Options {
            reference_date: NaiveDate::from_ymd_opt(reference.0, reference.1, reference.2),
            ..Options::default()
        };
        crate::clean(csv.as_bytes(), "list.csv", &options, &mut |_, _, _| {}).expect("clean")
    }

    fn band(s: &Statistics, age: u8) -> (u32, u32, u32) {
        let b = &s.pyramid[usize::from(age)];
        (b.male, b.female, b.other)
    }

    const THREE: &str = "STT,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Thôn/Ấp,Xã\n\
        1,Nguyễn Văn An,25/05/2010,Nam,Kinh,Thôn 1,Xã A\n\
        2,Trần Thị Bích,26/05/2010,nữ,Tày,Thôn 1,Xã A\n\
        3,Lò Văn Páo,01/01/2026,Nam,Kinh,Thôn 2,Xã A\n";

    #[test]
    fn a_three_record_list_gives_these_pyramid_counts() {
        // On 25/05/2026 the first child has just turned 16, the second is one day short.
        let s = statistics(&cleaned(THREE, (2026, 5, 25)));
        assert_eq!(s.records, 3);
        assert_eq!(s.reference_date.as_deref(), Some("25/05/2026"));
        assert_eq!(s.pyramid.len(), 17, "ages 0 to 15, then 16 and over");
        assert!(s.pyramid[16].and_over && !s.pyramid[15].and_over);
        assert_eq!(band(&s, 16), (1, 0, 0), "Nguyễn Văn An turned 16 today");
        assert_eq!(
            band(&s, 15),
            (0, 1, 0),
            "Trần Thị Bích is 15 (\"nữ\" read as Nữ)"
        );
        assert_eq!(band(&s, 0), (1, 0, 0), "Lò Văn Páo is a baby");
        let total: u32 = s.pyramid.iter().map(|b| b.male + b.female + b.other).sum();
        assert_eq!(total, 3);
        assert_eq!(s.age_unknown, 0);
    }

    #[test]
    fn ethnic_groups_completeness_and_places() {
        let s = statistics(&cleaned(THREE, (2026, 5, 25)));
        assert!(s.has_ethnicity);
        assert_eq!(
            s.ethnic_groups,
            vec![
                NameCount {
                    name: "Kinh".into(),
                    count: 2
                },
                NameCount {
                    name: "Tày".into(),
                    count: 1
                },
            ]
        );
        assert_eq!(
            (s.ethnic_others, s.ethnic_other_groups, s.ethnic_missing),
            (0, 0, 0)
        );
        let name = s
            .completeness
            .iter()
            .find(|c| c.role == "child_name")
            .expect("name column");
        assert_eq!((name.letter.as_str(), name.filled), ("B", 3));
        assert_eq!(
            s.places,
            vec![
                Place {
                    commune: "Xã A".into(),
                    village: "Thôn 1".into(),
                    records: 2
                },
                Place {
                    commune: "Xã A".into(),
                    village: "Thôn 2".into(),
                    records: 1
                },
            ]
        );
    }

    #[test]
    fn unknown_ages_missing_genders_others_and_empty_cells() {
        let csv = "STT,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số định danh\n\
            1,Nguyễn Văn An,31/02/2015,Nam,Kinh,\n\
            2,Trần Thị Bích,2015,Nữ,,\n\
            3,Lò Văn Páo,01/06/2020,,Mông,\n\
            4,Hà Thị Mai,01/06/2030,Nữ,Thái,\n\
            5,Vi Văn Tú,01/06/2021,Nam,Nùng,\n\
            6,Lý Thị Sa,01/06/2021,Nữ,Dao,\n\
            7,Đinh Văn Bé,01/06/2021,Nam,Mường,\n\
            8,Giàng A Dơ,01/06/2021,Nam,Khmer,\n\
            9,Lục Thị Hoa,01/06/2021,Nữ,Hoa,\n\
            10,Bế Văn Lâm,01/06/2021,Nam,Sán Dìu,\n\
            11,Ma Thị Liên,01/06/2021,Nữ,Sán Chay,\n";
        let s = statistics(&cleaned(csv, (2026, 11, 27)));
        assert_eq!(s.records, 11);
        // Impossible date, year only, born after the reference date.
        assert_eq!(s.age_unknown, 3);
        assert_eq!(band(&s, 6), (0, 0, 1), "gender missing");
        assert_eq!(band(&s, 5), (4, 3, 0));
        assert_eq!(s.ethnic_missing, 1);
        assert_eq!(s.ethnic_groups.len(), TOP_ETHNIC_GROUPS);
        let named: u32 = s.ethnic_groups.iter().map(|g| g.count).sum();
        assert_eq!(named + s.ethnic_others + s.ethnic_missing, 11);
        assert_eq!((s.ethnic_others, s.ethnic_other_groups), (2, 2));
        let id = s
            .completeness
            .iter()
            .find(|c| c.role == "personal_id")
            .expect("id column");
        assert_eq!(id.filled, 0);
        assert!(s.places.is_empty());
        // Findings by rule, most first, with their severity.
        assert!(s.by_rule.windows(2).all(|w| w[0].count >= w[1].count));
        let invalid = s
            .by_rule
            .iter()
            .find(|r| r.code == "dob.invalid")
            .expect("dob.invalid");
        assert_eq!((invalid.count, invalid.severity), (1, Severity::Error));
    }

    #[test]
    fn ages_count_whole_years() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(age_on(d(2010, 5, 25), d(2026, 5, 24)), Some(15));
        assert_eq!(age_on(d(2010, 5, 25), d(2026, 5, 25)), Some(16));
        assert_eq!(age_on(d(2012, 2, 29), d(2026, 2, 28)), Some(13));
        assert_eq!(age_on(d(2012, 2, 29), d(2026, 3, 1)), Some(14));
        assert_eq!(age_on(d(2026, 5, 25), d(2026, 5, 25)), Some(0));
        assert_eq!(age_on(d(2026, 5, 26), d(2026, 5, 25)), None);
    }
}
