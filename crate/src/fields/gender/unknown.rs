crate::declare_rule! {
    /// **Kiểm tra:** giá trị giới tính không phải Nam/Nữ hay một cách viết đã biết; số 1/0 chỉ
    /// được hiểu khi tiêu đề cột có chú thích (ví dụ “1: Nam, 2: Nữ”).
    /// **What it checks:** a value that is not Nam/Nữ or a known variant; 1/0 are read only
    /// when the header explains them (e.g. “1: Nam, 2: Nữ”).
    ///
    /// **Vì sao / Why:** đoán sai giới tính sẽ làm sai số định danh. / A wrong guess would make
    /// the ID check wrong.
    ///
    /// **Ví dụ / Example:** `1`, `x`, `?`.
    ///
    /// **Cách sửa / Fix:** ghi Nam hoặc Nữ. / Write Nam or Nữ.
    pub GENDER_UNKNOWN = ("gender.unknown", Error, "Giới tính không nhận ra được", "Gender not recognised");
}
