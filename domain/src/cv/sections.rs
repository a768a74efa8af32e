//! The headed sections of a CV, in Estonian, English and Russian, as CV portals, Europass and
//! word processors print them.

use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    /// Above the first heading: name and contacts.
    #[default]
    Head,
    Contact,
    Experience,
    Education,
    Languages,
    /// "Emakeel(ed)", "Mother tongue(s)": the languages named are native.
    MotherTongue,
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
            "isiklikud andmed",
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
            "kogemus",
            "kogemused",
            "teenistuskaik",
            "tootamine",
            "tooalane kogemus",
            "varasem tookogemus",
            "tootatud",
            "work experience",
            "experience",
            "employment",
            "employment history",
            "professional experience",
            "work history",
            "career",
            "career history",
            "опыт работы",
            "трудовой стаж",
        ],
        Section::Experience,
    ),
    (
        &[
            "haridus",
            "haridustee",
            "haridus ja koolitus",
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
            "keelteoskused",
            "muud keeled",
            "muu keel",
            "languages",
            "language skills",
            "other languages",
            "other language",
            "языки",
            "знание языков",
            "владение языками",
        ],
        Section::Languages,
    ),
    (
        &[
            "emakeel",
            "emakeeled",
            "mother tongue",
            "mother tongues",
            "native language",
            "родной язык",
        ],
        Section::MotherTongue,
    ),
    (
        &[
            "arvutioskus",
            "arvutioskused",
            "digioskused",
            "digioskus",
            "digipadevused",
            "digipadevus",
            "digital competence",
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
            "tooalased oskused",
            "job related skills",
            "top skills",
            "oskan",
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
            "certificates",
            "certifications",
            "licenses certifications",
            "licences certifications",
            "qualifications",
            "сертификаты",
            "профессиональное свидетельство",
            "профессиональные свидетельства",
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
            // Courses taken are not qualifications held.
            "koolitused",
            "taienduskoolitus",
            "taienduskoolitused",
            "training",
            "courses",
            "курсы",
            // About the person in sentences, and the post wished for: no facts to read.
            "minust",
            "profiil",
            "kokkuvote",
            "about",
            "about me",
            "about myself",
            "profile",
            "summary",
            "о себе",
            "soovitud ametikoht",
            "desired position",
            "желаемая должность",
            // Europass's containers whose rows carry their own labels.
            "isiklikud oskused",
            "personal skills",
            "suhtlemisoskus",
            "communication skills",
            "organisatsiooni juhtimisoskus",
            "organisational managerial skills",
        ],
        Section::Other,
    ),
];

/// The section a line heads, with what follows its label on the same line: after a colon, a
/// tab (a table's label cell) or a dash ("Driving licence – B"). A numbered heading ("3.
/// Teenistuskäik") is a heading; "(ed)" and "(s)" plurals are read as the word.
pub fn heading(line: &str) -> Option<(Section, String)> {
    let clean = line.trim().trim_matches(['#', '*', '_', ' ']);
    let clean = clean.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    let cut = [":", "\t", " – ", " - ", " — "]
        .iter()
        .filter_map(|sep| clean.find(sep).map(|at| (at, sep.len())))
        .min();
    let (label, rest) = match cut {
        Some((at, len)) => (&clean[..at], &clean[at + len..]),
        None => (clean, ""),
    };
    // A word in parentheses glosses the heading: "Профессиональное свидетельство
    // (kutsetunnistus)".
    let label = match label.trim_end().rsplit_once(" (") {
        Some((before, after)) if after.ends_with(')') && !before.trim().is_empty() => before,
        _ => label,
    };
    let folded = fold(label)
        .replace("(ed)", "")
        .replace("(d)", "")
        .replace("(s)", "")
        .replace(['-', '/', '&', '(', ')'], " ");
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
            ("3. Teenistuskäik", Section::Experience),
            ("Emakeel(ed)\teesti", Section::MotherTongue),
            ("Driving licence – B", Section::Licences),
            ("Licenses & certifications", Section::Qualifications),
        ] {
            assert_eq!(heading(line).map(|h| h.0), Some(section), "{line}");
        }
        assert_eq!(heading("Klienditeenindaja, AS Näidis"), None);
        assert_eq!(
            heading("ISIKUANDMED\tTiina Saar"),
            Some((Section::Contact, "Tiina Saar".to_owned()))
        );
    }
}
