//! The rule for two records that are probably one child written differently.

use super::compare::{Comparison, DobRel, IdRel, NameRel, ParentMatch, Rel};

crate::declare_rule! {
    /// **Kiểm tra:** hai dòng có thể là cùng một trẻ dù có trường khác nhau: thiếu tên đệm, sai
    /// một chữ ở tên, đảo ngày và tháng, chỉ có năm sinh, tên cha/mẹ viết khác một chút, thiếu số
    /// định danh hoặc giới tính, khác xã (trẻ chuyển đi). Giới tính, ngày sinh, họ và tên phải
    /// khớp và phải có tên cha, mẹ hoặc người giám hộ trùng.
    /// **What it checks:** two records that are probably the same child although some fields
    /// differ. Gender (unless missing), the date of birth and the family and given names must
    /// agree, and a parent's or guardian's name must match; then the differences are weighed
    /// against a budget of 2:
    ///
    /// | difference | cost | also needs |
    /// |---|---|---|
    /// | a middle name missing on one record | 1 | |
    /// | one letter of a given name of 3+ letters (tone unchanged: "Hồng"/"Hồnh") | 1 | |
    /// | day and month swapped (both ≤ 12) | 1 | |
    /// | only the year of birth on one record | 1 | no typo or accents in the name, a parent's name identical, and the same commune or both parents identical |
    /// | a parent's name slightly different (and none identical) | 1 | no typo or accents in the name; the date, or the date swapped |
    /// | names equal only without accents ("Hà"/"Hạ") | 2 | same date, an identical parent, same commune |
    /// | no parent or guardian to compare | 2 | same name, date and commune |
    /// | no date of birth at all | 2 | no typo or accents in the name, an identical parent, same commune, and the same village or both parents identical |
    /// | one parent agrees, another (on both records) differs | 1 | same name, date and commune |
    /// | two different personal IDs | 1 | same name and date, an identical parent |
    /// | a missing ID or gender; another commune or village (a child who moved) | 0 | |
    ///
    /// Twins (same parents and date, different given names) are therefore not reported unless
    /// their given names differ by one letter ("Minh"/"Linh"), when a person must look.
    ///
    /// **Vì sao / Why:** dòng trùng còn sót sẽ thành hai trẻ trong phần mềm, và công an không thể
    /// cấp cùng một số cho cả hai. / Duplicates left in the list become two children in the
    /// software, and the police cannot give both the same number.
    ///
    /// **Ví dụ / Example:** dòng 40 "Trần Văn Hùng, 03/07/2016, cha Trần Văn Bình" và dòng 2210
    /// "Trần Hùng, 07/03/2016, cha Trần Văn Bình".
    ///
    /// **Cách sửa / Fix:** xác minh tại hộ gia đình; nếu là một trẻ, giữ một dòng với thông tin
    /// đúng và xoá dòng kia. / Check in the household; if it is one child, keep one record with
    /// the right values and delete the other.
    pub PROBABLE = ("dup.probable", Warning, "Có thể trùng trẻ: cần xác minh", "Possible duplicate child: check");
}

/// The largest sum of [`cost`]s a probable match may have: enough for two independent slips
/// (a typo in the given name and a swapped date), not for a pile of them.
const BUDGET: u32 = 2;

/// Whether the pair is probably one child. Hard conditions come first (each weaker piece of
/// evidence needs stronger support elsewhere); then the small differences must fit the budget.
pub(super) fn applies(c: &Comparison) -> bool {
    if c.gender == Rel::Different || c.name == NameRel::Different || c.dob == DobRel::Different {
        return false;
    }
    let parent = c.parents.best;
    if parent == ParentMatch::Different {
        return false;
    }
    let name_exact = c.name == NameRel::Same;
    let clean_name = name_exact
        || matches!(
            c.name,
            NameRel::Near {
                given_typo: false,
                accents: false,
                ..
            }
        );
    let same_commune = c.commune == Rel::Same;
    // Accent-folded names are different names ("Hà"/"Hạ") unless everything else agrees.
    if c.name.accents()
        && !(c.dob == DobRel::Same
            && parent == ParentMatch::Same
            && same_commune
            && c.name.defects() == 0)
    {
        return false;
    }
    // A year alone says less than a date, and a common parent's name ("Nguyễn Thị Hương")
    // recurs across a province: the name, a parent's name and either the commune or the
    // other parent must carry it.
    let same_parents = c.parents.same.iter().filter(|s| **s).count();
    if c.dob == DobRel::YearOnly
        && !(clean_name && parent == ParentMatch::Same && (same_commune || same_parents >= 2))
    {
        return false;
    }
    // No date at all says nothing: the name, a parent, the commune and either the village or
    // the other parent must all agree.
    if c.dob == DobRel::Missing
        && !(clean_name
            && parent == ParentMatch::Same
            && same_commune
            && (c.village == Rel::Same || same_parents >= 2))
    {
        return false;
    }
    // A parent's name merely close is weak support: not for a name with a typo, nor for a date
    // reduced to its year.
    if parent == ParentMatch::Similar
        && !(clean_name && matches!(c.dob, DobRel::Same | DobRel::Swapped))
    {
        return false;
    }
    // One parent agrees but the other, named on both records, does not: common parents' names
    // recur, so only the same name, date and commune will do.
    if c.parents.differs && !(name_exact && c.dob == DobRel::Same && same_commune) {
        return false;
    }
    // No parent to compare: only the same name, date and commune will do.
    if parent == ParentMatch::None && !(name_exact && c.dob == DobRel::Same && same_commune) {
        return false;
    }
    // Two different IDs are two people for the national database, unless all else is equal.
    if c.id == IdRel::Different
        && !(name_exact && c.dob == DobRel::Same && parent == ParentMatch::Same)
    {
        return false;
    }
    cost(c) <= BUDGET
}

/// What each difference costs against [`BUDGET`].
fn cost(c: &Comparison) -> u32 {
    let name = c.name.defects() + if c.name.accents() { 2 } else { 0 };
    let dob = match c.dob {
        DobRel::Same | DobRel::Different => 0,
        DobRel::Swapped | DobRel::YearOnly => 1,
        DobRel::Missing => 2,
    };
    let parent = match c.parents.best {
        ParentMatch::Same | ParentMatch::Different => 0,
        ParentMatch::Similar => 1,
        ParentMatch::None => 2,
    } + u32::from(c.parents.differs);
    let id = u32::from(c.id == IdRel::Different);
    name + dob + parent + id
}
