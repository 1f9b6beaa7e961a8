crate::declare_rule! {
    /// **Kiểm tra:** họ tên có hơn sáu tiếng.
    /// **What it checks:** a full name of more than six syllables.
    ///
    /// **Vì sao / Why:** có thể hai tên bị gõ vào một ô. / Two names may have been typed into
    /// one cell.
    ///
    /// **Ví dụ / Example:** `Nguyễn Văn An Trần Thị Bình Minh`.
    ///
    /// **Cách sửa / Fix:** kiểm tra và tách. / Check and split.
    pub NAME_TOO_LONG = ("name.too_long", Warning, "Tên dài hơn sáu tiếng", "Name longer than six syllables");
}
