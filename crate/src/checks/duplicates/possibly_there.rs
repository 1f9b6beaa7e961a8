//! The rule for a child found in a household who is probably one already in the list.

crate::declare_rule! {
    /// **Kiểm tra:** trẻ phát hiện mới tại hộ gia đình có thể đã có trong danh sách nhưng viết khác
    /// (các khác biệt như ở `dup.probable`), hoặc mang số định danh của một trẻ đã có.
    /// **What it checks:** a child found in a household who is probably one already in the list,
    /// written differently (the differences `dup.probable` allows), or who has the personal ID
    /// of a listed child.
    ///
    /// **Vì sao / Why:** thêm mà không đối chiếu có thể tạo dòng trùng. / Adding the child without
    /// checking may create a duplicate.
    ///
    /// **Ví dụ / Example:** trẻ mới "Trần Hùng, 07/03/2016" và dòng 40 "Trần Văn Hùng,
    /// 03/07/2016", cùng cha.
    ///
    /// **Cách sửa / Fix:** đối chiếu với các dòng được nêu; chỉ thêm mới nếu là trẻ khác. / Compare
    /// with the rows named; add the child only if it is someone else.
    pub POSSIBLY_THERE = ("merge.possibly_there", Warning, "Trẻ có thể đã có trong danh sách", "Child possibly already in the list");
}
