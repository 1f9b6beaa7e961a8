crate::declare_rule! {
    /// **Kiểm tra:** ô ngày sinh chỉ có năm.
    /// **What it checks:** a date-of-birth cell holding only a year.
    ///
    /// **Vì sao / Why:** trẻ em cần đủ ngày, tháng, năm sinh. / A child needs a full date of
    /// birth.
    ///
    /// **Ví dụ / Example:** `2012`.
    ///
    /// **Cách sửa / Fix:** bổ sung ngày và tháng. / Add the day and month.
    pub DOB_YEAR_ONLY = ("dob.year_only", Warning, "Ngày sinh chỉ có năm", "Date of birth has only the year");
}
