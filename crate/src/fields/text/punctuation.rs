crate::declare_rule! {
    /// **Kiểm tra:** dấu nháy ’ ‘ ʼ ` ´ và gạch – — ‐ trong tên.
    /// **What it checks:** apostrophes ’ ‘ ʼ ` ´ and dashes – — ‐ in names.
    ///
    /// **Vì sao / Why:** tên dân tộc thiểu số (H’Hen, Y–Nơ) phải viết một cách. / Minority
    /// names (H’Hen, Y–Nơ) must be written one way.
    ///
    /// **Ví dụ / Example:** `H’Hen Niê` → `H'Hen Niê`.
    ///
    /// **Cách sửa / Fix:** tự động. / Automatic.
    pub TEXT_PUNCTUATION = ("text.punctuation", Fixed, "Dấu nháy cong và gạch dài đổi thành ' và -", "Curly apostrophes and long dashes replaced by ' and -");
}
