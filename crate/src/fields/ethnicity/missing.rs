crate::declare_rule! {
    /// **Kiểm tra:** ô dân tộc để trống.
    /// **What it checks:** an empty ethnic-group cell.
    ///
    /// **Vì sao / Why:** dân tộc là thông tin cơ bản bắt buộc. / Ethnicity is a required basic
    /// fact.
    ///
    /// **Ví dụ / Example:** `` (trống / empty).
    ///
    /// **Cách sửa / Fix:** bổ sung theo giấy khai sinh. / Fill it in from the birth
    /// certificate.
    pub ETHNICITY_MISSING = ("ethnicity.missing", Error, "Thiếu dân tộc", "Ethnic group missing");
}
