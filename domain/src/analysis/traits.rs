//! Bullets in which a job ad describes the person it wants rather than a skill of a trade:
//! "Oled hea ja sõbralik kolleeg ning tugev meeskonnamängija", "Sa töötad kiirelt ja
//! professionaalselt", "Strong analytical and problem-solving abilities with excellent attention
//! to detail", "Ответственность и добросовестность в работе". Profiles rarely state such traits,
//! so a bullet like these is a behavioural competence: "not stated" earns half, as the
//! competence model's own names do ("Pingetaluvus"). A bullet that also names a tool, a field
//! or a task ("Proficiency in SQL …", "Sa otsid stabiilset tööd …") is not one.

use crate::text::{fold, words};

/// Words that carry no content in such a bullet: the address to the reader, praise, and the
/// words for "ability" and "work".
const FILLER: &[&str] = &[
    "sa",
    "sul",
    "sulle",
    "sind",
    "oled",
    "on",
    "pead",
    "lugu",
    "meeldib",
    "iseloomustavad",
    "hea",
    "heal",
    "head",
    "vaga",
    "tugev",
    "ja",
    "ning",
    "ka",
    "voi",
    "oma",
    "tood",
    "tootad",
    "too",
    "tegemist",
    "valmis",
    "voime",
    "oskus",
    "oskust",
    "sh",
    "you",
    "are",
    "be",
    "have",
    "to",
    "a",
    "an",
    "the",
    "and",
    "or",
    "with",
    "of",
    "in",
    "strong",
    "good",
    "great",
    "excellent",
    "ability",
    "abilities",
    "skills",
    "work",
    "proven",
    "high",
    "и",
    "в",
    "работе",
];

/// Beginnings of folded words that name a personal quality.
const TRAITS: &[&str] = &[
    "sobra",
    "kannatlik",
    "viisaka",
    "korrekt",
    "usaldus",
    "kohuset",
    "vastutus",
    "tapsus",
    "tapne",
    "iseseisv",
    "susteems",
    "susteemne",
    "initsiatiiv",
    "aktiiv",
    "positiiv",
    "meeskonnamang",
    "meeskonnat",
    "kolleeg",
    "kiire",
    "professionaal",
    "puhtus",
    "korrast",
    "korda",
    "rutiini",
    "vastupidav",
    "detailitundl",
    "kohanemis",
    "analuut",
    "analuus",
    "motiveer",
    "tulemustele",
    "suhtle",
    "suhtlu",
    "suhel",
    "abista",
    "abivalm",
    "ettevotlik",
    "loov",
    "paindlik",
    "ausus",
    "pingetaluv",
    "stressitaluv",
    "opivalm",
    "rahulik",
    "julge",
    "taps",
    "hoolik",
    "tahelepan",
    "positive",
    "attitude",
    "team",
    "player",
    "ethic",
    "independent",
    "detail",
    "attention",
    "responsib",
    "integrity",
    "analytical",
    "problem",
    "solving",
    "communicat",
    "fast",
    "pace",
    "priorit",
    "reliab",
    "flexib",
    "proactive",
    "motivated",
    "friendly",
    "accurate",
    "punctual",
    "ответствен",
    "добросовест",
    "аккурат",
    "стрессоустойч",
    "коммуникаб",
    "пунктуал",
    "внимательн",
    "исполнительн",
];

/// Whether `text` describes the person wanted and nothing else: at most 16 words, and at least
/// half of those that are not filler name a personal quality.
pub(super) fn describes_a_person(text: &str) -> bool {
    let folded = fold(text);
    let all: Vec<&str> = words(&folded).collect();
    if all.is_empty() || all.len() > 16 {
        return false;
    }
    let content: Vec<&str> = all
        .iter()
        .copied()
        .filter(|w| !FILLER.contains(w) && w.chars().any(char::is_alphabetic))
        .collect();
    let traits = content
        .iter()
        .filter(|w| TRAITS.iter().any(|t| w.starts_with(t)))
        .count();
    !content.is_empty() && 2 * traits >= content.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bullet_about_the_person_is_a_trait_and_one_about_a_trade_is_not() {
        for bullet in [
            "Oled hea ja sõbralik kolleeg ning tugev meeskonnamängija",
            "Sa töötad kiirelt ja professionaalselt",
            "Pead lugu puhtusest ja korrast",
            "Strong analytical and problem-solving abilities with excellent attention to detail",
            "To have a positive attitude & be strong team-player",
            "Sind iseloomustavad iseseisvus, täpsus, vastutustundlikkus ja julge pealehakkamine",
            "Ответственность и добросовестность в работе",
            "Hea rutiinitaluvus",
        ] {
            assert!(describes_a_person(bullet), "{bullet}");
        }
        for bullet in [
            "Proficiency in SQL for data extraction, manipulation, and analysis",
            "Sa otsid stabiilset tööd, edukas ettevõttes ja soovid kasvada koos JYSKiga",
            "Java programmeerimiskeele oskus ning Spring, HTML, CSS, Javascript",
            "Knowledge of safety regulations and procedures",
            "Jooniste lugemise oskus",
            "CV, motivatsioonikiri",
            "Ability to work independently, while actively collaborating with diverse cross-border teams with Risk, Treasury & Markets units",
        ] {
            assert!(!describes_a_person(bullet), "{bullet}");
        }
    }
}
