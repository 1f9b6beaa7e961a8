crate::declare_rule! {
    /// **Kiểm tra:** số di động 11 số với đầu số cũ (đổi năm 2018).
    /// **What it checks:** an 11-digit mobile number with a pre-2018 prefix.
    ///
    /// **Vì sao / Why:** từ 2019 các số 11 số không còn gọi được. / Since 2019 the 11-digit
    /// numbers no longer work.
    ///
    /// **Ví dụ / Example:** `01695678945` → `0395678945`.
    ///
    /// **Cách sửa / Fix:** tự động theo bảng chuyển đổi của Bộ TT&TT. / Automatic, by the
    /// ministry’s table.
    pub PHONE_OLD_PREFIX = ("phone.old_prefix", Fixed, "Đổi đầu số di động 11 số cũ sang 10 số", "Old 11-digit mobile prefix converted to 10 digits");
}
