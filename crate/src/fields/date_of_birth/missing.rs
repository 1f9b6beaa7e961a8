crate::declare_rule! {
    /// **Kiểm tra:** ô ngày sinh để trống.
    /// **What it checks:** an empty date-of-birth cell.
    ///
    /// **Vì sao / Why:** ngày sinh là thông tin cơ bản bắt buộc để cấp số định danh. / The date
    /// of birth is a required basic fact for the personal ID.
    ///
    /// **Ví dụ / Example:** `` (trống / empty).
    ///
    /// **Cách sửa / Fix:** hỏi gia đình hoặc xem giấy khai sinh. / Ask the family or see the
    /// birth certificate.
    pub DOB_MISSING = ("dob.missing", Error, "Thiếu ngày sinh", "Date of birth missing");
}
