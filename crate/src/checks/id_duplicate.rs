crate::declare_rule! {
    /// **Kiểm tra:** cùng một số định danh xuất hiện ở hai trẻ khác nhau.
    /// **What it checks:** the same ID number on two different children.
    ///
    /// **Vì sao / Why:** mỗi người có một số định danh duy nhất. / Each person has one unique
    /// number.
    ///
    /// **Ví dụ / Example:** dòng 12 và dòng 340 cùng `079215000001`.
    ///
    /// **Cách sửa / Fix:** công an xác minh số đúng cho từng trẻ. / The police verify each
    /// child’s number.
    pub ID_DUPLICATE = ("id.duplicate", Error, "Cùng số định danh với trẻ khác trong danh sách", "Same ID as another child in the list");
}
