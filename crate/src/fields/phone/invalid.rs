crate::declare_rule! {
    /// **Kiểm tra:** không phải số di động 10 số hay số cố định 11 số của Việt Nam.
    /// **What it checks:** neither a 10-digit Vietnamese mobile nor an 11-digit landline.
    ///
    /// **Vì sao / Why:** không liên lạc được với gia đình. / The family cannot be reached.
    ///
    /// **Ví dụ / Example:** `091234567`, `123`.
    ///
    /// **Cách sửa / Fix:** hỏi lại gia đình. / Ask the family again.
    pub PHONE_INVALID = ("phone.invalid", Warning, "Số điện thoại không hợp lệ", "Invalid phone number");
}
