crate::declare_rule! {
    /// **Kiểm tra:** số thứ 4–6 (thế kỷ và hai số cuối năm sinh) khác năm của ngày sinh.
    /// **What it checks:** digits 4–6 (century and the last two digits of the birth year)
    /// differ from the year of birth.
    ///
    /// **Vì sao / Why:** hoặc ngày sinh, hoặc số định danh bị ghi sai. / Either the date of
    /// birth or the ID is wrong.
    ///
    /// **Ví dụ / Example:** sinh `2016`, số `079215000001` (2015).
    ///
    /// **Cách sửa / Fix:** kiểm tra ngày sinh; nếu đúng, công an xác minh số. / Check the date;
    /// if right, the police verify the ID.
    pub ID_BIRTH_YEAR_MISMATCH = ("id.birth_year_mismatch", Error, "Năm sinh trong số định danh không khớp ngày sinh", "Birth year in the ID disagrees with the date of birth");
}
