//! What the parsers understand of a document: typed, with every requirement a candidate can be
//! checked against. The importer stores these; nothing here knows about storage.

use crate::{CefrLevel, DigitalArea, DigitalLevel, EducationLevel, Language};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    /// Kutsestandard, in any of its published layouts.
    OccupationalStandard,
    /// One competence exported from the Kutseregister, without title or code.
    Competence,
    /// Ametijuhend.
    JobDescription,
    /// Töökuulutus.
    JobAdvertisement,
}

impl DocumentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OccupationalStandard => "OCCUPATIONAL_STANDARD",
            Self::Competence => "COMPETENCE",
            Self::JobDescription => "JOB_DESCRIPTION",
            Self::JobAdvertisement => "JOB_ADVERTISEMENT",
        }
    }
}

/// A calendar date as written in a document (no time zone, no IO).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDocument {
    pub kind: DocumentKind,
    pub body: DocumentBody,
    /// Parts of the text that were not understood, in words a recruiter can act on.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DocumentBody {
    Standard(StandardDoc),
    Competence(CompetenceDoc),
    /// A job description or a job advertisement.
    Job(JobDoc),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct StandardDoc {
    /// "Kvaliteedijuht, tase 7"
    pub title: String,
    pub title_en: Option<String>,
    pub ekr_level: Option<u8>,
    pub eqf_level: Option<u8>,
    pub registry_code: Option<String>,
    /// ISCO 08 code, e.g. "2421".
    pub isco_code: Option<String>,
    pub version: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_until: Option<Date>,
    /// B-part competences in source order, transversal and general skills included.
    pub competences: Vec<CompetenceDoc>,
    pub partial_qualifications: Vec<PartialQualificationDoc>,
    pub specialisations: Vec<String>,
    /// Language, digital, education and experience requirements the standard states.
    pub requirements: Vec<RequirementDoc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompetenceKind {
    Mandatory,
    Optional,
    /// Kutset läbiv kompetents.
    Transversal,
    /// Üldoskus (B.2 of the IT standards).
    GeneralSkill,
}

impl CompetenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mandatory => "MANDATORY",
            Self::Optional => "OPTIONAL",
            Self::Transversal => "TRANSVERSAL",
            Self::GeneralSkill => "GENERAL_SKILL",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompetenceDoc {
    /// "B.2.1"; None for a fragment.
    pub code: Option<String>,
    /// None for a fragment, which carries no title.
    pub title: Option<String>,
    pub ekr_level: Option<u8>,
    pub kind: CompetenceKind,
    /// e-CF codes such as "A.1".
    pub ecf_codes: Vec<String>,
    /// Tegevusnäitajad, each one item even where the source wraps it over lines.
    pub indicators: Vec<String>,
    /// Teadmised.
    pub knowledge: Vec<String>,
    /// Hindamisviis.
    pub assessment: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartialQualificationDoc {
    /// "Infoturbejuht, tase 7"
    pub title: String,
    /// Codes of the competences it comprises ("B.3.5").
    pub competence_codes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct JobDoc {
    pub title: String,
    pub organization: Option<String>,
    pub unit: Option<String>,
    pub reports_to: Option<String>,
    pub substituted_by: Option<String>,
    pub substitutes: Option<String>,
    pub purpose: Option<String>,
    pub tasks: Vec<TaskDoc>,
    pub rights: Vec<String>,
    pub responsibilities: Vec<String>,
    /// Behavioural competence groups ("Kliendikesksus") with their bullet descriptions.
    pub competence_groups: Vec<CompetenceGroupDoc>,
    /// Additional competences ("Suhtlemis- ja mõjutamisoskus"), each a name only.
    pub additional_competences: Vec<String>,
    /// Skills a required list names by their tools ("Proficiency in SQL for data extraction"):
    /// hard, met by a candidate who names one of the tools.
    pub required_tools: Vec<ToolStatement>,
    /// Education, experience, language, digital and qualification requirements.
    pub requirements: Vec<RequirementDoc>,
}

/// A required skill and the tools it is named by.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolStatement {
    /// The bullet as written.
    pub text: String,
    /// The tools it names, as written ("SQL"; "C#", ".NET"); one is enough.
    pub tools: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TaskDoc {
    /// "3.1" as written (source typos kept).
    pub number: Option<String>,
    pub text: String,
    pub expected_results: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompetenceGroupDoc {
    pub name: String,
    pub items: Vec<String>,
}

/// One requirement. `parts` nest minimums: "10 years, of which at least 5 with lean" is one
/// experience requirement of 10 years with a part of 5.
#[derive(Debug, Clone, PartialEq)]
pub struct RequirementDoc {
    pub spec: RequirementSpec,
    /// A stated minimum ("vähemalt", "nõutav", "peab") is hard; "soovitavalt", "eelistatavalt",
    /// "eelise annab", "kasuks tuleb" are soft.
    pub hard: bool,
    /// The sentence it was read from, as written.
    pub source: String,
    pub parts: Vec<RequirementDoc>,
}

/// The field an experience requirement names when it means the job's own work ("töökogemus
/// ametikoha töövaldkonnas"); matching reads it as the job's title and tasks.
pub const JOB_FIELD: &str = "ametikoha töövaldkonnas";

/// Where [`RequirementDoc::job_field`] comes from, in place of a sentence of the text.
pub const JOB_FIELD_SOURCE: &str =
    "Lisatud igale ametikohale: kogemus selle ametikoha töös (nimetus ja tööülesanded).";

impl RequirementDoc {
    /// Experience in the job's own work (its title and tasks), wished for: added to every job
    /// so that a candidate who has done this work ranks above one who has not, even when the
    /// text states no other wish (a short ad: "Логопед. Требования: образование, эстонский
    /// B2"). Not read from the text: its source says so, and a recruiter may remove it.
    pub fn job_field() -> Self {
        Self {
            spec: RequirementSpec::Experience {
                min_years: 0.0,
                field: Some(JOB_FIELD.to_owned()),
            },
            hard: false,
            source: JOB_FIELD_SOURCE.to_owned(),
            parts: Vec::new(),
        }
    }

    /// Whether this is [`RequirementDoc::job_field`] (not read from the text).
    pub fn is_job_field(&self) -> bool {
        *self == Self::job_field()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum RequirementSpec {
    Education {
        min: Option<EducationLevel>,
        preferred: Option<EducationLevel>,
        /// The field of study asked for, as written ("IT-alane", "Mathematics, Statistics … or
        /// related quantitative discipline"), or a word pointing at the job's own field
        /// ("erialane", "соответствующее"). None: any field.
        field: Option<String>,
    },
    Experience {
        min_years: f64,
        field: Option<String>,
    },
    Language {
        /// None: any language but Estonian ("vähemalt ühte võõrkeelt").
        language: Option<Language>,
        /// How many such languages are needed (for "any foreign language").
        count: Option<u8>,
        min: Option<CefrLevel>,
        spoken: Option<CefrLevel>,
        written: Option<CefrLevel>,
        /// Languages that are preferred ("soovitavalt inglise või vene keel").
        preferred: Vec<Language>,
    },
    Digital {
        /// None: every area, or those of `served`.
        area: Option<DigitalArea>,
        min: DigitalLevel,
        /// With `area` None, the areas the tools the statement names serve ("MS Office":
        /// information and content creation; `levels::tool_areas`): the level is asked in
        /// each of them, not as the typical level over all five. Empty: an overall level.
        served: Vec<DigitalArea>,
    },
    Qualification {
        title: String,
    },
}
