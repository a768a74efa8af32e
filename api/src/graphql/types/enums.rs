//! GraphQL enums. Level scales mirror `domain` one to one (`remote`), so the API and the
//! domain can never disagree about a level's name.

use async_graphql::Enum;

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::CefrLevel")]
pub enum CefrLevel {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

/// The five areas of the digital competence framework.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::DigitalArea")]
pub enum DigitalArea {
    Information,
    Communication,
    ContentCreation,
    Safety,
    ProblemSolving,
}

/// algtasemel kasutaja < iseseisev kasutaja < vilunud kasutaja
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::DigitalLevel")]
pub enum DigitalLevel {
    Basic,
    Independent,
    Proficient,
}

/// Levels of education, lowest first.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::EducationLevel")]
pub enum EducationLevel {
    Basic,
    Vocational,
    Secondary,
    VocationalSecondary,
    PostSecondaryVocational,
    ProfessionalHigher,
    Higher,
    Bachelor,
    Master,
    Doctor,
}

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "domain::document::DocumentKind")]
pub enum DocumentKind {
    OccupationalStandard,
    Competence,
    JobDescription,
    JobAdvertisement,
}

/// What a file was read as (by its bytes, not its name).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "files::Format")]
pub enum FileFormat {
    Pdf,
    Docx,
    Odt,
    Html,
    Xml,
    Text,
}

#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum RequirementKind {
    Education,
    Experience,
    Language,
    Digital,
    Competence,
    Qualification,
}

/// How a competence stands in its standard.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
pub enum CompetenceKind {
    Mandatory,
    Optional,
    /// Kutset läbiv kompetents: required of every holder of the qualification.
    Transversal,
    /// Üldoskus (B.2 of IT standards).
    GeneralSkill,
}

/// The stored (SCREAMING_SNAKE_CASE) name of an enum value and back.
macro_rules! stored_names {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $name),+ }
            }
        }
        impl std::str::FromStr for $ty {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> {
                match s { $($name => Ok(Self::$variant),)+ _ => Err(()) }
            }
        }
    };
}

stored_names!(DocumentKind {
    OccupationalStandard => "OCCUPATIONAL_STANDARD",
    Competence => "COMPETENCE",
    JobDescription => "JOB_DESCRIPTION",
    JobAdvertisement => "JOB_ADVERTISEMENT",
});

stored_names!(RequirementKind {
    Education => "EDUCATION",
    Experience => "EXPERIENCE",
    Language => "LANGUAGE",
    Digital => "DIGITAL",
    Competence => "COMPETENCE",
    Qualification => "QUALIFICATION",
});

stored_names!(CompetenceKind {
    Mandatory => "MANDATORY",
    Optional => "OPTIONAL",
    Transversal => "TRANSVERSAL",
    GeneralSkill => "GENERAL_SKILL",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_read_back_to_the_same_value() {
        for kind in [
            RequirementKind::Education,
            RequirementKind::Experience,
            RequirementKind::Language,
            RequirementKind::Digital,
            RequirementKind::Competence,
            RequirementKind::Qualification,
        ] {
            assert_eq!(kind.as_str().parse::<RequirementKind>(), Ok(kind));
        }
        assert_eq!(
            "GENERAL_SKILL".parse::<CompetenceKind>(),
            Ok(CompetenceKind::GeneralSkill)
        );
        assert!("general".parse::<DocumentKind>().is_err());
    }
}
