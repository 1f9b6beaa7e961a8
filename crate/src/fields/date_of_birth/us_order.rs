crate::declare_rule! {
    /// **Kiểm tra:** ngày sinh viết tháng trước ngày, nhận ra chắc chắn vì “tháng” lớn hơn 12.
    /// **What it checks:** a date written month first, certain because the “month” is over 12.
    ///
    /// **Vì sao / Why:** máy đặt vùng Tiếng Anh (Mỹ) ghi ngày theo thứ tự tháng/ngày. / A PC
    /// set to English (US) writes dates month first.
    ///
    /// **Ví dụ / Example:** `05/25/2010` → `25/05/2010`.
    ///
    /// **Cách sửa / Fix:** tự động; chỉ khi không thể hiểu khác. / Automatic, only when no
    /// other reading exists.
    pub DOB_US_ORDER = ("dob.us_order", Fixed, "Ngày sinh ghi kiểu tháng/ngày (Mỹ) được đảo lại", "Date of birth in US month/day order swapped");
}
