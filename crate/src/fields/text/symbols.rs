crate::declare_rule! {
    /// **Kiểm tra:** chữ số hoặc ký hiệu (ngoài ' và -) trong tên người.
    /// **What it checks:** digits or symbols (other than ' and -) in a person’s name.
    ///
    /// **Vì sao / Why:** thường là gõ nhầm hoặc ghi chú lẫn vào tên. / Usually a typo or a note
    /// typed into the name.
    ///
    /// **Ví dụ / Example:** `Nguyễn Văn An 2`, `Lê Thị (mẹ) Hoa`.
    ///
    /// **Cách sửa / Fix:** sửa tay. / Correct by hand.
    pub NAME_SYMBOLS = ("name.symbols", Warning, "Tên có chữ số hoặc ký hiệu lạ", "Name contains digits or symbols");
}
