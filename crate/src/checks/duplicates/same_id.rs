//! The rule for one personal ID on two records.

use super::compare::{Comparison, IdRel};

crate::declare_rule! {
    /// **Kiểm tra:** cùng một số định danh cá nhân ở hai dòng trở lên, dù các trường khác thế nào.
    /// Nếu hai dòng còn là cùng một trẻ, lý do của nhóm có thêm các dấu hiệu của `dup.exact` hoặc
    /// `dup.probable`.
    /// **What it checks:** the same non-empty personal ID on two or more records, whatever else
    /// they say; when the records are otherwise the same child, the group's reason says so too.
    /// An ID on more than ten records is a placeholder ("000000000000"), not grouped.
    ///
    /// **Vì sao / Why:** mỗi số thuộc về một người trong Cơ sở dữ liệu quốc gia về dân cư: hoặc trẻ
    /// có hai dòng, hoặc số của trẻ khác (anh chị em, trẻ sinh đôi, cha mẹ) bị chép nhầm. / One
    /// number belongs to one person: either the child is listed twice or a number was copied
    /// onto another child (a sibling, a twin, a parent's number).
    ///
    /// **Ví dụ / Example:** dòng 15 và 16, trẻ sinh đôi "Lê Văn An" và "Lê Văn Bình", cùng
    /// `079215000123`.
    ///
    /// **Cách sửa / Fix:** đề nghị công an xã xác minh số đúng của từng trẻ, hoặc xoá dòng trùng.
    /// / Ask the commune police for each child's number, or delete the duplicate record.
    pub SAME_ID = ("dup.same_id", Error, "Trùng số định danh cá nhân", "Same personal ID on several records");
}

/// The same non-empty ID on both records.
pub(super) fn applies(c: &Comparison) -> bool {
    c.id == IdRel::Same
}
