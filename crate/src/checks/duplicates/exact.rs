//! The rule for two records of one child typed identically.

use super::compare::{Comparison, DobRel, IdRel, NameRel, Rel};

crate::declare_rule! {
    /// **Kiểm tra:** hai dòng giống hệt nhau sau khi làm sạch: họ tên, ngày sinh, giới tính, họ
    /// tên cha, mẹ, người giám hộ và số định danh (khác nhau về chữ hoa, khoảng trắng, dạng Unicode
    /// hay vị trí dấu thanh "Hoà"/"Hòa" vẫn là giống). Xã có thể khác.
    /// **What it checks:** two records whose name, date of birth, gender, father's, mother's and
    /// guardian's names and personal ID are identical after cleaning (case, spacing, Unicode form
    /// and tone-mark placement "Hoà"/"Hòa" aside). The commune may differ.
    ///
    /// **Vì sao / Why:** một trẻ có hai dòng (đăng ký hai lần, hoặc một lần gõ TCVN3, một lần
    /// Unicode); tải lên cả hai sẽ tạo hai trẻ trong phần mềm. / One child is listed twice;
    /// uploading both creates two children in the software.
    ///
    /// **Ví dụ / Example:** dòng 12 "Nguyễn Thị Hoà, 05/03/2015, Nữ, mẹ Lê Thị Lan" và dòng 870
    /// "NGUYỄN THỊ HÒA, 05/03/2015, Nữ, mẹ Lê Thị Lan".
    ///
    /// **Cách sửa / Fix:** giữ một dòng (dòng đầy đủ nhất), xoá các dòng còn lại. / Keep one
    /// record (the most complete) and delete the others.
    pub EXACT = ("dup.exact", Error, "Trẻ bị trùng: hai dòng giống hệt nhau", "Duplicate child: identical records");
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
    c.name == NameRel::Same
        && c.dob == DobRel::Same
        && c.gender == Rel::Same
        && c.parents.identical
        && c.id == IdRel::OneMissing
}
