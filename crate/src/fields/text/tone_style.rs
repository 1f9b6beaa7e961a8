crate::declare_rule! {
    /// **Kiểm tra:** âm tiết oa, oe, uy không có phụ âm cuối mang dấu ở vị trí khác kiểu đã
    /// chọn (chỉ khi chọn kiểu cũ hoặc mới).
    /// **What it checks:** oa, oe, uy syllables without a final consonant with the tone on the
    /// other vowel than the chosen style (only when a style is chosen).
    ///
    /// **Vì sao / Why:** cùng một danh sách nên viết một kiểu; khi so sánh, hai kiểu luôn coi
    /// là một. / One list should use one style; comparisons always treat both as equal.
    ///
    /// **Ví dụ / Example:** kiểu mới / new style: `Hoà` → `Hòa`, `Thuỷ` → `Thủy`.
    ///
    /// **Cách sửa / Fix:** tự động theo tuỳ chọn; không bao giờ đổi i/y. / Automatic by the
    /// option; i/y are never changed.
    pub NAME_TONE_STYLE = ("name.tone_style", Fixed, "Đặt lại vị trí dấu thanh theo kiểu đã chọn", "Tone mark moved to the chosen style");
}
