crate::declare_rule! {
    /// **Kiểm tra:** số 9 chữ số (chứng minh nhân dân cũ).
    /// **What it checks:** a 9-digit number (an old CMND card).
    ///
    /// **Vì sao / Why:** trẻ dưới 14 tuổi chưa từng được cấp CMND; số này hầu như là của cha
    /// mẹ. / Children under 14 never had a CMND; it is almost always a parent’s.
    ///
    /// **Ví dụ / Example:** `012345678`.
    ///
    /// **Cách sửa / Fix:** công an cấp số định danh 12 chữ số của trẻ. / The police supply the
    /// child’s 12-digit ID.
    pub ID_CMND9 = ("id.cmnd9", Error, "Số CMND 9 chữ số, không phải số định danh (thường là của cha mẹ)", "A 9-digit CMND, not a personal ID (usually a parent’s)");
}
