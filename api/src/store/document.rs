//! Imported source documents, known by the hash of their text.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use entity::document;

use super::Db;
use crate::error::ApiResult;

/// Whether a document with this content hash (`service::import::content_hash`) was imported,
/// so a preview can say that importing it again would change nothing.
pub async fn is_imported(db: &Db, content_hash: &str) -> ApiResult<bool> {
    Ok(document::Entity::find()
        .filter(document::Column::ContentHash.eq(content_hash))
        .one(db)
        .await?
        .is_some())
}
