crate::declare_rule! {
    /// **Kiểm tra:** giá trị không thuộc 54 dân tộc hay tên gọi khác đã biết.
    /// **What it checks:** a value that is none of the 54 groups or their known other names.
    ///
    /// **Vì sao / Why:** phần mềm sẽ từ chối khi tải lên. / The software rejects it on upload.
    ///
    /// **Ví dụ / Example:** `Kinhh`, `VN`.
    ///
    /// **Cách sửa / Fix:** sửa theo giấy khai sinh; xem gợi ý gần nhất. / Correct it from the
    /// birth certificate; see the nearest suggestion.
    pub ETHNICITY_UNKNOWN = ("ethnicity.unknown", Error, "Không nhận ra dân tộc", "Ethnic group not recognised");
}
