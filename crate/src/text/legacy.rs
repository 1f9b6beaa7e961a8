//! Legacy Vietnamese encodings: TCVN3 (VN3 "ABC" and glibc's VN1 superset `TCVN5712-1`),
//! VNI-Windows, VIQR and Windows-1258 — detection, decoding, and (for tests and sample data)
//! encoding.
//!
//! A cell reaches us as the legacy bytes seen through the Windows ANSI code page of the PC that
//! read it: cp1252 (or Latin-1) on a Western system, so byte 0xD4 is "Ô" and 0x92 is "’"
//! (domain README §4.1). Decoding therefore maps every character back to its byte first
//! ([`byte_of`]) and then applies the encoding's table. The tables come from
//! `crate/data/legacy_letters.csv` (134 letters, cross-checked with glibc iconv by the tests).
//!
//! Whether a cell is converted is decided by reading it every possible way and scoring each
//! reading with the syllable validator ([`super::syllable`]), together with the column's vote
//! ([`detect_column_encoding`](super::detect_column_encoding)).

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::syllable::{self, Score};
use super::ColumnEncoding;

/// A legacy encoding a cell can be read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// TCVN 5712 (VN3 "ABC" and the VN1 superset, as glibc's `TCVN5712-1`).
    Tcvn3,
    /// VNI-Windows.
    Vni,
    /// VIQR (RFC 1456).
    Viqr,
    /// Windows-1258 bytes seen through cp1252 (combining tones show as "Ì ì Ò ò Þ").
    Cp1258,
}

/// The 134-letter table, as parsed from the CSV.
#[derive(Debug)]
pub(crate) struct Tables {
    /// VN1 byte -> letter (all 134 letters have a VN1 code).
    tcvn: [Option<char>; 256],
    /// The byte is also a code of VN3, the ABC subset used by the `.Vn*` fonts.
    vn3: [bool; 256],
    /// The byte is the VN3 code of a small letter whose capital VN3 lacks ("¸" á: Á), which a
    /// `.VnTimeH` font writes with this same byte.
    h_capital: [bool; 256],
    /// VNI pairs as (base byte, mark byte) keys, sorted for binary search.
    vni_pairs: Vec<(u16, char)>,
    vni_single: [Option<char>; 256],
    /// VIQR spelling -> letter ("a('" -> "ắ", "dd" -> "đ").
    viqr: Vec<(u32, char)>,
    cp1258_letter: [Option<char>; 256],
    cp1258_tone: [Option<char>; 256],
    /// Encoder side: letter -> codes.
    enc: HashMap<char, EncRow>,
}

#[derive(Clone, Debug)]
struct EncRow {
    /// VN3 byte, or for capitals without one the byte of the lower-case letter (".VnTimeH").
    tcvn3: u8,
    tcvn3_h: bool,
    vn1: u8,
    vni: Vec<u8>,
    cp1258: Vec<u8>,
    viqr: String,
}

/// Why the CSV table could not be read (a build-time data error; unit tests catch it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableError {
    pub line: usize,
    pub what: &'static str,
}

const CSV: &str = include_str!("../../data/legacy_letters.csv");

/// The combining tone marks that VN1 codes at 0xB0..=0xB4 (grave, hook, tilde, acute, dot);
/// glibc iconv decodes them the same way (checked in tests).
const VN1_TONES: [(u8, char); 5] = [
    (0xB0, '\u{300}'),
    (0xB1, '\u{309}'),
    (0xB2, '\u{303}'),
    (0xB3, '\u{301}'),
    (0xB4, '\u{323}'),
];

fn hex_bytes(s: &str) -> Option<Vec<u8>> {
    s.split_whitespace()
        .map(|h| u8::from_str_radix(h, 16).ok())
        .collect()
}

fn parse_tables(csv: &str) -> Result<Tables, TableError> {
    let mut t = Tables {
        tcvn: [None; 256],
        vn3: [false; 256],
        h_capital: [false; 256],
        vni_pairs: Vec::new(),
        vni_single: [None; 256],
        viqr: Vec::new(),
        cp1258_letter: [None; 256],
        cp1258_tone: [None; 256],
        enc: HashMap::new(),
    };
    let mut rows = 0;
    for (i, line) in csv.lines().enumerate().skip(1) {
        let line_no = i + 1;
        let err = |what| TableError {
            line: line_no,
            what,
        };
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split(',').collect();
        if f.len() != 11 {
            return Err(err("expected 11 fields"));
        }
        let mut chars = f[0].chars();
        let (Some(letter), None) = (chars.next(), chars.next()) else {
            return Err(err("unicode: one letter"));
        };
        let (tcvn3_h, tcvn3_hex) = match f[3].strip_prefix("H:") {
            Some(h) => (true, h),
            None => (false, f[3]),
        };
        let tcvn3 = u8::from_str_radix(tcvn3_hex, 16).map_err(|_| err("tcvn3_byte"))?;
        let vn1 = u8::from_str_radix(f[10], 16).map_err(|_| err("tcvn5712_1_byte"))?;
        let vni = hex_bytes(f[5]).ok_or(err("vni_bytes"))?;
        let cp1258 = hex_bytes(f[8]).ok_or(err("cp1258"))?;
        let viqr = f[9].to_string();
        if !tcvn3_h {
            t.vn3[tcvn3 as usize] = true;
            if tcvn3 != vn1 {
                return Err(err("VN3 code differs from VN1 code"));
            }
        }
        t.tcvn[vn1 as usize] = Some(letter);
        match vni.as_slice() {
            [b] => t.vni_single[*b as usize] = Some(letter),
            [a, b] => {
                t.vni_pairs.push((pair_key(*a, *b), letter));
            }
            _ => return Err(err("vni_bytes: 1 or 2 bytes")),
        }
        match cp1258.as_slice() {
            [b] => t.cp1258_letter[*b as usize] = Some(letter),
            [_, tone] => {
                let mark = letter.nfd().find(|m| syllable::TONE_MARKS.contains(m));
                let Some(mark) = mark else {
                    return Err(err("cp1258: second byte must be a tone"));
                };
                t.cp1258_tone[*tone as usize] = Some(mark);
            }
            _ => return Err(err("cp1258: 1 or 2 bytes")),
        }
        if viqr.is_empty() || !viqr.is_ascii() {
            return Err(err("viqr"));
        }
        t.viqr.push((
            viqr_key(viqr.as_bytes()).ok_or(err("viqr: 2 or 3 characters"))?,
            letter,
        ));
        t.enc.insert(
            letter,
            EncRow {
                tcvn3,
                tcvn3_h,
                vn1,
                vni,
                cp1258,
                viqr,
            },
        );
        rows += 1;
    }
    if rows != 134 {
        return Err(TableError {
            line: 0,
            what: "expected 134 letters",
        });
    }
    // "Dd" is how VIQR text often writes a capital Đ at the start of a capitalised word.
    t.viqr.extend(viqr_key(b"Dd").map(|k| (k, 'Đ')));
    for b in 0x80..=0xFFusize {
        let capital = t.tcvn[b]
            .filter(|_| t.vn3[b])
            .and_then(|l| l.to_uppercase().next());
        t.h_capital[b] = capital
            .and_then(|u| t.enc.get(&u))
            .is_some_and(|r| r.tcvn3_h);
    }
    t.vni_pairs.sort_unstable_by_key(|&(k, _)| k);
    t.viqr.sort_unstable_by_key(|&(k, _)| k);
    Ok(t)
}

fn pair_key(a: u8, b: u8) -> u16 {
    (u16::from(a) << 8) | u16::from(b)
}

/// A VIQR spelling (2 or 3 ASCII bytes) as a number: length in the top byte.
fn viqr_key(b: &[u8]) -> Option<u32> {
    if !(2..=3).contains(&b.len()) {
        return None;
    }
    Some(
        b.iter()
            .fold(b.len() as u32, |k, &x| (k << 8) | u32::from(x)),
    )
}

fn lookup<K: Ord + Copy>(table: &[(K, char)], key: K) -> Option<char> {
    table
        .binary_search_by_key(&key, |&(k, _)| k)
        .ok()
        .and_then(|i| table.get(i))
        .map(|&(_, c)| c)
}

/// NFC of a decoded string, skipping the work when it is plainly NFC already.
fn nfc_string(s: String) -> String {
    if super::unicode::surely_nfc(&s) {
        s
    } else {
        s.nfc().collect()
    }
}

/// The parsed table, or why it could not be parsed (then no legacy conversion happens).
pub(crate) fn tables() -> Result<&'static Tables, TableError> {
    static T: OnceLock<Result<Tables, TableError>> = OnceLock::new();
    T.get_or_init(|| parse_tables(CSV))
        .as_ref()
        .map_err(Clone::clone)
}

/// cp1252 bytes 0x80..=0x9F that Windows maps to characters other than U+0080..U+009F.
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined and arrive as U+0081 etc.) Checked against
/// iconv's CP1252 in the tests.
const CP1252_HIGH: [(u8, char); 27] = [
    (0x80, '€'),
    (0x82, '‚'),
    (0x83, 'ƒ'),
    (0x84, '„'),
    (0x85, '…'),
    (0x86, '†'),
    (0x87, '‡'),
    (0x88, 'ˆ'),
    (0x89, '‰'),
    (0x8A, 'Š'),
    (0x8B, '‹'),
    (0x8C, 'Œ'),
    (0x8E, 'Ž'),
    (0x91, '‘'),
    (0x92, '’'),
    (0x93, '“'),
    (0x94, '”'),
    (0x95, '•'),
    (0x96, '–'),
    (0x97, '—'),
    (0x98, '˜'),
    (0x99, '™'),
    (0x9A, 'š'),
    (0x9B, '›'),
    (0x9C, 'œ'),
    (0x9E, 'ž'),
    (0x9F, 'Ÿ'),
];

/// The code points where cp1258 differs from cp1252 in 0xA0..=0xFF (domain README §4.1; checked
/// against iconv's CP1258 in the tests): a TCVN3/VNI cell read on a PC whose ANSI code page was
/// 1258 holds these instead of the cp1252 characters.
const CP1258_DIFF: [(u8, char); 14] = [
    (0xC3, 'Ă'),
    (0xCC, '\u{300}'),
    (0xD0, 'Đ'),
    (0xD2, '\u{309}'),
    (0xD5, 'Ơ'),
    (0xDD, 'Ư'),
    (0xDE, '\u{303}'),
    (0xE3, 'ă'),
    (0xEC, '\u{301}'),
    (0xF0, 'đ'),
    (0xF2, '\u{323}'),
    (0xF5, 'ơ'),
    (0xFD, 'ư'),
    (0xFE, '₫'),
];

/// The byte a character stood for when a legacy byte string was read through cp1252 or
/// Latin-1; with `cp1258_view` also through cp1258.
pub(crate) fn byte_of(c: char, cp1258_view: bool) -> Option<u8> {
    let u = c as u32;
    if u <= 0xFF {
        return Some(u as u8);
    }
    // Quick no for the Vietnamese letters and everything outside the cp1252 extras' range.
    let maybe_cp1252 = (0x152..=0x2122).contains(&u) && !(0x1EA0..=0x1EF9).contains(&u);
    if let Some(&(b, _)) = CP1252_HIGH
        .iter()
        .filter(|_| maybe_cp1252)
        .find(|&&(_, k)| k == c)
    {
        return Some(b);
    }
    if cp1258_view {
        return CP1258_DIFF.iter().find(|&&(_, k)| k == c).map(|&(b, _)| b);
    }
    None
}

/// The character a byte becomes through cp1252 (Latin-1 for the five undefined bytes).
pub fn cp1252_char(b: u8) -> char {
    CP1252_HIGH
        .iter()
        .find(|&&(k, _)| k == b)
        .map_or(char::from(b), |&(_, c)| c)
}

/// Characters that only a legacy byte explains inside a name: Latin-1 and cp1252 symbols and
/// C1 controls that are not Vietnamese letters ("§", "¨", "Þ", "ø", the soft hyphen = TCVN3 "ư").
fn is_signal(c: char) -> bool {
    let u = c as u32;
    let high = (0x80..=0xFF).contains(&u) || CP1252_HIGH.iter().any(|&(_, k)| k == c);
    high && c != '\u{A0}' && syllable::letter(c).is_none()
}

/// VN1 puts capitals at these C0 positions (glibc TCVN5712-1).
fn is_vn1_control(b: u8) -> bool {
    matches!(b, 0x01 | 0x02 | 0x04..=0x06 | 0x11..=0x17)
}

fn is_ascii_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// An ASCII cell with VIQR marks: a vowel followed by ^ ( + ' ` ? ~ . or a "dd"/"DD".
fn has_viqr_marks(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2).any(|w| {
        (is_ascii_vowel(char::from(w[0]))
            && matches!(w[1], b'^' | b'(' | b'+' | b'\'' | b'`' | b'?' | b'~' | b'.'))
            || matches!(w, [b'd', b'd'] | [b'D', b'D'] | [b'D', b'd'])
    })
}

/// VIQR is typed in ASCII letters: a cell whose letters are all ASCII (spaces and symbols may be
/// anything, a non-breaking space for one).
fn ascii_letters_only(s: &str) -> bool {
    s.is_ascii()
        || !s
            .chars()
            .any(|c| !c.is_ascii() && (syllable::letter(c).is_some() || c.is_alphabetic()))
}

/// Cheap pre-check: could any legacy reading of this cell differ from the cell?
pub(crate) fn may_be_legacy(s: &str) -> bool {
    if s.is_ascii() {
        return s.bytes().any(is_vn1_control) || has_viqr_marks(s);
    }
    s.chars()
        .any(|c| byte_of(c, false).is_some_and(|b| b >= 0x80))
        || has_viqr_marks(s)
}

/// Whether the built-in table parsed (it always should: a unit test checks it). Lets the caller
/// say so once instead of silently not converting legacy text.
pub fn table_status() -> Result<(), TableError> {
    tables().map(|_| ())
}

// ---------------------------------------------------------------------------------------------
// Decoders. Each returns None when the cell cannot be in that encoding (a character that no
// byte explains) and otherwise the NFC reading.

fn bytes_of(s: &str, cp1258_view: bool) -> Option<Vec<(char, u8)>> {
    s.chars()
        .map(|c| byte_of(c, cp1258_view).map(|b| (c, b)))
        .collect()
}

/// TCVN3: every VN1 code in 0xA0..=0xFF (VN3 "ABC" codes, the VN1 capitals there, and the
/// combining tones at 0xB0..=0xB4 after a vowel). `c01` also decodes the VN1 capitals at C0 and
/// C1 positions; without it a "’" or "–" in a VN3 cell stays punctuation.
pub(crate) fn decode_tcvn3(s: &str, c01: bool, cp1258_view: bool) -> Option<String> {
    let t = tables().ok()?;
    let cells = bytes_of(s, cp1258_view)?;
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev_vowel = false;
    for &(c, b) in &cells {
        let decoded =
            if (b < 0x80 && !(c01 && is_vn1_control(b))) || ((0x80..0xA0).contains(&b) && !c01) {
                None
            } else if let Some(l) = t.tcvn[b as usize] {
                Some(l)
            } else if prev_vowel {
                VN1_TONES.iter().find(|&&(k, _)| k == b).map(|&(_, m)| m)
            } else {
                None
            };
        let ch = decoded.unwrap_or(c);
        prev_vowel = syllable::letter(ch).is_some_and(|l| syllable::is_vowel(l.code));
        out.push(ch);
    }
    let nfc = nfc_string(out);
    Some(tcvn3_capitals(t, &cells, &nfc))
}

/// A `.VnTimeH`-style font shows every letter as a capital, so toned capitals are stored with the
/// lower-case codes (domain README §4.1). The decoded letters are made capitals where the ASCII
/// letters show the capital font was used: in a word whose ASCII letters are all capitals with
/// one of them after the first letter ("NGUYÔN", "®øC"), or in a whole cell whose ASCII letters are all capitals with at least one
/// inside a word ("Lª V¡N"; "Lª LÖ" alone is as likely "Lê Lệ"). And in a cell whose other words
/// all start with a capital ("§Æng ThÞ Ngäc ¸nh"), a word starting with the lower-case code of a
/// toned capital that VN3 lacks ("¸" for Á) had that one letter typed in the capital font.
fn tcvn3_capitals(t: &Tables, cells: &[(char, u8)], decoded: &str) -> String {
    let sep = |c: char| c == ' ' || c == '-' || c == '\'';
    // Nothing to do (the usual mixed-case cell) unless an ASCII capital sits inside a word or a
    // word starts with the code of a capital VN3 lacks.
    let mut at_start = true;
    let mut needed = false;
    for &(c, b) in cells {
        if sep(c) {
            at_start = true;
            continue;
        }
        needed |= if at_start {
            t.h_capital[b as usize]
        } else {
            c.is_ascii_uppercase()
        };
        at_start = false;
    }
    if !needed {
        return decoded.to_string();
    }
    let raw: Vec<&[(char, u8)]> = cells.split(|&(c, _)| sep(c)).collect();
    let dec: Vec<&str> = decoded.split(sep).collect();
    // Spaces, hyphens and apostrophes are ASCII and decode to themselves, so the raw and decoded
    // words line up; if they ever do not, leave the case alone.
    if raw.len() != dec.len() {
        return decoded.to_string();
    }
    let ascii = |w: &[(char, u8)]| -> (usize, usize, bool) {
        let mut n = 0;
        let mut up = 0;
        let mut inner = false;
        for (i, (c, _)) in w.iter().enumerate() {
            if c.is_ascii_alphabetic() {
                n += 1;
                up += usize::from(c.is_ascii_uppercase());
                inner |= i > 0;
            }
        }
        (n, up, inner)
    };
    let (n, up, inner) = raw
        .iter()
        .map(|w| ascii(w))
        .fold((0, 0, false), |a, b| (a.0 + b.0, a.1 + b.1, a.2 || b.2));
    if n >= 1 && n == up && inner {
        return decoded.to_uppercase();
    }
    let h_capital = |w: &[(char, u8)]| w.first().is_some_and(|&(_, b)| t.h_capital[b as usize]);
    let starts_upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let has_letter = |w: &str| w.chars().any(char::is_alphabetic);
    let words: Vec<(bool, bool)> = raw
        .iter()
        .zip(&dec)
        .filter(|(_, d)| has_letter(d))
        .map(|(r, d)| (starts_upper(d), h_capital(r)))
        .collect();
    let title_case = words.len() >= 2 && words.iter().all(|&(u, h)| u || h);
    let mut out = String::with_capacity(decoded.len());
    let mut seps = decoded.chars().filter(|&c| sep(c));
    for (i, (rw, dw)) in raw.iter().zip(dec.iter()).enumerate() {
        if i > 0 {
            out.push(seps.next().unwrap_or(' '));
        }
        let (n, up, inner) = ascii(rw);
        if n >= 1 && n == up && inner {
            out.push_str(&dw.to_uppercase());
        } else if title_case && h_capital(rw) {
            let mut chars = dw.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(dw);
        }
    }
    out
}

/// VNI-Windows: a base letter followed by a mark byte, or a standalone byte (í ì ỉ ĩ ị ỵ đ ơ ư).
/// A mark of the other case than its base ("Aù") is accepted; the base decides the case.
pub(crate) fn decode_vni(s: &str, cp1258_view: bool) -> Option<String> {
    let t = tables().ok()?;
    let cells = bytes_of(s, cp1258_view)?;
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < cells.len() {
        let (c, b) = cells[i];
        if let Some(&(_, next)) = cells.get(i + 1) {
            let swapped = if (0xC0..=0xFE).contains(&next) && next != 0xD7 && next != 0xF7 {
                next ^ 0x20
            } else {
                next
            };
            let pair = lookup(&t.vni_pairs, pair_key(b, next))
                .or_else(|| lookup(&t.vni_pairs, pair_key(b, swapped)));
            if let Some(l) = pair {
                out.push(l);
                i += 2;
                continue;
            }
        }
        out.push(if b >= 0x80 {
            t.vni_single[b as usize].unwrap_or(c)
        } else {
            c
        });
        i += 1;
    }
    Some(nfc_string(out))
}

/// VIQR (RFC 1456): marks typed after the vowel; a backslash makes the next mark literal.
pub(crate) fn decode_viqr(s: &str) -> Option<String> {
    if !ascii_letters_only(s) {
        return None;
    }
    let t = tables().ok()?;
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    'outer: while i < b.len() {
        if b[i] == b'\\'
            && i + 1 < b.len()
            && matches!(
                b[i + 1],
                b'^' | b'(' | b'+' | b'\'' | b'`' | b'?' | b'~' | b'.' | b'd' | b'D'
            )
        {
            out.push(char::from(b[i + 1]));
            i += 2;
            continue;
        }
        for len in [3, 2] {
            if let Some(key) = b.get(i..i + len).and_then(viqr_key) {
                if let Some(l) = lookup(&t.viqr, key) {
                    out.push(l);
                    i += len;
                    continue 'outer;
                }
            }
        }
        // Copy one whole character (a non-ASCII space or symbol passes through).
        let len = s
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
        out.push_str(s.get(i..i + len).unwrap_or(""));
        i += len;
    }
    Some(nfc_string(out))
}

/// Windows-1258 bytes seen through cp1252: "NguyêÞn" = Nguyễn (0xDE is a combining tilde).
pub(crate) fn decode_cp1258_bytes(s: &str) -> Option<String> {
    let t = tables().ok()?;
    let cells = bytes_of(s, false)?;
    let mut out = String::with_capacity(s.len() + 4);
    for (c, b) in cells {
        let ch = if b >= 0x80 {
            t.cp1258_letter[b as usize]
                .or(t.cp1258_tone[b as usize])
                .unwrap_or(c)
        } else {
            c
        };
        out.push(ch);
    }
    Some(nfc_string(out))
}

/// Decodes a cell as `encoding`, without judging whether it is: the cell's characters are taken
/// as the encoding's bytes seen through cp1252 (or, failing that, cp1258), VIQR as ASCII. TCVN3
/// decodes every VN1 code and applies the `.VnTimeH` capital rules. None when a character can be
/// no byte of that encoding.
pub fn decode(encoding: Encoding, cell: &str) -> Option<String> {
    match encoding {
        Encoding::Tcvn3 => {
            decode_tcvn3(cell, true, false).or_else(|| decode_tcvn3(cell, true, true))
        }
        Encoding::Vni => decode_vni(cell, false).or_else(|| decode_vni(cell, true)),
        Encoding::Viqr => decode_viqr(cell),
        Encoding::Cp1258 => decode_cp1258_bytes(cell),
    }
}

// ---------------------------------------------------------------------------------------------
// Encoders (Unicode -> legacy, "seen as" cp1252), for tests, fixtures and sample data.

/// How a TCVN3 encoder writes capitals that VN3 has no code for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TcvnCapitals {
    /// With the lower-case code, as typed in a `.VnTimeH` (all-capital) font.
    HFont,
    /// With their VN1 codes, as glibc iconv `TCVN5712-1` does.
    Vn1,
}

/// Encodes NFC text as TCVN3 seen through cp1252; None if a character has no code.
pub fn encode_tcvn3(s: &str, caps: TcvnCapitals) -> Option<String> {
    let t = tables().ok()?;
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let row = t.enc.get(&c)?;
        let b = if row.tcvn3_h && caps == TcvnCapitals::Vn1 {
            row.vn1
        } else {
            row.tcvn3
        };
        out.push(cp1252_char(b));
    }
    Some(out)
}

/// Encodes NFC text as VNI-Windows seen through cp1252.
pub fn encode_vni(s: &str) -> Option<String> {
    let t = tables().ok()?;
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.nfc() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        out.extend(t.enc.get(&c)?.vni.iter().map(|&b| cp1252_char(b)));
    }
    Some(out)
}

/// Encodes NFC text as VIQR.
pub fn encode_viqr(s: &str) -> Option<String> {
    let t = tables().ok()?;
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.nfc() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        out.push_str(&t.enc.get(&c)?.viqr);
    }
    Some(out)
}

/// Encodes NFC text as Windows-1258 bytes (glibc's canonical form: precomposed where cp1258 has
/// the letter, else base + tone byte), returned as bytes.
pub fn encode_cp1258_bytes(s: &str) -> Option<Vec<u8>> {
    let t = tables().ok()?;
    let mut out = Vec::with_capacity(s.len());
    for c in s.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        out.extend_from_slice(&t.enc.get(&c)?.cp1258);
    }
    Some(out)
}

// ---------------------------------------------------------------------------------------------
// Readings and the decision.

/// One way of reading a cell, already NFC and scored.
#[derive(Clone, Debug)]
pub(crate) struct Reading {
    pub enc: Encoding,
    pub text: String,
    pub score: Score,
}

/// Every legacy reading of `s` that differs from `s`, in order of preference on ties: TCVN3, the
/// most common legacy encoding in Vietnamese offices, then VNI, then Windows-1258 bytes (rare
/// in cells); C1 bytes as punctuation before C1 bytes as VN1 capitals; cp1252 view before cp1258.
pub(crate) fn readings(s: &str, as_is: &str, only: Option<Encoding>) -> Vec<Reading> {
    let mut out: Vec<Reading> = Vec::new();
    // Decodes lazily: with `only`, the other encodings cost nothing.
    let mut add = |enc: Encoding, decode: &dyn Fn() -> Option<String>| {
        if only.is_some_and(|o| o != enc) {
            return;
        }
        if let Some(text) = decode() {
            if text != as_is && !out.iter().any(|r| r.enc == enc && r.text == text) {
                let score = syllable::score(&text);
                out.push(Reading { enc, text, score });
            }
        }
    };
    if ascii_letters_only(s) && has_viqr_marks(s) {
        add(Encoding::Viqr, &|| decode_viqr(s));
    }
    if s.is_ascii() {
        if s.bytes().any(is_vn1_control) {
            add(Encoding::Tcvn3, &|| decode_tcvn3(s, true, false));
        }
        return out;
    }
    add(Encoding::Tcvn3, &|| decode_tcvn3(s, false, false));
    if s.chars()
        .any(|c| byte_of(c, false).is_some_and(|b| (0x80..0xA0).contains(&b) || is_vn1_control(b)))
    {
        add(Encoding::Tcvn3, &|| decode_tcvn3(s, true, false));
    }
    add(Encoding::Vni, &|| decode_vni(s, false));
    // The cp1258 view turns genuine Unicode letters (ă đ ơ ư) into bytes, so it is only tried
    // when the cell also holds a character that no Unicode name contains, and only makes a
    // difference when it holds one of the characters where cp1258 differs from cp1252.
    let cp1258_only = |c: char| (c as u32) > 0xFF && CP1258_DIFF.iter().any(|&(_, k)| k == c);
    if s.chars().any(cp1258_only) && s.chars().any(is_signal) {
        add(Encoding::Tcvn3, &|| decode_tcvn3(s, false, true));
        add(Encoding::Vni, &|| decode_vni(s, true));
    }
    add(Encoding::Cp1258, &|| decode_cp1258_bytes(s));
    out
}

/// What to do with a cell's encoding.
#[derive(Clone, Debug)]
pub(crate) enum Decision {
    /// The cell is Unicode (or plain ASCII): leave the encoding alone.
    Keep,
    Convert(Reading),
    /// Looks legacy-encoded but no reading can be trusted.
    Unsure,
}

fn best<'a>(rs: impl Iterator<Item = &'a Reading>) -> Option<&'a Reading> {
    let mut best: Option<&Reading> = None;
    for r in rs {
        if best.is_none_or(|b| r.score.rank() > b.score.rank()) {
            best = Some(r);
        }
    }
    best
}

fn column_enc(col: &ColumnEncoding) -> Option<Encoding> {
    match col {
        ColumnEncoding::Tcvn3 => Some(Encoding::Tcvn3),
        ColumnEncoding::Vni => Some(Encoding::Vni),
        ColumnEncoding::Viqr => Some(Encoding::Viqr),
        ColumnEncoding::Cp1258 => Some(Encoding::Cp1258),
        ColumnEncoding::Unicode | ColumnEncoding::Mixed => None,
    }
}

/// No legacy reading can exist: a character is no byte of the 8-bit encodings, the cell holds
/// no signal (so the cp1258 view is not tried) and VIQR does not apply. Most Vietnamese names
/// in Unicode ("Nguyễn", "Văn") end here without being scored.
fn no_reading_possible(s: &str) -> bool {
    let mut non_byte = false;
    for c in s.chars() {
        if (c as u32) < 0x80 {
            continue;
        }
        if is_signal(c) {
            return false;
        }
        non_byte |= byte_of(c, false).is_none();
    }
    non_byte && !(ascii_letters_only(s) && has_viqr_marks(s))
}

/// Decides the encoding of one cell, given the column's vote.
///
/// - Column voted for a legacy encoding E: convert with E when that reading is valid Vietnamese,
///   unless the cell as it stands reads as more common names (a Unicode cell in a legacy column).
/// - Otherwise a cell that reads as valid Vietnamese as it stands is kept (in a `Mixed` column it
///   is converted only if a reading is made of clearly more common name syllables: TCVN3 "Vò"
///   = "Vũ"); a cell that does not is converted with its single best valid reading.
/// - A cell that is invalid every way, or valid two different ways, is `Unsure` when it holds a
///   legacy signal, else kept.
pub(crate) fn decide(s: &str, col: &ColumnEncoding) -> Decision {
    match reading_for(s, col) {
        // A legacy text converts to Vietnamese that reads as Unicode; a reading that itself
        // votes for a legacy encoding is noise read as an encoding (random letters and
        // symbols), and converting it would make a second cleaning change it again.
        Decision::Convert(r) if matches!(vote(&r.text), Some(Vote::Legacy(_))) => Decision::Unsure,
        decision => decision,
    }
}

/// [`decide`] before its check that the chosen reading is itself settled.
fn reading_for(s: &str, col: &ColumnEncoding) -> Decision {
    if !may_be_legacy(s) || no_reading_possible(s) {
        return Decision::Keep;
    }
    let as_is_text = as_is_reading(s);
    let as_is = syllable::score(&as_is_text);
    let col_enc = column_enc(col);
    if col_enc.is_none() && *col != ColumnEncoding::Mixed && as_is.good() {
        return Decision::Keep;
    }
    if let Some(e) = col_enc {
        // The column's own encoding first: in a legacy column that settles most cells.
        let own = readings(s, &as_is_text, Some(e));
        if let Some(r) = best(own.iter()).filter(|r| r.score.good()) {
            // A Unicode cell in a legacy column reads as more common names as it stands; VIQR
            // marks ("Bu?", "Thi.") are no accident in a VIQR column, so there the column wins.
            let as_is_better = e != Encoding::Viqr && as_is.good() && as_is.common > r.score.common;
            return if as_is_better {
                Decision::Keep
            } else {
                Decision::Convert(r.clone())
            };
        }
    }
    let rs = readings(s, &as_is_text, None);
    if rs.is_empty() {
        return Decision::Keep;
    }
    let good = || rs.iter().filter(|r| r.score.good());
    let top = best(good());
    let ambiguous =
        top.is_some_and(|t| good().any(|r| r.score.rank() == t.score.rank() && r.text != t.text));
    if as_is.good() {
        if let Some(t) =
            top.filter(|t| clearly_better(&t.score, &as_is, *col == ColumnEncoding::Mixed))
        {
            // Two legacy readings both better than the cell as it stands: someone must look.
            return if ambiguous {
                Decision::Unsure
            } else {
                Decision::Convert(t.clone())
            };
        }
        return Decision::Keep;
    }
    // The cell does not read as it stands: the best reading wins, ties going to the more common
    // encoding (the order of `readings`).
    match top {
        Some(t) if t.score.rank() > as_is.rank() => Decision::Convert(t.clone()),
        _ if s.chars().any(is_signal) || (ascii_letters_only(s) && has_viqr_marks(s)) => {
            Decision::Unsure
        }
        _ => Decision::Keep,
    }
}

/// A legacy reading beats a cell that already reads as valid words when it turns the cell's
/// minority-shaped words into standard syllables without losing common ones ("TÝN" -> "TÍN"),
/// or, in a column known to mix encodings, when it is made of more common name syllables
/// (TCVN3 "Vò" -> "Vũ").
fn clearly_better(reading: &Score, as_is: &Score, mixed: bool) -> bool {
    if !reading.good() || reading.lenient > as_is.lenient {
        return false;
    }
    let fewer_odd = reading.lenient < as_is.lenient && reading.common >= as_is.common;
    // Two common syllables at least: one word alone ("ô" / TCVN3 "ụ" / VNI "ơ") is no evidence.
    fewer_odd || (mixed && reading.common > as_is.common && reading.common >= 2)
}

/// The cell read as Unicode, for scoring: NFC, and without soft hyphens, which are invisible in
/// a Unicode cell ("Cô\u{AD}ng" is "Công") but are TCVN3 "ư" in a legacy one.
fn as_is_reading(s: &str) -> std::borrow::Cow<'_, str> {
    let nfc = super::unicode::surely_nfc(s)
        || unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes;
    if nfc && !s.contains('\u{AD}') {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.chars().filter(|&c| c != '\u{AD}').nfc().collect())
}

/// One cell's vote in [`detect_column_encoding`](super::detect_column_encoding).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Vote {
    Unicode,
    Legacy(Encoding),
    /// Already decoded Windows-1258 text: precomposed vowels + combining tone marks.
    Cp1258Combining,
    /// Valid as it stands and in this encoding, the latter made of more common name syllables:
    /// counted only in a column where no cell gives a clear vote.
    Lean(Encoding),
}

/// How one cell votes: for the encoding whose reading alone makes sense of it, for Unicode when
/// it reads well as it stands and no legacy reading does, or not at all (ASCII, ambiguous, junk).
pub(crate) fn vote(s: &str) -> Option<Vote> {
    if s.is_ascii() && !may_be_legacy(s) {
        return None;
    }
    if super::unicode::is_cp1258_combining(s) {
        return Some(Vote::Cp1258Combining);
    }
    if no_reading_possible(s) {
        return Some(Vote::Unicode);
    }
    let as_is_text = as_is_reading(s);
    let as_is = syllable::score(&as_is_text);
    let rs = if may_be_legacy(s) {
        readings(s, &as_is_text, None)
    } else {
        Vec::new()
    };
    let good: Vec<&Reading> = rs.iter().filter(|r| r.score.good()).collect();
    if as_is.good() {
        let top = best(good.iter().copied());
        if let Some(t) = top.filter(|t| clearly_better(&t.score, &as_is, false)) {
            return Some(Vote::Legacy(t.enc));
        }
        if let Some(t) = top.filter(|t| clearly_better(&t.score, &as_is, true)) {
            return Some(Vote::Lean(t.enc));
        }
        // A cell that is its own legacy reading ("Lý" is also TCVN3 "Lý") says nothing.
        let own_reading = [decode_tcvn3(s, false, false), decode_vni(s, false)]
            .iter()
            .any(|d| d.as_deref() == Some(&*as_is_text));
        return if good.is_empty() && !s.is_ascii() && !own_reading {
            Some(Vote::Unicode)
        } else {
            None
        };
    }
    let top = best(good.iter().copied())?;
    let tie = good
        .iter()
        .any(|r| r.enc != top.enc && r.score.rank() == top.score.rank());
    if tie || top.score.rank() <= as_is.rank() {
        return None;
    }
    Some(Vote::Legacy(top.enc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses() {
        let t = tables().expect("legacy_letters.csv parses");
        assert_eq!(t.enc.len(), 134);
        assert_eq!(t.vn3.iter().filter(|&&b| b).count(), 67 + 7);
        assert_eq!(t.tcvn.iter().filter(|c| c.is_some()).count(), 134);
    }

    #[test]
    fn table_errors_are_values() {
        assert!(parse_tables("h\nx,y").is_err());
        assert!(parse_tables("").is_err());
    }

    #[test]
    fn decodes_readme_examples() {
        let cases = [
            ("Nguyễn Thị Hồng", "NguyÔn ThÞ Hång", "Nguyeãn Thò Hoàng"),
            ("Trần Văn Đức", "TrÇn V¨n §øc", "Traàn Vaên Ñöùc"),
            ("Lê Thị Thuỷ", "Lª ThÞ Thuû", "Leâ Thò Thuyû"),
            ("Phạm Quốc Việt", "Ph¹m Quèc ViÖt", "Phaïm Quoác Vieät"),
            (
                "Đặng Thị Ngọc Ánh",
                "§Æng ThÞ Ngäc ¸nh",
                "Ñaëng Thò Ngoïc AÙnh",
            ),
            ("Hoàng Văn Tuấn", "Hoµng V¨n TuÊn", "Hoaøng Vaên Tuaán"),
            (
                "Thành phố Hồ Chí Minh",
                "Thµnh phè Hå ChÝ Minh",
                "Thaønh phoá Hoà Chí Minh",
            ),
        ];
        for (u, t3, vni) in cases {
            assert_eq!(decode_tcvn3(t3, false, false).as_deref(), Some(u));
            assert_eq!(decode_vni(vni, false).as_deref(), Some(u));
        }
        assert_eq!(
            decode_viqr("Nguye^~n Thi. Ho^`ng DDu+'c \\.").as_deref(),
            Some("Nguyễn Thị Hồng Đức .")
        );
        assert_eq!(
            decode_tcvn3("Tr\u{AD}êng", false, false).as_deref(),
            Some("Trường")
        );
    }

    #[test]
    fn vntimeh_capitals() {
        assert_eq!(
            decode_tcvn3("NGUYÔN V¡N", false, false).as_deref(),
            Some("NGUYỄN VĂN")
        );
        assert_eq!(
            decode_tcvn3("NGUYÔN ThÞ", false, false).as_deref(),
            Some("NGUYỄN Thị")
        );
        assert_eq!(
            decode_tcvn3("Lª V¡N", false, false).as_deref(),
            Some("LÊ VĂN")
        );
        assert_eq!(
            decode_tcvn3("Lª LÖ", false, false).as_deref(),
            Some("Lê Lệ")
        );
        assert_eq!(
            decode_tcvn3("Huúnh ¸nh öng", false, false).as_deref(),
            Some("Huỳnh Ánh Ửng")
        );
        // One-letter words and words without an ASCII capital keep the lower-case reading...
        assert_eq!(decode_tcvn3("¸nh", false, false).as_deref(), Some("ánh"));
        assert_eq!(
            decode_tcvn3("x· ¸i", false, false).as_deref(),
            Some("xã ái")
        );
        // ...unless every other word of the cell starts with a capital.
        assert_eq!(
            decode_tcvn3("X· ¸i Quèc", false, false).as_deref(),
            Some("Xã Ái Quốc")
        );
    }

    #[test]
    fn encoders_round_trip() {
        let s = "Nguyễn Thị Hồng Đức Trường Thuỷ Quỳnh";
        assert_eq!(
            decode_vni(&encode_vni(s).unwrap_or_default(), false).as_deref(),
            Some(s)
        );
        assert_eq!(
            decode_viqr(&encode_viqr(s).unwrap_or_default()).as_deref(),
            Some(s)
        );
        let t3 = encode_tcvn3(s, TcvnCapitals::Vn1).unwrap_or_default();
        assert_eq!(decode_tcvn3(&t3, true, false).as_deref(), Some(s));
        let cp: String = encode_cp1258_bytes(s)
            .unwrap_or_default()
            .into_iter()
            .map(cp1252_char)
            .collect();
        assert_eq!(decode_cp1258_bytes(&cp).as_deref(), Some(s));
    }

    #[test]
    fn decisions() {
        let u = ColumnEncoding::Unicode;
        assert!(matches!(decide("Nguyễn Thị Hồng", &u), Decision::Keep));
        assert!(matches!(decide("Hoàng", &u), Decision::Keep));
        assert!(
            matches!(decide("NguyÔn ThÞ Hång", &u), Decision::Convert(ref r) if r.enc == Encoding::Tcvn3)
        );
        assert!(
            matches!(decide("Nguyeãn Thò Hoàng", &u), Decision::Convert(ref r) if r.enc == Encoding::Vni)
        );
        assert!(
            matches!(decide("Hoàng", &ColumnEncoding::Vni), Decision::Convert(ref r) if r.text == "Hồng")
        );
        assert!(matches!(decide("Þ§ø¨", &u), Decision::Unsure));
        assert!(matches!(decide("H'Hen Niê", &u), Decision::Keep));
    }

    #[test]
    fn cp1252_view() {
        assert_eq!(byte_of('’', false), Some(0x92));
        assert_eq!(byte_of('ă', false), None);
        assert_eq!(byte_of('ă', true), Some(0xE3));
        assert_eq!(cp1252_char(0x81), '\u{81}');
    }
}
