crate::declare_rule! {
    /// **Kiểm tra:** 3 số đầu không thuộc 63 mã tỉnh (001–096, có khoảng trống) hay 101–295
    /// (đăng ký khai sinh ở nước ngoài).
    /// **What it checks:** the first 3 digits are none of the 63 province codes (001–096, with
    /// gaps) nor 101–295 (registered abroad).
    ///
    /// **Vì sao / Why:** số có 3 số đầu sai chắc chắn là số sai. / A wrong prefix means a wrong
    /// number.
    ///
    /// **Ví dụ / Example:** `003215000001` (003 không phải mã tỉnh / is no province).
    ///
    /// **Cách sửa / Fix:** công an xác minh. / The police verify it.
    pub ID_PROVINCE_CODE = ("id.province_code", Error, "Ba số đầu của số định danh không phải mã tỉnh hay mã nước", "First three digits of the ID are no province or country code");
}
