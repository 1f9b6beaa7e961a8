crate::declare_rule! {
    /// **Kiểm tra:** số định danh (của trẻ, cha, mẹ, người giám hộ) lưu dưới dạng ô số.
    /// **What it checks:** a personal ID number (child's, father's, mother's, guardian's)
    /// stored as a number cell.
    ///
    /// **Vì sao / Why:** Excel coi số định danh là số: mất số 0 ở đầu (`079215000001` thành
    /// `79215000001`) và có thể hiện dạng `7.92E+10`. / Excel treats the ID as a number: it
    /// drops the leading zero and may show it in scientific notation.
    ///
    /// **Ví dụ / Example:** ô số `1215000123` → văn bản `1215000123`.
    ///
    /// **Cách sửa / Fix:** tự động: ghi thành văn bản, giữ đủ mọi chữ số. / Automatic:
    /// written as text with every digit.
    pub ID_NUMERIC_CELL = ("id.numeric_cell", Fixed, "Số định danh lưu dạng số được ghi lại thành văn bản", "ID number stored as a number written as text");
}
