//! VNI and VIQR checked against a second, independent table: the npm package
//! `vietnamese-conversion` 2.0.0 (a devDependency; `scripts/text-oracle/encode.js` prints its
//! encodings as JSON). The test fails, never skips, when node or the package is missing.
//!
//! Known defects of the package, excluded (domain README §4.3/§4.4): its VNI for ỷ ỹ Ỷ Ỹ
//! (`ë ì Ë Ì` instead of `yû yõ YÛ YÕ`), and its TCVN3 capitals ("A" + a lower-case toned byte),
//! so TCVN3 is compared on lower-case text only.

use std::path::PathBuf;
use std::process::Command;

use lamsach::text::legacy::{self, Encoding, TcvnCapitals};
use lamsach::text::{
    clean_text, detect_column_encoding, Change, ColumnEncoding, TextKind, TextOptions, ToneStyle,
};

struct Encoded {
    unicode: String,
    vni: String,
    viqr: String,
    tcvn3: String,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn oracle(file: &std::path::Path) -> Vec<Encoded> {
    let script = repo().join("scripts/text-oracle/encode.js");
    let out = Command::new("node")
        .arg(&script)
        .arg(file)
        .current_dir(repo())
        .output()
        .unwrap_or_else(|e| panic!("node is required for this test and could not be run: {e}"));
    assert!(
        out.status.success(),
        "{} failed (is vietnamese-conversion@2.0.0 installed? `npm install` at the repository root): {}",
        script.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("oracle prints JSON");
    let arr = json.as_array().expect("a JSON array");
    arr.iter()
        .map(|o| {
            let field = |k: &str| {
                o.get(k)
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or_else(|| panic!("field {k}"))
                    .to_string()
            };
            Encoded {
                unicode: field("unicode"),
                vni: field("vni"),
                viqr: field("viqr"),
                tcvn3: field("tcvn3"),
            }
        })
        .collect()
}

fn names() -> Vec<Encoded> {
    let e = oracle(&repo().join("tests/text/names.txt"));
    assert!(e.len() >= 300);
    e
}

/// The 134 letters, one per line, in a temporary file for the oracle.
fn letters() -> Vec<Encoded> {
    let csv = std::fs::read_to_string(repo().join("crate/data/legacy_letters.csv")).expect("csv");
    let letters: Vec<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    assert_eq!(letters.len(), 134);
    let path = std::env::temp_dir().join(format!("lamsach-letters-{}.txt", std::process::id()));
    std::fs::write(&path, letters.join("\n")).expect("temp file");
    let e = oracle(&path);
    let _ = std::fs::remove_file(&path);
    e
}

/// The package's ỷ/ỹ VNI bug.
fn vni_bug(s: &str) -> bool {
    s.contains(['ỷ', 'ỹ', 'Ỷ', 'Ỹ'])
}

fn opts(column: ColumnEncoding) -> TextOptions {
    TextOptions {
        kind: TextKind::PersonName,
        tone_style: ToneStyle::Keep,
        name_casing: false,
        column,
    }
}

#[test]
fn letters_agree_with_the_npm_tables() {
    for e in letters() {
        if !vni_bug(&e.unicode) {
            assert_eq!(
                legacy::encode_vni(&e.unicode).as_deref(),
                Some(e.vni.as_str()),
                "VNI of {}",
                e.unicode
            );
            assert_eq!(
                legacy::decode(Encoding::Vni, &e.vni).as_deref(),
                Some(e.unicode.as_str()),
                "VNI {}",
                e.vni
            );
        }
        assert_eq!(
            legacy::encode_viqr(&e.unicode).as_deref(),
            Some(e.viqr.as_str()),
            "VIQR of {}",
            e.unicode
        );
        assert_eq!(
            legacy::decode(Encoding::Viqr, &e.viqr).as_deref(),
            Some(e.unicode.as_str()),
            "VIQR {}",
            e.viqr
        );
        if e.unicode.chars().all(char::is_lowercase) {
            assert_eq!(
                legacy::encode_tcvn3(&e.unicode, TcvnCapitals::HFont).as_deref(),
                Some(e.tcvn3.as_str()),
                "TCVN3 of {}",
                e.unicode
            );
        }
    }
}

#[test]
fn vni_names_from_npm_are_restored() {
    let all = names();
    let names: Vec<&Encoded> = all.iter().filter(|e| !vni_bug(&e.unicode)).collect();
    let column = detect_column_encoding(names.iter().map(|e| e.vni.as_str()));
    assert_eq!(column, ColumnEncoding::Vni);
    let mut failures = Vec::new();
    for e in &names {
        assert_eq!(
            legacy::encode_vni(&e.unicode).as_deref(),
            Some(e.vni.as_str()),
            "our VNI of {}",
            e.unicode
        );
        let r = clean_text(&e.vni, &opts(column));
        if r.text != e.unicode {
            failures.push(format!(
                "{} <- {:?} -> {:?} {:?}",
                e.unicode, e.vni, r.text, r.changes
            ));
        } else if e.vni != e.unicode {
            assert!(
                r.changes.contains(&Change::LegacyVni),
                "{}: {:?}",
                e.unicode,
                r.changes
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} not restored:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}

#[test]
fn viqr_names_from_npm_are_restored() {
    let names = names();
    let column = detect_column_encoding(names.iter().map(|e| e.viqr.as_str()));
    assert_eq!(column, ColumnEncoding::Viqr);
    let mut failures = Vec::new();
    for e in &names {
        assert_eq!(
            legacy::encode_viqr(&e.unicode).as_deref(),
            Some(e.viqr.as_str()),
            "our VIQR of {}",
            e.unicode
        );
        let r = clean_text(&e.viqr, &opts(column));
        if r.text != e.unicode {
            failures.push(format!(
                "{} <- {:?} -> {:?} {:?}",
                e.unicode, e.viqr, r.text, r.changes
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} not restored:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}

#[test]
fn lower_case_tcvn3_from_npm_is_restored() {
    // The package writes capitals its own way; lower-case text is standard VN3.
    let names = names();
    let dir = std::env::temp_dir().join(format!("lamsach-lower-{}.txt", std::process::id()));
    let lower: Vec<String> = names.iter().map(|e| e.unicode.to_lowercase()).collect();
    std::fs::write(&dir, lower.join("\n")).expect("temp file");
    let encoded = oracle(&dir);
    let _ = std::fs::remove_file(&dir);
    let column = detect_column_encoding(encoded.iter().map(|e| e.tcvn3.as_str()));
    assert_eq!(column, ColumnEncoding::Tcvn3);
    for e in &encoded {
        assert_eq!(
            legacy::decode(Encoding::Tcvn3, &e.tcvn3).as_deref(),
            Some(e.unicode.as_str()),
            "{:?}",
            e.tcvn3
        );
        let r = clean_text(&e.tcvn3, &opts(column));
        assert_eq!(r.text, e.unicode, "{:?} {:?}", e.tcvn3, r.changes);
    }
}
