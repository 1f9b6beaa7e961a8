crate::declare_rule! {
    /// **Kiểm tra:** dấu huyền/sắc dùng mã U+0340/U+0341 đã bỏ.
    /// **What it checks:** grave/acute written with the deprecated U+0340/U+0341.
    ///
    /// **Vì sao / Why:** trông giống nhưng khác mã. / Looks the same, different code point.
    ///
    /// **Ví dụ / Example:** `a` + U+0341 → `á`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub TEXT_DEPRECATED_TONE = ("text.deprecated_tone", Fixed, "Dấu thanh dùng mã cũ (U+0340/U+0341) đổi sang mã chuẩn", "Deprecated tone-mark code points (U+0340/U+0341) replaced");
}
