crate::declare_rule! {
    /// **Kiểm tra:** ký tự của bảng chữ khác trong tên mà không có chữ Latinh tương ứng.
    /// **What it checks:** characters of another script in a name with no Latin counterpart.
    ///
    /// **Vì sao / Why:** tên sẽ không khớp khi đối chiếu. / The name will not match.
    ///
    /// **Ví dụ / Example:** `Nguyễn Тhị` với chữ lạ / with a foreign letter.
    ///
    /// **Cách sửa / Fix:** gõ lại. / Retype it.
    pub TEXT_MIXED_SCRIPT = ("text.mixed_script", Warning, "Chữ lẫn bảng chữ khác (Kirin, Hy Lạp…) không sửa được", "Letters from another script (Cyrillic, Greek…) that could not be repaired");
}
