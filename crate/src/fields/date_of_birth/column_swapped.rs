crate::declare_rule! {
    /// **Kiểm tra:** trong cột ngày sinh, mọi ô ngày Excel đều có ngày ≤ 12 trong khi các ô văn
    /// bản có ngày > 12.
    /// **What it checks:** every Excel date cell of the column has a day ≤ 12 while text cells
    /// have days over 12.
    ///
    /// **Vì sao / Why:** dấu hiệu máy tiếng Anh đã đọc 05/06/2010 thành 6 tháng 5; không thể
    /// sửa tự động an toàn. / The sign of an English-locale PC reading 05/06/2010 as 6 May; it
    /// cannot be fixed safely by a machine.
    ///
    /// **Ví dụ / Example:** `ô ngày 06/05/2010` bên cạnh văn bản `25/05/2010`. / A date cell
    /// 06/05/2010 next to text 25/05/2010.
    ///
    /// **Cách sửa / Fix:** đối chiếu giấy khai sinh; không bao giờ tự đảo. / Check the birth
    /// certificate; never swapped automatically.
    pub DOB_COLUMN_SWAPPED = ("dob.column_swapped", Warning, "Cả cột ngày sinh có thể bị đảo ngày và tháng", "The whole date-of-birth column may have day and month swapped");
}
