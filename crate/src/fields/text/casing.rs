crate::declare_rule! {
    /// **Kiểm tra:** họ tên viết toàn chữ hoa, toàn chữ thường hoặc lẫn lộn.
    /// **What it checks:** a name in all capitals, all lower case, or mixed.
    ///
    /// **Vì sao / Why:** Nghị định 30/2020: viết hoa chữ cái đầu mỗi tiếng của tên người. /
    /// Decree 30/2020: capitalise each syllable of a person’s name.
    ///
    /// **Ví dụ / Example:** `NGUYỄN thị hồng` → `Nguyễn Thị Hồng`; `H'hen niê` → `H'Hen Niê`.
    ///
    /// **Cách sửa / Fix:** tự động (tuỳ chọn “Viết hoa tên người”). / Automatic (option
    /// “Capitalise person names”).
    pub NAME_CASING = ("name.casing", Fixed, "Tên người viết hoa chữ đầu mỗi tiếng", "Person name capitalised per syllable");
}
