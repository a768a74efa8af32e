//! Evidence as data, for clients that draw a breakdown themselves: what the engine compared,
//! with the same values as the sentence `RequirementResult.evidence` says.

use async_graphql::Object;
use domain::score::Evidence;
use domain::score::evidence::Found;
use domain::{Language, LanguageLevel};

use super::candidate::{Experience, LanguageSkill};
use super::enums::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, RequirementKind};
use crate::i18n::{TextLanguage, entry_name};

pub struct EvidenceDetail(pub Evidence);

fn skill(language: Language, level: LanguageLevel) -> LanguageSkill {
    LanguageSkill {
        language: language.name_en().to_owned(),
        language_code: language.code().to_owned(),
        level: level.level.into(),
        native: level.native,
    }
}

#[Object]
impl EvidenceDetail {
    async fn kind(&self) -> RequirementKind {
        match &self.0 {
            Evidence::Education { .. } => RequirementKind::Education,
            Evidence::Language { .. } | Evidence::ForeignLanguages { .. } => {
                RequirementKind::Language
            }
            Evidence::Digital { .. } => RequirementKind::Digital,
            Evidence::Experience { .. } => RequirementKind::Experience,
            Evidence::Competence { .. } => RequirementKind::Competence,
            Evidence::Qualification { .. } => RequirementKind::Qualification,
        }
    }
    /// The candidate's education (EDUCATION); null when the profile does not say.
    async fn education(&self) -> Option<EducationLevel> {
        match &self.0 {
            Evidence::Education { held, .. } => held.map(Into::into),
            _ => None,
        }
    }
    /// The field of study asked for, as the document writes it (EDUCATION); null: any field.
    async fn study_field(&self) -> Option<&str> {
        match &self.0 {
            Evidence::Education { field, .. } => field.as_deref(),
            _ => None,
        }
    }
    /// With a field of study asked: the candidate's completed studies as the profile writes
    /// them (EDUCATION); null when the profile names none.
    async fn studied(&self) -> Option<&str> {
        match &self.0 {
            Evidence::Education { studied, .. } => studied.as_deref(),
            _ => None,
        }
    }
    /// The candidate's languages that were compared (LANGUAGE): the asked language, or the
    /// foreign languages that count (all of them when too few do).
    async fn languages(&self) -> Vec<LanguageSkill> {
        match &self.0 {
            Evidence::Language {
                language,
                held: Some(level),
                ..
            } => vec![skill(*language, *level)],
            Evidence::ForeignLanguages { shown, .. } => {
                shown.iter().map(|(l, lv)| skill(*l, *lv)).collect()
            }
            _ => Vec::new(),
        }
    }
    /// The level asked (LANGUAGE); null when any level will do.
    async fn min_cefr(&self) -> Option<CefrLevel> {
        match &self.0 {
            Evidence::Language { min, .. } | Evidence::ForeignLanguages { min, .. } => {
                min.map(Into::into)
            }
            _ => None,
        }
    }
    /// The area compared (DIGITAL); null: the typical level over all five.
    async fn digital_area(&self) -> Option<DigitalArea> {
        match &self.0 {
            Evidence::Digital { area, .. } => area.map(Into::into),
            _ => None,
        }
    }
    /// The areas a tool statement's tools serve (DIGITAL, no area); the lowest level among them
    /// was compared.
    async fn digital_served(&self) -> Vec<DigitalArea> {
        match &self.0 {
            Evidence::Digital { served, .. } => served.iter().map(|a| (*a).into()).collect(),
            _ => Vec::new(),
        }
    }
    /// The candidate's level there (DIGITAL); null when the profile does not say.
    async fn digital_level(&self) -> Option<DigitalLevel> {
        match &self.0 {
            Evidence::Digital { held, .. } => held.map(Into::into),
            _ => None,
        }
    }
    /// Years that counted (EXPERIENCE); for a competence taken from the job title held
    /// (COMPETENCE with `titleHeld`), the years in that title.
    async fn years(&self) -> Option<f64> {
        match &self.0 {
            Evidence::Competence {
                found: Some(Found::Title { years, .. }),
                ..
            } => Some(*years),
            Evidence::Experience { total, .. } => Some(*total),
            _ => None,
        }
    }
    /// The candidate's experience rows that counted for the field (EXPERIENCE).
    async fn experience(&self) -> Vec<Experience> {
        match &self.0 {
            Evidence::Experience { rows, .. } => rows
                .iter()
                .map(|r| Experience {
                    years: r.years,
                    description: r.text.clone(),
                })
                .collect(),
            _ => Vec::new(),
        }
    }
    /// The candidate's phrase that covered a competence (COMPETENCE), if one did.
    async fn phrase(&self) -> Option<&str> {
        match &self.0 {
            Evidence::Competence {
                found: Some(Found::Phrase { phrase, .. }),
                ..
            } => Some(phrase),
            _ => None,
        }
    }
    /// The candidate's experience row holding the post's own title, when nothing stated covered
    /// a soft competence and the title did (COMPETENCE): "infoturbejuht".
    async fn title_held(&self) -> Option<&str> {
        match &self.0 {
            Evidence::Competence {
                found: Some(Found::Title { text, .. }),
                ..
            } => Some(text),
            _ => None,
        }
    }
    /// How similar that phrase is to what it matched, 0..1.
    async fn similarity(&self) -> Option<f64> {
        match &self.0 {
            Evidence::Competence {
                found: Some(Found::Phrase { similarity, .. }),
                ..
            } => Some(*similarity),
            _ => None,
        }
    }
    /// The entry the phrase matched: "B.2.6 tegevusnäitaja 9"; with `language: EN` in English.
    async fn matched(&self, #[graphql(default)] language: TextLanguage) -> Option<String> {
        match &self.0 {
            Evidence::Competence {
                found: Some(Found::Phrase { matched, .. }),
                ..
            } => Some(entry_name(matched, language)),
            _ => None,
        }
    }
    /// True for a behavioural competence (COMPETENCE) the profile does not talk about: it
    /// is unknown, not shown to be weak, and earns half.
    async fn not_stated(&self) -> bool {
        matches!(
            &self.0,
            Evidence::Competence {
                not_stated: true,
                ..
            }
        )
    }
    /// The title of the qualification the candidate holds that covered it (COMPETENCE,
    /// QUALIFICATION).
    async fn qualification(&self) -> Option<&str> {
        match &self.0 {
            Evidence::Competence {
                found: Some(Found::Qualification(title)),
                ..
            }
            | Evidence::Qualification {
                held: Some(title), ..
            } => Some(title),
            _ => None,
        }
    }
}
