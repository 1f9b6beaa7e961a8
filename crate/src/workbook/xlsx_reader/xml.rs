//! Just enough XML for the two large parts of an xlsx (the sheet's cells and the shared
//! strings): tags, attributes and text found with memchr over the bytes, no event objects.
//! Anything this does not understand makes the caller give the file to calamine.

use memchr::{memchr, memchr3, memmem};
use std::borrow::Cow;

/// A start tag: `<name attrs>` or `<name attrs/>`.
pub struct Tag<'a> {
    /// The qualified name (`c`, `x:c`).
    pub name: &'a [u8],
    pub attrs: &'a [u8],
    /// `<name/>`: no content and no end tag.
    pub empty: bool,
    /// The index just past the tag's `>`.
    pub end: usize,
}

impl Tag<'_> {
    pub fn local(&self) -> &[u8] {
        local(self.name)
    }

    pub fn attr(&self, key: &[u8]) -> Option<&[u8]> {
        attr(self.attrs, key)
    }
}

/// The name without its namespace prefix.
pub fn local(name: &[u8]) -> &[u8] {
    match memchr::memrchr(b':', name) {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// What stands at a `<`.
pub enum Markup<'a> {
    Start(Tag<'a>),
    /// An end tag's qualified name, and the index past its `>`.
    End(&'a [u8], usize),
    /// A comment, processing instruction or CDATA section: its end.
    Other(usize),
}

/// The markup at `xml[at] == b'<'`; `None` when it is cut off or malformed.
pub fn markup(xml: &[u8], at: usize) -> Option<Markup<'_>> {
    match *xml.get(at + 1)? {
        b'/' => {
            let close = at + 2 + memchr(b'>', &xml[at + 2..])?;
            Some(Markup::End(xml[at + 2..close].trim_ascii(), close + 1))
        }
        b'?' => Some(Markup::Other(
            at + 2 + memmem::find(&xml[at + 2..], b"?>")? + 2,
        )),
        b'!' => {
            let rest = &xml[at..];
            if rest.starts_with(b"<!--") {
                Some(Markup::Other(
                    at + 4 + memmem::find(&rest[4..], b"-->")? + 3,
                ))
            } else if rest.starts_with(b"<![CDATA[") {
                Some(Markup::Other(
                    at + 9 + memmem::find(&rest[9..], b"]]>")? + 3,
                ))
            } else {
                // A DOCTYPE could declare entities: not ours to read.
                None
            }
        }
        _ => start_tag(xml, at).map(Markup::Start),
    }
}

fn start_tag(xml: &[u8], at: usize) -> Option<Tag<'_>> {
    let from = at + 1;
    let name_len = xml[from..]
        .iter()
        .position(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>'))?;
    if name_len == 0 {
        return None;
    }
    let name = &xml[from..from + name_len];
    // The tag ends at the first `>` outside quotes (a value may hold a raw `>`).
    let mut i = from + name_len;
    loop {
        i += memchr3(b'>', b'"', b'\'', &xml[i..])?;
        match xml[i] {
            b'>' => break,
            quote => i += 1 + memchr(quote, &xml[i + 1..])? + 1,
        }
    }
    let empty = xml[i - 1] == b'/' && i > from + name_len;
    let attrs_end = if empty { i - 1 } else { i };
    Some(Tag {
        name,
        attrs: &xml[from + name_len..attrs_end],
        empty,
        end: i + 1,
    })
}

/// The raw value of the attribute named exactly `key`.
pub fn attr<'a>(attrs: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let mut rest = attrs;
    loop {
        let start = rest.iter().position(|b| !b.is_ascii_whitespace())?;
        rest = &rest[start..];
        let eq = memchr(b'=', rest)?;
        let name = rest[..eq].trim_ascii();
        let after = &rest[eq + 1..];
        let q = after.iter().position(|b| !b.is_ascii_whitespace())?;
        let quote = after[q];
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let value_start = q + 1;
        let value_len = memchr(quote, &after[value_start..])?;
        let value = &after[value_start..value_start + value_len];
        if name == key {
            return Some(value);
        }
        rest = &after[value_start + value_len + 1..];
    }
}

/// Character data as an XML 1.0 reader reports it: line ends normalised to `\n`, then the
/// five entities and character references replaced. `None` for bad UTF-8 or an unknown
/// entity.
pub fn text(raw: &[u8]) -> Option<Cow<'_, str>> {
    let raw = std::str::from_utf8(raw).ok()?;
    let normalized: Cow<'_, str> = if raw.contains('\r') {
        Cow::Owned(raw.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(raw)
    };
    if !normalized.contains('&') {
        return Some(normalized);
    }
    let unescaped = quick_xml::escape::unescape(&normalized).ok()?.into_owned();
    Some(Cow::Owned(unescaped))
}

/// Excel's `_xHHHH_` escapes (a UTF-16 code unit each; `_x005F_` escapes the underscore),
/// decoded as calamine does so that both readers give the same text.
pub fn excel_unescape(text: &str) -> Cow<'_, str> {
    if !text.contains("_x") {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let unit_at = |i: usize| -> Option<u16> {
        let b = bytes.get(i..i + 7)?;
        if b[0] != b'_'
            || b[1] != b'x'
            || b[6] != b'_'
            || !b[2..6].iter().all(u8::is_ascii_hexdigit)
        {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&b[2..6]).ok()?, 16).ok()
    };
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(offset) = memchr(b'_', &bytes[i..]) {
        let at = i + offset;
        let Some(unit) = unit_at(at) else {
            i = at + 1;
            continue;
        };
        out.push_str(&text[copied..at]);
        let mut next = at + 7;
        let ch = match unit {
            0xD800..=0xDBFF => match unit_at(next) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    next += 7;
                    char::from_u32(
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00),
                    )
                }
                _ => None,
            },
            0xDC00..=0xDFFF => None,
            _ => char::from_u32(u32::from(unit)),
        };
        out.push(ch.unwrap_or(char::REPLACEMENT_CHARACTER));
        copied = next;
        i = next;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Rich text (`<si>` of the shared strings, `<is>` of an inline string) that starts at
/// `from`, after the opening tag named `closing`: the `<t>` runs joined, phonetic runs
/// (`<rPh>`) left out, each run trimmed unless `xml:space="preserve"`. Returns the text and
/// the index past the closing tag.
pub fn rich_text(xml: &[u8], from: usize, closing: &[u8]) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut phonetic = false;
    let mut at = from;
    loop {
        at += memchr(b'<', &xml[at..])?;
        match markup(xml, at)? {
            Markup::End(name, end) => {
                if name == closing {
                    return Some((out, end));
                }
                if local(name) == b"rPh" {
                    phonetic = false;
                }
                at = end;
            }
            Markup::Other(end) => at = end,
            Markup::Start(tag) => {
                at = tag.end;
                match tag.local() {
                    b"rPh" if !tag.empty => phonetic = true,
                    b"t" if !tag.empty => {
                        let close = at + memchr(b'<', &xml[at..])?;
                        // A comment or CDATA inside a run: leave it to calamine.
                        let Markup::End(name, end) = markup(xml, close)? else {
                            return None;
                        };
                        if name != tag.name {
                            return None;
                        }
                        if !phonetic {
                            let value = text(&xml[at..close])?;
                            let value = if tag.attr(b"xml:space") == Some(b"preserve") {
                                &value
                            } else {
                                value.trim_matches([' ', '\t', '\r', '\n'])
                            };
                            out.push_str(&excel_unescape(value));
                        }
                        at = end;
                    }
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_and_quotes() {
        let xml = br#"<c r="B2" s='3' t="s" x="a>b"><v>7</v></c>"#;
        let Some(Markup::Start(tag)) = markup(xml, 0) else {
            panic!("a start tag")
        };
        assert_eq!(tag.name, b"c");
        assert_eq!(tag.attr(b"r"), Some(&b"B2"[..]));
        assert_eq!(tag.attr(b"s"), Some(&b"3"[..]));
        assert_eq!(tag.attr(b"x"), Some(&b"a>b"[..]));
        assert_eq!(tag.attr(b"y"), None);
        assert!(!tag.empty);
        assert_eq!(&xml[tag.end..tag.end + 3], b"<v>");
        let Some(Markup::Start(empty)) = markup(b"<x:c r=\"A1\"/>", 0) else {
            panic!("an empty tag")
        };
        assert!(empty.empty);
        assert_eq!(empty.local(), b"c");
        assert!(markup(b"<c r=\"A1", 0).is_none());
    }

    #[test]
    fn text_line_ends_entities_and_excel_escapes() {
        assert_eq!(text(b"a\r\nb\rc").unwrap(), "a\nb\nc");
        assert_eq!(text(b"&lt;&amp;&#13;&#x41;").unwrap(), "<&\rA");
        assert!(text(b"&nbsp;").is_none());
        assert_eq!(excel_unescape("a_x000D_b"), "a\rb");
        assert_eq!(excel_unescape("_xD83D__xDCF7_"), "\u{1F4F7}");
        assert_eq!(excel_unescape("_x005F_x000D_"), "_x000D_");
        assert_eq!(excel_unescape("x_xZZZZ_"), "x_xZZZZ_");
        assert_eq!(excel_unescape("_xDC00_"), "\u{FFFD}");
    }

    #[test]
    fn rich_text_joins_runs_and_skips_phonetics() {
        let xml = br#"<si><r><rPr><b/></rPr><t xml:space="preserve">Nguy&#7877;n </t></r><r><t> V&#259;n </t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>tail"#;
        let (text, end) = rich_text(xml, 4, b"si").unwrap();
        assert_eq!(text, "Nguyễn Văn");
        assert_eq!(&xml[end..], b"tail");
    }
}
