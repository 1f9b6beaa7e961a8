crate::declare_rule! {
    /// **Kiểm tra:** cha hoặc mẹ hơn trẻ dưới 12 tuổi, hơn trên 70 tuổi, hoặc năm sinh không
    /// đọc được.
    /// **What it checks:** a parent less than 12 or more than 70 years older than the child, or
    /// a year that cannot be read.
    ///
    /// **Vì sao / Why:** thường là gõ nhầm năm hoặc nhầm cột. / Usually a mistyped year or the
    /// wrong column.
    ///
    /// **Ví dụ / Example:** trẻ sinh `2015`, mẹ sinh `2010`.
    ///
    /// **Cách sửa / Fix:** kiểm tra với gia đình. / Check with the household.
    pub PARENT_AGE_GAP = ("parent.age_gap", Warning, "Năm sinh của cha/mẹ không hợp lý so với trẻ", "Parent’s birth year implausible for the child");
}
