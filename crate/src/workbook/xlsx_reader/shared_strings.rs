//! `xl/sharedStrings.xml`: the texts that cells of type `s` point to, streamed string by
//! string (a province's list has about 700,000 of them).

use super::pieces::Pieces;
use super::source::Source;
use super::xml::{self, Markup};
use crate::workbook::table::Text;
use memchr::{memchr, memmem};

/// Every `<si>` in order; `None` when the part is not as expected.
pub async fn read(part: impl Source) -> Option<Vec<Text>> {
    let mut pieces = Pieces::new(part);
    // The <sst> tag, its prefix and the count it announces.
    let (prefix, after, count) = loop {
        if let Some(found) = find_sst(pieces.window()) {
            break found?;
        }
        pieces.more().await?;
    };
    pieces.consume(after);
    let mut strings: Vec<Text> = Vec::with_capacity(count.min(4 << 20));
    let si_end = [&b"</"[..], &prefix, b"si>"].concat();
    let sst_end = [&b"</"[..], &prefix, b"sst>"].concat();
    let si_end = memmem::FinderRev::new(&si_end);
    let sst_end = memmem::Finder::new(&sst_end);
    loop {
        let window = pieces.window();
        if let Some(end) = sst_end.find(window) {
            strings_in(&window[..end], &mut strings)?;
            return Some(strings);
        }
        if let Some(end) = si_end.rfind(window) {
            let end = end + si_end.needle().len();
            strings_in(&window[..end], &mut strings)?;
            pieces.consume(end);
        }
        pieces.more().await?;
    }
}

/// `Some(Some((prefix, index past <sst>, count)))`; `Some(None)` for a part that is not a
/// string table; `None` when the tag has not arrived yet.
#[allow(clippy::type_complexity)]
fn find_sst(buf: &[u8]) -> Option<Option<(Vec<u8>, usize, usize)>> {
    let mut at = 0;
    loop {
        at += memchr(b'<', &buf[at..])?;
        match xml::markup(buf, at)? {
            Markup::Other(end) => at = end,
            Markup::End(..) => return Some(None),
            Markup::Start(tag) => {
                if tag.local() != b"sst" || tag.empty {
                    return Some(None);
                }
                let prefix = &tag.name[..tag.name.len() - 3];
                let count = tag
                    .attr(b"uniqueCount")
                    .and_then(|c| std::str::from_utf8(c).ok()?.parse().ok())
                    .unwrap_or(0);
                return Some(Some((prefix.to_vec(), tag.end, count)));
            }
        }
    }
}

/// The strings of complete `<si>` elements.
fn strings_in(xml: &[u8], strings: &mut Vec<Text>) -> Option<()> {
    let mut at = 0;
    while let Some(offset) = memchr(b'<', &xml[at..]) {
        let lt = at + offset;
        match xml::markup(xml, lt)? {
            Markup::Start(tag) if tag.local() == b"si" => {
                if tag.empty {
                    strings.push(Text::default());
                    at = tag.end;
                } else {
                    let (text, end) = xml::rich_text(xml, tag.end, tag.name)?;
                    strings.push(Text::from(text));
                    at = end;
                }
            }
            Markup::Start(tag) => at = tag.end,
            Markup::End(_, end) | Markup::Other(end) => at = end,
        }
    }
    Some(())
}
