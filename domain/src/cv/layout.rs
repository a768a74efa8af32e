//! How CV layouts place things, as rules over lines: a two-column page flattened into rows of
//! tab-separated cells, the lines that can be a job's title, and what is left of a period's
//! line once its dates are taken (a title, or only a place or a duration).

use super::periods::is_period_word;
use super::sections::heading;
use crate::text::fold;

/// A two-column CV (a sidebar with contacts and skills beside the main column) flattened
/// into rows "left⇥right": each column read whole, left first. Known by section headings
/// standing in a later cell of two or more rows, which a label–value table never has.
pub fn columns(text: &str) -> String {
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    let headed_later = rows
        .iter()
        .filter(|cells| {
            cells
                .iter()
                .skip(1)
                .any(|c| heading(c).is_some_and(|(_, rest)| rest.is_empty()))
        })
        .count();
    if headed_later < 2 {
        return text.to_owned();
    }
    let mut left = Vec::new();
    let mut right = Vec::new();
    for cells in &rows {
        if let Some(first) = cells.first()
            && !first.trim().is_empty()
        {
            left.push(first.trim().to_owned());
        }
        let rest: Vec<&str> = cells
            .iter()
            .skip(1)
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        if !rest.is_empty() {
            right.push(rest.join("\t"));
        }
    }
    left.push(String::new());
    left.extend(right);
    left.join("\n")
}

/// A line that can name a position or an employer: short, not a sentence, not a bullet.
pub fn is_title_like(raw: &str) -> bool {
    let line = raw.trim();
    let words = line.split_whitespace().count();
    !line.is_empty()
        && !line.starts_with(['-', '•', '*', '·', '▪', '–'])
        && !line.ends_with(['.', ';', ':'])
        && (1..=10).contains(&words)
        && heading(line).is_none()
}

/// Countries a CV names after a city ("Tallinn, Estonia", "Rapla (Eesti)").
const COUNTRIES: &[&str] = &[
    "eesti",
    "estonia",
    "soome",
    "finland",
    "lati",
    "latvia",
    "leedu",
    "lithuania",
    "rootsi",
    "sweden",
    "norra",
    "norway",
    "taani",
    "denmark",
    "saksamaa",
    "germany",
    "venemaa",
    "russia",
    "ukraina",
    "ukraine",
    "poola",
    "poland",
    "suurbritannia",
    "united kingdom",
    "uk",
    "iirimaa",
    "ireland",
    "holland",
    "netherlands",
    "эстония",
    "финляндия",
    "россия",
    "латвия",
];

/// Words that say how long, not what: LinkedIn's "· 5 yrs 10 mos", "(3 aastat)".
const DURATION: &[&str] = &[
    "yr", "yrs", "year", "years", "mo", "mos", "month", "months", "a", "aasta", "aastat", "k",
    "kuu", "kuud", "год", "года", "лет", "мес",
];

/// What is left of a period's line once its dates are taken, when it names something: not
/// empty, not only a place, not only a duration. Tabs between cells become ", ".
pub fn title_of(rest: &str) -> Option<String> {
    let cells: Vec<&str> = rest
        .split('\t')
        .map(|c| c.trim().trim_matches([',', '|', '·', '-', '–', ' ']))
        .filter(|c| !c.is_empty())
        .collect();
    let text = cells.join(", ");
    let folded = fold(&text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let only_duration = words
        .iter()
        .all(|w| w.chars().all(|c| c.is_ascii_digit()) || DURATION.contains(w));
    if words.is_empty() || only_duration {
        return None;
    }
    let parts: Vec<String> = folded
        .split([',', '(', ')'])
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    let place = parts.len() <= 3
        && parts
            .last()
            .is_some_and(|last| COUNTRIES.contains(&last.as_str()))
        && parts.iter().all(|p| p.split_whitespace().count() <= 3);
    (!place).then_some(text)
}

/// The line without its period: the date words at its start and at its end.
pub fn without_period(line: &str) -> String {
    let is_date_word = |w: &str| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().any(|c| c.is_ascii_digit())
            || bare.is_empty()
            || is_period_word(w)
            || matches!(w, "-" | "–" | "—" | "…" | "...")
    };
    let spaced = line.replace('\t', " \t ");
    let words: Vec<&str> = spaced.split(' ').filter(|w| !w.is_empty()).collect();
    let start = words.iter().take_while(|w| is_date_word(w)).count();
    let end = words.len()
        - words[start..]
            .iter()
            .rev()
            .take_while(|w| is_date_word(w))
            .count();
    words[start..end]
        .join(" ")
        .trim_matches([':', ',', '|', '-', '–', ' ', '\t'])
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sidebar_layout_is_read_column_by_column() {
        let text = "Jaan Oja\nKONTAKT\tPROFIIL\n+372 5544 3201\tTÖÖKOGEMUS\n\
                    Tallinn\tInfoturbe spetsialist\t01.2022 – praegu\nOSKUSED\tHARIDUS\nLinux\t2016 – 2019 TTÜ";
        let read = columns(text);
        assert_eq!(
            read,
            "Jaan Oja\nKONTAKT\n+372 5544 3201\nTallinn\nOSKUSED\nLinux\n\nPROFIIL\nTÖÖKOGEMUS\n\
             Infoturbe spetsialist\t01.2022 – praegu\nHARIDUS\n2016 – 2019 TTÜ"
        );
        // A label–value table stays as it is.
        let table = "ISIKUANDMED\tTiina Saar\nTÖÖKOGEMUS\n01/09/2018–praegu\tRaamatupidaja";
        assert_eq!(columns(table), table);
    }

    #[test]
    fn what_is_left_of_a_period_line_is_a_title_unless_a_place_or_a_duration() {
        assert_eq!(title_of("Tallinn, Estonia"), None);
        assert_eq!(title_of("Rapla (Eesti)"), None);
        assert_eq!(title_of("· 5 yrs 10 mos"), None);
        assert_eq!(
            title_of("SA Kliinikum\tIntensive care nurse").as_deref(),
            Some("SA Kliinikum, Intensive care nurse")
        );
        assert_eq!(title_of("Müügijuht").as_deref(), Some("Müügijuht"));
        assert_eq!(without_period("Müügijuht, 2021-…"), "Müügijuht");
        assert_eq!(
            without_period("september 2021 – tänaseni"),
            "",
            "month names and 'until now' are the period's"
        );
        assert_eq!(without_period("09.2019 – по настоящее время"), "");
        assert_eq!(
            without_period("01.2019 – praegu Klienditeenindaja, AS Näidis"),
            "Klienditeenindaja, AS Näidis"
        );
    }
}
