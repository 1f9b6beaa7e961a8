//! Tone-mark placement in the open clusters oa, oe, uy: old style "hoà, khoẻ, thuỷ" (tone on the
//! second vowel, MOET 1989/QĐ-BGDĐT) or new style "hòa, khỏe, thủy" (on the first). Only the
//! tone mark moves; letters never change, so i/y spellings (Lý/Lí, Kỳ/Kì) are left alone.

use std::borrow::Cow;

use super::syllable::{self, Word};
use super::ToneStyle;

/// The word with its tone moved to `style`'s position, or None when nothing moves (not an open
/// oa/oe/uy syllable, no tone, or not a standard syllable at all).
fn restyle_word(word: &str, style: ToneStyle) -> Option<String> {
    if style == ToneStyle::Keep {
        return None;
    }
    let w = Word::parse(word)?;
    if w.tones != 1 {
        return None;
    }
    let on = syllable::onset_len(&w)?;
    let rhyme = &w.codes()[on..];
    let vowels = rhyme.iter().take_while(|&&c| syllable::is_vowel(c)).count();
    if vowels != 2 || rhyme.len() != 2 || w.tone_at < on {
        return None;
    }
    let (old, new) = syllable::tone_slots(rhyme, false);
    if old == new {
        return None;
    }
    let at = w.tone_at - on;
    let target = if style == ToneStyle::Old { old } else { new };
    if at == target || (at != old && at != new) {
        return None;
    }
    let mut out = String::with_capacity(word.len());
    for (i, &code) in w.codes().iter().enumerate() {
        let tone = if i == on + target { w.tone } else { 0 };
        out.push(syllable::compose_letter(
            code,
            tone,
            w.upper_mask & (1 << i) != 0,
        )?);
    }
    Some(out)
}

/// Applies a tone style to every word of an NFC text. Borrowed when nothing moves.
pub(crate) fn apply(s: &str, style: ToneStyle) -> Cow<'_, str> {
    if style == ToneStyle::Keep || s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out: Option<String> = None;
    let mut last = 0;
    let mut start: Option<usize> = None;
    // Words are maximal runs of Vietnamese letters; apostrophes and hyphens split them.
    let flush = |from: usize, to: usize, out: &mut Option<String>, last: &mut usize| {
        if let Some(new) = s.get(from..to).and_then(|w| restyle_word(w, style)) {
            let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
            o.push_str(s.get(*last..from).unwrap_or(""));
            o.push_str(&new);
            *last = to;
        }
    };
    for (i, c) in s.char_indices() {
        let is_letter = syllable::letter(c).is_some();
        match (is_letter, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                flush(st, i, &mut out, &mut last);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        flush(st, s.len(), &mut out, &mut last);
    }
    match out {
        Some(mut o) => {
            o.push_str(s.get(last..).unwrap_or(""));
            Cow::Owned(o)
        }
        None => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_only_oa_oe_uy() {
        let old = |s: &str| apply(s, ToneStyle::Old).into_owned();
        let new = |s: &str| apply(s, ToneStyle::New).into_owned();
        assert_eq!(new("Hoà Bình"), "Hòa Bình");
        assert_eq!(old("Hòa Bình"), "Hoà Bình");
        assert_eq!(new("Lê Thị Thuỷ"), "Lê Thị Thủy");
        assert_eq!(old("THỦY"), "THUỶ");
        assert_eq!(new("khoẻ"), "khỏe");
        assert_eq!(
            new("Hoàng Quý Quỳnh Lý Lí Kỳ Kì Mỹ Mĩ của lụa người"),
            "Hoàng Quý Quỳnh Lý Lí Kỳ Kì Mỹ Mĩ của lụa người"
        );
        assert_eq!(new("Khánh Hoà - Thanh Hoá"), "Khánh Hòa - Thanh Hóa");
        assert_eq!(old("Huỳnh Thủy Tiên, Tùy"), "Huỳnh Thuỷ Tiên, Tuỳ");
        assert!(matches!(
            apply("Nguyễn Văn An", ToneStyle::New),
            Cow::Borrowed(_)
        ));
        assert!(matches!(apply("Hòa", ToneStyle::New), Cow::Borrowed(_)));
    }
}
