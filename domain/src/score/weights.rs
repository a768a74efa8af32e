//! How much each requirement counts in the score, decided once: a stated minimum counts more
//! than a preference, and a standard's competences by how the standard ranks them.

use crate::document::CompetenceKind;

/// A hard requirement (a stated minimum, a knock-out).
pub const HARD_WEIGHT: f64 = 1.0;
/// A soft requirement (a preference).
pub const SOFT_WEIGHT: f64 = 0.5;

/// The usual weight of a hard or soft requirement.
pub fn requirement_weight(hard: bool) -> f64 {
    if hard { HARD_WEIGHT } else { SOFT_WEIGHT }
}

/// A standard's competence: mandatory ones count twice, those that run through the whole
/// qualification (kutset läbiv) one and a half times, optional ones and general skills once.
pub fn competence_weight(kind: CompetenceKind) -> f64 {
    match kind {
        CompetenceKind::Mandatory => 2.0,
        CompetenceKind::Transversal => 1.5,
        CompetenceKind::Optional | CompetenceKind::GeneralSkill => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minimum_counts_more_than_a_wish_and_a_mandatory_competence_most() {
        assert!(requirement_weight(true) > requirement_weight(false));
        assert!(
            competence_weight(CompetenceKind::Mandatory)
                > competence_weight(CompetenceKind::Transversal)
        );
        assert_eq!(competence_weight(CompetenceKind::GeneralSkill), 1.0);
    }
}
