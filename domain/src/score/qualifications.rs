//! Which standard or partial qualification (osakutse) a qualification title names: the one
//! place titles are compared, for a requirement ("kutse: Kvaliteedijuht, tase 7") and for a
//! qualification a candidate holds alike.

use super::QualificationKey;
use crate::text::title_key;

/// Standards and partial qualifications by their title's key.
#[derive(Debug, Clone, Default)]
pub struct QualificationTitles(Vec<(String, QualificationKey)>);

impl QualificationTitles {
    /// The catalogue of `(title, key)` pairs: standards and partial qualifications.
    pub fn new(titles: impl IntoIterator<Item = (String, QualificationKey)>) -> Self {
        Self(
            titles
                .into_iter()
                .map(|(title, key)| (title_key(&title), key))
                .collect(),
        )
    }

    /// Everything `title` names: a requirement is covered by any of them.
    pub fn keys(&self, title: &str) -> Vec<QualificationKey> {
        let key = title_key(title);
        self.0
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, q)| *q)
            .collect()
    }

    /// What a held qualification certifies: the standard of that title, else a partial
    /// qualification of it.
    pub fn held(&self, title: &str) -> Option<QualificationKey> {
        let keys = self.keys(title);
        keys.iter()
            .find(|k| matches!(k, QualificationKey::Standard(_)))
            .or_else(|| keys.first())
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_names_its_standard_before_a_partial_qualification_of_the_same_name() {
        let titles = QualificationTitles::new([
            (
                "Infoturbejuht, tase 7".to_owned(),
                QualificationKey::Partial(9),
            ),
            (
                "Kvaliteedijuht, tase 7".to_owned(),
                QualificationKey::Standard(1),
            ),
            (
                "kvaliteedijuht tase 7".to_owned(),
                QualificationKey::Partial(4),
            ),
        ]);
        assert_eq!(
            titles.held("KVALITEEDIJUHT, TASE 7"),
            Some(QualificationKey::Standard(1))
        );
        assert_eq!(titles.keys("Kvaliteedijuht, tase 7").len(), 2);
        assert_eq!(
            titles.held("infoturbejuht tase 7"),
            Some(QualificationKey::Partial(9))
        );
        assert_eq!(titles.held("Kokk"), None);
    }
}
