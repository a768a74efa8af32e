//! Tools a required skill is named by: "Proficiency in SQL for data extraction, manipulation,
//! and analysis", "Hea C# ja .NET tundmine", "Знание 1С". A bullet of a required list that
//! speaks of one or two named tools asks for them: a candidate who names none of them does
//! not have the skill, whatever else the profile says. A bullet listing a whole stack
//! (".NET, C#, React, Docker, Kubernetes") describes the environment instead and stays a
//! wish, as do tools the digital-competence rules read (Excel, MS Office: `levels::tools`).
//!
//! A tool is recognised by how it is written, not from a list of products: an acronym in
//! capitals (SQL, SAP, SAS, SPSS), a name with capitals inside (PostgreSQL, AutoCAD,
//! JavaScript), or a name with a sign in it (C#, C++, .NET, Node.js, 1С).

/// Acronyms in capitals that name no tool: organisations, document kinds, fields, levels.
const NOT_TOOLS: &[&str] = &[
    "IT", "ICT", "IKT", "EU", "EL", "CV", "OÜ", "AS", "MTÜ", "SA", "KPI", "KPIS", "B2B", "B2C",
    "HR", "PR", "UX", "UI", "QA", "ERP", "CRM", "BI", "ISO", "GDPR", "IFRS", "EKR", "EQF", "NB",
    "OK", "TTÜ", "TÜ", "TLÜ", "EE", "USA", "UK", "CEO", "CFO", "CTO", "PhD", "MSc", "BSc", "MBA",
    "MA", "BA", "LLM", "ECTS", "AI", "ML", "API", "REST", "ID", "PDF", "IIA", "CIA", "RU", "ET",
    "EN", "RUS", "ENG", "EST", "PC", "TV", "IIIA", "VIP",
];

/// Digital tools, read as digital competence elsewhere.
const DIGITAL: &[&str] = &[
    "excel",
    "word",
    "powerpoint",
    "outlook",
    "office",
    "teams",
    "ms",
    "google",
    "microsoft",
];

/// Whether `word` (as written) looks like a tool's name.
fn is_tool(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || NOT_TOOLS.contains(&word) {
        return false;
    }
    if DIGITAL.contains(&crate::text::fold(word).as_str()) {
        return false;
    }
    // A language level ("B2", "C1") or a grade is no tool.
    let level = word.len() == 2
        && matches!(word.as_bytes()[0], b'A' | b'B' | b'C')
        && word.as_bytes()[1].is_ascii_digit();
    if level {
        return false;
    }
    let capitals = letters.iter().filter(|c| c.is_uppercase()).count();
    let acronym = capitals == letters.len() && letters.len() >= 2 && letters.len() <= 6;
    // PostgreSQL, AutoCAD, JavaScript: a capital after a small letter.
    let inner_capital = word
        .chars()
        .zip(word.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    let signed = word.contains(['#', '+'])
        || (word.starts_with('.') && letters.len() >= 2)
        || (word.contains('.') && !word.ends_with('.') && letters.len() >= 4)
        || (word.chars().any(|c| c.is_ascii_digit()) && capitals >= 1 && letters.len() <= 3);
    acronym || inner_capital || signed
}

/// The distinct tools `item` names, as written ("SQL"; "C#", ".NET").
pub(crate) fn named_tools(item: &str) -> Vec<String> {
    let mut tools: Vec<String> = Vec::new();
    // A line in capitals throughout is a heading or a shout, not a list of acronyms.
    if !item.chars().any(char::is_lowercase) && item.split_whitespace().count() > 2 {
        return tools;
    }
    for raw in item.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '/')) {
        // Case endings glued with a hyphen: "SQL-i", "SAP-is", ".NET-iga".
        let word = raw
            .trim_end_matches([':', '.', '!', '?'])
            .split('-')
            .next()
            .unwrap_or_default();
        let word = if raw.starts_with('.') {
            raw.trim_end_matches([':', ',', '!', '?'])
                .split('-')
                .next()
                .unwrap_or_default()
        } else {
            word
        };
        let word = without_case_ending(word);
        if is_tool(word) && !tools.iter().any(|t| t.eq_ignore_ascii_case(word)) {
            tools.push(word.to_owned());
        }
    }
    tools
}

/// A name with an Estonian case ending glued on ("AutoCADi", "SAPis"): two capitals or more
/// then one to three small letters.
fn without_case_ending(word: &str) -> &str {
    let Some(last_capital) = word.char_indices().rfind(|(_, c)| c.is_uppercase()) else {
        return word;
    };
    let rest = &word[last_capital.0 + last_capital.1.len_utf8()..];
    let before = &word[..last_capital.0];
    let capitals_run = before.chars().last().is_some_and(char::is_uppercase);
    if capitals_run
        && (1..=3).contains(&rest.chars().count())
        && rest.chars().all(char::is_lowercase)
    {
        &word[..word.len() - rest.len()]
    } else {
        word
    }
}

/// A required bullet that asks for one or two named tools; more is a description of the stack.
/// Word beginnings (folded) that say a bullet is about a skill: "oskus", "tundmine",
/// "kogemus", "proficiency", "knowledge", "знание", "владение" …
const SKILL_CUES: &[&str] = &[
    "oskus",
    "oska",
    "tundmi",
    "tunned",
    "teadmi",
    "kogemus",
    "kasutami",
    "valdami",
    "vilun",
    "proficien",
    "knowledge",
    "experience",
    "skill",
    "familiar",
    "fluent",
    "expert",
    "hands-on",
    "working",
    "знани",
    "владени",
    "опыт",
    "умени",
    "навык",
];

/// Whether a bullet speaks of a skill: a cue word, or nothing but the tools themselves.
fn is_skill(item: &str, tools: &[String]) -> bool {
    let folded = crate::text::fold(item);
    let cue = crate::text::words(&folded)
        .any(|w| SKILL_CUES.iter().any(|c| w.starts_with(c) || w.contains(c)));
    cue || item.split_whitespace().count() <= tools.len() + 1
}

/// Words (folded) that make the tools named examples, not a requirement: "(Eplan, E3,
/// AutoCad vm)", "CRR, EBA, etc", "such as Jira".
const EXAMPLES: &[&str] = &[
    "vm", "vms", "jne", "etc", "nt", "naiteks", "eg", "such", "др", "тд",
];

/// An acronym that abbreviates the words before it: "foreign economic activity (FEA)".
fn abbreviates(item: &str, acronym: &str) -> bool {
    let Some(at) = item.find(&format!("({acronym})")) else {
        return false;
    };
    let initials: String = item[..at]
        .split_whitespace()
        .rev()
        .take(acronym.chars().count())
        .filter_map(|w| w.chars().next())
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    initials.to_uppercase() == acronym.to_uppercase()
}

/// Capitalised names beside the tools, taken as alternatives to them ("Inventor/AutoCAD",
/// "Pythoni, Django või FastAPI", "Ponsse Opti 4G või John Deere TimberMatic"): one is enough,
/// so a name left out would ask for more than the bullet does. The bullet's first word counts
/// only when a list goes on from it.
fn alternatives(item: &str) -> Vec<String> {
    let words: Vec<&str> = item.split_whitespace().collect();
    words
        .iter()
        .enumerate()
        .flat_map(|(i, w)| {
            let listed = w.contains('/') || w.ends_with(',');
            w.split('/').map(move |part| (i, listed, part))
        })
        .filter(|(i, listed, _)| *i > 0 || *listed)
        .map(|(_, _, part)| {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '#' | '+'));
            without_case_ending(part.split('-').next().unwrap_or_default())
        })
        .filter(|part| {
            part.chars().next().is_some_and(char::is_uppercase)
                && !NOT_TOOLS.contains(part)
                && !DIGITAL.contains(&crate::text::fold(part).as_str())
        })
        .map(str::to_owned)
        .collect()
}

/// A required bullet that asks for one or two named tools; more is a description of the
/// stack. `employer`: the employer's and the post's names, which are no tools ("JYSK").
pub(super) fn required_tools(item: &str, employer: &str) -> Option<Vec<String>> {
    let mut tools: Vec<String> = named_tools(item)
        .into_iter()
        .filter(|t| !crate::text::fold(employer).contains(&crate::text::fold(t)))
        .filter(|t| !abbreviates(item, t))
        .collect();
    let folded = crate::text::fold(item);
    let hedged = crate::text::words(&folded)
        .any(|w| EXAMPLES.contains(&w) || crate::parse::extract::is_soft_word(w));
    if !(1..=2).contains(&tools.len()) || is_stack(item) || !is_skill(item, &tools) || hedged {
        return None;
    }
    for name in alternatives(item) {
        if !tools.iter().any(|t| t.eq_ignore_ascii_case(&name))
            && !crate::text::fold(employer).contains(&crate::text::fold(&name))
        {
            tools.push(name);
        }
    }
    Some(tools)
}

/// A list of three names or more ("… .NET, C#, React, Docker, Kubernetes"): parts between
/// commas and conjunctions that hold a capitalised word past the item's first.
fn is_stack(item: &str) -> bool {
    let named = item
        .split([',', ';'])
        .flat_map(|part| part.split(" ja ").flat_map(|p| p.split(" and ")))
        .filter(|part| {
            part.split_whitespace()
                .filter(|w| !item.starts_with(*w))
                .any(|w| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c == '.')
                })
        })
        .count();
    named >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tools_are_known_by_how_they_are_written() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Proficiency in SQL for data extraction, manipulation, and analysis",
                &["SQL"],
            ),
            ("Hea C# ja .NET tundmine", &["C#", ".NET"]),
            ("SQL-i oskus", &["SQL"]),
            ("Kogemus PostgreSQL-iga", &["PostgreSQL"]),
            ("AutoCADi kasutamise oskus", &["AutoCAD"]),
            ("NÕUDED JA OOTUSED KANDIDAADILE", &[]),
            ("Знание 1С", &["1С"]),
            ("Eesti keele oskus B2 tasemel", &[]),
            ("Väga hea Exceli ja MS Office kasutamise oskus", &[]),
            ("Strong analytical and problem-solving abilities", &[]),
            ("IT-alane kõrgharidus", &[]),
            ("CRM-süsteemide kasutamise kogemus", &[]),
        ];
        for (item, want) in cases {
            assert_eq!(named_tools(item), want.to_vec(), "{item}");
        }
    }

    #[test]
    fn a_stack_is_no_single_requirement() {
        assert_eq!(
            required_tools("Proficiency in SQL", ""),
            Some(vec!["SQL".to_owned()])
        );
        assert_eq!(required_tools("SAP", ""), Some(vec!["SAP".to_owned()]));
        assert_eq!(
            required_tools(
                "Kogemus tehnoloogiatega .NET, C#, React, Docker, Kubernetes",
                ""
            ),
            None
        );
        assert_eq!(required_tools("Suhtlemisoskus", ""), None);
    }

    #[test]
    fn the_employer_and_sentences_about_other_things_name_no_tool() {
        let employer = "Müüja - laotöötaja\nJYSK";
        assert_eq!(
            required_tools(
                "Sa otsid stabiilset tööd, edukas ettevõttes ja soovid kasvada koos JYSKiga",
                employer
            ),
            None
        );
        assert_eq!(
            required_tools("Oled töötanud SAP-is vähemalt aasta", employer),
            None
        );
        assert_eq!(
            required_tools("SAP-i kasutamise oskus", employer),
            Some(vec!["SAP".to_owned()])
        );
    }
}
