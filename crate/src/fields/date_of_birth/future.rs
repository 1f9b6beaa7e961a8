crate::declare_rule! {
    /// **Kiểm tra:** ngày sinh muộn hơn ngày tính tuổi.
    /// **What it checks:** a date of birth later than the reference date.
    ///
    /// **Vì sao / Why:** thường là gõ nhầm năm. / Usually a mistyped year.
    ///
    /// **Ví dụ / Example:** `05/03/2032`.
    ///
    /// **Cách sửa / Fix:** sửa theo giấy khai sinh. / Correct it from the birth certificate.
    pub DOB_FUTURE = ("dob.future", Error, "Ngày sinh sau ngày tính tuổi (ở tương lai)", "Date of birth after the reference date (in the future)");
}
