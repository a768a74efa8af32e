//! The title and the employer of a job ad, from the lines above its first section.
//!
//! The Töötukassa portal labels the employer ("Tööandja: Eesti Energia AS"); employers' own
//! pages announce themselves ("**Nutikas Logistika AS** otsib oma Tallinna kontorisse") or put
//! their name above the title ("Maksu- ja Tolliamet"). The title is the first heading, else the
//! first short line that is neither the employer nor a fact label.

use crate::text::fold;

/// Labels whose value is the employer.
const EMPLOYER_LABELS: &[&str] = &[
    "tooandja",
    "ettevote",
    "asutus",
    "organisatsioon",
    "employer",
    "company",
];

/// Labels whose value is the title.
const TITLE_LABELS: &[&str] = &[
    "ametikoht",
    "ametinimetus",
    "tookoht",
    "positsioon",
    "position",
    "job title",
    "position title",
    "ametikoha nimetus",
    "tookoha nimetus",
    "teenistuskoht",
    "teenistuskoha nimetus",
    "ametijuhend",
    "должность",
];

/// Verbs with which an employer announces an opening.
const ANNOUNCING: &[&str] = &["otsib", "kuulutab", "varbab", "ootab", "seeks"];

/// Words that end a line leading to the title on the next one ("В детский сад Rukkilill
/// требуется" / "ЛОГОПЕД", "Meie meeskond vajab"): the line is not the title.
const WANTED: &[&str] = &[
    "требуется",
    "требуются",
    "ищет",
    "ищем",
    "нужен",
    "нужна",
    "vajab",
    "vajame",
    "otsime",
    "vajatakse",
    "otsitakse",
    "hiring",
];

/// Whether a line only leads to the title below it.
fn leads_to_title(line: &str) -> bool {
    fold(line)
        .trim_end_matches([':', '!', '.', ' '])
        .rsplit(' ')
        .next()
        .is_some_and(|w| WANTED.contains(&w))
}

/// Words of a legal form or of a public body that mark a line as an organisation's name.
const LEGAL_FORMS: &[&str] = &[
    "as", "ou", "mtu", "sa", "uu", "tu", "fie", "ltd", "oy", "ab", "gmbh", "ag", "plc",
];
const BODY_ENDINGS: &[&str] = &[
    "amet",
    "ministeerium",
    "inspektsioon",
    "tootukassa",
    "tervisekassa",
    "keskus",
    "ulikool",
    "haigla",
    "kliinikum",
    "vallavalitsus",
    "linnavalitsus",
    "kool",
    "kantselei",
    "instituut",
    "institute",
    "akadeemia",
];

/// What a portal or page calls the ad itself, around its title.
const AD_WORDS: &[&str] = &[
    "toopakkumine",
    "tookuulutus",
    "vaba ametikoht",
    "job offer",
    "job ad",
    "vacancy",
    "вакансия",
    "предлагается работа",
    "vaba tookoht",
    // A job description's own heading words: the document, not the job.
    "ametijuhend",
    "job description",
    "kinnitatud",
    "kinnitan",
    "должностная инструкция",
    "утверждаю",
];

fn is_ad_word(part: &str) -> bool {
    AD_WORDS.contains(&fold(part).trim())
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Masthead {
    pub title: Option<String>,
    pub organization: Option<String>,
    /// Where the post is, when a line leading to the title names it ("В Маардуский детский
    /// сад Rukkilill требуется" / "ЛОГОПЕД"): the employer's unit the job sits in.
    pub workplace: Option<String>,
}

/// Words that open a workplace named before the wanted one ("В детский сад …", "In our
/// warehouse …"): not part of its name.
const TO_PLACE: &[&str] = &["в", "во", "на", "in", "into", "to", "our", "meie", "oma"];

/// The workplace a line leading to the title names: its words before the wanted word, without
/// the preposition that opens them.
fn workplace(line: &str) -> Option<String> {
    if !leads_to_title(line) {
        return None;
    }
    let line = clean(line);
    let mut words: Vec<&str> = line.split_whitespace().collect();
    words.pop();
    while words
        .first()
        .is_some_and(|w| TO_PLACE.contains(&fold(w).as_str()))
    {
        words.remove(0);
    }
    let place = words.join(" ");
    (!place.is_empty() && words.len() <= 8).then_some(place)
}

fn clean(line: &str) -> String {
    let line = line.trim().trim_start_matches('#').trim();
    crate::parse::extract::items::normalize_ws(&line.replace("**", "").replace("__", ""))
}

/// The value of `line` if it is labelled with one of `labels` ("Tööandja: AS Näidis").
fn labelled(line: &str, labels: &[&str]) -> Option<String> {
    // A table row ("| 1.1 | Ametikoha nimetus | Raamatupidaja |"): its label cell and the
    // value cell after it, numbers aside.
    if line.contains('|') {
        let cells: Vec<&str> = line
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty() && !c.chars().all(|ch| ch.is_ascii_digit() || ch == '.'))
            .collect();
        if let [label, value, ..] = cells.as_slice()
            && labels.contains(&fold(label.trim_end_matches(':')).as_str())
        {
            return Some(clean(value));
        }
    }
    let (label, value) = clean(line)
        .split_once(':')
        .map(|(l, v)| (fold(l), v.trim().to_owned()))?;
    (labels.contains(&label.as_str()) && !value.is_empty()).then_some(value)
}

/// The employer a line announces ("Nutikas Logistika AS otsib …").
fn announcer(line: &str) -> Option<String> {
    let line = clean(line);
    let folded = fold(&line);
    let words: Vec<&str> = line.split_whitespace().collect();
    let folded_words: Vec<&str> = folded.split_whitespace().collect();
    let verb = folded_words.iter().position(|w| ANNOUNCING.contains(w))?;
    let name = words.get(..verb)?.join(" ");
    let starts_capital = name.chars().next().is_some_and(char::is_uppercase);
    (starts_capital && (1..=6).contains(&verb)).then_some(name)
}

/// "1. EESMÄRK", "2. Key responsibilities": a numbered section, not a title.
fn is_numbered_heading(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or_default();
    first.ends_with('.')
        && first.len() > 1
        && first[..first.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
}

/// The line under a document's own heading ("ДОЛЖНОСТНАЯ ИНСТРУКЦИЯ" / "администратора
/// салона красоты"): the job it describes, in the case the heading puts it in.
fn after_document_heading(lines: &[&str]) -> Option<String> {
    let mut rest = lines.iter().filter(|l| !l.trim().is_empty());
    rest.by_ref().find(|l| is_ad_word(&clean(l)))?;
    let next = clean(rest.next()?);
    (!next.is_empty() && !next.contains(':') && next.split_whitespace().count() <= 8)
        .then_some(next)
}

/// The one wanted, from an announcement when no line is a title ("💊 Südameapteek otsib Tartu
/// Lõunakeskuse apteeki FARMATSEUTI või PROVIISORIT! 💊"): the words after the verb carry the
/// occupation, which matching needs more than an empty title.
fn wanted_after_announcement(line: &str) -> Option<String> {
    let line = headline(clean(line));
    announcer(&line)?;
    let words: Vec<&str> = line.split_whitespace().collect();
    let verb = words
        .iter()
        .position(|w| ANNOUNCING.contains(&fold(w).as_str()))?;
    let wanted = words[verb + 1..]
        .join(" ")
        .trim_end_matches(['!', '.', ':'])
        .trim()
        .to_owned();
    (!wanted.is_empty() && wanted.split_whitespace().count() <= 10).then_some(wanted)
}

/// Whether a short line is an organisation's name by its legal form or kind of body.
fn is_organization(line: &str) -> bool {
    let line = clean(line);
    let folded = fold(&line);
    let words: Vec<&str> = folded.split_whitespace().collect();
    !line.ends_with('.')
        && !line.contains(':')
        && (1..=6).contains(&words.len())
        && (words.iter().any(|w| LEGAL_FORMS.contains(w))
            || words
                .last()
                .is_some_and(|w| BODY_ENDINGS.iter().any(|e| w.ends_with(e))))
}

/// A title line with a tagline or a place after a dash or bar (".NET arhitekt - meie tiimis
/// saad lauale tuua visiooni …", "Tarkvaraarendaja – Tallinn, Tartu või kaugtöö"): the part
/// before it, when it reads as a title (a capital or ".NET" first). A short tail is part of the
/// title ("Müüja - laotöötaja Tähesaju JYSK").
fn headline(line: String) -> String {
    // Pictographs around a title ("🌀 Hooldustehnik 🌀", "💊 … 💊") are decoration.
    let line = line
        .trim_matches(|c: char| c.is_whitespace() || !(c.is_alphanumeric() || c.is_ascii()))
        .to_owned();
    if is_ad_word(&line) {
        return String::new();
    }
    let line = match line.split_once(':') {
        Some((label, rest)) if is_ad_word(label) && !rest.trim().is_empty() => {
            rest.trim().to_owned()
        }
        _ => line,
    };
    for separator in [" - ", " – ", " — ", " | "] {
        // "Tööpakkumine - IT projektijuht", "Juhiabi – Töökuulutus", "Projektijuht - Firon
        // OÜ", "Eesti Keele Instituut - Infosüsteemide ärianalüütik": the other side.
        // Both sides such ("Предлагается работа – Maardu Linnavalitsus"): no title here.
        if let Some((head, tail)) = line.split_once(separator) {
            let not_title = |part: &str| is_ad_word(part) || is_organization(part);
            match (not_title(head), not_title(tail)) {
                (false, true) => return head.trim().to_owned(),
                (true, false) => return tail.trim().to_owned(),
                (true, true) => return String::new(),
                (false, false) => {}
            }
        }
        if let Some((head, tail)) = line.split_once(separator)
            && tail.split_whitespace().count() >= 4
            && (1..=6).contains(&head.split_whitespace().count())
            && head.starts_with(|c: char| c.is_uppercase() || c == '.')
        {
            return head.trim().to_owned();
        }
    }
    line
}

/// Reads the title and employer from `lines` (those above the first section) and the labels
/// anywhere in `all`.
pub(super) fn read(lines: &[&str], all: &[&str]) -> Masthead {
    let organization = all
        .iter()
        .find_map(|l| labelled(l, EMPLOYER_LABELS))
        .or_else(|| lines.iter().find_map(|l| announcer(l)))
        .or_else(|| lines.iter().find(|l| is_organization(l)).map(|l| clean(l)));
    let heading = lines
        .iter()
        .find(|l| {
            let t = l.trim_start();
            t.starts_with("# ") || t.starts_with("## ")
        })
        .map(|l| headline(clean(l)));
    let title = all
        .iter()
        .find_map(|l| labelled(l, TITLE_LABELS))
        .or(heading)
        .or_else(|| {
            lines.iter().map(|l| headline(clean(l))).find(|l| {
                !l.is_empty()
                    && !l.contains(':')
                    && !l.ends_with('.')
                    && l.split_whitespace().count() <= 10
                    && l.chars().next().is_some_and(|c| !c.is_lowercase())
                    && Some(l) != organization.as_ref()
                    && announcer(l).is_none()
                    && !is_organization(l)
                    && !leads_to_title(l)
                    && !is_numbered_heading(l)
            })
        })
        .or_else(|| after_document_heading(lines))
        .or_else(|| lines.iter().find_map(|l| wanted_after_announcement(l)));
    Masthead {
        title,
        organization,
        workplace: lines.iter().find_map(|l| workplace(l)),
    }
}

#[cfg(test)]
#[path = "masthead_tests.rs"]
mod tests;
