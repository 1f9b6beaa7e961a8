//! The rule for a child found in a household who is probably one already in the list.

rule_text! {
    /// **What it checks.** A child found in a household who is probably one already in the
    /// list, written differently (the differences allowed are those of `dup.probable`), or who
    /// has the personal ID of a listed child.
    ///
    /// **Why it matters.** Adding the child without checking may create a duplicate.
    ///
    /// **Example.** New child "Trần Hùng, 07/03/2016" and row 40 "Trần Văn Hùng, 03/07/2016",
    /// same father.
    ///
    /// **How to fix.** Compare with the rows named; add the child only if it is someone else. /
    /// Đối chiếu với các dòng được nêu; chỉ thêm mới nếu là trẻ khác.
    ///
    /// Trẻ phát hiện mới có thể đã có trong danh sách.
    pub POSSIBLY_THERE = ("merge.possibly_there", "warning", "Trẻ có thể đã có trong danh sách", "Child possibly already in the list");
}
