crate::declare_rule! {
    /// **Kiểm tra:** số định danh có dấu cách, dấu chấm, dấu gạch hoặc dấu nháy đầu (’) xen
    /// vào.
    /// **What it checks:** an ID number with spaces, dots, dashes or a leading apostrophe.
    ///
    /// **Vì sao / Why:** số định danh chỉ gồm 12 chữ số. / A personal ID is 12 digits only.
    ///
    /// **Ví dụ / Example:** `079 215 000 001` → `079215000001`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub ID_FORMATTING = ("id.formatting", Fixed, "Bỏ dấu cách, dấu chấm, gạch, nháy trong số định danh", "Spaces, dots, dashes and apostrophes removed from the ID");
}
