crate::declare_rule! {
    /// **Kiểm tra:** ngày sinh viết theo dạng khác dd/mm/yyyy (5/3/2012, 05-03-2012,
    /// 05.03.2012, 05/03/12, 2012-03-05, 20120305, “ngày 5 tháng 3 năm 2012”).
    /// **What it checks:** a date of birth written in another form than dd/mm/yyyy.
    ///
    /// **Vì sao / Why:** mẫu tải lên chỉ nhận dd/mm/yyyy; năm hai chữ số dễ bị hiểu sai. / The
    /// upload template takes dd/mm/yyyy only; two-digit years are easy to misread.
    ///
    /// **Ví dụ / Example:** `5/3/2012` → `05/03/2012`; `05/03/12` → `05/03/2012` (năm hai chữ
    /// số không lớn hơn năm nay là 20yy / two-digit years up to this year are 20yy).
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub DOB_REFORMATTED = ("dob.reformatted", Fixed, "Ngày sinh viết lại theo dạng dd/mm/yyyy", "Date of birth rewritten as dd/mm/yyyy");
}
