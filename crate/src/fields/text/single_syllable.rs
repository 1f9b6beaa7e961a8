crate::declare_rule! {
    /// **Kiểm tra:** họ tên chỉ có một tiếng.
    /// **What it checks:** a full name of one syllable.
    ///
    /// **Vì sao / Why:** họ tên đầy đủ có ít nhất họ và tên. / A full name has at least a
    /// family and a given name.
    ///
    /// **Ví dụ / Example:** `Lan`.
    ///
    /// **Cách sửa / Fix:** bổ sung họ. / Add the family name.
    pub NAME_SINGLE_SYLLABLE = ("name.single_syllable", Warning, "Tên chỉ có một tiếng", "Name has a single syllable");
}
