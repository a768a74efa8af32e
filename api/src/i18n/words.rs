//! The word tables: one per language, the only place the engine's words are written. A new
//! language is a new table.

use domain::{DigitalArea, DigitalLevel, EducationLevel, Language};

pub struct Words {
    pub required: &'static str,
    pub unknown: &'static str,
    pub missing: &'static str,
    pub at_least: &'static str,
    pub preferably: &'static str,
    pub recommended: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub education: &'static str,
    pub field_of_study: &'static str,
    pub any_level: &'static str,
    pub native: &'static str,
    pub foreign_language: &'static str,
    /// "2 võõrkeelt": the plural after a count.
    pub foreign_languages: &'static str,
    pub no_foreign_language: &'static str,
    pub spoken: &'static str,
    pub written: &'static str,
    pub digital: &'static str,
    pub work_experience: &'static str,
    pub no_experience: &'static str,
    /// After a number of years: "5 a".
    pub years: &'static str,
    pub qualification: &'static str,
    pub covers: &'static str,
    pub held: &'static str,
    pub no_matching_skill: &'static str,
    /// A competence taken as partly held from the post's own title held.
    pub by_title: &'static str,
    /// A behavioural competence the profile does not talk about: unknown, counted as half.
    pub not_stated: &'static str,
    pub indicator: &'static str,
    pub knowledge: &'static str,
    /// "eesti keel" / "Estonian": a language on its own.
    pub language: fn(Language) -> String,
    /// "eesti" / "Estonian": a language in a list.
    pub language_short: fn(Language) -> &'static str,
    pub education_level: fn(EducationLevel) -> &'static str,
    pub digital_area: fn(DigitalArea) -> &'static str,
    pub digital_level: fn(DigitalLevel) -> &'static str,
}

fn language_et(language: Language) -> String {
    if language == Language::EstonianSignLanguage {
        language.name_et().to_owned()
    } else {
        format!("{} keel", language.name_et())
    }
}

pub static ET: Words = Words {
    required: "nõutud",
    unknown: "teadmata",
    missing: "puudub",
    at_least: "vähemalt",
    preferably: "soovitavalt",
    recommended: "soovitatud",
    yes: "jah",
    no: "ei",
    education: "haridus",
    field_of_study: "eriala",
    any_level: "mis tahes tasemel",
    native: "emakeel",
    foreign_language: "võõrkeel",
    foreign_languages: "võõrkeelt",
    no_foreign_language: "võõrkeel puudub",
    spoken: "kõnes",
    written: "kirjas",
    digital: "digipädevus",
    work_experience: "töökogemus",
    no_experience: "kogemus puudub",
    years: "a",
    qualification: "kutse",
    covers: "katab",
    held: "olemas",
    no_matching_skill: "vastavat oskust pole",
    by_title: "eeldatav ametinimetusest",
    not_stated: "profiilis nimetamata (arvestatud poolega)",
    indicator: "tegevusnäitaja",
    knowledge: "teadmine",
    language: language_et,
    language_short: Language::name_et,
    education_level: EducationLevel::name_et,
    digital_area: DigitalArea::name_et,
    digital_level: DigitalLevel::name_et,
};

pub static EN: Words = Words {
    required: "required",
    unknown: "unknown",
    missing: "missing",
    at_least: "at least",
    preferably: "preferably",
    recommended: "recommended",
    yes: "yes",
    no: "no",
    education: "education",
    field_of_study: "field of study",
    any_level: "at any level",
    native: "native",
    foreign_language: "foreign language",
    foreign_languages: "foreign languages",
    no_foreign_language: "no foreign language",
    spoken: "spoken",
    written: "written",
    digital: "digital competence",
    work_experience: "work experience",
    no_experience: "no experience",
    years: "y",
    qualification: "qualification",
    covers: "covers",
    held: "held",
    no_matching_skill: "no matching skill",
    by_title: "implied by the job title",
    not_stated: "not stated in the profile (counted as half)",
    indicator: "performance indicator",
    knowledge: "knowledge",
    language: |language| language.name_en().to_owned(),
    language_short: Language::name_en,
    education_level: EducationLevel::name_en,
    digital_area: DigitalArea::name_en,
    digital_level: DigitalLevel::name_en,
};
