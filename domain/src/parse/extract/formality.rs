//! Lines of a job document that are not about the person wanted: the job's pay and perks,
//! the papers to send, contacts, the document's own sign-off and a web page's crumbs.
//!
//! Such lines land in requirement and task lists whenever an ad runs its offer into its
//! requirements ("• töötasu alates 1400 € bruto", "• tasuta lõunasöök ja töörõivad") or a
//! job description ends with its signature table. Kept, each became a competence no candidate
//! has ("CV kaaskiri", "Tutvunud ja nõus"), lowering every score and mapping at random. The
//! rules name kinds of line, never a document: money with its unit, perks, application
//! papers, contact placeholders and addresses, signature blanks, validity and approval
//! lines, breadcrumbs and portal chrome, office hours.

use crate::text::fold;

/// Whether a list line is a formality rather than a task or something asked of the person.
pub(crate) fn is_formality(line: &str) -> bool {
    let folded = fold(line);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '+')
        .filter(|w| !w.is_empty())
        .collect();
    let has_word = |list: &[&str]| words.iter().any(|w| list.contains(w));
    let has = |list: &[&str]| list.iter().any(|cue| folded.contains(cue));
    is_pay(line, &folded, &words)
        || has(PERKS)
        || (words.len() <= 8 && has_word(PAPERS))
        || has(CONTACTS)
        || is_address(line)
        || line.contains("___")
        || has(SIGN_OFF)
        || has_word(&["allkiri", "signature"])
        || (line.contains(['›', '»']) && words.len() <= 8)
        || has(PORTAL)
        || words
            .windows(2)
            .any(|w| w[0].starts_with('+') && w[0].len() > 1 && w[1] == "more")
        || is_office_hours(&folded)
}

/// The lines of a pasted web page that are the site's, not the ad's: skip links, cookie
/// banners, language switchers, breadcrumbs, and the menu at the top (a run of four or more
/// short lines before the first sentence) with the site's name above it. Pasting a whole
/// page puts them above the title, where they became the title ("Liigu sisu juurde") or,
/// through a banner's "Ainult vajalikud" read as a requirements heading, requirements.
pub(crate) fn without_page_chrome<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut chrome: Vec<bool> = lines.iter().map(|l| is_chrome_line(l)).collect();
    let first_sentence = (0..lines.len())
        .find(|&i| !chrome[i] && lines[i].split_whitespace().count() >= 6)
        .unwrap_or(lines.len());
    let menu_item = |l: &str| {
        let t = l.trim();
        let words = t.split_whitespace().count();
        (1..=3).contains(&words)
            && !t.contains(':')
            && !t.ends_with(['.', '!', '?', ';', ','])
            && !t.starts_with(['-', '•', '*', '·', '#'])
    };
    let mut start = 0;
    while start < first_sentence {
        // Chrome already found (a language switcher) does not break the menu's run.
        let mut end = start;
        let mut items = 0;
        while end < first_sentence && (chrome[end] || menu_item(lines[end])) {
            items += usize::from(!chrome[end]);
            end += 1;
        }
        if items >= 4 {
            chrome[start..end].iter_mut().for_each(|c| *c = true);
            if let Some(name) = start
                .checked_sub(1)
                .filter(|&i| !lines[i].trim().is_empty())
            {
                chrome[name] = true;
            }
        }
        start = end.max(start + 1);
    }
    lines
        .iter()
        .zip(chrome)
        .filter(|(_, c)| !c)
        .map(|(l, _)| *l)
        .collect()
}

fn is_chrome_line(line: &str) -> bool {
    let folded = fold(line);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let switcher = words.len() >= 2
        && words.iter().all(|w| LANGUAGE_CODES.contains(w))
        && line.contains(['|', '/']);
    SKIP_LINKS.iter().any(|s| folded == *s)
        || CONSENT.iter().any(|c| folded.contains(c))
        || switcher
        || (line.contains('›') && words.len() <= 10)
}

const SKIP_LINKS: &[&str] = &[
    "liigu sisu juurde",
    "mine sisu juurde",
    "otse sisu juurde",
    "skip to content",
    "skip to main content",
    "перейти к содержанию",
    "перейти к основному содержанию",
];
const CONSENT: &[&str] = &[
    "kupsis",
    "cookie",
    "nõustun koigiga",
    "noustun koigiga",
    "accept all",
    "файлы cookie",
    "куки",
];
const LANGUAGE_CODES: &[&str] = &[
    "est", "eng", "rus", "fin", "et", "en", "ru", "fi", "lv", "lt", "de", "sv",
];

/// Pay: a money sign or unit beside a figure, or a pay word with a figure ("töötasu alates
/// 1400", "Pakume 9 €/h"). "palgaarvestuse tundmine" (payroll skill) has neither.
fn is_pay(line: &str, folded: &str, words: &[&str]) -> bool {
    let figure = line.chars().any(|c| c.is_ascii_digit());
    let money = line.contains(['€', '$', '£']) || words.iter().any(|w| MONEY.contains(w));
    let pay_word = words.iter().any(|w| PAY.contains(w)) || folded.contains("salary");
    figure && (money || pay_word)
}

/// An e-mail address (a private one is already `[e-post]` in the corpus, a company's is not).
fn is_address(line: &str) -> bool {
    line.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        matches!(w.split_once('@'), Some((user, host)) if !user.is_empty() && host.contains('.'))
    })
}

/// "E-R 9.00-17.00", "Monday–Friday, 08:30–16:30": a span of clock times.
fn is_office_hours(folded: &str) -> bool {
    let chars: Vec<char> = folded.chars().collect();
    let clock_at = |i: usize| -> Option<usize> {
        // h:mm or hh:mm (':' or '.') starting at i; returns the index after it.
        let mut j = i;
        while j < chars.len() && j - i < 2 && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j == i || j + 2 >= chars.len() || !matches!(chars[j], ':' | '.') {
            return None;
        }
        (chars[j + 1].is_ascii_digit() && chars[j + 2].is_ascii_digit()).then_some(j + 3)
    };
    (0..chars.len()).any(|i| {
        let starts = i == 0 || !chars[i - 1].is_ascii_digit();
        let Some(end) = clock_at(i).filter(|_| starts) else {
            return false;
        };
        let mut k = end;
        while k < chars.len() && matches!(chars[k], ' ' | '-' | '–' | '—') {
            k += 1;
        }
        k > end && clock_at(k).is_some()
    })
}

const MONEY: &[&str] = &["eur", "eurot", "euro", "bruto", "neto", "руб"];
const PAY: &[&str] = &[
    "palk",
    "palka",
    "tootasu",
    "tunnitasu",
    "brutopalk",
    "wage",
    "зарплата",
    "зарплату",
    "оклад",
];
const PERKS: &[&str] = &[
    "tasuta",
    "spordikompensatsioon",
    "sports compensation",
    "health insurance",
    "tervisekindlustus",
    "tervisepaev",
    "team events",
    "company events",
    "sodexo",
    "компенсаци",
    "страховк",
    "бесплатн",
];
/// What an applicant sends; a short line naming one is a list of papers, not a skill.
const PAPERS: &[&str] = &[
    "cv",
    "kaaskiri",
    "motivatsioonikiri",
    "elulookirjeldus",
    "ankeet",
    "deklaratsioon",
    "resume",
    "резюме",
    "анкета",
];
const CONTACTS: &[&str] = &["[telefon]", "[e-post]", "[nimi]", "lisainfo telefoni"];
const SIGN_OFF: &[&str] = &[
    "kehtib alates",
    "tutvunud",
    "approved by",
    "acknowledged by",
    "lopppsatted",
    "loppsatted",
];
const PORTAL: &[&str] = &[
    "postitatud",
    "avaleht",
    "applicants",
    "try premium",
    "kandideerimise tahtaeg",
];

#[cfg(test)]
mod tests {
    use super::is_formality;

    #[test]
    fn pay_perks_papers_contacts_and_sign_off_are_formalities() {
        for line in [
            "töötasu alates 1400 € bruto + lisatasud öö- ja pühadetöö eest",
            "Pakume 9 €/h ja tasuta toitlustust",
            "tasuta lõunasöök ja töörõivad",
            "spordikompensatsioon ja 3 tervisepäeva aastas",
            "You will get employer health insurance and sports compensation",
            "CV kaaskiri",
            "CV, motivatsioonikiri",
            "elulookirjeldus (CV)",
            "huvide deklaratsioon seisuga 1. oktoober 2019",
            "Info: [nimi], [telefon]",
            "Lisainfo telefoni teel: [telefon] (direktor [nimi]).",
            "Saada CV aadressile cv@ettevote.ee",
            "Ametijuhend kehtib alates 01.02.2025",
            "Tutvunud ja nõus",
            "Ametijuhendiga tutvunud: ____________ (allkiri)",
            "Approved by: Head of Compliance Date: 01.09.2025",
            "Avaleht › Karjäär › Kokk",
            "Postitatud 12.02.2025",
            "See how you compare to 112 applicants. Try Premium for €0",
            "Go, PostgreSQL, +8 more",
            "Monday–Friday, 08:30–16:30",
            "Tööaja lisainfo: E-R 9.00-17.00. Kaugtöö võimalus (osaliselt)",
        ] {
            assert!(is_formality(line), "{line}");
        }
    }

    #[test]
    fn a_pasted_pages_menu_banner_and_crumbs_are_dropped_and_the_ad_kept() {
        let page = "Liigu sisu juurde\nMeriväljaku Spaahotell\nEST | ENG | RUS | FIN\nAvaleht\n\
                    Majutus\nSpaa & saunad\nRestoran\nKontakt\n\nMeie veebileht kasutab \
                    küpsiseid, et pakkuda paremat kasutuskogemust.\nNõustun kõigiga   Ainult \
                    vajalikud   Seaded\n\nAvaleht › Karjäär › Kokk\n\nKOKK (à la carte \
                    restoran)\nPärnu · täistööaeg\n\nRestoran otsib oma köögimeeskonda \
                    kokka, kes armastab värsket toorainet.\nSinu igapäevatöö\nExcel\nWord\n\
                    SAP\nJira";
        let lines: Vec<&str> = page.lines().collect();
        let kept: Vec<&str> = super::without_page_chrome(&lines)
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert_eq!(
            kept,
            [
                "KOKK (à la carte restoran)",
                "Pärnu · täistööaeg",
                "Restoran otsib oma köögimeeskonda kokka, kes armastab värsket toorainet.",
                "Sinu igapäevatöö",
                "Excel",
                "Word",
                "SAP",
                "Jira"
            ]
        );
    }

    #[test]
    fn skills_and_tasks_are_not() {
        for line in [
            "palgaarvestuse ja raamatupidamise tundmine",
            "Projekti eelarve ja rahavoogude plaani koostamine",
            "kogemus CV-de sõelumise ja värbamisprotsessi juhtimisega tööandja brändi arendamisel",
            "Hea suhtlemisoskus ja oskus esindada ettevõtet professionaalselt klientide ees",
            "valmisolek töötada vahetustega, sh öövahetustes",
            "Proficiency in SQL for data extraction, manipulation, and analysis",
            "Kliendisuhtluse ja üürisuhete korraldamine (sh üürimaksete jälgimine)",
            "Juhendab uusi töötajaid ja praktikante.",
            "kassatehingute tegemine ja sularaha käsitlemine",
            "ID-kaardi ja digiallkiri kasutamise oskus",
            "Compensation and benefits policy design",
            ".NET 8 ja C# kogemus",
            "Valmis tegema rohkem kui 3 projekti aastas; more than 3 years in Go",
            "Vähemalt 2-aastane töökogemus",
        ] {
            assert!(!is_formality(line), "{line}");
        }
    }
}
