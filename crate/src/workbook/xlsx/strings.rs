//! The shared-strings table: each distinct text is stored once and cells refer to it by
//! number. A province's list repeats its villages, ethnic groups and messages hundreds of
//! thousands of times, so this keeps the sheets small and quick to compress. Texts are
//! borrowed from the cleaned table where they can be: no copy per cell.

use super::xml;
use hashbrown::HashTable;
use std::borrow::Cow;
use std::hash::BuildHasher;

pub struct SharedStrings<'a> {
    texts: Vec<Cow<'a, str>>,
    /// (number, 32-bit hash): growing the table re-hashes from the stored hash instead of
    /// reading every text again (a province's texts are spread over 200 MB of cells), and
    /// most mismatches are told apart without reading the text.
    index: HashTable<(u32, u32)>,
    hasher: foldhash::fast::FixedState,
    /// Cells that refer to a shared string (the `count` attribute), counted by
    /// [`SharedStrings::used`].
    uses: u64,
}

impl<'a> SharedStrings<'a> {
    pub fn new() -> Self {
        SharedStrings {
            texts: Vec::new(),
            index: HashTable::new(),
            hasher: foldhash::fast::FixedState::default(),
            uses: 0,
        }
    }

    /// The number of `text`, adding it if it is new.
    pub fn id(&mut self, text: Cow<'a, str>) -> u32 {
        self.find_or_add(text).0
    }

    /// The number of `text`, and whether it was already in the table.
    pub fn find_or_add(&mut self, text: Cow<'a, str>) -> (u32, bool) {
        let h = self.hasher.hash_one(text.as_ref()) as u32;
        let texts = &self.texts;
        if let Some(&(id, _)) = self.index.find(spread(h), |&(id, eh)| {
            eh == h && texts[id as usize].as_ref() == text.as_ref()
        }) {
            return (id, true);
        }
        let id = self.add(text);
        self.index
            .insert_unique(spread(h), (id, h), |&(_, h)| spread(h));
        (id, false)
    }

    /// Adds `text` without looking for it: for texts that are almost all distinct. The
    /// table may then hold a text twice, which the format allows.
    pub fn add(&mut self, text: Cow<'a, str>) -> u32 {
        let id = self.texts.len() as u32;
        self.texts.push(text);
        id
    }

    /// `id` again for one more cell, if shared string `id` is `text` (a quick check before
    /// a lookup).
    pub fn again(&mut self, id: u32, text: &str) -> Option<u32> {
        let same = self
            .texts
            .get(id as usize)
            .is_some_and(|t| t.as_ref() == text);
        same.then_some(id)
    }

    /// `cells` more cells refer to a shared string.
    pub fn used(&mut self, cells: u64) {
        self.uses += cells;
    }

    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// `xl/sharedStrings.xml`, written in pieces of about `chunk` bytes to `sink`.
    pub fn write_xml(
        &self,
        chunk: usize,
        mut sink: impl FnMut(&[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let mut out = Vec::with_capacity(chunk + 1024);
        out.extend_from_slice(super::XML_DECLARATION);
        out.extend_from_slice(
            b"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"",
        );
        out.extend_from_slice(self.uses.to_string().as_bytes());
        out.extend_from_slice(b"\" uniqueCount=\"");
        xml::push_u32(&mut out, self.texts.len() as u32);
        out.extend_from_slice(b"\">");
        for text in &self.texts {
            if xml::needs_preserve(text) {
                out.extend_from_slice(b"<si><t xml:space=\"preserve\">");
            } else {
                out.extend_from_slice(b"<si><t>");
            }
            xml::push_text(&mut out, text);
            out.extend_from_slice(b"</t></si>");
            if out.len() >= chunk {
                sink(&out)?;
                out.clear();
            }
        }
        out.extend_from_slice(b"</sst>");
        sink(&out)
    }
}

/// The table's 64-bit hash from the stored 32 bits: hashbrown takes its bucket from the low
/// bits and its tag from the top seven.
fn spread(h: u32) -> u64 {
    (u64::from(h) << 32) | u64::from(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_text_is_stored_once() {
        let mut sst = SharedStrings::new();
        // Three cells refer to two texts.
        assert_eq!(sst.id("Kinh".into()), 0);
        assert_eq!(sst.id("Tày".into()), 1);
        assert_eq!(sst.id(String::from("Kinh").into()), 0);
        sst.used(3);
        let mut xml = Vec::new();
        sst.write_xml(4, |b| {
            xml.extend_from_slice(b);
            Ok(())
        })
        .unwrap();
        let xml = String::from_utf8(xml).unwrap();
        assert!(xml.contains("count=\"3\" uniqueCount=\"2\""), "{xml}");
        assert!(xml.ends_with("<si><t>Kinh</t></si><si><t>Tày</t></si></sst>"));
    }
}
