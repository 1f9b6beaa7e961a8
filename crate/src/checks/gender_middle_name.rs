crate::declare_rule! {
    /// **Kiểm tra:** tên đệm “Thị” với giới tính Nam, hoặc “Văn” với giới tính Nữ.
    /// **What it checks:** middle name “Thị” with gender Nam, or “Văn” with Nữ.
    ///
    /// **Vì sao / Why:** “Thị” thường là tên nữ, “Văn” thường là tên nam; có ngoại lệ nên chỉ
    /// cảnh báo, không sửa. / “Thị” is usually female and “Văn” male; exceptions exist, so this
    /// only warns.
    ///
    /// **Ví dụ / Example:** `Nguyễn Thị Lan`, Nam.
    ///
    /// **Cách sửa / Fix:** kiểm tra giới tính với giấy khai sinh. / Check the gender on the
    /// birth certificate.
    pub GENDER_MIDDLE_NAME = ("gender.middle_name", Warning, "Tên đệm “Thị”/“Văn” trái với giới tính", "Middle name “Thị”/“Văn” contradicts the gender");
}
