crate::declare_rule! {
    /// **Kiểm tra:** tên địa danh viết toàn chữ hoa hoặc toàn chữ thường.
    /// **What it checks:** a place name in all capitals or all lower case.
    ///
    /// **Vì sao / Why:** Nghị định 30/2020 viết hoa chữ cái đầu mỗi tiếng của tên riêng. /
    /// Decree 30/2020 capitalises each syllable of proper names.
    ///
    /// **Ví dụ / Example:** `THÔN ĐÔNG` → `Thôn Đông`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub PLACE_CASING = ("place.casing", Fixed, "Tên địa danh viết hoa chữ đầu mỗi tiếng", "Place name capitalised per syllable");
}
