crate::declare_rule! {
    /// **Kiểm tra:** tiền tố viết tắt: “H.”, “Q.”, “TX.”, “TP.”, “X.”, “P.”, “TT.”.
    /// **What it checks:** an abbreviated prefix: “H.”, “Q.”, “TX.”, “TP.”, “X.”, “P.”, “TT.”.
    ///
    /// **Vì sao / Why:** một cách viết thống nhất cho cả danh sách. / One spelling across the
    /// list.
    ///
    /// **Ví dụ / Example:** `X. Tân Lập` → `Xã Tân Lập`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub PLACE_ADMIN_PREFIX = ("place.admin_prefix", Fixed, "Viết đầy đủ tiền tố đơn vị hành chính", "Administrative prefix written in full");
}
