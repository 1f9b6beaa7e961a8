//! The merged areas of an xlsx sheet: its `<mergeCell ref="…"/>` elements, which stand after
//! the cells, read from the few bytes that follow `</sheetData>` (our xlsx reader finds
//! them in the same pass as the cells, instead of calamine's second parse of the sheet).

use super::table::{cell_position, Merge};
use super::xml_elements::{attr, elements};

/// The merged areas named in the XML that follows a sheet's cells.
pub fn merges_in(tail: &[u8]) -> Vec<Merge> {
    let xml = format!("<x>{}", String::from_utf8_lossy(tail));
    let mut merges = Vec::new();
    // What follows the last mergeCell may be damaged: the areas before it still count.
    let _ = elements(&xml, "mergeCell", |e| {
        if let Some(area) = attr(e, "ref").as_deref().and_then(area) {
            merges.push(area);
        }
    });
    merges
}

/// `A1:J1` (or a single `B2`, or `$B$2:$C$3`) as a merge, 0-based.
fn area(reference: &str) -> Option<Merge> {
    let (first, last) = reference.split_once(':').unwrap_or((reference, reference));
    let (r0, c0) = cell(first)?;
    let (r1, c1) = cell(last)?;
    Some(Merge {
        first_row: r0.min(r1),
        first_col: c0.min(c1),
        last_row: r0.max(r1),
        last_col: c0.max(c1),
    })
}

fn cell(reference: &str) -> Option<(u32, u16)> {
    cell_position(reference.trim().replace('$', "").as_bytes())
}
