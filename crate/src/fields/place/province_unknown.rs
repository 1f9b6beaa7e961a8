crate::declare_rule! {
    /// **Kiểm tra:** giá trị không khớp tỉnh nào trong 63 tỉnh cũ và 34 tỉnh mới.
    /// **What it checks:** a value matching none of the 63 former and 34 current provinces.
    ///
    /// **Vì sao / Why:** tên tỉnh sai làm sai địa chỉ khi tải lên. / A wrong province makes a
    /// wrong address on upload.
    ///
    /// **Ví dụ / Example:** `Hà Tây` (đã sáp nhập năm 2008 / merged in 2008).
    ///
    /// **Cách sửa / Fix:** sửa tay; không bao giờ đoán. / Correct by hand; never guessed.
    pub PLACE_PROVINCE_UNKNOWN = ("place.province_unknown", Warning, "Không nhận ra tên tỉnh", "Province not recognised");
}
