crate::declare_rule! {
    /// **Kiểm tra:** số thứ 4 chẵn (nam) hay lẻ (nữ) khác với cột giới tính.
    /// **What it checks:** digit 4 even (male) or odd (female) disagrees with the gender
    /// column.
    ///
    /// **Vì sao / Why:** hoặc giới tính, hoặc số định danh bị ghi sai. / Either the gender or
    /// the ID is wrong.
    ///
    /// **Ví dụ / Example:** Nữ với `079215000001` (2 = nam sinh 2000–2099).
    ///
    /// **Cách sửa / Fix:** kiểm tra giới tính; nếu đúng, công an xác minh số. / Check the
    /// gender; if right, the police verify the ID.
    pub ID_GENDER_MISMATCH = ("id.gender_mismatch", Error, "Số thứ 4 của số định danh không khớp giới tính", "Digit 4 of the ID disagrees with the gender");
}
