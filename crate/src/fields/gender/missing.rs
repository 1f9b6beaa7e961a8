crate::declare_rule! {
    /// **Kiểm tra:** ô giới tính để trống.
    /// **What it checks:** an empty gender cell.
    ///
    /// **Vì sao / Why:** giới tính là thông tin cơ bản bắt buộc. / Gender is a required basic
    /// fact.
    ///
    /// **Ví dụ / Example:** `` (trống / empty).
    ///
    /// **Cách sửa / Fix:** bổ sung theo giấy khai sinh. / Fill it in from the birth
    /// certificate.
    pub GENDER_MISSING = ("gender.missing", Error, "Thiếu giới tính", "Gender missing");
}
