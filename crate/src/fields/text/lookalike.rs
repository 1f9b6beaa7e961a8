crate::declare_rule! {
    /// **Kiểm tra:** chữ Ð/ð (Iceland), Ɖ (châu Phi), hoặc chữ Kirin/Hy Lạp giống hệt chữ
    /// Latinh nằm trong một từ tiếng Việt.
    /// **What it checks:** Ð/ð (Icelandic), Ɖ (African), or Cyrillic/Greek letters identical to
    /// Latin ones inside a Vietnamese word.
    ///
    /// **Vì sao / Why:** trông giống hệt nhưng máy so sánh thấy khác. / Identical to the eye,
    /// different to a comparison.
    ///
    /// **Ví dụ / Example:** `Ðinh` (U+00D0) → `Đinh` (U+0110); `Nguyеn` (е Kirin) → `Nguyen`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub TEXT_LOOKALIKE = ("text.lookalike", Fixed, "Chữ trông giống (Ð Iceland, chữ Kirin, Hy Lạp) đổi sang chữ Việt/Latinh", "Look-alike letters (Icelandic Ð, Cyrillic, Greek) replaced by Vietnamese/Latin ones");
}
