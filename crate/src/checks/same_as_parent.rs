crate::declare_rule! {
    /// **Kiểm tra:** họ tên trẻ giống hệt họ tên cha, mẹ hoặc người giám hộ.
    /// **What it checks:** the child’s name equals a parent’s or guardian’s name.
    ///
    /// **Vì sao / Why:** thường là gõ nhầm cột. / Usually typed into the wrong column.
    ///
    /// **Ví dụ / Example:** trẻ `Nguyễn Văn An`, cha `Nguyễn Văn An`.
    ///
    /// **Cách sửa / Fix:** kiểm tra với gia đình. / Check with the household.
    pub NAME_SAME_AS_PARENT = ("name.same_as_parent", Warning, "Họ tên trẻ trùng họ tên cha/mẹ/người giám hộ", "Child’s name identical to a parent’s or guardian’s");
}
