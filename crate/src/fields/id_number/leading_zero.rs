crate::declare_rule! {
    /// **Kiểm tra:** số định danh 11 chữ số mà khi thêm số 0 ở đầu thì thành số hợp lệ.
    /// **What it checks:** an 11-digit ID that becomes valid with a leading zero.
    ///
    /// **Vì sao / Why:** ô kiểu số trong Excel bỏ số 0 đầu. / A number cell in Excel drops the
    /// leading zero.
    ///
    /// **Ví dụ / Example:** `79215000001` → `079215000001`.
    ///
    /// **Cách sửa / Fix:** tự động, chỉ khi số sau khi thêm hợp lệ. / Automatic, only when the
    /// padded number is valid.
    pub ID_LEADING_ZERO = ("id.leading_zero", Fixed, "Khôi phục số 0 đầu bị mất của số định danh", "Lost leading zero of the ID restored");
}
