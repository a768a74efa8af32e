//! What the API reads about webhooks: the hooks themselves, their deliveries and attempts.
//! Delivering (claiming due deliveries, recording attempts) is `events::webhook::store`.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use entity::webhook_delivery;

use super::{Db, Keyset, Rows, page};
use crate::error::ApiResult;

/// A page of one webhook's deliveries.
pub async fn deliveries(
    db: &Db,
    webhook_id: i64,
    keyset: Keyset,
) -> ApiResult<Rows<webhook_delivery::Model>> {
    let select =
        webhook_delivery::Entity::find().filter(webhook_delivery::Column::WebhookId.eq(webhook_id));
    page::fetch(db, select, webhook_delivery::Column::Id, keyset, |d| d.id).await
}
