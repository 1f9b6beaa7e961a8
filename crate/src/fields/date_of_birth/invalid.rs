crate::declare_rule! {
    /// **Kiểm tra:** ngày sinh không phải một ngày có thật hoặc không đọc được.
    /// **What it checks:** a date that does not exist or cannot be read.
    ///
    /// **Vì sao / Why:** phần mềm sẽ từ chối khi tải lên. / The software rejects it on upload.
    ///
    /// **Ví dụ / Example:** `31/02/2015`, `13/13/2015`, `không rõ`.
    ///
    /// **Cách sửa / Fix:** xem giấy khai sinh và nhập lại. / See the birth certificate and type
    /// it again.
    pub DOB_INVALID = ("dob.invalid", Error, "Ngày sinh không hợp lệ", "Invalid date of birth");
}
