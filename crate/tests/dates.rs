//! The date-of-birth parser against an independent date library (`time`): every day from
//! 2000-01-01 to 2030-12-31, written in every supported form, reads back as that day.

use lamsach::fields::date_of_birth::parse::{parse, parse_text, Parsed};
use lamsach::workbook::table::Cell;
use time::macros::{date, format_description};

fn reference() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2030, 12, 31).expect("date")
}

#[test]
fn every_day_in_every_form_round_trips() {
    let forms = [
        format_description!("[day]/[month]/[year]"),
        format_description!("[day padding:none]/[month padding:none]/[year]"),
        format_description!("[day]-[month]-[year]"),
        format_description!("[day].[month].[year]"),
        format_description!("[year]-[month]-[day]"),
        format_description!("[year][month][day]"),
        format_description!("[day]/[month]/[year repr:last_two]"),
        format_description!("ngày [day padding:none] tháng [month padding:none] năm [year]"),
    ];
    let excel_epoch = date!(1899 - 12 - 30);
    let mut day = date!(2000 - 01 - 01);
    let mut checked = 0;
    while day <= date!(2030 - 12 - 31) {
        let want = (
            day.year(),
            u32::from(u8::from(day.month())),
            u32::from(day.day()),
        );
        for form in &forms {
            let text = day.format(form).expect("format");
            match parse_text(&text, reference()) {
                Parsed::Date(d, _) => {
                    use chrono::Datelike;
                    assert_eq!((d.year(), d.month(), d.day()), want, "{text}");
                }
                other => panic!("{text} read as {other:?}"),
            }
            checked += 1;
        }
        // A number cell holding the day's Excel serial (a date that lost its format).
        let serial = (day - excel_epoch).whole_days() as f64;
        match parse(&Cell::Number(serial), reference()) {
            Parsed::Date(d, _) => {
                use chrono::Datelike;
                assert_eq!((d.year(), d.month(), d.day()), want, "serial {serial}");
            }
            other => panic!("serial {serial} read as {other:?}"),
        }
        day = day.next_day().expect("next day");
    }
    assert_eq!(checked, 11_323 * 8);
}

#[test]
fn impossible_dates_are_invalid_not_shifted() {
    for text in [
        "29/02/2013",
        "31/04/2015",
        "00/01/2015",
        "32/01/2015",
        "15/13/2015",
        "30/02/2020",
    ] {
        assert_eq!(parse_text(text, reference()), Parsed::Invalid, "{text}");
    }
    assert!(matches!(
        parse_text("29/02/2012", reference()),
        Parsed::Date(..)
    ));
}
