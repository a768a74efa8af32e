//! Live events for HR tools.
//!
//! The path of an event: a write records it in the outbox table in its own transaction
//! (`service::outbox`); the [`relay`] publishes unpublished outbox rows, in id order, to the
//! [`bus`] (a Redis Stream with `REDIS_URL`, an in-process channel otherwise), queues webhook
//! deliveries, and marks the rows published — one relay at a time across instances; every
//! instance's [`feed`] reads the bus, keeps its match index fresh and hands new candidates to
//! the [`hub`], which evaluates each once per subscribed opening and fans out to this
//! instance's subscribers. Subscriptions replay missed events from the outbox table.
//!
//! Nothing here is needed for a write to succeed: when Redis is down, writes commit, events
//! wait in the outbox, and the relay publishes them when Redis is back.

pub mod bus;
pub mod feed;
pub mod hub;
pub mod relay;
pub mod webhook;

use tokio::sync::Notify;

use crate::config::EventArgs;
use bus::Bus;
use hub::Hub;

pub struct Events {
    pub bus: Bus,
    pub hub: Hub,
    pub settings: EventArgs,
    /// Wakes the relay after a local write committed, so events leave at once.
    relay_wake: Notify,
    /// Wakes the webhook sender after the relay queued deliveries.
    webhook_wake: Notify,
    pub webhooks: webhook::Sender,
}

impl Events {
    pub fn new(redis_url: Option<&str>, settings: EventArgs) -> anyhow::Result<Self> {
        let bus = match redis_url {
            Some(url) => Bus::redis(url, &settings.redis_stream)?,
            None => Bus::memory(),
        };
        Ok(Self {
            bus,
            hub: Hub::new(settings.subscriber_buffer),
            webhooks: webhook::Sender::new(&settings)?,
            settings,
            relay_wake: Notify::new(),
            webhook_wake: Notify::new(),
        })
    }

    /// Tells the relay that events were committed.
    pub fn committed(&self) {
        self.relay_wake.notify_one();
    }
}
