crate::declare_rule! {
    /// **Kiểm tra:** ô viết kiểu VIQR: dấu thanh và dấu mũ bằng các ký tự ASCII ( ' ` ? ~ . ^ (
    /// + ) sau nguyên âm.
    /// **What it checks:** text in VIQR: tone and shape marks as ASCII signs after the vowel.
    ///
    /// **Vì sao / Why:** không phải chữ tiếng Việt thật, không đối chiếu được. / It is not real
    /// Vietnamese text and cannot be matched.
    ///
    /// **Ví dụ / Example:** `Nguye^~n Thi. Ho^`ng` → `Nguyễn Thị Hồng`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub TEXT_LEGACY_VIQR = ("text.legacy_viqr", Fixed, "Chữ viết kiểu VIQR (dấu bằng ký tự ASCII) đổi sang Unicode", "VIQR text (marks as ASCII signs) converted to Unicode");
}
