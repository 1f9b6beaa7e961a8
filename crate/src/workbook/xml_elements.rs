//! Elements and attributes of the small XML parts read whole with quick-xml: the
//! workbook, its relationships, styles, merged areas, and XML Spreadsheet 2003 cells.

use quick_xml::events::{BytesStart, Event};

/// An attribute by local name (`ss:Index` and `Index` alike), unescaped.
pub(crate) fn attr(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Every element named `local` (any prefix) of an XML text, by its attributes; `None` when
/// the XML is malformed (the elements before the fault have been seen).
pub(crate) fn elements(
    xml: &str,
    local: &str,
    mut each: impl FnMut(&BytesStart<'_>),
) -> Option<()> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == local => each(&e),
            Event::Eof => return Some(()),
            _ => {}
        }
    }
}
