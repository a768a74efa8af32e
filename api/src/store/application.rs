//! Applications as the API reads them: an opening's pipeline a page at a time, how many sit
//! at each stage, one application (its moves and notes are read through the loaders, `batch`).
//! Writing them is `service::pipeline`.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QuerySelect};

use domain::pipeline::Stage;
use entity::application;

use super::{Db, Keyset, Rows, page};
use crate::error::ApiResult;

/// Which applications a list holds.
#[derive(Debug, Clone, Copy)]
pub struct PipelineFilter {
    pub opening: i64,
    /// Only those at this stage.
    pub stage: Option<Stage>,
}

pub async fn page(
    db: &Db,
    filter: PipelineFilter,
    keyset: Keyset,
) -> ApiResult<Rows<application::Model>> {
    let mut select =
        application::Entity::find().filter(application::Column::OpeningId.eq(filter.opening));
    if let Some(stage) = filter.stage {
        select = select.filter(application::Column::Stage.eq(stage.as_str()));
    }
    page::fetch(db, select, application::Column::Id, keyset, |a| a.id).await
}

#[derive(FromQueryResult)]
struct Count {
    key: Option<String>,
    count: i64,
}

/// How many applications of `opening` there are by the stored value of `column` (values with
/// none are absent; the caller reads the names back), at `stage` only when given.
async fn count_by(
    db: &Db,
    opening: i64,
    column: application::Column,
    stage: Option<Stage>,
) -> ApiResult<HashMap<String, i64>> {
    let mut select = application::Entity::find()
        .select_only()
        .column_as(column, "key")
        .column_as(application::Column::Id.count(), "count")
        .filter(application::Column::OpeningId.eq(opening));
    if let Some(stage) = stage {
        select = select.filter(application::Column::Stage.eq(stage.as_str()));
    }
    let rows = select
        .group_by(column)
        .into_model::<Count>()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| Some((r.key?, r.count)))
        .collect())
}

/// How many applications of `opening` are at each stored stage name.
pub async fn counts(db: &Db, opening: i64) -> ApiResult<HashMap<String, i64>> {
    count_by(db, opening, application::Column::Stage, None).await
}

/// How many of `opening`'s rejected applications give each stored rejection kind.
pub async fn rejections(db: &Db, opening: i64) -> ApiResult<HashMap<String, i64>> {
    count_by(
        db,
        opening,
        application::Column::RejectionKind,
        Some(Stage::Rejected),
    )
    .await
}

pub async fn find(db: &Db, id: i64) -> ApiResult<Option<application::Model>> {
    Ok(application::Entity::find_by_id(id).one(db).await?)
}
