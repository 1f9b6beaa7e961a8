crate::declare_rule! {
    /// **Kiểm tra:** tên dân tộc viết theo biến thể (dấu gạch, khoảng trắng, dấu nháy, chữ hoa,
    /// tên gọi khác không nhầm lẫn được, mã số khi đã chọn danh mục mã).
    /// **What it checks:** an ethnic group written as a variant (hyphen, space, apostrophe,
    /// case, an unambiguous other name, a code when a code list is chosen).
    ///
    /// **Vì sao / Why:** phần mềm đối chiếu với danh mục 54 dân tộc. / The software matches
    /// against the list of 54 groups.
    ///
    /// **Ví dụ / Example:** `H’mông` → `Mông`; `Khmer` → `Khơ Me`; `kinh` → `Kinh`.
    ///
    /// **Cách sửa / Fix:** tự động; cách viết đầu ra theo tuỳ chọn danh mục. / Automatic; the
    /// output spelling follows the chosen list.
    pub ETHNICITY_NORMALIZED = ("ethnicity.normalized", Fixed, "Tên dân tộc viết lại theo cách viết chuẩn", "Ethnic group written in its standard spelling");
}
