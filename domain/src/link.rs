//! Linking documents to standard competences by text similarity: which competences a job
//! description asks for, and whether an untitled competence fragment is one already known.

use std::collections::HashMap;

use crate::similarity::{Profile, stem, words};

/// A competence as the linker sees it: its title and every indicator and knowledge item.
#[derive(Debug, Clone)]
pub struct CompetenceText<K> {
    pub key: K,
    pub title: String,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion<K> {
    pub key: K,
    /// 0..=1
    pub similarity: f64,
    /// The job text that matched best, to explain the suggestion.
    pub because_of: String,
}

/// Below this a competence is not suggested at all.
pub const SUGGESTION_THRESHOLD: f64 = 0.2;

/// Competences compared text by text after the whole-document comparison.
const SHORTLIST: usize = 40;

/// Stem counts of many texts: a document seen as a bag of words. Stems are a little shorter
/// than for phrases, so that stem alternations ("klient" / "kliendi") meet across a document.
fn bag<'a>(texts: impl Iterator<Item = &'a String>) -> HashMap<String, f64> {
    let mut bag = HashMap::new();
    for text in texts {
        for word in words(text) {
            let short: String = stem(&word).chars().take(5).collect();
            *bag.entry(short).or_insert(0.0) += 1.0;
        }
    }
    bag
}

/// Cosine of two bags weighted by rarity (TF-IDF): how much the job and the competence talk
/// about the same things overall, rare words counting more than common ones.
fn cosine(a: &HashMap<String, f64>, b: &HashMap<String, f64>, idf: &HashMap<String, f64>) -> f64 {
    let weight = |s: &String, n: f64| n * idf.get(s).copied().unwrap_or(1.0);
    let dot: f64 = a
        .iter()
        .filter_map(|(s, n)| b.get(s).map(|m| weight(s, *n) * weight(s, *m)))
        .sum();
    let norm = |x: &HashMap<String, f64>| {
        x.iter()
            .map(|(s, n)| weight(s, *n).powi(2))
            .sum::<f64>()
            .sqrt()
    };
    let denominator = norm(a) * norm(b);
    if denominator > 0.0 {
        dot / denominator
    } else {
        0.0
    }
}

/// Ranks `competences` for a job from its texts (tasks, expected results, competence-group
/// bullets). Two views are blended: how the job as a whole and the competence as a whole share
/// their rarer words (TF-IDF cosine), and how the job's single texts match the competence's
/// title and items (its best match blended with the mean of its three best, so one lucky
/// phrase does not outrank a competence that fits throughout). Best first, at most `limit`.
pub fn suggest<K: Clone>(
    job_texts: &[String],
    competences: &[CompetenceText<K>],
    limit: usize,
) -> Vec<Suggestion<K>> {
    let jobs: Vec<(Profile, &String)> = job_texts
        .iter()
        .map(|t| (Profile::plain(t), t))
        .filter(|(p, _)| !p.is_empty())
        .collect();
    if jobs.is_empty() {
        return Vec::new();
    }
    let job_bag = bag(job_texts.iter());
    let bags: Vec<HashMap<String, f64>> = competences
        .iter()
        .map(|c| bag(std::iter::once(&c.title).chain(c.items.iter())))
        .collect();
    let n = bags.len() as f64;
    let mut df: HashMap<String, f64> = HashMap::new();
    for b in &bags {
        for s in b.keys() {
            *df.entry(s.clone()).or_insert(0.0) += 1.0;
        }
    }
    let idf: HashMap<String, f64> = df
        .into_iter()
        .map(|(s, d)| (s, ((n + 1.0) / (d + 1.0)).ln() + 1.0))
        .collect();
    // The whole-document view is cheap (one pass over each bag); the per-text view costs
    // job texts × items. Only the competences the first view ranks highest get the second,
    // so the cost grows with the document plus the vocabulary, not with their product.
    let mut overall: Vec<(usize, f64)> = bags
        .iter()
        .enumerate()
        .map(|(i, b)| (i, cosine(&job_bag, b, &idf)))
        .collect();
    overall.sort_by(|a, b| b.1.total_cmp(&a.1));
    overall.truncate(SHORTLIST.max(limit * 5));
    let mut suggestions: Vec<Suggestion<K>> = overall
        .into_iter()
        .filter_map(|(i, overall)| {
            let competence = &competences[i];
            let items: Vec<Profile> = std::iter::once(&competence.title)
                .chain(competence.items.iter())
                .map(|t| Profile::plain(t))
                .filter(|p| !p.is_empty())
                .collect();
            let mut per_job: Vec<(f64, &String)> = jobs
                .iter()
                .map(|(job, text)| {
                    let best = items
                        .iter()
                        .map(|item| job.similarity(item))
                        .fold(0.0, f64::max);
                    (best, *text)
                })
                .collect();
            per_job.sort_by(|a, b| b.0.total_cmp(&a.0));
            let (best, because_of) = *per_job.first()?;
            let top: Vec<f64> = per_job.iter().take(3).map(|(s, _)| *s).collect();
            let mean = top.iter().sum::<f64>() / top.len() as f64;
            let similarity = 0.5 * overall + 0.25 * best + 0.25 * mean;
            (similarity >= SUGGESTION_THRESHOLD).then(|| Suggestion {
                key: competence.key.clone(),
                similarity: (similarity * 1000.0).round() / 1000.0,
                because_of: because_of.clone(),
            })
        })
        .collect();
    suggestions.sort_by(|a, b| b.similarity.total_cmp(&a.similarity));
    suggestions.truncate(limit);
    suggestions
}

/// How surely `fragment` (indicators and knowledge of an untitled competence) is the known
/// competence with `known` items: the share of the fragment's items that have a near-identical
/// item in the known one, lowered when the two differ much in size.
pub fn sameness(fragment: &[String], known: &[String]) -> f64 {
    if fragment.is_empty() || known.is_empty() {
        return 0.0;
    }
    let known: Vec<Profile> = known.iter().map(|t| Profile::plain(t)).collect();
    let matched = fragment
        .iter()
        .map(|t| Profile::plain(t))
        .filter(|p| known.iter().any(|k| p.similarity(k) >= 0.85))
        .count();
    let share = matched as f64 / fragment.len() as f64;
    let (small, large) = if fragment.len() < known.len() {
        (fragment.len(), known.len())
    } else {
        (known.len(), fragment.len())
    };
    share * (small as f64 / large as f64).sqrt()
}

/// From this sameness on, a fragment is taken to be the known competence.
pub const SAME_COMPETENCE_THRESHOLD: f64 = 0.7;

#[cfg(test)]
mod tests {
    use super::*;

    fn competence(key: u32, title: &str, items: &[&str]) -> CompetenceText<u32> {
        CompetenceText {
            key,
            title: title.to_owned(),
            items: items.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn the_competence_that_fits_the_tasks_comes_first() {
        let competences = [
            competence(
                1,
                "Infoturbe juhtimine",
                &["Hindab infoturbe riske", "Koostab turvapoliitika"],
            ),
            competence(
                2,
                "Kliendisuhete süsteemi ohjamine",
                &[
                    "Korraldab klientide tagasiside kogumist",
                    "Käsitleb kliendikaebusi",
                ],
            ),
        ];
        let tasks = vec![
            "Klientide tagasiside kogumine ja analüüs".to_owned(),
            "Kliendikaebuste käsitlemine".to_owned(),
        ];
        let suggestions = suggest(&tasks, &competences, 5);
        assert_eq!(suggestions.first().map(|s| s.key), Some(2));
        assert!(
            suggestions
                .iter()
                .all(|s| s.similarity >= SUGGESTION_THRESHOLD)
        );
    }

    #[test]
    fn a_job_without_text_gets_no_suggestions() {
        let competences = [competence(1, "Infoturbe juhtimine", &[])];
        assert!(suggest(&[], &competences, 5).is_empty());
    }

    #[test]
    fn a_fragment_with_the_same_items_is_the_same_competence() {
        let known: Vec<String> = [
            "Korraldab tagasiside kogumist",
            "Käsitleb kaebusi",
            "Analüüsib rahulolu",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let fragment: Vec<String> = [
            "korraldab tagasiside kogumist.",
            "Käsitleb kaebusi",
            "analüüsib rahulolu",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        assert!(sameness(&fragment, &known) >= SAME_COMPETENCE_THRESHOLD);
        let other: Vec<String> = vec!["Hindab infoturbe riske".to_owned()];
        assert!(sameness(&fragment, &other) < SAME_COMPETENCE_THRESHOLD);
    }
}
