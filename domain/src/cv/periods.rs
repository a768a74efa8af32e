//! Periods of work as CVs write them ("01.2019 – 03.2021", "2015–2018", "märts 2020 – praegu",
//! "Sep 2019 - present", "2021-…") and the years they add up to, overlapping periods counted
//! once and an open period running to `today`.

use crate::text::fold;

/// A year and month (1–12).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    fn index(self) -> i32 {
        self.year * 12 + i32::try_from(self.month).unwrap_or(1) - 1
    }
}

/// A period, both ends inclusive; `to` None when it is still going on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Month,
    pub to: Option<Month>,
}

const MONTHS: &[(&str, u32)] = &[
    ("jaan", 1),
    ("jan", 1),
    ("veeb", 2),
    ("feb", 2),
    ("marts", 3),
    ("mar", 3),
    ("apr", 4),
    ("mai", 5),
    ("may", 5),
    ("juuni", 6),
    ("jun", 6),
    ("juuli", 7),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("okt", 10),
    ("oct", 10),
    ("nov", 11),
    ("dets", 12),
    ("dec", 12),
    ("янв", 1),
    ("фев", 2),
    ("мар", 3),
    ("апр", 4),
    ("мая", 5),
    ("май", 5),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сен", 9),
    ("окт", 10),
    ("ноя", 11),
    ("дек", 12),
];
/// Month names written out, as periods print them ("september 2021", "Sept.", "марта").
const MONTH_WORDS: &[&str] = &[
    "jaanuar",
    "veebruar",
    "marts",
    "aprill",
    "mai",
    "juuni",
    "juuli",
    "august",
    "september",
    "oktoober",
    "november",
    "detsember",
    "jaan",
    "veebr",
    "apr",
    "aug",
    "sept",
    "okt",
    "nov",
    "dets",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "october",
    "december",
    "jan",
    "feb",
    "mar",
    "jun",
    "jul",
    "sep",
    "oct",
    "dec",
    "январь",
    "января",
    "февраль",
    "февраля",
    "март",
    "марта",
    "апрель",
    "апреля",
    "мая",
    "июнь",
    "июня",
    "июль",
    "июля",
    "август",
    "августа",
    "сентябрь",
    "сентября",
    "октябрь",
    "октября",
    "ноябрь",
    "ноября",
    "декабрь",
    "декабря",
];

/// Whether a word (any case, trailing dot allowed) only names a month or says "still going
/// on": the words of a period that are not its title.
pub fn is_period_word(word: &str) -> bool {
    let folded = fold(word.trim_matches(|c: char| !c.is_alphanumeric()));
    !folded.is_empty()
        && (MONTH_WORDS.contains(&folded.as_str())
            || ONGOING.contains(&folded.as_str())
            || matches!(
                folded.as_str(),
                "kuni" | "to" | "until" | "since" | "alates" | "по" | "с" | "время" | "нв"
            ))
}

/// Words for a period still going on.
const ONGOING: &[&str] = &[
    "praegu",
    "tanaseni",
    "kaesolev",
    "present",
    "current",
    "now",
    "today",
    "ongoing",
    "настоящее",
    "наст",
    "сейчас",
    "по н",
    "н.в",
];

/// One end of a period in `part`: "03.2021", "3/2021", "2021-03", "märts 2021", "2021".
fn month_in(part: &str, end: bool) -> Option<Month> {
    let folded = fold(part);
    let numbers: Vec<u32> = folded
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .filter_map(|n| n.parse().ok())
        .collect();
    let at = numbers.iter().position(|n| (1950..=2100).contains(n))?;
    let year = i32::try_from(numbers[at]).ok()?;
    let named = MONTHS
        .iter()
        .find(|(name, _)| {
            folded
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with(name))
        })
        .map(|(_, m)| *m);
    // The month stands next to its year: before it in "15.03.2021" and "03/2021", after it
    // in "2021-03-15"; a day further out is not a month.
    let month_at = |i: Option<usize>| {
        i.and_then(|i| numbers.get(i))
            .copied()
            .filter(|n| (1..=12).contains(n))
    };
    let numeric =
        month_at(at.checked_sub(1)).or_else(|| if at == 0 { month_at(Some(1)) } else { None });
    // A year alone: its first month for a start, its last for an end.
    let month = named.or(numeric).unwrap_or(if end { 12 } else { 1 });
    Some(Month { year, month })
}

/// The period a line names, if any: two ends around a dash or "kuni"/"to", or one start
/// with an ongoing word.
pub fn period_in(line: &str) -> Option<Period> {
    let folded = fold(line);
    let ongoing = ONGOING.iter().any(|w| folded.contains(w))
        || folded.trim_end().ends_with(['-', '–', '—', '…'])
        || folded.contains("-...");
    for separator in [
        " – ", " — ", " - ", "–", "—", " kuni ", " to ", " until ", " по ", "-",
    ] {
        let Some((left, right)) = folded.split_once(separator) else {
            continue;
        };
        let Some(from) = month_in(left, false) else {
            continue;
        };
        let to = month_in(right, true);
        if to.is_none() && !ongoing {
            continue;
        }
        if to.is_some_and(|to| to < from) {
            continue;
        }
        return Some(Period { from, to });
    }
    None
}

/// Years of all `periods` together, a month counted once however many periods cover it;
/// an open period runs to `today`.
pub fn years(periods: &[Period], today: Month) -> f64 {
    let mut spans: Vec<(i32, i32)> = periods
        .iter()
        .map(|p| {
            (
                p.from.index(),
                p.to.unwrap_or(today).index().min(today.index()),
            )
        })
        .filter(|(a, b)| b >= a)
        .collect();
    spans.sort_unstable();
    let mut months = 0;
    let mut covered_to = i32::MIN;
    for (from, to) in spans {
        let start = from.max(covered_to + 1);
        if to >= start {
            months += to - start + 1;
        }
        covered_to = covered_to.max(to);
    }
    (f64::from(months) / 12.0 * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Month = Month {
        year: 2026,
        month: 12,
    };

    fn m(year: i32, month: u32) -> Month {
        Month { year, month }
    }

    #[test]
    fn periods_in_the_ways_cvs_write_them() {
        for (line, from, to) in [
            (
                "01.2019 – 03.2021 Klienditeenindaja",
                m(2019, 1),
                Some(m(2021, 3)),
            ),
            ("2015-2018 AS Näidis, müüja", m(2015, 1), Some(m(2018, 12))),
            ("märts 2020 – praegu", m(2020, 3), None),
            ("Sep 2019 - present: QA lead", m(2019, 9), None),
            ("03/2018 – 11/2019", m(2018, 3), Some(m(2019, 11))),
            ("2021 – …", m(2021, 1), None),
            ("2017.09 – 2019.06", m(2017, 9), Some(m(2019, 6))),
            ("01/09/2018–praegu\tRaamatupidaja", m(2018, 9), None),
            ("2019-03-15 – 2021-11-30", m(2019, 3), Some(m(2021, 11))),
        ] {
            assert_eq!(period_in(line), Some(Period { from, to }), "{line}");
        }
        assert_eq!(period_in("Tallinna Tehnikaülikool"), None);
        assert_eq!(period_in("telefon 5555-1234"), None);
    }

    #[test]
    fn overlapping_periods_count_once_and_an_open_one_runs_to_today() {
        let periods = [
            Period {
                from: m(2018, 1),
                to: Some(m(2020, 12)),
            },
            Period {
                from: m(2020, 1),
                to: Some(m(2021, 12)),
            },
            Period {
                from: m(2025, 1),
                to: None,
            },
        ];
        // 2018–2021 is 4 years, 2025-01 to 2026-12 is 2.
        assert_eq!(years(&periods, TODAY), 6.0);
    }
}
