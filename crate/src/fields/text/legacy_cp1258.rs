crate::declare_rule! {
    /// **Kiểm tra:** ô chứa chữ Windows-1258 (dấu thanh là ký tự riêng, hoặc byte cp1258 đọc
    /// nhầm qua cp1252).
    /// **What it checks:** text in Windows-1258 (tone marks as separate characters, or cp1258
    /// bytes misread through cp1252).
    ///
    /// **Vì sao / Why:** mã khác với Unicode dựng sẵn nên tên không khớp. / The code points
    /// differ from precomposed Unicode, so the name does not match.
    ///
    /// **Ví dụ / Example:** `NguyêÞn` → `Nguyễn`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub TEXT_LEGACY_CP1258 = ("text.legacy_cp1258", Fixed, "Chữ theo bảng mã Windows-1258 đổi sang Unicode dựng sẵn", "Windows-1258 text converted to precomposed Unicode");
}
