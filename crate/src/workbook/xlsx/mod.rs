//! A streaming xlsx writer: each sheet's XML is generated row by row straight into the zip's
//! deflate stream, so a province's workbook is never held cell by cell in memory (the
//! general-purpose writer we used before kept every cell of every sheet, and needed 2 GB and
//! 12 s for 340,782 rows). It writes exactly what LamSach needs: strings (shared, or inline), numbers,
//! booleans, a fixed set of styles, column widths, frozen header rows, merged cells, an
//! autofilter and cell notes.
//!
//! Rows must be written in order, and cells in a row from left to right: the sheet is a
//! stream.

mod notes;
mod package;
mod sheet;
mod strings;
mod styles;
pub mod xml;

pub use package::{finish_now, write_on, Block, Deflater, Parts, Zip, DEFAULT_LEVEL};
pub use sheet::{SharedRun, Sheet, SheetSetup};
pub use styles::Style;

use crate::error::Error;
use strings::SharedStrings;

const XML_DECLARATION: &[u8] = b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
/// Bytes of XML gathered before they are handed to the compressor.
const CHUNK: usize = 256 * 1024;

pub(crate) fn write_error(e: impl std::fmt::Display) -> Error {
    Error::Write {
        detail: e.to_string(),
    }
}

struct SheetEntry {
    name: String,
    /// The autofilter's range as `$A$1:$H$11`, for the hidden `_FilterDatabase` name.
    filter: Option<String>,
    has_notes: bool,
}

/// One workbook being written into its [`Parts`], as it is made. Texts borrowed for `'a`
/// (the cleaned table, the findings) are shared without being copied.
pub struct Book<'a> {
    parts: &'a mut dyn Parts,
    strings: SharedStrings<'a>,
    sheets: Vec<SheetEntry>,
}

impl<'a> Book<'a> {
    pub fn new(parts: &'a mut dyn Parts) -> Self {
        Book {
            parts,
            strings: SharedStrings::new(),
            sheets: Vec::new(),
        }
    }

    /// Starts the next sheet; write its rows, then call [`Sheet::end`].
    pub fn sheet<'b>(&'b mut self, name: &str, setup: SheetSetup) -> Result<Sheet<'b, 'a>, Error> {
        let index = self.sheets.len() + 1;
        self.sheets.push(SheetEntry {
            name: name.to_string(),
            filter: None,
            has_notes: false,
        });
        self.start_part(&format!("xl/worksheets/sheet{index}.xml"))?;
        Sheet::start(self, index, setup)
    }

    fn start_part(&mut self, path: &str) -> Result<(), Error> {
        self.parts.start(path).map_err(write_error)
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.parts.write(bytes).map_err(write_error)
    }

    /// Done when the parts' receiver is ready for more.
    fn caught_up(&mut self) -> package::CaughtUp<'_> {
        package::CaughtUp(&mut *self.parts)
    }

    fn write_part(&mut self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        self.start_part(path)?;
        self.write(bytes)
    }

    /// Writes the package's other parts and the zip's directory.
    pub async fn finish(mut self) -> Result<(), Error> {
        if self.sheets.is_empty() {
            // Excel refuses a workbook without a sheet.
            self.sheet("Sheet1", SheetSetup::default())?.end().await?;
        }
        let has_strings = !self.strings.is_empty();
        if has_strings {
            self.start_part("xl/sharedStrings.xml")?;
            let Book { parts, strings, .. } = &mut self;
            strings
                .write_xml(CHUNK, |b| parts.write(b))
                .map_err(write_error)?;
        }
        self.write_part("xl/styles.xml", styles::STYLESHEET.as_bytes())?;
        let workbook = self.workbook_xml();
        self.write_part("xl/workbook.xml", workbook.as_bytes())?;
        let rels = self.workbook_rels(has_strings);
        self.write_part("xl/_rels/workbook.xml.rels", rels.as_bytes())?;
        let types = self.content_types(has_strings);
        self.write_part("[Content_Types].xml", types.as_bytes())?;
        self.write_part("_rels/.rels", ROOT_RELS.as_bytes())?;
        self.write_part("docProps/core.xml", CORE_PROPERTIES.as_bytes())?;
        let app = self.app_properties();
        self.write_part("docProps/app.xml", app.as_bytes())?;
        self.parts.finish().map_err(write_error)
    }

    fn workbook_xml(&self) -> String {
        let mut sheets = String::new();
        let mut names = String::new();
        for (i, s) in self.sheets.iter().enumerate() {
            sheets.push_str(&format!(
                "<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>",
                attr(&s.name),
                i + 1,
                i + 1
            ));
            if let Some(range) = &s.filter {
                let quoted = s.name.replace('\'', "''");
                names.push_str(&format!(
                    "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{i}\" hidden=\"1\">{}</definedName>",
                    text(&format!("'{quoted}'!{range}"))
                ));
            }
        }
        let names = if names.is_empty() {
            String::new()
        } else {
            format!("<definedNames>{names}</definedNames>")
        };
        format!(
            "{}<workbook xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>{sheets}</sheets>{names}<calcPr calcId=\"124519\"/></workbook>",
            declaration()
        )
    }

    fn workbook_rels(&self, has_strings: bool) -> String {
        let mut rels = String::new();
        let n = self.sheets.len();
        for i in 1..=n {
            rels.push_str(&format!(
                "<Relationship Id=\"rId{i}\" Type=\"{REL_NS}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>"
            ));
        }
        rels.push_str(&format!(
            "<Relationship Id=\"rId{}\" Type=\"{REL_NS}/styles\" Target=\"styles.xml\"/>",
            n + 1
        ));
        if has_strings {
            rels.push_str(&format!(
                "<Relationship Id=\"rId{}\" Type=\"{REL_NS}/sharedStrings\" Target=\"sharedStrings.xml\"/>",
                n + 2
            ));
        }
        format!(
            "{}<Relationships xmlns=\"{PKG_REL_NS}\">{rels}</Relationships>",
            declaration()
        )
    }

    fn content_types(&self, has_strings: bool) -> String {
        const SHEET: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml";
        let mut types = format!(
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>\
             <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
             <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
             <Override PartName=\"/xl/styles.xml\" ContentType=\"{SHEET}.styles+xml\"/>\
             <Override PartName=\"/xl/workbook.xml\" ContentType=\"{SHEET}.sheet.main+xml\"/>"
        );
        for (i, s) in self.sheets.iter().enumerate() {
            types.push_str(&format!(
                "<Override PartName=\"/xl/worksheets/sheet{}.xml\" ContentType=\"{SHEET}.worksheet+xml\"/>",
                i + 1
            ));
            if s.has_notes {
                types.push_str(&format!(
                    "<Override PartName=\"/xl/comments{}.xml\" ContentType=\"{SHEET}.comments+xml\"/>",
                    i + 1
                ));
            }
        }
        if has_strings {
            types.push_str(&format!(
                "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"{SHEET}.sharedStrings+xml\"/>"
            ));
        }
        format!(
            "{}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">{types}</Types>",
            declaration()
        )
    }

    fn app_properties(&self) -> String {
        let titles: String = self
            .sheets
            .iter()
            .map(|s| format!("<vt:lpstr>{}</vt:lpstr>", text(&s.name)))
            .collect();
        let n = self.sheets.len();
        format!(
            "{}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>LamSach</Application><HeadingPairs><vt:vector size=\"2\" baseType=\"variant\"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>{n}</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size=\"{n}\" baseType=\"lpstr\">{titles}</vt:vector></TitlesOfParts></Properties>",
            declaration()
        )
    }
}

fn declaration() -> &'static str {
    std::str::from_utf8(XML_DECLARATION).unwrap_or_default()
}

fn text(s: &str) -> String {
    let mut out = Vec::new();
    xml::push_text(&mut out, s);
    String::from_utf8(out).unwrap_or_default()
}

fn attr(s: &str) -> String {
    let mut out = Vec::new();
    xml::push_attr(&mut out, s);
    String::from_utf8(out).unwrap_or_default()
}

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>";

/// A fixed creation time, so the same input and options give the same bytes.
const CORE_PROPERTIES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>LamSach</dc:creator><cp:lastModifiedBy>LamSach</cp:lastModifiedBy><dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>";
