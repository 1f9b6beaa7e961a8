crate::declare_rule! {
    /// **Kiểm tra:** tên gọi khác dùng cho nhiều dân tộc (ví dụ “Thổ”, “Mán”, “Xá Lá Vàng”).
    /// **What it checks:** an other name used for several groups (e.g. “Thổ”, “Mán”, “Xá Lá
    /// Vàng”).
    ///
    /// **Vì sao / Why:** không thể đoán đúng; cần người biết gia đình chọn. / It cannot be
    /// guessed; someone who knows the family must choose.
    ///
    /// **Ví dụ / Example:** `Mán` → Dao hoặc Sán Dìu / Dao or Sán Dìu.
    ///
    /// **Cách sửa / Fix:** chọn một trong các dân tộc gợi ý. / Pick one of the suggested
    /// groups.
    pub ETHNICITY_AMBIGUOUS = ("ethnicity.ambiguous", Warning, "Tên dân tộc có thể chỉ nhiều dân tộc", "Ethnic name may mean more than one group");
}
