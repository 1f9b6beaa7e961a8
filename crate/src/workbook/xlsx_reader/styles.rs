//! Which cell styles show a number as a date: `xl/styles.xml`'s number formats and cell
//! formats, read as calamine reads them so both readers turn the same cells into dates.

use crate::workbook::xml_elements::attr;
use quick_xml::events::Event;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberKind {
    Other,
    DateTime,
    /// `[h]:mm` and the like: a duration, kept as a number.
    TimeDelta,
}

/// The kind of number each cell format (`s` attribute, by index) shows; `None` when the
/// part is malformed (the caller then leaves the file to calamine).
pub fn number_kinds(xml: &str) -> Option<Vec<NumberKind>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    reader.config_mut().check_end_names = false;
    let mut custom: HashMap<String, String> = HashMap::new();
    let mut kinds = Vec::new();
    let mut in_cell_xfs = false;
    let mut in_num_fmts = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) => match e.local_name().as_ref() {
                "numFmts" => in_num_fmts = true,
                "numFmt" if in_num_fmts => {
                    if let (Some(id), Some(code)) = (attr(&e, "numFmtId"), attr(&e, "formatCode")) {
                        custom.insert(id, code);
                    }
                }
                "cellXfs" => in_cell_xfs = true,
                "xf" if in_cell_xfs => {
                    kinds.push(match attr(&e, "numFmtId") {
                        None => NumberKind::Other,
                        Some(id) => match custom.get(&id) {
                            Some(code) => custom_kind(code),
                            None => builtin_kind(&id),
                        },
                    });
                    // The xf's own children (alignment, protection) are not xfs.
                    reader.read_to_end(e.name()).ok()?;
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "numFmts" => in_num_fmts = false,
                "cellXfs" => in_cell_xfs = false,
                "styleSheet" => return Some(kinds),
                _ => {}
            },
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// Excel's built-in number formats that show dates and times (ECMA-376 18.8.30, with the
/// East Asian ones).
fn builtin_kind(id: &str) -> NumberKind {
    match id {
        "14" | "15" | "16" | "17" | "18" | "19" | "20" | "21" | "22" | "45" | "47" | "27"
        | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" | "50" | "51" | "52"
        | "53" | "54" | "55" | "56" | "57" | "58" => NumberKind::DateTime,
        "46" => NumberKind::TimeDelta,
        _ => NumberKind::Other,
    }
}

/// Whether a custom format code shows a date: a d, m, y, h or s outside quotes, escapes and
/// brackets in its first section; `[h]`, `[m]`, `[s]` make a duration. The same walk as
/// calamine's `detect_custom_number_format` (MIT), so the two readers agree.
fn custom_kind(format: &str) -> NumberKind {
    let mut escaped = false;
    let mut is_quote = false;
    let mut brackets = 0u8;
    let mut prev = ' ';
    let mut hms = false;
    let mut ap = false;
    for s in format.chars() {
        match (s, escaped, is_quote, ap, brackets) {
            (_, true, ..) => escaped = false,
            ('_' | '\\' | '*', ..) => escaped = true,
            ('"', _, true, _, _) => is_quote = false,
            (_, _, true, _, _) => (),
            ('"', _, _, _, _) => is_quote = true,
            (';', ..) => return NumberKind::Other,
            ('[', ..) => brackets += 1,
            (']', .., 1) if hms => return NumberKind::TimeDelta,
            (']', ..) => brackets = brackets.saturating_sub(1),
            ('a' | 'A', _, _, false, 0) => ap = true,
            ('p' | 'm' | '/' | 'P' | 'M', _, _, true, 0) => return NumberKind::DateTime,
            ('d' | 'm' | 'h' | 'y' | 's' | 'D' | 'M' | 'H' | 'Y' | 'S', _, _, false, 0) => {
                return NumberKind::DateTime
            }
            _ => {
                if !(hms && s.eq_ignore_ascii_case(&prev)) {
                    hms = prev == '[' && matches!(s, 'm' | 'h' | 's' | 'M' | 'H' | 'S');
                }
            }
        }
        prev = s;
    }
    NumberKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_by_cell_format() {
        let xml = r#"<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;Y&quot;0"/><numFmt numFmtId="166" formatCode="[h]:mm"/></numFmts>
<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"><alignment wrapText="1"/></xf><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="166"/><xf/></cellXfs></styleSheet>"#;
        assert_eq!(
            number_kinds(xml).unwrap(),
            vec![
                NumberKind::Other,
                NumberKind::DateTime,
                NumberKind::Other,
                NumberKind::DateTime,
                NumberKind::TimeDelta,
                NumberKind::Other
            ]
        );
    }
}
