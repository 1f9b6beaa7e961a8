//! Why two records were matched: a small set of facts with stable codes, which the pipeline
//! turns into a message ("same name, date of birth and mother; given name differs by one
//! letter"). Codes are a contract like rule codes: add new ones, never rename.

use std::fmt;

/// One fact about a compared pair. `Same*` facts say a field is identical after cleaning on
/// both records; the others say how a field differed or was missing and still allowed a match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Evidence {
    SameName,
    SameDob,
    SameGender,
    SameFather,
    SameMother,
    SameGuardian,
    SameId,
    SameCommune,
    SameVillage,
    /// One record lacks one middle name ("Nguyễn Hồng" / "Nguyễn Thị Hồng").
    NameMiddleMissing,
    /// The given names differ by one letter, accents aside ("Hồng" / "Hồnh").
    NameGivenTypo,
    /// The names are equal only with accents removed ("Hà" / "Hạ"): a different name unless
    /// everything else agrees.
    NameAccents,
    /// Day and month swapped (both ≤ 12).
    DobDayMonthSwapped,
    /// One record has only a year of birth, the same year.
    DobYearOnly,
    /// One record has no date or year of birth.
    DobMissing,
    /// A parent's or guardian's name differs slightly (a missing middle name, one letter).
    ParentSimilar,
    /// No parent or guardian can be compared (missing on one record).
    ParentMissing,
    /// One parent matches but another, present on both records, differs.
    ParentDiffers,
    /// Gender missing on one record.
    GenderMissing,
    /// Personal ID on one record only.
    IdMissing,
    /// Both records have a personal ID, and they differ.
    IdDiffers,
    /// The communes differ (a child moved, or registered in two places).
    CommuneDiffers,
}

impl Evidence {
    pub const ALL: [Evidence; 22] = [
        Evidence::SameName,
        Evidence::SameDob,
        Evidence::SameGender,
        Evidence::SameFather,
        Evidence::SameMother,
        Evidence::SameGuardian,
        Evidence::SameId,
        Evidence::SameCommune,
        Evidence::SameVillage,
        Evidence::NameMiddleMissing,
        Evidence::NameGivenTypo,
        Evidence::NameAccents,
        Evidence::DobDayMonthSwapped,
        Evidence::DobYearOnly,
        Evidence::DobMissing,
        Evidence::ParentSimilar,
        Evidence::ParentMissing,
        Evidence::ParentDiffers,
        Evidence::GenderMissing,
        Evidence::IdMissing,
        Evidence::IdDiffers,
        Evidence::CommuneDiffers,
    ];

    /// The stable machine-readable code.
    pub fn code(self) -> &'static str {
        match self {
            Evidence::SameName => "same_name",
            Evidence::SameDob => "same_dob",
            Evidence::SameGender => "same_gender",
            Evidence::SameFather => "same_father",
            Evidence::SameMother => "same_mother",
            Evidence::SameGuardian => "same_guardian",
            Evidence::SameId => "same_id",
            Evidence::SameCommune => "same_commune",
            Evidence::SameVillage => "same_village",
            Evidence::NameMiddleMissing => "name_middle_missing",
            Evidence::NameGivenTypo => "name_given_typo",
            Evidence::NameAccents => "name_accents_differ",
            Evidence::DobDayMonthSwapped => "dob_day_month_swapped",
            Evidence::DobYearOnly => "dob_year_only",
            Evidence::DobMissing => "dob_missing",
            Evidence::ParentSimilar => "parent_similar",
            Evidence::ParentMissing => "parent_missing",
            Evidence::ParentDiffers => "parent_differs",
            Evidence::GenderMissing => "gender_missing",
            Evidence::IdMissing => "id_missing",
            Evidence::IdDiffers => "id_differs",
            Evidence::CommuneDiffers => "commune_differs",
        }
    }

    /// Whether the fact says a field is identical (as opposed to how it differed).
    pub fn is_same(self) -> bool {
        self <= Evidence::SameVillage
    }

    fn bit(self) -> u32 {
        1 << (self as u8)
    }
}

/// A set of [`Evidence`]. Displayed as its codes joined by `+` in a fixed order, e.g.
/// `same_name+same_dob+same_mother+dob_day_month_swapped`.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Reason(u32);

impl Reason {
    pub fn empty() -> Reason {
        Reason(0)
    }

    pub fn with(mut self, e: Evidence) -> Reason {
        self.0 |= e.bit();
        self
    }

    pub fn add(&mut self, e: Evidence) {
        self.0 |= e.bit();
    }

    pub fn contains(self, e: Evidence) -> bool {
        self.0 & e.bit() != 0
    }

    pub fn iter(self) -> impl Iterator<Item = Evidence> {
        Evidence::ALL.into_iter().filter(move |e| self.contains(*e))
    }

    pub fn codes(self) -> Vec<&'static str> {
        self.iter().map(Evidence::code).collect()
    }

    /// The reason of a group from the reasons of its links: a field is "same" for the group
    /// only when it is the same in every link; any difference found in one link is kept.
    pub fn combine(self, other: Reason) -> Reason {
        let same_mask: u32 = Evidence::ALL
            .iter()
            .filter(|e| e.is_same())
            .map(|e| e.bit())
            .sum();
        Reason(((self.0 & other.0) & same_mask) | ((self.0 | other.0) & !same_mask))
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.iter().enumerate() {
            if i > 0 {
                f.write_str("+")?;
            }
            f.write_str(e.code())?;
        }
        Ok(())
    }
}

impl fmt::Debug for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Reason({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_ordered() {
        let mut codes: Vec<_> = Evidence::ALL.iter().map(|e| e.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Evidence::ALL.len());
        for (i, e) in Evidence::ALL.iter().enumerate() {
            assert_eq!(*e as usize, i);
        }
    }

    #[test]
    fn combine_keeps_common_sames_and_all_differences() {
        let a = Reason::empty()
            .with(Evidence::SameName)
            .with(Evidence::SameDob)
            .with(Evidence::IdMissing);
        let b = Reason::empty()
            .with(Evidence::SameName)
            .with(Evidence::DobDayMonthSwapped);
        let c = a.combine(b);
        assert_eq!(c.to_string(), "same_name+dob_day_month_swapped+id_missing");
    }
}
