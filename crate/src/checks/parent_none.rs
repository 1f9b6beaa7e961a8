crate::declare_rule! {
    /// **Kiểm tra:** cả họ tên cha, mẹ và người giám hộ đều trống.
    /// **What it checks:** father’s, mother’s and guardian’s names are all empty.
    ///
    /// **Vì sao / Why:** mỗi trẻ cần ít nhất một người chăm sóc được ghi nhận. / Each child
    /// needs at least one recorded carer.
    ///
    /// **Ví dụ / Example:** cột cha, mẹ, người giám hộ đều trống.
    ///
    /// **Cách sửa / Fix:** hỏi gia đình, bổ sung ít nhất một người. / Ask the household; add at
    /// least one.
    pub PARENT_NONE = ("parent.none", Error, "Không có cha, mẹ hay người giám hộ", "No father, mother or guardian");
}
