//! The rule for two records of one child typed identically.

use super::compare::{Comparison, DobRel, IdRel, NameRel, Rel};

rule_text! {
    /// **What it checks.** Two records whose name, date of birth, gender, parents' and
    /// guardian's names and personal ID are all identical after cleaning — case, spacing,
    /// Unicode form and tone-mark placement ("Hoà"/"Hòa") aside. The commune may differ.
    ///
    /// **Why it matters.** The same child is in the list twice (registered twice, or typed once
    /// in TCVN3 and once in Unicode); uploading both creates two children in the software.
    ///
    /// **Example.** Row 12 "Nguyễn Thị Hoà, 05/03/2015, Nữ, mẹ Lê Thị Lan" and row 870
    /// "NGUYỄN THỊ HÒA, 05/03/2015, Nữ, mẹ Lê Thị Lan".
    ///
    /// **How to fix.** Keep one record (the one with the most information) and delete the
    /// others. / Giữ lại một dòng (dòng đầy đủ thông tin nhất), xoá các dòng còn lại.
    ///
    /// Hai dòng trùng hoàn toàn: họ tên, ngày sinh, giới tính, họ tên cha, mẹ, người giám hộ và
    /// số định danh giống nhau sau khi làm sạch.
    pub EXACT = ("dup.exact", "error", "Trẻ bị trùng: hai dòng giống hệt nhau", "Duplicate child: identical records");
}

/// Every compared field identical: name, full date of birth, gender, each parent's and the
/// guardian's name (at least one filled), and the ID (equal, or missing on both). Twins
/// differ in their given names, so they never meet this rule.
pub(super) fn applies(c: &Comparison) -> bool {
    c.name == NameRel::Same
        && c.dob == DobRel::Same
        && c.gender == Rel::Same
        && c.parents.identical
        && matches!(c.id, IdRel::Same | IdRel::BothMissing)
}

/// Identical except that only one record has the personal ID. For merging: a child found in
/// a household has no ID yet (the police add it later), so this is the child already listed.
pub(super) fn applies_but_id(c: &Comparison) -> bool {
    c.name == NameRel::Same && c.dob == DobRel::Same && c.gender == Rel::Same && c.parents.identical && c.id == IdRel::OneMissing
}
