crate::declare_rule! {
    /// **Kiểm tra:** ô chứa chữ gõ bằng bảng mã VNI-Windows (phông VNI-Times…).
    /// **What it checks:** text typed in VNI-Windows (VNI-Times… fonts).
    ///
    /// **Vì sao / Why:** giống TCVN3: chữ chỉ đúng với phông VNI. / As with TCVN3, the text
    /// reads right only in a VNI font.
    ///
    /// **Ví dụ / Example:** `Nguyeãn Thò Hoàng` → `Nguyễn Thị Hồng`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub TEXT_LEGACY_VNI = ("text.legacy_vni", Fixed, "Chữ gõ bằng bảng mã VNI đổi sang Unicode", "VNI-Windows text converted to Unicode");
}
