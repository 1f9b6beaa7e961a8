//! The rule for a child found in a household who is already in the exported list (step 3 of
//! the provincial plan: add the children not yet in the software, and no one else).

use super::compare::Comparison;
use super::exact;

rule_text! {
    /// **What it checks.** A child found in a household whose record is identical to one
    /// already in the list: name, date of birth, gender, parents' and guardian's names. The ID
    /// may be on one record only, since the police add the missing ones later.
    ///
    /// **Why it matters.** Adding the child again would create a duplicate in the software.
    ///
    /// **Example.** New child "Phạm Gia Huy, 11/09/2019, Nam, mẹ Đỗ Thị Mai" is row 3150 of
    /// the list.
    ///
    /// **How to fix.** Do not add it; update the existing row if the visit found new facts. /
    /// Không thêm mới; cập nhật dòng đã có nếu có thông tin mới.
    ///
    /// Trẻ phát hiện mới đã có trong danh sách.
    pub ALREADY_THERE = ("merge.already_there", "warning", "Trẻ đã có trong danh sách", "Child already in the list");
}

/// The exact rule, or the exact rule but for an ID that only one record has.
pub(super) fn applies(c: &Comparison) -> bool {
    exact::applies(c) || exact::applies_but_id(c)
}
