crate::declare_rule! {
    /// **Kiểm tra:** giới tính viết khác “Nam”/“Nữ” (nam, NAM, Nu, nữ, Trai, Gái, M, F, Male,
    /// Female, hoặc mã số theo chú thích ở tiêu đề cột).
    /// **What it checks:** a gender written other than “Nam”/“Nữ” (nam, NAM, Nu, nữ, Trai, Gái,
    /// M, F, Male, Female, or a code explained in the header).
    ///
    /// **Vì sao / Why:** mẫu tải lên chỉ nhận Nam hoặc Nữ. / The upload template accepts only
    /// Nam or Nữ.
    ///
    /// **Ví dụ / Example:** `nu` → `Nữ`; `Trai` → `Nam`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub GENDER_NORMALIZED = ("gender.normalized", Fixed, "Giới tính viết lại thành Nam/Nữ", "Gender written as Nam/Nữ");
}
