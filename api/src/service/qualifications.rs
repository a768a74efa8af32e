//! The qualification titles the database knows, loaded for `domain`'s one comparison of
//! titles (`QualificationTitles`): for QUALIFICATION requirements and for the
//! qualifications candidates hold.

use std::collections::HashMap;

use domain::score::{QualificationKey, QualificationTitles};
use sea_orm::{ConnectionTrait, EntityTrait};

use entity::{partial_qualification, standard};

use crate::error::ApiResult;

pub struct Qualifications {
    pub titles: QualificationTitles,
    /// The standard each partial qualification belongs to.
    standard_of: HashMap<i64, i64>,
}

impl Qualifications {
    pub async fn load<C: ConnectionTrait>(db: &C) -> ApiResult<Self> {
        let standards = standard::Entity::find().all(db).await?;
        let partials = partial_qualification::Entity::find().all(db).await?;
        let standard_of = partials.iter().map(|p| (p.id, p.standard_id)).collect();
        let titles = QualificationTitles::new(
            standards
                .into_iter()
                .map(|s| (s.title, QualificationKey::Standard(s.id)))
                .chain(
                    partials
                        .into_iter()
                        .map(|p| (p.title, QualificationKey::Partial(p.id))),
                ),
        );
        Ok(Self {
            titles,
            standard_of,
        })
    }

    /// The (standard, partial qualification) a held qualification's title certifies.
    pub fn held(&self, title: &str) -> (Option<i64>, Option<i64>) {
        match self.titles.held(title) {
            Some(QualificationKey::Standard(id)) => (Some(id), None),
            Some(QualificationKey::Partial(id)) => (self.standard_of.get(&id).copied(), Some(id)),
            None => (None, None),
        }
    }
}
