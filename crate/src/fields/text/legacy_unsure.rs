crate::declare_rule! {
    /// **Kiểm tra:** ô trông như chữ TCVN3/VNI nhưng cách đọc nào cũng hợp lệ hoặc kết quả
    /// không phải âm tiết tiếng Việt.
    /// **What it checks:** a cell that looks TCVN3/VNI but reads validly both ways, or whose
    /// conversion is not valid Vietnamese.
    ///
    /// **Vì sao / Why:** đổi sai còn tệ hơn không đổi. / A wrong conversion is worse than none.
    ///
    /// **Ví dụ / Example:** `HOÀ` (Unicode “HOÀ” hay VNI “HỒ”).
    ///
    /// **Cách sửa / Fix:** người kiểm tra đọc và gõ lại. / A person reads and retypes it.
    pub TEXT_LEGACY_UNSURE = ("text.legacy_unsure", Warning, "Có thể là chữ bảng mã cũ nhưng không chắc: giữ nguyên", "May be legacy-encoded text, not sure: left as is");
}
