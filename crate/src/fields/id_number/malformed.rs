crate::declare_rule! {
    /// **Kiểm tra:** số định danh không phải 12 chữ số (có chữ cái hoặc độ dài sai).
    /// **What it checks:** an ID that is not 12 digits (letters, or the wrong length).
    ///
    /// **Vì sao / Why:** đây là nhóm “định dạng số CCCD/CMND bị sai” trong quy trình làm sạch.
    /// / This is the “wrongly formatted ID” class of the cleaning process.
    ///
    /// **Ví dụ / Example:** `07921500001`, `0792150000A1`.
    ///
    /// **Cách sửa / Fix:** công an xác minh và cấp số đúng. / The police verify and supply the
    /// right number.
    pub ID_MALFORMED = ("id.malformed", Error, "Số định danh không đủ 12 chữ số", "ID is not 12 digits");
}
