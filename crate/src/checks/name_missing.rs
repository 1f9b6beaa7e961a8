crate::declare_rule! {
    /// **Kiểm tra:** ô họ tên của trẻ để trống.
    /// **What it checks:** an empty child’s-name cell.
    ///
    /// **Vì sao / Why:** họ tên là thông tin cơ bản bắt buộc. / The name is a required basic
    /// fact.
    ///
    /// **Ví dụ / Example:** `` (trống / empty).
    ///
    /// **Cách sửa / Fix:** bổ sung theo giấy khai sinh. / Fill it in from the birth
    /// certificate.
    pub NAME_MISSING = ("name.missing", Error, "Thiếu họ tên trẻ", "Child’s name missing");
}
