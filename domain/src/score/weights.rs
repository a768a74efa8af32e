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

/// Experience in the job's own work (its title and tasks, `RequirementDoc::job_field`): the
/// mandatory part of a job, so it weighs as a standard's mandatory competence. At a soft
/// requirement's weight it was one wish among the ad's ten and scores said little; at this
/// weight a candidate who has done the job scores above 70 (labelled profiles: the median of
/// the qualified graded 3 went from 67 to 72, dev NDCG@5 0.766 -> 0.802, held-out 0.752 ->
/// 0.756).
pub const JOB_WORK_WEIGHT: f64 = 2.0;

/// A job's behavioural competence group ("Kliendikesksus" with its bullets) or its task group
/// ("Tööülesanded") weighs as a stated minimum; a name listed as an additional competence as a
/// wish.
pub fn group_weight(additional: bool) -> f64 {
    if additional { SOFT_WEIGHT } else { HARD_WEIGHT }
}

/// The weight of a requirement read from a document (or added to every job).
pub fn of_requirement(doc: &crate::document::RequirementDoc) -> f64 {
    if doc.is_job_field() {
        JOB_WORK_WEIGHT
    } else {
        requirement_weight(doc.hard)
    }
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

    #[test]
    fn the_jobs_own_work_weighs_as_a_mandatory_competence() {
        let job = crate::document::RequirementDoc::job_field();
        assert_eq!(
            of_requirement(&job),
            competence_weight(CompetenceKind::Mandatory)
        );
        let wish = crate::document::RequirementDoc { hard: false, ..job };
        let wish = crate::document::RequirementDoc {
            source: "Kasuks tuleb kogemus".into(),
            ..wish
        };
        assert_eq!(of_requirement(&wish), SOFT_WEIGHT);
        assert!(group_weight(false) > group_weight(true));
    }
}
