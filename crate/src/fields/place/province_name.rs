crate::declare_rule! {
    /// **Kiểm tra:** tên tỉnh/thành phố viết tắt, thiếu “Tỉnh”/“Thành phố”, hoặc chữ hoa/thường
    /// khác tên chính thức (63 tỉnh trước 2025 và 34 tỉnh từ 01/07/2025).
    /// **What it checks:** a province abbreviated, without “Tỉnh”/“Thành phố”, or in other case
    /// than its official name (the 63 provinces before 2025 and the 34 from 1 July 2025).
    ///
    /// **Vì sao / Why:** mẫu tải lên dùng đúng tên chính thức. / The upload template uses the
    /// exact official name.
    ///
    /// **Ví dụ / Example:** `TP.HCM` → `Thành phố Hồ Chí Minh`; `hà giang` → `Tỉnh Hà Giang`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub PLACE_PROVINCE_NAME = ("place.province_name", Fixed, "Tên tỉnh viết lại theo tên chính thức", "Province written in its official name");
}
