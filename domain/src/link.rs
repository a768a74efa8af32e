//! Linking documents to standard competences by text similarity: which competences a job
//! description asks for, and whether an untitled competence fragment is one already known.

use crate::similarity::Profile;

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
pub const SUGGESTION_THRESHOLD: f64 = 0.3;

/// Ranks `competences` for a job from its texts (tasks, competence-group bullets). Each job
/// text is compared with the competence's title and items; a competence's score blends its
/// single best match with the mean of its three best, so one lucky phrase does not outrank a
/// competence that fits the job throughout. Best first, at most `limit`.
pub fn suggest<K: Clone>(
    job_texts: &[String],
    competences: &[CompetenceText<K>],
    limit: usize,
) -> Vec<Suggestion<K>> {
    let jobs: Vec<(Profile, &String)> = job_texts
        .iter()
        .map(|t| (Profile::new(t), t))
        .filter(|(p, _)| !p.is_empty())
        .collect();
    if jobs.is_empty() {
        return Vec::new();
    }
    let mut suggestions: Vec<Suggestion<K>> = competences
        .iter()
        .filter_map(|competence| {
            let items: Vec<Profile> = std::iter::once(&competence.title)
                .chain(competence.items.iter())
                .map(|t| Profile::new(t))
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
            let similarity = 0.5 * best + 0.5 * mean;
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
    let known: Vec<Profile> = known.iter().map(|t| Profile::new(t)).collect();
    let matched = fragment
        .iter()
        .map(|t| Profile::new(t))
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
