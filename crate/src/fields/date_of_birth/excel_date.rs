crate::declare_rule! {
    /// **Kiểm tra:** ngày sinh lưu dưới dạng ô ngày của Excel (một số seri, ví dụ 40975).
    /// **What it checks:** a date of birth stored as an Excel date cell (a serial number such
    /// as 40975).
    ///
    /// **Vì sao / Why:** khi tải lên phần mềm, ô ngày có thể hiện thành số hoặc theo định
    /// dạng tháng/ngày của máy; mẫu quy định văn bản dd/mm/yyyy. / On upload a date cell can
    /// turn into a number or into the month/day order of the PC; the template asks for
    /// dd/mm/yyyy text.
    ///
    /// **Ví dụ / Example:** `40975` → `05/03/2012`. Cả hệ ngày 1900 và 1904 đều được tính
    /// đúng. / Both the 1900 and 1904 date systems are handled.
    ///
    /// **Cách sửa / Fix:** tự động: ghi thành văn bản dd/mm/yyyy. / Automatic: written as
    /// dd/mm/yyyy text.
    pub DOB_EXCEL_DATE = ("dob.excel_date", Fixed, "Ô ngày Excel đổi thành văn bản dd/mm/yyyy", "Excel date cell written as dd/mm/yyyy text");
}
