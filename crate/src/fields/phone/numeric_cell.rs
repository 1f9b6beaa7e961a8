crate::declare_rule! {
    /// **Kiểm tra:** số điện thoại lưu dưới dạng ô số.
    /// **What it checks:** a phone number stored as a number cell.
    ///
    /// **Vì sao / Why:** ô số làm mất số 0 ở đầu (`0912345678` thành `912345678`). / A number
    /// cell loses the leading zero.
    ///
    /// **Ví dụ / Example:** ô số `912345678` → văn bản `912345678`.
    ///
    /// **Cách sửa / Fix:** tự động: ghi thành văn bản. / Automatic: written as text.
    pub PHONE_NUMERIC_CELL = ("phone.numeric_cell", Fixed, "Số điện thoại lưu dạng số được ghi lại thành văn bản", "Phone number stored as a number written as text");
}
