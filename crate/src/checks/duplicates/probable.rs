//! The rule for two records that are probably one child written differently.

use super::compare::{Comparison, DobRel, IdRel, NameRel, ParentMatch, Rel};

rule_text! {
    /// **What it checks.** Two records that are probably the same child although some field
    /// differs: a missing middle name, one wrong letter in the given name, day and month
    /// swapped, only the year of birth on one record, a parent's name written slightly
    /// differently, a missing ID or gender, another commune (a child who moved). The date of
    /// birth (or its year), the gender and a parent's name must still agree. Names equal only
    /// without accents ("Hà"/"Hạ") count only when date of birth, a parent and the commune are
    /// identical. Twins (same parents and date, different given names) are not reported unless
    /// their given names differ by a single letter.
    ///
    /// **Why it matters.** Duplicates left in the list become two children in the software, and
    /// the police cannot give both the same ID.
    ///
    /// **Example.** Row 40 "Trần Văn Hùng, 03/07/2016, cha Trần Văn Bình" and row 2210
    /// "Trần Hùng, 07/03/2016, cha Trần Văn Bình".
    ///
    /// **How to fix.** Check in the household whether this is one child; if so, keep one record
    /// with the right values and delete the other. / Xác minh tại hộ gia đình; nếu là một trẻ,
    /// giữ một dòng với thông tin đúng và xoá dòng kia.
    ///
    /// Hai dòng có thể là cùng một trẻ: tên đệm thiếu, sai một chữ ở tên, đảo ngày và tháng,
    /// chỉ có năm sinh, tên cha/mẹ viết khác một chút, thiếu số định danh hoặc khác xã.
    pub PROBABLE = ("dup.probable", "warning", "Có thể trùng trẻ: cần xác minh", "Possible duplicate child: check");
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
    let clean_name = name_exact || matches!(c.name, NameRel::Near { given_typo: false, accents: false, .. });
    let same_commune = c.commune == Rel::Same;
    // Accent-folded names are different names ("Hà"/"Hạ") unless everything else agrees.
    if c.name.accents() && !(c.dob == DobRel::Same && parent == ParentMatch::Same && same_commune && c.name.defects() == 0) {
        return false;
    }
    // A year alone, or no date at all, says little: the name and a parent must carry it.
    if matches!(c.dob, DobRel::YearOnly | DobRel::Missing) && !(clean_name && parent == ParentMatch::Same) {
        return false;
    }
    if c.dob == DobRel::Missing && !same_commune {
        return false;
    }
    // No parent to compare: only the same name, date and commune will do.
    if parent == ParentMatch::None && !(name_exact && c.dob == DobRel::Same && same_commune) {
        return false;
    }
    // Two different IDs are two people for the national database, unless all else is equal.
    if c.id == IdRel::Different && !(name_exact && c.dob == DobRel::Same && parent == ParentMatch::Same) {
        return false;
    }
    cost(c) <= BUDGET
}

/// What each difference costs against [`BUDGET`].
fn cost(c: &Comparison) -> u32 {
    let name = c.name.defects() + if c.name.accents() { 2 } else { 0 };
    let dob = match c.dob {
        DobRel::Same | DobRel::Different => 0,
        DobRel::Swapped => 1,
        DobRel::YearOnly | DobRel::Missing => 2,
    };
    let parent = match c.parents.best {
        ParentMatch::Same | ParentMatch::Different => 0,
        ParentMatch::Similar => 1,
        ParentMatch::None => 2,
    } + u32::from(c.parents.differs);
    let id = u32::from(c.id == IdRel::Different);
    name + dob + parent + id
}
