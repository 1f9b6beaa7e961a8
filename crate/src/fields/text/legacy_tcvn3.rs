crate::declare_rule! {
    /// **Kiểm tra:** ô chứa chữ gõ bằng bảng mã TCVN3/ABC (phông .VnTime, .VnArial; kể cả chữ
    /// hoa của phông .VnTimeH), nhận ra theo cả cột và từng ô, chỉ đổi khi kết quả là âm tiết
    /// tiếng Việt hợp lệ.
    /// **What it checks:** text typed in TCVN3/ABC (.VnTime, .VnArial fonts; .VnTimeH capitals
    /// too), recognised per column and per cell, converted only when the result is valid
    /// Vietnamese syllables.
    ///
    /// **Vì sao / Why:** trên máy không có phông cũ, tên hiện thành ký tự lạ và không khớp Cơ
    /// sở dữ liệu dân cư. / Without the old font the name shows as garbage and matches nothing
    /// in the population database.
    ///
    /// **Ví dụ / Example:** `NguyÔn ThÞ Hång` → `Nguyễn Thị Hồng`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub TEXT_LEGACY_TCVN3 = ("text.legacy_tcvn3", Fixed, "Chữ gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) đổi sang Unicode", "TCVN3 (ABC, .VnTime font) text converted to Unicode");
}
