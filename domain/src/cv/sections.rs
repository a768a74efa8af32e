//! The headed sections of a CV, in Estonian, English and Russian, as CV portals, Europass and
//! word processors print them.

use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Above the first heading: name and contacts.
    Head,
    Contact,
    Experience,
    Education,
    Languages,
    Digital,
    Skills,
    Qualifications,
    Licences,
    /// A heading of no interest (hobbies, references): its lines are not read.
    Other,
}

const HEADINGS: &[(&[&str], Section)] = &[
    (
        &[
            "kontakt",
            "kontaktandmed",
            "isikuandmed",
            "contact",
            "contacts",
            "personal information",
            "personal details",
            "контакты",
            "личные данные",
        ],
        Section::Contact,
    ),
    (
        &[
            "tookogemus",
            "tookogemused",
            "varasem tookogemus",
            "tootatud",
            "work experience",
            "experience",
            "employment",
            "employment history",
            "professional experience",
            "work history",
            "опыт работы",
            "трудовой стаж",
        ],
        Section::Experience,
    ),
    (
        &[
            "haridus",
            "haridustee",
            "education",
            "education and training",
            "образование",
        ],
        Section::Education,
    ),
    (
        &[
            "keeleoskus",
            "keeled",
            "keelteoskus",
            "languages",
            "language skills",
            "языки",
            "знание языков",
            "владение языками",
        ],
        Section::Languages,
    ),
    (
        &[
            "arvutioskus",
            "arvutioskused",
            "digioskused",
            "digitaalsed oskused",
            "it oskused",
            "computer skills",
            "digital skills",
            "it skills",
            "компьютерные навыки",
        ],
        Section::Digital,
    ),
    (
        &[
            "oskused",
            "muud oskused",
            "erialased oskused",
            "paadevused",
            "padevused",
            "kompetentsid",
            "skills",
            "other skills",
            "key skills",
            "competences",
            "навыки",
            "профессиональные навыки",
        ],
        Section::Skills,
    ),
    (
        &[
            "kutsetunnistused",
            "kutsetunnistus",
            "sertifikaadid",
            "tunnistused",
            "koolitused",
            "certificates",
            "certifications",
            "qualifications",
            "training",
            "курсы",
            "сертификаты",
        ],
        Section::Qualifications,
    ),
    (
        &[
            "juhiload",
            "juhiluba",
            "driving licence",
            "driving license",
            "водительские права",
        ],
        Section::Licences,
    ),
    (
        &[
            "huvid",
            "hobid",
            "hobbies",
            "interests",
            "soovitajad",
            "references",
            "lisainfo",
            "additional information",
            "muu",
            "other",
            "хобби",
        ],
        Section::Other,
    ),
];

/// The section a line heads, with what follows its colon on the same line.
pub fn heading(line: &str) -> Option<(Section, String)> {
    let clean = line.trim().trim_matches(['#', '*', '_', ' ']);
    let (label, rest) = clean.split_once(':').unwrap_or((clean, ""));
    let folded = fold(label).replace(['-', '/'], " ");
    let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.is_empty() || folded.split(' ').count() > 4 {
        return None;
    }
    HEADINGS
        .iter()
        .find(|(names, _)| names.contains(&folded.as_str()))
        .map(|(_, section)| (*section, rest.trim().to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_three_languages_are_known() {
        for (line, section) in [
            ("TÖÖKOGEMUS", Section::Experience),
            ("## Haridus", Section::Education),
            ("Keeleoskus:", Section::Languages),
            ("Work experience", Section::Experience),
            ("Computer skills", Section::Digital),
            ("**Oskused**", Section::Skills),
            ("Опыт работы", Section::Experience),
            ("Juhiload: B", Section::Licences),
        ] {
            assert_eq!(heading(line).map(|h| h.0), Some(section), "{line}");
        }
        assert_eq!(heading("Klienditeenindaja, AS Näidis"), None);
    }
}
