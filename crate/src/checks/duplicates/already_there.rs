//! The rule for a child found in a household who is already in the exported list (step 3 of
//! the provincial plan: add the children not yet in the software, and no one else).

use super::compare::Comparison;
use super::exact;

crate::declare_rule! {
    /// **Kiểm tra:** trẻ phát hiện mới tại hộ gia đình giống hệt một dòng đã có trong danh sách:
    /// họ tên, ngày sinh, giới tính, họ tên cha, mẹ, người giám hộ (số định danh có thể chỉ có ở
    /// một bên, vì công an bổ sung sau).
    /// **What it checks:** a child found in a household whose record is identical to one already
    /// in the list: name, date of birth, gender, parents' and guardian's names. The ID may be on
    /// one record only, since the police add the missing ones later.
    ///
    /// **Vì sao / Why:** thêm lần nữa sẽ tạo dòng trùng trong phần mềm. / Adding the child again
    /// would create a duplicate in the software.
    ///
    /// **Ví dụ / Example:** trẻ mới "Phạm Gia Huy, 11/09/2019, Nam, mẹ Đỗ Thị Mai" là dòng 3150
    /// của danh sách.
    ///
    /// **Cách sửa / Fix:** không thêm mới; cập nhật dòng đã có nếu có thông tin mới. / Do not add
    /// it; update the existing row if the visit found new facts.
    pub ALREADY_THERE = ("merge.already_there", Warning, "Trẻ đã có trong danh sách", "Child already in the list");
}

/// The exact rule, or the exact rule but for an ID that only one record has.
pub(super) fn applies(c: &Comparison) -> bool {
    exact::applies(c) || exact::applies_but_id(c)
}
