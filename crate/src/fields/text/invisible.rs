crate::declare_rule! {
    /// **Kiểm tra:** ký tự không nhìn thấy trong ô: U+200B, U+200C, U+200D, U+FEFF, U+2060,
    /// gạch mềm U+00AD (khi không phải chữ “ư” của TCVN3).
    /// **What it checks:** characters you cannot see: U+200B/C/D, U+FEFF, U+2060, soft hyphen
    /// U+00AD (when it is not TCVN3 “ư”).
    ///
    /// **Vì sao / Why:** làm hai tên giống hệt thành khác nhau. / They make two identical names
    /// differ.
    ///
    /// **Ví dụ / Example:** `Lan\u{200B}` → `Lan`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub TEXT_INVISIBLE = ("text.invisible", Fixed, "Bỏ ký tự vô hình (khoảng trắng độ rộng 0, BOM, gạch mềm)", "Invisible characters removed (zero-width space, BOM, soft hyphen)");
}
