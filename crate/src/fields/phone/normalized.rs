crate::declare_rule! {
    /// **Kiểm tra:** số điện thoại có dấu cách, chấm, gạch, ngoặc, mã +84/84, hoặc mất số 0
    /// đầu.
    /// **What it checks:** a phone number with spaces, dots, dashes, brackets, +84/84, or a
    /// lost leading 0.
    ///
    /// **Vì sao / Why:** một cách viết thống nhất để gọi và đối chiếu. / One form to dial and
    /// compare.
    ///
    /// **Ví dụ / Example:** `+84 912.345.678` → `0912345678`; `912345678` → `0912345678`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub PHONE_NORMALIZED = ("phone.normalized", Fixed, "Số điện thoại viết lại dạng 10 số liền", "Phone number written as 10 digits");
}
