crate::declare_rule! {
    /// **Kiểm tra:** số CMND/CCCD của cha, mẹ hoặc người giám hộ không có 9 hay 12 chữ số, hoặc
    /// 3 số đầu sai.
    /// **What it checks:** a parent’s or guardian’s number that has neither 9 nor 12 digits, or
    /// a wrong prefix.
    ///
    /// **Vì sao / Why:** số sai không đối chiếu được với cơ sở dữ liệu dân cư. / A wrong number
    /// cannot be matched with the population database.
    ///
    /// **Ví dụ / Example:** `01234567`.
    ///
    /// **Cách sửa / Fix:** kiểm tra với giấy tờ của cha mẹ. / Check the parent’s card.
    pub ID_ADULT_INVALID = ("id.adult_invalid", Warning, "Số giấy tờ của cha/mẹ/người giám hộ không phải 9 hay 12 chữ số hợp lệ", "Parent’s or guardian’s ID is not a valid 9- or 12-digit number");
}
