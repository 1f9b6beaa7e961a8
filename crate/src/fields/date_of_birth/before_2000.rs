crate::declare_rule! {
    /// **Kiểm tra:** năm sinh nhỏ hơn 2000.
    /// **What it checks:** a birth year before 2000.
    ///
    /// **Vì sao / Why:** trẻ em hiện nay sinh từ năm 2006; năm trước 2000 thường là năm sinh
    /// của cha mẹ gõ nhầm cột. / Children today were born from 2006; a year before 2000 is
    /// usually a parent’s year typed in the wrong column.
    ///
    /// **Ví dụ / Example:** `12/04/1985`.
    ///
    /// **Cách sửa / Fix:** sửa theo giấy khai sinh. / Correct it from the birth certificate.
    pub DOB_BEFORE_2000 = ("dob.before_2000", Error, "Năm sinh trước 2000", "Born before 2000");
}
