crate::declare_rule! {
    /// **Kiểm tra:** số thứ 4 không phải 2 (nam) hoặc 3 (nữ) — là số của người sinh thế kỷ 20
    /// hoặc không hợp lệ.
    /// **What it checks:** digit 4 is not 2 (male) or 3 (female): a 20th-century birth, or
    /// invalid.
    ///
    /// **Vì sao / Why:** trẻ em sinh sau năm 2000; số này thường là của cha mẹ. / Children were
    /// born after 2000; this is usually a parent’s number.
    ///
    /// **Ví dụ / Example:** `079085000001` (0 = nam sinh 1900–1999).
    ///
    /// **Cách sửa / Fix:** công an xác minh. / The police verify it.
    pub ID_CENTURY = ("id.century", Error, "Số thứ 4 của số định danh cho thấy sinh trước năm 2000", "Digit 4 of the ID says born before 2000");
}
