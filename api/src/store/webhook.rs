//! What the API reads about webhooks: the hooks themselves, their deliveries and attempts.
//! Delivering (claiming due deliveries, recording attempts) is `events::webhook::store`.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Select};

use entity::{webhook, webhook_attempt, webhook_delivery};

use super::{Db, Keyset, Rows, page};
use crate::error::ApiResult;
use crate::events::webhook::PENDING;

/// Whose webhooks a caller sees. Who may see which is `service::webhook`'s decision; the
/// store only applies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// Every webhook.
    Anyone,
    /// The webhooks created with this token.
    Token(i64),
}

fn owned_by(owner: Owner) -> Select<webhook::Entity> {
    let select = webhook::Entity::find();
    match owner {
        Owner::Anyone => select,
        Owner::Token(id) => select.filter(webhook::Column::OwnerTokenId.eq(id)),
    }
}

/// The webhooks of `owner`, oldest first.
pub async fn list(db: &Db, owner: Owner) -> ApiResult<Vec<webhook::Model>> {
    Ok(owned_by(owner)
        .order_by_asc(webhook::Column::Id)
        .all(db)
        .await?)
}

/// Webhook `id` if it belongs to `owner`.
pub async fn find(db: &Db, owner: Owner, id: i64) -> ApiResult<Option<webhook::Model>> {
    Ok(owned_by(owner)
        .filter(webhook::Column::Id.eq(id))
        .one(db)
        .await?)
}

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

/// How many of one webhook's deliveries wait for a (first or next) attempt.
pub async fn pending_deliveries(db: &Db, webhook_id: i64) -> ApiResult<u64> {
    Ok(webhook_delivery::Entity::find()
        .filter(webhook_delivery::Column::WebhookId.eq(webhook_id))
        .filter(webhook_delivery::Column::Status.eq(PENDING))
        .count(db)
        .await?)
}

/// Every attempt of one delivery, oldest first.
pub async fn attempts(db: &Db, delivery_id: i64) -> ApiResult<Vec<webhook_attempt::Model>> {
    Ok(webhook_attempt::Entity::find()
        .filter(webhook_attempt::Column::DeliveryId.eq(delivery_id))
        .order_by_asc(webhook_attempt::Column::Id)
        .all(db)
        .await?)
}
