//! What a column holds, recognised from its header text.

use serde::{Deserialize, Serialize};

/// The meaning of a column. Columns with no role pass through untouched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Số thứ tự.
    Stt,
    ChildName,
    DateOfBirth,
    Gender,
    Ethnicity,
    /// Số định danh cá nhân / CCCD of the child.
    PersonalId,
    FatherName,
    FatherBirthYear,
    FatherId,
    MotherName,
    MotherBirthYear,
    MotherId,
    /// Người giám hộ / nuôi dưỡng, or one column for "cha/mẹ/người giám hộ".
    GuardianName,
    GuardianId,
    Phone,
    Village,
    Commune,
    District,
    Province,
    /// A whole address in one column.
    Address,
    Notes,
}

impl Role {
    pub const ALL: [Role; 21] = [
        Role::Stt,
        Role::ChildName,
        Role::DateOfBirth,
        Role::Gender,
        Role::Ethnicity,
        Role::PersonalId,
        Role::FatherName,
        Role::FatherBirthYear,
        Role::FatherId,
        Role::MotherName,
        Role::MotherBirthYear,
        Role::MotherId,
        Role::GuardianName,
        Role::GuardianId,
        Role::Phone,
        Role::Village,
        Role::Commune,
        Role::District,
        Role::Province,
        Role::Address,
        Role::Notes,
    ];

    /// The stable name used in the CLI (`--column child_name=B`), the report and the page.
    pub fn key(self) -> &'static str {
        match self {
            Role::Stt => "stt",
            Role::ChildName => "child_name",
            Role::DateOfBirth => "date_of_birth",
            Role::Gender => "gender",
            Role::Ethnicity => "ethnicity",
            Role::PersonalId => "personal_id",
            Role::FatherName => "father_name",
            Role::FatherBirthYear => "father_birth_year",
            Role::FatherId => "father_id",
            Role::MotherName => "mother_name",
            Role::MotherBirthYear => "mother_birth_year",
            Role::MotherId => "mother_id",
            Role::GuardianName => "guardian_name",
            Role::GuardianId => "guardian_id",
            Role::Phone => "phone",
            Role::Village => "village",
            Role::Commune => "commune",
            Role::District => "district",
            Role::Province => "province",
            Role::Address => "address",
            Role::Notes => "notes",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Role::Stt => "Số thứ tự",
            Role::ChildName => "Họ và tên trẻ",
            Role::DateOfBirth => "Ngày sinh",
            Role::Gender => "Giới tính",
            Role::Ethnicity => "Dân tộc",
            Role::PersonalId => "Số định danh cá nhân",
            Role::FatherName => "Họ tên cha",
            Role::FatherBirthYear => "Năm sinh cha",
            Role::FatherId => "Số định danh của cha",
            Role::MotherName => "Họ tên mẹ",
            Role::MotherBirthYear => "Năm sinh mẹ",
            Role::MotherId => "Số định danh của mẹ",
            Role::GuardianName => "Người giám hộ",
            Role::GuardianId => "Số định danh người giám hộ",
            Role::Phone => "Điện thoại",
            Role::Village => "Thôn/Tổ",
            Role::Commune => "Xã/Phường",
            Role::District => "Quận/Huyện",
            Role::Province => "Tỉnh/Thành phố",
            Role::Address => "Địa chỉ",
            Role::Notes => "Ghi chú",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Role::Stt => "Row number",
            Role::ChildName => "Child's full name",
            Role::DateOfBirth => "Date of birth",
            Role::Gender => "Gender",
            Role::Ethnicity => "Ethnicity",
            Role::PersonalId => "Personal ID number",
            Role::FatherName => "Father's name",
            Role::FatherBirthYear => "Father's birth year",
            Role::FatherId => "Father's ID number",
            Role::MotherName => "Mother's name",
            Role::MotherBirthYear => "Mother's birth year",
            Role::MotherId => "Mother's ID number",
            Role::GuardianName => "Guardian",
            Role::GuardianId => "Guardian's ID number",
            Role::Phone => "Phone",
            Role::Village => "Village / hamlet",
            Role::Commune => "Commune / ward",
            Role::District => "District",
            Role::Province => "Province / city",
            Role::Address => "Address",
            Role::Notes => "Notes",
        }
    }

    /// Columns whose numeric cells are identifiers: shown as text with every digit.
    pub fn holds_digits(self) -> bool {
        matches!(
            self,
            Role::PersonalId | Role::FatherId | Role::MotherId | Role::GuardianId | Role::Phone
        )
    }

    /// Columns of free text that get Unicode and spacing clean-up.
    pub fn holds_text(self) -> bool {
        !matches!(self, Role::Stt)
    }

    /// Columns holding a person's name (casing and name checks apply).
    pub fn holds_person_name(self) -> bool {
        matches!(
            self,
            Role::ChildName | Role::FatherName | Role::MotherName | Role::GuardianName
        )
    }
}
