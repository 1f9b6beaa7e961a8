//! The legacy-encoding tables and decoders checked against an independent implementation:
//! glibc `iconv` (TCVN5712-1, CP1258, CP1252), over the 134 Vietnamese letters and the names of
//! `tests/text/names.txt`, in both directions. A machine without `/usr/bin/iconv` fails these
//! tests: they never skip.
//!
//! A cell holds the legacy bytes as read through cp1252 (or Latin-1): each byte becomes the char
//! that code page gives it. VN1 (glibc's TCVN5712-1) puts capitals at C0 and C1 positions; a C1
//! byte arrives as its cp1252 character ("€" for 0x80, "’" for 0x92) or, through Latin-1, as
//! U+0080..U+009F; a C0 byte as the control character itself. Both views are tested.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use lamsach::text::legacy::{self, Encoding, TcvnCapitals};
use lamsach::text::{
    clean_text, detect_column_encoding, Change, ColumnEncoding, TextKind, TextOptions, ToneStyle,
};
use unicode_normalization::UnicodeNormalization;

const ICONV: &str = "/usr/bin/iconv";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs iconv; panics (fails the test) when iconv is missing or refuses the input.
fn iconv(from: &str, to: &str, input: &[u8]) -> Vec<u8> {
    let mut child = Command::new(ICONV)
        .args(["-f", from, "-t", to])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{ICONV} is required for this test and could not be run: {e}"));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write to iconv");
    let out = child.wait_with_output().expect("iconv output");
    assert!(
        out.status.success(),
        "iconv -f {from} -t {to} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Encodes each line separately (one iconv run for all of them).
fn iconv_lines(from: &str, to: &str, lines: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let mut joined = Vec::new();
    for l in lines {
        assert!(!l.contains(&b'\n'));
        joined.extend_from_slice(l);
        joined.push(b'\n');
    }
    let out = iconv(from, to, &joined);
    let mut parts: Vec<Vec<u8>> = out.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    assert_eq!(
        parts.pop(),
        Some(Vec::new()),
        "iconv output ends with a newline"
    );
    assert_eq!(parts.len(), lines.len());
    parts
}

fn names() -> Vec<String> {
    let text =
        std::fs::read_to_string(repo().join("tests/text/names.txt")).expect("tests/text/names.txt");
    let names: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();
    assert!(names.len() >= 300, "fixture has {} names", names.len());
    names
}

/// The 134 letters, from the crate's own data file (only the first column is used here).
fn letters() -> Vec<String> {
    let csv = std::fs::read_to_string(repo().join("crate/data/legacy_letters.csv"))
        .expect("legacy_letters.csv");
    let letters: Vec<String> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .map(String::from)
        .collect();
    assert_eq!(letters.len(), 134);
    letters
}

/// How each byte reads through cp1252, per iconv (undefined bytes 81 8D 8F 90 9D as Latin-1).
fn cp1252_view_table() -> Vec<char> {
    let bytes: Vec<Vec<u8>> = (0u8..=255)
        .filter(|b| *b != b'\n')
        .map(|b| vec![b])
        .collect();
    let mut table: Vec<char> = (0u8..=255).map(char::from).collect();
    for (b, line) in (0u8..=255).filter(|b| *b != b'\n').zip(bytes) {
        if matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D) {
            continue;
        }
        let s = String::from_utf8(iconv("CP1252", "UTF-8", &line)).expect("utf-8");
        let mut it = s.chars();
        table[b as usize] = it.next().expect("one char");
        assert!(it.next().is_none());
    }
    table
}

fn latin1_view(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

fn cp1252_view(table: &[char], bytes: &[u8]) -> String {
    bytes.iter().map(|&b| table[b as usize]).collect()
}

fn name_options(column: ColumnEncoding) -> TextOptions {
    TextOptions {
        kind: TextKind::PersonName,
        tone_style: ToneStyle::Keep,
        name_casing: false,
        column,
    }
}

#[test]
fn cp1252_table_agrees_with_iconv() {
    let table = cp1252_view_table();
    for b in 0u8..=255 {
        assert_eq!(legacy::cp1252_char(b), table[b as usize], "byte {b:02X}");
    }
}

#[test]
fn letter_table_agrees_with_iconv_tcvn5712() {
    let csv = std::fs::read_to_string(repo().join("crate/data/legacy_letters.csv")).expect("csv");
    let rows: Vec<Vec<String>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(String::from).collect())
        .collect();
    let letters: Vec<Vec<u8>> = rows.iter().map(|r| r[0].as_bytes().to_vec()).collect();
    let vn1 = iconv_lines("UTF-8", "TCVN5712-1", &letters);
    for (row, code) in rows.iter().zip(&vn1) {
        let hex = |bytes: &[u8]| {
            bytes
                .iter()
                .map(|b| format!("{b:02X}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(hex(code), row[10], "VN1 code of {}", row[0]);
        match row[3].strip_prefix("H:") {
            // No VN3 code: the .VnTimeH way is the lower-case letter's code.
            Some(h) => {
                let lower = row[0].to_lowercase();
                let lower_code = iconv("UTF-8", "TCVN5712-1", lower.as_bytes());
                assert_eq!(hex(&lower_code), h, "H code of {}", row[0]);
            }
            None => assert_eq!(hex(code), row[3], "VN3 code of {}", row[0]),
        }
        // And back: iconv decodes the code to the letter.
        assert_eq!(
            String::from_utf8(iconv("TCVN5712-1", "UTF-8", code)).expect("utf8"),
            row[0]
        );
    }
    // The VISCII column (kept for reference; VISCII is not decoded) is glibc's VISCII.
    let viscii = iconv_lines("UTF-8", "VISCII", &letters);
    for (row, code) in rows.iter().zip(&viscii) {
        let hex = code
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(hex, row[7], "VISCII of {}", row[0]);
    }
    // The CP1258 column is glibc's canonical CP1258 encoding.
    let cp = iconv_lines("UTF-8", "CP1258", &letters);
    for (row, code) in rows.iter().zip(&cp) {
        let hex = code
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(hex, row[8], "CP1258 of {}", row[0]);
    }
}

#[test]
fn tcvn3_letters_decode_like_iconv() {
    let table = cp1252_view_table();
    let letters = letters();
    let encoded = iconv_lines(
        "UTF-8",
        "TCVN5712-1",
        &letters
            .iter()
            .map(|l| l.as_bytes().to_vec())
            .collect::<Vec<_>>(),
    );
    for (letter, bytes) in letters.iter().zip(&encoded) {
        for cell in [latin1_view(bytes), cp1252_view(&table, bytes)] {
            assert_eq!(
                legacy::decode(Encoding::Tcvn3, &cell).as_deref(),
                Some(letter.as_str()),
                "cell {cell:?}"
            );
        }
        // The other direction: our VN1 encoding is the bytes iconv produced.
        let ours = legacy::encode_tcvn3(letter, TcvnCapitals::Vn1).expect("encodable");
        let ours: Vec<u8> = ours
            .chars()
            .map(|c| table.iter().position(|&t| t == c).expect("cp1252 char") as u8)
            .collect();
        assert_eq!(&ours, bytes, "our TCVN3 of {letter}");
    }
    // VN1 also has combining tones at 0xB0..=0xB4 after a vowel; iconv composes them.
    for (b, _) in [(0xB0u8, ()), (0xB1, ()), (0xB2, ()), (0xB3, ()), (0xB4, ())] {
        let want = String::from_utf8(iconv("TCVN5712-1", "UTF-8", &[b'a', b])).expect("utf8");
        assert_eq!(
            legacy::decode(Encoding::Tcvn3, &latin1_view(&[b'a', b])).as_deref(),
            Some(want.as_str())
        );
    }
}

#[test]
fn tcvn3_names_round_trip_with_iconv() {
    let table = cp1252_view_table();
    let names = names();
    let raw: Vec<Vec<u8>> = names.iter().map(|n| n.as_bytes().to_vec()).collect();
    let encoded = iconv_lines("UTF-8", "TCVN5712-1", &raw);
    let latin1: Vec<String> = encoded.iter().map(|b| latin1_view(b)).collect();
    let cp1252: Vec<String> = encoded.iter().map(|b| cp1252_view(&table, b)).collect();
    for cells in [latin1, cp1252] {
        let column = detect_column_encoding(cells.iter().map(String::as_str));
        assert_eq!(column, ColumnEncoding::Tcvn3);
        let mut failures = Vec::new();
        for (name, cell) in names.iter().zip(&cells) {
            let r = clean_text(cell, &name_options(column));
            if &r.text != name {
                failures.push(format!(
                    "{name} <- {cell:?} -> {:?} {:?}",
                    r.text, r.changes
                ));
            } else if cell != name {
                assert!(
                    r.changes.contains(&Change::LegacyTcvn3),
                    "{name}: {:?}",
                    r.changes
                );
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} names not restored:\n{}",
            failures.len(),
            names.len(),
            failures.join("\n")
        );
    }
    // The other direction: iconv decodes what our encoder writes.
    for name in &names {
        let ours = legacy::encode_tcvn3(name, TcvnCapitals::Vn1).expect("encodable");
        let bytes: Vec<u8> = ours
            .chars()
            .map(|c| table.iter().position(|&t| t == c).expect("cp1252") as u8)
            .collect();
        assert_eq!(
            String::from_utf8(iconv("TCVN5712-1", "UTF-8", &bytes)).expect("utf8"),
            *name
        );
    }
}

/// A `.VnTimeH` cell: iconv's codes of the lower-case name with the ASCII letters in capitals
/// (the font draws every letter as a capital). The cleaned cell is the name in capitals.
#[test]
fn tcvn3_all_capitals_font() {
    let names = names();
    let lower: Vec<Vec<u8>> = names
        .iter()
        .map(|n| n.to_lowercase().into_bytes())
        .collect();
    let encoded = iconv_lines("UTF-8", "TCVN5712-1", &lower);
    let cells: Vec<String> = encoded
        .iter()
        .map(|b| latin1_view(&b.to_ascii_uppercase()))
        .collect();
    let column = detect_column_encoding(cells.iter().map(String::as_str));
    assert_eq!(column, ColumnEncoding::Tcvn3);
    let mut failures = Vec::new();
    for (name, cell) in names.iter().zip(&cells) {
        let want = name.to_uppercase();
        let r = clean_text(cell, &name_options(column));
        // A name whose ASCII letters are fewer than two has nothing that tells it is in capitals.
        let ascii_letters = cell.chars().filter(char::is_ascii_alphabetic).count();
        if r.text != want && ascii_letters >= 2 {
            failures.push(format!("{want} <- {cell:?} -> {:?}", r.text));
        }
    }
    assert!(
        failures.is_empty(),
        "{} not restored:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The same TCVN3 cell read on a PC whose ANSI code page was 1258: the bytes where cp1258 differs
/// from cp1252 arrive as "Ă", combining marks, "Đ" ... (domain README §4.1).
#[test]
fn tcvn3_seen_through_cp1258() {
    let names = names();
    let raw: Vec<Vec<u8>> = names.iter().map(|n| n.as_bytes().to_vec()).collect();
    let encoded = iconv_lines("UTF-8", "TCVN5712-1", &raw);
    let view = cp1258_byte_view();
    for (name, bytes) in names.iter().zip(&encoded) {
        // C1 bytes are where cp1258 and cp1252 agree or are undefined: read them as cp1252 would.
        let cell: String = bytes.iter().map(|&b| view[b as usize]).collect();
        assert_eq!(
            legacy::decode(Encoding::Tcvn3, &cell).as_deref(),
            Some(name.as_str()),
            "cell {cell:?}"
        );
    }
}

/// Each byte decoded on its own by iconv's CP1258 (so nothing is composed), cp1252 where
/// CP1258 leaves a byte undefined.
fn cp1258_byte_view() -> Vec<char> {
    let cp1252 = cp1252_view_table();
    let mut view = cp1252.clone();
    for b in 0x80u8..=0xFF {
        let mut child = Command::new(ICONV)
            .args(["-f", "CP1258", "-t", "UTF-8"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{ICONV} is required: {e}"));
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(&[b])
            .expect("write");
        let out = child.wait_with_output().expect("output");
        if out.status.success() {
            let s = String::from_utf8(out.stdout).expect("utf8");
            let mut it = s.chars();
            if let (Some(c), None) = (it.next(), it.next()) {
                view[b as usize] = c;
            }
        }
    }
    view
}

#[test]
fn cp1258_letters_and_names_with_iconv() {
    let table = cp1252_view_table();
    let decoded_view = cp1258_byte_view();
    let mut all: Vec<String> = letters();
    all.extend(names());
    let raw: Vec<Vec<u8>> = all.iter().map(|n| n.as_bytes().to_vec()).collect();
    let encoded = iconv_lines("UTF-8", "CP1258", &raw);
    for (text, bytes) in all.iter().zip(&encoded) {
        // Our encoder agrees with iconv, and iconv's decoder (which composes) gives the text back.
        assert_eq!(
            legacy::encode_cp1258_bytes(text).as_deref(),
            Some(bytes.as_slice()),
            "{text}"
        );
        assert_eq!(
            String::from_utf8(iconv("CP1258", "UTF-8", bytes)).expect("utf8"),
            *text
        );
        // Bytes seen through cp1252.
        let cell = cp1252_view(&table, bytes);
        assert_eq!(
            legacy::decode(Encoding::Cp1258, &cell).as_deref(),
            Some(text.as_str()),
            "cell {cell:?}"
        );
    }
    // Whole columns through the cleaner: bytes seen through cp1252, and bytes decoded by a
    // cp1258 PC without composition (precomposed vowels + combining tones).
    let names = names();
    let encoded = &encoded[letters().len()..];
    let opts_for =
        |cells: &[String]| name_options(detect_column_encoding(cells.iter().map(String::as_str)));
    let through_1252: Vec<String> = encoded.iter().map(|b| cp1252_view(&table, b)).collect();
    let through_1258: Vec<String> = encoded
        .iter()
        .map(|b| b.iter().map(|&x| decoded_view[x as usize]).collect())
        .collect();
    assert_eq!(
        detect_column_encoding(through_1252.iter().map(String::as_str)),
        ColumnEncoding::Cp1258
    );
    // Decoded Windows-1258 is Unicode; its cells are composed one by one.
    assert_eq!(
        detect_column_encoding(through_1258.iter().map(String::as_str)),
        ColumnEncoding::Unicode
    );
    for (cells, decoded) in [(&through_1252, false), (&through_1258, true)] {
        let opts = opts_for(cells);
        let mut failures = Vec::new();
        for (name, cell) in names.iter().zip(cells.iter()) {
            let r = clean_text(cell, &opts);
            if &r.text != name {
                failures.push(format!(
                    "{name} <- {cell:?} -> {:?} {:?}",
                    r.text, r.changes
                ));
            } else if cell != name {
                // Ð (byte D0) is cp1258's Đ and also the Icelandic look-alike: either fix is right.
                // Decoded text with only plain vowels + tones ("Thi" + U+0323) is NFD as well.
                let fixes = if decoded {
                    [Change::LegacyCp1258, Change::Nfc]
                } else {
                    [Change::LegacyCp1258, Change::LookalikeLetter]
                };
                assert!(
                    r.changes.iter().any(|c| fixes.contains(c)),
                    "{name}: {:?}",
                    r.changes
                );
            }
        }
        assert!(
            failures.is_empty(),
            "column {:?}: {} not restored:\n{}",
            opts.column,
            failures.len(),
            failures.join("\n")
        );
    }
}

#[test]
fn nfd_from_python_free_source() {
    // NFD as produced by an independent normaliser is not available through iconv; the
    // unicode-normalization crate is the reference here, checked by its own conformance tests.
    for name in names() {
        let nfd: String = name.nfd().collect();
        let r = clean_text(&nfd, &name_options(ColumnEncoding::Unicode));
        assert_eq!(r.text, name);
    }
}
