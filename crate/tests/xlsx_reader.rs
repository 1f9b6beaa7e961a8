//! Our xlsx reader against calamine: for every xlsx fixture (written by openpyxl, XlsxWriter,
//! rust_xlsxwriter and by hand), for hand-made XML shapes and for random workbooks, reading
//! with our reader gives the same table as calamine alone — the same cells, merges and
//! sheet — or the same error.

use lamsach::workbook::read::{read_table_with, Xlsx};
use lamsach::workbook::table::Table;
use proptest::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

fn same_result(bytes: &[u8], name: &str, sheet: Option<&str>) {
    let quick = read_table_with(bytes, name, sheet, Xlsx::Quick);
    let reference = read_table_with(bytes, name, sheet, Xlsx::Calamine);
    match (quick, reference) {
        (Ok(a), Ok(b)) => same_table(&a, &b, name),
        (Err(a), Err(b)) => assert_eq!(a.code(), b.code(), "{name}: different errors"),
        (a, b) => panic!(
            "{name}: ours {:?}, calamine {:?}",
            a.map(|t| t.height()),
            b.map(|t| t.height())
        ),
    }
}

/// Whether our reader read the file itself (rather than leaving it to calamine).
fn ours(bytes: &[u8], sheet: Option<&str>) -> bool {
    matches!(
        lamsach::workbook::xlsx_reader::read(bytes, "x.xlsx", sheet),
        Ok(Some(_))
    )
}

fn same_table(a: &Table, b: &Table, name: &str) {
    assert_eq!(a.sheets, b.sheets, "{name}: sheet names");
    assert_eq!(a.sheet, b.sheet, "{name}: chosen sheet");
    assert_eq!(a.width, b.width, "{name}: width");
    assert_eq!(a.height(), b.height(), "{name}: height");
    for (r, (ra, rb)) in a.rows.iter().zip(&b.rows).enumerate() {
        assert_eq!(ra, rb, "{name}: row {}", r + 1);
    }
    assert_eq!(a.merges, b.merges, "{name}: merges");
}

fn xlsx_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            xlsx_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        {
            out.push(path);
        }
    }
}

#[test]
fn every_xlsx_fixture_reads_as_calamine_reads_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut files = Vec::new();
    xlsx_files(&root, &mut files);
    assert!(files.len() >= 20, "fixtures found: {}", files.len());
    let mut read_by_us = 0;
    let total = files.len();
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.display().to_string();
        same_result(&bytes, &name, None);
        read_by_us += usize::from(ours(&bytes, None));
        // Every sheet by name, too (the first with data is not the only one read).
        if let Ok(table) = read_table_with(&bytes, &name, None, Xlsx::Calamine) {
            for sheet in &table.sheets {
                same_result(&bytes, &name, Some(sheet));
            }
        }
    }
    // The bad files are calamine's to refuse; the good ones are ours.
    assert!(
        read_by_us * 2 >= total,
        "{read_by_us} of {total} read by us"
    );
}

/// A workbook from hand-written parts: `sheets` are (name, sheet XML), `strings` the
/// shared strings part, `styles` the styles part.
fn package(sheets: &[(&str, &str)], strings: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    let mut put = |name: &str, text: &str| parts.push((name.to_string(), text.into()));
    put(
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#,
    );
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    let mut book = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, (name, xml)) in sheets.iter().enumerate() {
        let n = i + 1;
        book.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
            name.replace('&', "&amp;")
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
        put(&format!("xl/worksheets/sheet{n}.xml"), xml);
    }
    book.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    put("xl/workbook.xml", &book);
    put("xl/_rels/workbook.xml.rels", &rels);
    if let Some(strings) = strings {
        put("xl/sharedStrings.xml", strings);
    }
    if let Some(styles) = styles {
        put("xl/styles.xml", styles);
    }
    zip_of(&parts)
}

const STYLES: &str = r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>"#;

fn sheet(rows: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>{rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>"#
    )
}

#[test]
fn hand_written_shapes_read_as_calamine_reads_them() {
    let strings = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6"><si><t>DANH SÁCH</t></si><si><t xml:space="preserve">  Nguyễn Văn An </t></si><si><t>  trimmed  </t></si><si><r><rPr><b/></rPr><t>Lò </t></r><r><t xml:space="preserve">Văn Páo</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si/><si><t>a&amp;b &lt;c&gt; &#7879; _x000D_ _x005F_x000D_
line</t></si></sst>"#;
    let cases: Vec<(&str, String)> = vec![
        ("plain", sheet(r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>5</v></c></row><row r="3"><c r="A3" s="1"><v>41000</v></c><c r="B3" s="2"><v>1.5</v></c><c r="C3" s="3"><v>45000.25</v></c><c r="D3" t="s"><v>4</v></c><c r="E3" t="s"><v>2</v></c></row>"#)),
        ("no references", sheet(r#"<row><c t="s"><v>0</v></c><c/><c><v>7</v></c></row><row><c><v>1</v></c></row><row r="7"><c t="b"><v>1</v></c><c t="b"><v>0</v></c></row><row/><row><c><v>2</v></c></row>"#)),
        ("types", sheet(r#"<row r="1"><c r="A1" t="str"><f>A2&amp;"x"</f><v>Lê &amp; Thị
Hoa</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1" t="e"><v>#DIV/0!</v></c><c r="D1" t="d"><v>2012-03-05T00:00:00</v></c><c r="E1" t="d"><v>not a date</v></c><c r="F1" t="inlineStr"><is><t xml:space="preserve"> inline </t></is></c><c r="G1" t="inlineStr"><is><r><t>rich</t></r><r><t> text</t></r></is></c><c r="H1"><v>1.5E+10</v></c><c r="I1" t="n"><v>-0.125</v></c><c r="J1"><v>79215000001</v></c><c r="K1"><v>abc</v></c><c r="L1"><f>SUM(A1)</f></c><c r="M1"><v>3</v><f>1+2</f></c><c r="N1" t="inlineStr"><is/></c><c r="O1" t="str"><v></v></c></row>"#)),
        ("whitespace and quotes", sheet("<row r='2' spans='1:3'>\n  <c t='s' r='B2' s='0'>\n    <v>1</v>\n  </c>\n  <!-- a comment -->\n  <c r='C2'\n     s=\"1\"><v>40000</v></c>\n</row>\n<row r=\"3\"><c r=\"AA3\"><v>1</v></c><c r=\"XFC3\"><v>2</v></c></row>")),
        ("far down", sheet(r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="5000"><c r="C5000" t="s"><v>0</v></c></row>"#)),
        ("empty cells only", sheet(r#"<row r="1"><c r="A1" s="1"/><c r="B1" t="s"><v></v></c></row>"#)),
    ];
    for (name, xml) in &cases {
        let bytes = package(&[(name, xml)], Some(strings), Some(STYLES));
        same_result(&bytes, name, None);
        // A sheet without a value is calamine's to report as empty.
        assert!(
            ours(&bytes, None) != (*name == "empty cells only"),
            "{name}: read by the wrong reader"
        );
        let bytes = package(&[(name, xml)], Some(strings), None);
        same_result(&bytes, name, None);
    }

    // A prefix on every element, in the sheet and the strings.
    let prefixed_sheet = r#"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>5</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>in</x:t></x:is></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>"#;
    let prefixed_strings = r#"<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>Hà Giang</x:t></x:si></x:sst>"#;
    let bytes = package(&[("x", prefixed_sheet)], Some(prefixed_strings), None);
    same_result(&bytes, "prefixed", None);
    assert!(ours(&bytes, None), "prefixed: left to calamine");
    assert_eq!(
        read_table_with(&bytes, "prefixed", None, Xlsx::Quick)
            .map(|t| t.cell(0, 0).display())
            .ok()
            .as_deref(),
        Some("Hà Giang")
    );

    // The first sheet empty, the second with data; an empty sheetData; each by name.
    let empty = r#"<worksheet><sheetData/></worksheet>"#;
    let data = sheet(r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#);
    let bytes = package(
        &[("Bìa", empty), ("Danh sách & trẻ", &data)],
        Some(strings),
        None,
    );
    same_result(&bytes, "second sheet", None);
    assert!(ours(&bytes, None), "second sheet: left to calamine");
    same_result(&bytes, "second sheet", Some("Bìa"));
    same_result(&bytes, "second sheet", Some("Danh sách & trẻ"));
    same_result(&bytes, "second sheet", Some("missing"));
    let bytes = package(&[("Bìa", empty)], None, None);
    same_result(&bytes, "nothing", None);

    // Damage: a string index past the table, a cut-off sheet.
    let bytes = package(
        &[(
            "s",
            &sheet(r#"<row r="1"><c r="A1" t="s"><v>99</v></c></row>"#),
        )],
        Some(strings),
        None,
    );
    same_result(&bytes, "index past the strings", None);
    let cut = &sheet(r#"<row r="1"><c r="A1"><v>1</v></c></row>"#)[..150];
    let bytes = package(&[("s", cut)], None, None);
    same_result(&bytes, "cut off", None);
}

#[derive(Clone, Debug)]
enum Value {
    Text(String),
    Number(f64),
    Date(f64),
    Bool(bool),
    Formula(String, String),
    Blank,
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        // Spaces at either end, entities, line ends, Excel's escapes, tabs.
        "[ a-zA-Zà-ỹĐđ0-9&<>\"'_\\n\\r\\t]{0,30}".prop_map(Value::Text),
        prop_oneof![
            Just("_x000D_"),
            Just("a_x005F_x000D_b"),
            Just("  lề  "),
            Just("\r\n"),
            Just("Nguye\u{302}\u{303}n")
        ]
        .prop_map(|s| Value::Text(s.to_string())),
        (-1e12f64..1e12).prop_map(Value::Number),
        (0u64..999_999_999_999).prop_map(|n| Value::Number(n as f64)),
        (1.0f64..60_000.0).prop_map(Value::Date),
        any::<bool>().prop_map(Value::Bool),
        "[a-zà-ỹ ]{0,10}".prop_map(|s| Value::Formula("\"x\"".into(), s)),
        Just(Value::Blank),
    ]
}

fn random_workbook(sheets: &[Vec<Vec<Value>>], merge: bool) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Formula, Workbook};
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (i, rows) in sheets.iter().enumerate() {
        let sheet = book.add_worksheet();
        sheet
            .set_name(format!("Trang {}", i + 1))
            .unwrap_or_else(|e| panic!("{e}"));
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                let result = match v {
                    Value::Text(s) => sheet.write_string(r, c, s),
                    Value::Number(n) => sheet.write_number(r, c, *n),
                    Value::Date(d) => sheet.write_number_with_format(r, c, *d, &date),
                    Value::Bool(b) => sheet.write_boolean(r, c, *b),
                    Value::Formula(f, result) => sheet.write_formula(
                        r,
                        c,
                        Formula::new(f.as_str()).set_result(result.as_str()),
                    ),
                    Value::Blank => continue,
                };
                result.unwrap_or_else(|e| panic!("{e}"));
            }
        }
        if merge && !rows.is_empty() {
            sheet
                .merge_range(0, 0, 0, 3, "Tiêu đề", &Format::new())
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    book.save_to_buffer().unwrap_or_else(|e| panic!("{e}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_workbooks_read_as_calamine_reads_them(
        sheets in prop::collection::vec(
            prop::collection::vec(prop::collection::vec(value(), 0..8), 0..12),
            1..3,
        ),
        merge in any::<bool>(),
    ) {
        let bytes = random_workbook(&sheets, merge);
        same_result(&bytes, "random", None);
        // The same table when the sheet comes scanned by another worker, in pieces.
        let direct = lamsach::workbook::xlsx_reader::read(&bytes, "x.xlsx", None).ok().flatten();
        let fed = read_shared(&bytes, None, 4093, false, Some((1, 2)));
        match (&direct, &fed) {
            (Some(a), Some(b)) => same_table(a, b, "random, fed"),
            (None, None) => {}
            _ => prop_assert!(false, "read one way only"),
        }
        // rust_xlsxwriter writes no cell for an empty text, as Excel does.
        let has_value = sheets
            .iter()
            .flatten()
            .flatten()
            .any(|v| !matches!(v, Value::Blank) && !matches!(v, Value::Text(t) if t.is_empty()));
        prop_assert!(!has_value || ours(&bytes, None), "left to calamine");
        same_result(&bytes, "random", Some("Trang 1"));
    }
}

/// The parts of an xlsx, inflated: (name, bytes).
fn parts_of(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap_or_else(|e| panic!("{e}"));
    (0..zip.len())
        .map(|i| {
            let mut part = zip.by_index(i).unwrap_or_else(|e| panic!("{e}"));
            let mut data = Vec::new();
            part.read_to_end(&mut data)
                .unwrap_or_else(|e| panic!("{e}"));
            let name = part.name().map(|n| n.to_string()).unwrap_or_default();
            (name, data)
        })
        .collect()
}

fn zip_of(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        zip.start_file(name.as_str(), options)
            .unwrap_or_else(|e| panic!("{e}"));
        zip.write_all(data).unwrap_or_else(|e| panic!("{e}"));
    }
    zip.finish().unwrap_or_else(|e| panic!("{e}")).into_inner()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Damage inside the XML (a byte changed, bytes cut out, some repeated, a run of one byte
    /// put in, the part cut short) gives a
    /// table or an error, never a panic, from whichever reader ends up reading it.
    #[test]
    fn damaged_xml_never_panics(
        fixture in 0usize..4,
        part in 0usize..16,
        at in any::<prop::sample::Index>(),
        how in 0u8..5,
        byte in prop::sample::select(b"<>/\"'=& _x0123456789:rcvtsiAZ\r\n".to_vec()),
        len in 1usize..40,
    ) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/xlsx_variants");
        let name = ["xlsxwriter_children_list.xlsx", "hand_xml_shapes.xlsx", "hand_sst_text_edges.xlsx", "hand_ns_prefix.xlsx"][fixture];
        let bytes = std::fs::read(root.join(name)).unwrap_or_else(|e| panic!("{e}"));
        let mut parts = parts_of(&bytes);
        let xml: Vec<usize> = (0..parts.len()).filter(|&i| parts[i].0.ends_with(".xml")).collect();
        let data = &mut parts[xml[part % xml.len()]].1;
        let i = at.index(data.len().max(1));
        match how {
            0 => if let Some(b) = data.get_mut(i) { *b = byte },
            1 => { let end = (i + len).min(data.len()); data.drain(i.min(end)..end); }
            2 => { let end = (i + len).min(data.len()); let copy = data[i.min(end)..end].to_vec(); data.splice(i.min(end)..i.min(end), copy); }
            3 => data.truncate(i),
            // A run of one byte: long numbers, long names, many quotes.
            _ => { let at = i.min(data.len()); data.splice(at..at, std::iter::repeat_n(byte, len)); }
        }
        let damaged = zip_of(&parts);
        // Our reader alone: what it leaves goes to calamine, whose debug build overflows on
        // some of these (a release build wraps; the page's worker is a release build).
        let result = std::panic::catch_unwind(|| {
            let _ = lamsach::workbook::xlsx_reader::read(&damaged, "damaged.xlsx", None);
        });
        prop_assert!(result.is_ok(), "{name}: panicked");
    }
}

/// Reads `bytes` as the page's first worker does: each part it opens is inflated elsewhere
/// and fed in pieces of `piece` bytes, the reader polled after each piece (pending between
/// them). Sheets come as the records of their cells, scanned as the page's second worker
/// scans them. `damage` feeds the first part's end as a failure, or gives a sheet a wrong
/// CRC-32.
fn read_fed(bytes: &[u8], sheet: Option<&str>, piece: usize, damage: bool) -> Option<Table> {
    read_shared(bytes, sheet, piece, damage, None)
}

/// [`read_fed`], the sheet's scanning shared as `share` says (of every `.1` pieces of rows,
/// `.0` handed over as XML) instead of the page's share.
fn read_shared(
    bytes: &[u8],
    sheet: Option<&str>,
    piece: usize,
    damage: bool,
    share: Option<(u32, u32)>,
) -> Option<Table> {
    use lamsach::workbook::xlsx_reader::records::SheetScan;
    use lamsach::workbook::xlsx_reader::source::{read_on, Feed, Inflate};
    /// A part inflated, or a sheet inflated and scanned as the page's second worker does,
    /// its stored bytes given a piece at a time as it asks for them.
    enum Part<'b> {
        Bytes(Inflate<&'b [u8]>),
        Cells(SheetScan, std::slice::Chunks<'b, u8>),
    }
    let mut feed = Feed::default();
    let giver = feed.clone();
    let mut reading = Box::pin(lamsach::workbook::xlsx_reader::read_from(
        bytes, "x.xlsx", sheet, &mut feed,
    ));
    let mut part: Option<Part> = None;
    let mut buf = vec![0; piece];
    loop {
        if let std::task::Poll::Ready(read) = read_on(reading.as_mut()) {
            return read.ok().flatten();
        }
        if let Some((entry, cells)) = giver.wanted() {
            let stored = &bytes[entry.start..entry.end];
            part = Some(if cells {
                // Damage to a sheet shows in its records (here: a CRC that does not match).
                let crc = if damage { entry.crc ^ 1 } else { entry.crc };
                let scan = match share {
                    Some((handed_over, of)) => {
                        SheetScan::sharing(entry.deflated, crc, handed_over, of)
                    }
                    None => SheetScan::new(entry.deflated, crc),
                };
                Part::Cells(scan, stored.chunks(piece))
            } else {
                Part::Bytes(Inflate::new(stored, entry.deflated, entry.crc))
            });
        }
        let read = match part.as_mut().expect("a part is being read") {
            Part::Bytes(inflating) => inflating.read(&mut buf),
            Part::Cells(scan, stored) => loop {
                match scan.read(&mut buf) {
                    Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                        scan.give(stored.next());
                    }
                    read => break read,
                }
            },
        };
        match read {
            Ok(0) => giver.end(!damage),
            Ok(n) => giver.give(&buf[..n]),
            Err(_) => giver.end(false),
        }
    }
}

#[test]
fn every_xlsx_fixture_reads_the_same_from_pieces_fed_as_they_come() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut files = Vec::new();
    xlsx_files(&root, &mut files);
    let mut fed = 0;
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let name = file.display().to_string();
        let direct = lamsach::workbook::xlsx_reader::read(&bytes, "x.xlsx", None)
            .ok()
            .flatten();
        // Pieces that end anywhere (a prime size) and the page's own size; the sheet's rows
        // scanned by the second worker, by the first, and by both.
        for piece in [4093, 1 << 20] {
            for share in [None, Some((0, 1)), Some((1, 1)), Some((1, 2))] {
                let from_pieces = read_shared(&bytes, None, piece, false, share);
                let how = format!("{name}, pieces of {piece}, {share:?} handed over");
                match (&direct, &from_pieces) {
                    (Some(a), Some(b)) => same_table(a, b, &how),
                    (None, None) => {}
                    _ => panic!("{how}: read one way only"),
                }
            }
        }
        if direct.is_some() {
            fed += 1;
            // A part that could not be inflated: left to calamine, never half a table.
            assert!(
                read_fed(&bytes, None, 4096, true).is_none(),
                "{name}: damaged part read"
            );
        }
    }
    assert!(fed >= 20, "fixtures read from pieces: {fed}");
}

#[test]
fn a_sheet_of_many_pieces_reads_the_same_however_its_scanning_is_shared() {
    // 30,000 rows of every kind of value, blanks and empty rows among them: many pieces of
    // rows, some scanned as records by the second worker, some handed over as XML.
    let mut seed = 2026u64;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let rows: Vec<Vec<Value>> = (0..30_000)
        .map(|r| {
            if r % 997 == 5 {
                return Vec::new();
            }
            (0..9)
                .map(|c| match (c, next(12)) {
                    (_, 0) => Value::Blank,
                    (0, _) => Value::Number(f64::from(r)),
                    (1 | 2, k) => Value::Text(format!("Nguyễn Văn {}", next(5_000) + k)),
                    (3, _) => Value::Date(40_000.0 + next(6_000) as f64),
                    (4, _) => Value::Text(["Nam", "Nữ", " nữ "][next(3) as usize].to_string()),
                    (5, _) => Value::Bool(next(2) == 0),
                    (6, _) => Value::Number(next(1_000_000_000) as f64 / 7.0),
                    (7, _) => Value::Formula("\"x\"".into(), format!("kết quả {}", next(9))),
                    _ => Value::Text(format!("0{}", next(100_000_000_000))),
                })
                .collect()
        })
        .collect();
    let bytes = random_workbook(&[rows], true);
    let direct = lamsach::workbook::xlsx_reader::read(&bytes, "x.xlsx", None)
        .expect("read")
        .expect("ours");
    assert!(direct.height() > 29_000);
    for share in [None, Some((0, 1)), Some((1, 1)), Some((1, 2)), Some((2, 3))] {
        let fed = read_shared(&bytes, None, 1 << 20, false, share).expect("read fed");
        same_table(&direct, &fed, &format!("{share:?} handed over"));
    }
}
