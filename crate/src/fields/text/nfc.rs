crate::declare_rule! {
    /// **Kiểm tra:** chữ tiếng Việt viết bằng Unicode tổ hợp (dấu tách rời, NFD) thay vì
    /// Unicode dựng sẵn (NFC).
    /// **What it checks:** Vietnamese letters written decomposed (NFD, the mark as a separate
    /// code point) instead of precomposed (NFC).
    ///
    /// **Vì sao / Why:** hai cách viết trông giống hệt nhau nhưng khác mã, nên khi công an
    /// đối chiếu với Cơ sở dữ liệu quốc gia về dân cư thì tên không khớp. / Both look the same
    /// on screen but differ in code points, so the name fails the comparison with the national
    /// population database.
    ///
    /// **Ví dụ / Example:** `Nguyễn` (e + ̂ + ̃) → `Nguyễn` (ễ, U+1EC5).
    ///
    /// **Cách sửa / Fix:** tự động: chuyển sang NFC. / Automatic: converted to NFC.
    pub TEXT_NFC = ("text.nfc", Fixed, "Chuyển chữ Unicode tổ hợp sang Unicode dựng sẵn (NFC)", "Decomposed Unicode converted to precomposed (NFC)");
}
