//! Cell notes ("comments" in the file): the text in `xl/commentsN.xml`, and the hidden
//! yellow boxes Excel draws them in, as a legacy VML drawing.

use super::xml;

pub struct Note {
    pub row: u32,
    pub col: u16,
    pub text: String,
}

pub fn sheet_rels(index: usize) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing\" Target=\"../drawings/vmlDrawing{index}.vml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"../comments{index}.xml\"/></Relationships>"
    )
}

pub fn comments_xml(notes: &[Note]) -> Vec<u8> {
    let mut out = Vec::with_capacity(notes.len() * 300);
    out.extend_from_slice(super::XML_DECLARATION);
    out.extend_from_slice(b"<comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><authors><author>LamSach</author></authors><commentList>");
    for n in notes {
        out.extend_from_slice(b"<comment ref=\"");
        out.extend_from_slice(&xml::column_letters(n.col));
        xml::push_u32(&mut out, n.row + 1);
        out.extend_from_slice(b"\" authorId=\"0\"><text><r><rPr><sz val=\"8\"/><color indexed=\"81\"/><rFont val=\"Tahoma\"/><family val=\"2\"/></rPr><t xml:space=\"preserve\">");
        xml::push_text(&mut out, &n.text);
        out.extend_from_slice(b"</t></r></text></comment>");
    }
    out.extend_from_slice(b"</commentList></comments>");
    out
}

/// The boxes: hidden until the pointer rests on the cell, anchored two columns wide and
/// four rows tall to the right of it, as Excel places a new note.
pub fn vml_drawing(notes: &[Note], widths: &[f64], sheet: usize) -> Vec<u8> {
    // Left edge of each column in points, from the widths in characters (7 px a character
    // plus 5 px padding; 0.75 pt a pixel; 64 px when no width is set).
    let column_pt = |c: usize| {
        widths
            .get(c)
            .map(|w| (w * 7.0 + 5.0).floor() * 0.75)
            .unwrap_or(48.0)
    };
    let mut out = Vec::with_capacity(notes.len() * 700);
    out.extend_from_slice(b"<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"");
    xml::push_u32(&mut out, sheet as u32);
    out.extend_from_slice(b"\"/></o:shapelayout><v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
    for (i, n) in notes.iter().enumerate() {
        let col = usize::from(n.col);
        let left: f64 = (0..=col).map(column_pt).sum::<f64>() + 11.25;
        let top = (f64::from(n.row.saturating_sub(1)) * 15.0 + 7.5).max(1.5);
        let shape_id = sheet as u64 * 1024 + 1 + i as u64;
        out.extend_from_slice(
            format!(
                "<v:shape id=\"_x0000_s{shape_id}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:{left}pt;margin-top:{top}pt;width:144pt;height:79.5pt;z-index:{z};visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox><x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{c1}, 15, {r1}, 10, {c2}, 15, {r2}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>",
                z = i + 1,
                c1 = col + 1,
                r1 = n.row.saturating_sub(1),
                c2 = col + 3,
                r2 = n.row.saturating_sub(1) + 5,
                row = n.row,
            )
            .as_bytes(),
        );
    }
    out.extend_from_slice(b"</xml>");
    out
}
