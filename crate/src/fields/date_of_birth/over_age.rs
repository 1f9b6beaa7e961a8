crate::declare_rule! {
    /// **Kiểm tra:** tuổi tính đến ngày tính tuổi bằng hoặc lớn hơn giới hạn (mặc định 16).
    /// Người sinh ngày 29/02 đủ tuổi vào 01/03 của năm không nhuận.
    /// **What it checks:** the age on the reference date is at least the limit (16 by default).
    /// Someone born on 29 February comes of age on 1 March in a common year.
    ///
    /// **Vì sao / Why:** danh sách chỉ gồm trẻ dưới 16 tuổi (Luật Trẻ em 2016). / The list
    /// covers children under 16 only (Law on Children 2016).
    ///
    /// **Ví dụ / Example:** sinh `01/01/2010`, ngày tính tuổi `27/11/2026` → 16 tuổi.
    ///
    /// **Cách sửa / Fix:** kiểm tra ngày sinh; nếu đúng, người này không thuộc danh sách. /
    /// Check the date; if right, the person is out of scope.
    pub DOB_OVER_AGE = ("dob.over_age", Warning, "Trẻ đã đủ tuổi giới hạn (16) vào ngày tính tuổi", "Child has reached the age limit (16) on the reference date");
}
