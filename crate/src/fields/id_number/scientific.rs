crate::declare_rule! {
    /// **Kiểm tra:** số định danh dạng khoa học (7.92E+10).
    /// **What it checks:** an ID in scientific notation (7.92E+10).
    ///
    /// **Vì sao / Why:** các chữ số cuối đã mất, không thể khôi phục. / The last digits are
    /// gone and cannot be recovered.
    ///
    /// **Ví dụ / Example:** `7.92E+10`.
    ///
    /// **Cách sửa / Fix:** nhập lại số định danh từ giấy tờ. / Type the ID again from the
    /// papers.
    pub ID_SCIENTIFIC = ("id.scientific", Error, "Số định danh đã bị Excel đổi sang dạng 7.92E+10: mất chữ số", "ID turned into scientific notation by Excel: digits lost");
}
