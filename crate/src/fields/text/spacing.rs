crate::declare_rule! {
    /// **Kiểm tra:** dấu cách thừa ở đầu, cuối hoặc giữa các chữ; dấu tab, xuống dòng và
    /// dấu cách không ngắt (NBSP) trong ô.
    /// **What it checks:** spaces before, after or doubled between words; tabs, line breaks
    /// and non-breaking spaces inside a cell.
    ///
    /// **Vì sao / Why:** `Nguyễn  Văn An ` và `Nguyễn Văn An` là hai giá trị khác nhau khi
    /// đối chiếu và khi tìm trùng. / They are different values to a comparison or a duplicate
    /// search.
    ///
    /// **Ví dụ / Example:** ` Lò  Văn\tPáo ` → `Lò Văn Páo`.
    ///
    /// **Cách sửa / Fix:** tự động: một dấu cách giữa các chữ, bỏ ở hai đầu. / Automatic:
    /// one space between words, none at either end.
    pub TEXT_SPACING = ("text.spacing", Fixed, "Bỏ dấu cách thừa, tab, xuống dòng", "Extra spaces, tabs and line breaks removed");
}
