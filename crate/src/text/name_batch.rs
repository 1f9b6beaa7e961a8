//! Person names cleaned in batches by another worker: the page's first worker cleans every
//! other column of a province's list while its second worker cleans the names (two thirds
//! of the cell cleaning), and they share no memory. A batch holds the name cells of some
//! rows with how to clean them; its answer holds only the cells with a change or a doubt.

use super::{clean_text_cow, ColumnEncoding, TextKind, TextOptions, ToneStyle};

/// Name cells to clean elsewhere, as bytes for [`clean_batch`].
pub struct NameBatch {
    /// The options ([`OPTIONS`] bytes), then the cells.
    bytes: Vec<u8>,
}

/// The bytes of a batch's options: tone style and casing.
const OPTIONS: usize = 2;

/// About this many bytes of names in a batch: small for the other worker's memory, large
/// enough that the messages cost nothing.
pub const BATCH_BYTES: usize = 1 << 20;

impl NameBatch {
    /// The options every name of the batch is cleaned with (the column's encoding apart).
    pub fn new(tone_style: ToneStyle, name_casing: bool) -> NameBatch {
        let style = match tone_style {
            ToneStyle::Keep => 0,
            ToneStyle::Old => 1,
            ToneStyle::New => 2,
        };
        // No room made yet: most cleanings (the CLI's) send no batch.
        NameBatch {
            bytes: vec![style, u8::from(name_casing)],
        }
    }

    /// The name in sheet row index `row`, column `col`, of a column voted `encoding`.
    pub fn push(&mut self, row: u32, col: u16, encoding: ColumnEncoding, text: &str) {
        self.bytes.extend_from_slice(&row.to_le_bytes());
        self.bytes.extend_from_slice(&col.to_le_bytes());
        self.bytes.push(encoding_byte(encoding));
        self.bytes
            .extend_from_slice(&(text.len() as u32).to_le_bytes());
        self.bytes.extend_from_slice(text.as_bytes());
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.len() == OPTIONS
    }

    pub fn is_full(&self) -> bool {
        self.bytes.len() >= BATCH_BYTES
    }

    /// The batch's bytes; this batch starts again empty, with the same options.
    pub fn take(&mut self) -> Vec<u8> {
        let mut fresh = Vec::with_capacity(BATCH_BYTES + 4096);
        fresh.extend_from_slice(&self.bytes[..OPTIONS]);
        std::mem::replace(&mut self.bytes, fresh)
    }
}

fn encoding_byte(e: ColumnEncoding) -> u8 {
    ColumnEncoding::ALL
        .iter()
        .position(|x| *x == e)
        .unwrap_or(0) as u8
}

/// The other worker's side: each name of the batch cleaned; the answer lists the cells with
/// changes (see [`answers`]). `None` if the bytes are not a batch.
pub fn clean_batch(batch: &[u8]) -> Option<Vec<u8>> {
    let mut r = Reader(batch);
    let tone_style = match r.u8()? {
        0 => ToneStyle::Keep,
        1 => ToneStyle::Old,
        2 => ToneStyle::New,
        _ => return None,
    };
    let name_casing = r.u8()? != 0;
    let mut out = Vec::new();
    while !r.0.is_empty() {
        let (row, col) = (r.u32()?, r.u16()?);
        let column = *ColumnEncoding::ALL.get(usize::from(r.u8()?))?;
        let text = r.text()?;
        let options = TextOptions {
            kind: TextKind::PersonName,
            tone_style,
            name_casing,
            column,
        };
        let (clean, changes) = clean_text_cow(text, &options);
        if changes.is_empty() {
            continue;
        }
        out.extend_from_slice(&row.to_le_bytes());
        out.extend_from_slice(&col.to_le_bytes());
        out.extend_from_slice(&(clean.len() as u32).to_le_bytes());
        out.extend_from_slice(clean.as_bytes());
        out.push(changes.len() as u8);
        for change in changes {
            let code = change.code();
            out.push(code.len() as u8);
            out.extend_from_slice(code.as_bytes());
        }
    }
    Some(out)
}

/// One cleaned name of an answer: where it is, its clean text, and the codes of its
/// changes in order.
pub struct Answer<'a> {
    pub row: u32,
    pub col: u16,
    pub text: &'a str,
    pub codes: Vec<&'a str>,
}

/// The cells of an answer of [`clean_batch`]; `None` if the bytes are not such.
pub fn answers(answer: &[u8]) -> Option<Vec<Answer<'_>>> {
    let mut r = Reader(answer);
    let mut out = Vec::new();
    while !r.0.is_empty() {
        let (row, col, text) = (r.u32()?, r.u16()?, r.text()?);
        let codes = (0..r.u8()?)
            .map(|_| {
                let n = usize::from(r.u8()?);
                std::str::from_utf8(r.take(n)?).ok()
            })
            .collect::<Option<Vec<&str>>>()?;
        out.push(Answer {
            row,
            col,
            text,
            codes,
        });
    }
    Some(out)
}

/// Reads little-endian numbers and texts off the front of the bytes.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (taken, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(taken)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn text(&mut self) -> Option<&'a str> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn name() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("Nguyễn Văn An".to_string()),
            Just("nguyễn  thị   hoà".to_string()),
            Just("NguyÔn ThÞ Hång".to_string()),
            Just("Le\u{0301} Va\u{0306}n".to_string()),
            "[a-zA-Z ']{0,16}",
            "\\PC{0,12}",
        ]
    }

    proptest! {
        /// A batch cleaned elsewhere gives each name exactly what cleaning it here gives.
        #[test]
        fn a_batch_cleans_each_name_as_here(
            names in proptest::collection::vec((name(), 0usize..6), 0..30),
            style in 0usize..3,
            casing in any::<bool>(),
        ) {
            let tone_style = [ToneStyle::Keep, ToneStyle::Old, ToneStyle::New][style];
            let mut batch = NameBatch::new(tone_style, casing);
            for (i, (text, e)) in names.iter().enumerate() {
                batch.push(i as u32 + 5, (i % 3) as u16, ColumnEncoding::ALL[*e], text);
            }
            let answer = clean_batch(&batch.take()).expect("a batch");
            let answered = answers(&answer).expect("an answer");
            let mut answered = answered.iter();
            for (i, (text, e)) in names.iter().enumerate() {
                let options = TextOptions { kind: TextKind::PersonName, tone_style, name_casing: casing, column: ColumnEncoding::ALL[*e] };
                let (clean, changes) = clean_text_cow(text, &options);
                if changes.is_empty() {
                    continue;
                }
                let a = answered.next().expect("an answer for each name with changes");
                prop_assert_eq!((a.row, a.col), (i as u32 + 5, (i % 3) as u16));
                prop_assert_eq!(a.text, clean.as_ref());
                let codes: Vec<&str> = changes.iter().map(|c| c.code()).collect();
                prop_assert_eq!(&a.codes, &codes);
            }
            prop_assert!(answered.next().is_none(), "no answer for a name without changes");
            prop_assert!(batch.is_empty(), "taken: empty again");
        }
    }

    #[test]
    fn damaged_bytes_are_not_a_batch() {
        assert!(clean_batch(&[9, 0]).is_none(), "no such tone style");
        let mut batch = NameBatch::new(ToneStyle::Keep, true);
        batch.push(1, 2, ColumnEncoding::Unicode, "Lê Văn");
        let bytes = batch.take();
        assert!(
            clean_batch(&bytes[..bytes.len() - 1]).is_none(),
            "cut short"
        );
        assert!(answers(&[1, 2, 3]).is_none());
    }
}
