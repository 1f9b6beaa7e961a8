//! The rule for one personal ID on two records.

use super::compare::{Comparison, IdRel};

rule_text! {
    /// **What it checks.** The same non-empty personal identification number (số định danh cá
    /// nhân) on two or more records, whatever else they say. When the records are otherwise the
    /// same child, the group also carries `dup.exact` or `dup.probable` facts in its reason.
    ///
    /// **Why it matters.** One number belongs to one person in the national population
    /// database: either the child is listed twice, or one number was copied onto another
    /// child (a sibling, a twin, a parent's number pasted).
    ///
    /// **Example.** Rows 15 and 16, twins "Lê Văn An" and "Lê Văn Bình", both 079215000123.
    ///
    /// **How to fix.** Ask the commune police for the right number of each child, or delete
    /// the duplicate record. / Đề nghị công an xã xác minh số định danh đúng của từng trẻ,
    /// hoặc xoá dòng trùng.
    ///
    /// Một số định danh cá nhân xuất hiện ở nhiều dòng.
    pub SAME_ID = ("dup.same_id", "error", "Trùng số định danh cá nhân", "Same personal ID on several records");
}

/// The same non-empty ID on both records.
pub(super) fn applies(c: &Comparison) -> bool {
    c.id == IdRel::Same
}
