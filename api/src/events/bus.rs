//! How committed events travel between instances: a Redis Stream when `REDIS_URL` is set, an
//! in-process broadcast channel otherwise (embedded mode, one instance). Both carry the same
//! [`Event`]s in id order; what travels is only a notice — the outbox table stays the source
//! of truth, and a reader that finds a gap (a Redis restart lost entries, a lagging receiver)
//! fills it from there.

use std::time::Duration;

use chrono::{DateTime, Utc};
use redis::AsyncConnectionConfig;
use redis::aio::MultiplexedConnection;
use redis::streams::StreamReadReply;
use tokio::sync::{Mutex, broadcast};

use crate::service::outbox::Event;

/// Entries the stream keeps (approximately); older events are replayed from the outbox table.
const STREAM_LENGTH: usize = 100_000;
/// How long one blocking read waits before it checks the connection again.
const BLOCK_MS: usize = 1_000;

pub enum Bus {
    Memory(broadcast::Sender<Event>),
    Redis(Box<RedisBus>),
}

pub struct RedisBus {
    client: redis::Client,
    stream: String,
    /// Publishing shares one multiplexed connection; reading blocks, so it has its own.
    publisher: Mutex<Option<MultiplexedConnection>>,
}

/// What a reader got from the bus.
pub enum Received {
    Events(Vec<Event>),
    /// The reader fell behind (in-process channel) and must fill the gap from the outbox.
    Lagged,
}

/// A reader of the bus for one instance.
pub enum Reader {
    Memory(broadcast::Receiver<Event>),
    Redis {
        connection: Option<MultiplexedConnection>,
    },
}

impl Bus {
    pub fn memory() -> Self {
        Self::Memory(broadcast::channel(4096).0)
    }

    pub fn redis(url: &str, stream: &str) -> anyhow::Result<Self> {
        let client = redis::Client::open(url)
            .map_err(|err| anyhow::anyhow!("REDIS_URL '{url}' is not usable: {err}"))?;
        Ok(Self::Redis(Box::new(RedisBus {
            client,
            stream: stream.to_owned(),
            publisher: Mutex::new(None),
        })))
    }

    pub fn is_redis(&self) -> bool {
        matches!(self, Self::Redis(_))
    }

    /// A reader that sees everything published from now on.
    pub fn reader(&self) -> Reader {
        match self {
            Self::Memory(sender) => Reader::Memory(sender.subscribe()),
            Self::Redis(_) => Reader::Redis { connection: None },
        }
    }

    /// Publishes `events` in order. An event the stream already holds (a relay that
    /// published it, then failed before marking it in the database) counts as published.
    pub async fn publish(&self, events: &[Event]) -> anyhow::Result<()> {
        match self {
            Self::Memory(sender) => {
                for event in events {
                    // No receiver only means nobody listens yet; the outbox keeps the event.
                    let _ = sender.send(event.clone());
                }
                Ok(())
            }
            Self::Redis(bus) => bus.publish(events).await,
        }
    }

    /// Waits for the next events after `last`. Errors mean the bus is unreachable; the caller
    /// retries, and events wait in the outbox meanwhile.
    pub async fn receive(&self, reader: &mut Reader, last: i64) -> anyhow::Result<Received> {
        match (self, reader) {
            (Self::Memory(_), Reader::Memory(receiver)) => match receiver.recv().await {
                Ok(event) => Ok(Received::Events(vec![event])),
                Err(broadcast::error::RecvError::Lagged(_)) => Ok(Received::Lagged),
                Err(broadcast::error::RecvError::Closed) => {
                    Err(anyhow::anyhow!("the in-process event bus is closed"))
                }
            },
            (Self::Redis(bus), Reader::Redis { connection }) => {
                let result = bus.read(connection, last).await;
                if result.is_err() {
                    *connection = None;
                }
                result.map(Received::Events)
            }
            _ => Err(anyhow::anyhow!("event reader of another bus")),
        }
    }
}

fn config(response: Duration) -> AsyncConnectionConfig {
    AsyncConnectionConfig::new()
        .set_connection_timeout(Some(Duration::from_secs(2)))
        .set_response_timeout(Some(response))
}

impl RedisBus {
    async fn publish(&self, events: &[Event]) -> anyhow::Result<()> {
        let mut guard = self.publisher.lock().await;
        let connection = match guard.as_mut() {
            Some(connection) => connection,
            None => guard.insert(
                self.client
                    .get_multiplexed_async_connection_with_config(&config(Duration::from_secs(2)))
                    .await?,
            ),
        };
        for event in events {
            let result: redis::RedisResult<String> = redis::cmd("XADD")
                .arg(&self.stream)
                .arg("MAXLEN")
                .arg("~")
                .arg(STREAM_LENGTH)
                .arg(format!("{}-0", event.id))
                .arg("kind")
                .arg(event.kind.as_str())
                .arg("aggregate")
                .arg(event.aggregate_id)
                .arg("at")
                .arg(event.created_at.to_rfc3339())
                .query_async(connection)
                .await;
            match result {
                Ok(_) => {}
                Err(err) if err.to_string().contains("equal or smaller") => {}
                Err(err) => {
                    *guard = None;
                    return Err(err.into());
                }
            }
        }
        Ok(())
    }

    async fn read(
        &self,
        connection: &mut Option<MultiplexedConnection>,
        last: i64,
    ) -> anyhow::Result<Vec<Event>> {
        let connection = match connection {
            Some(connection) => connection,
            None => connection.insert(
                self.client
                    .get_multiplexed_async_connection_with_config(&config(Duration::from_millis(
                        BLOCK_MS as u64 + 2_000,
                    )))
                    .await?,
            ),
        };
        let reply: Option<StreamReadReply> = redis::cmd("XREAD")
            .arg("COUNT")
            .arg(500)
            .arg("BLOCK")
            .arg(BLOCK_MS)
            .arg("STREAMS")
            .arg(&self.stream)
            .arg(format!("{last}-0"))
            .query_async(connection)
            .await?;
        let mut events = Vec::new();
        for key in reply.map(|r| r.keys).unwrap_or_default() {
            for entry in key.ids {
                events.push(parse_entry(&entry)?);
            }
        }
        Ok(events)
    }
}

fn parse_entry(entry: &redis::streams::StreamId) -> anyhow::Result<Event> {
    let id = entry
        .id
        .split_once('-')
        .and_then(|(ms, _)| ms.parse::<i64>().ok())
        .ok_or_else(|| anyhow::anyhow!("stream entry id '{}' is not an event id", entry.id))?;
    let kind: String = entry
        .get("kind")
        .ok_or_else(|| anyhow::anyhow!("stream entry {id} has no kind"))?;
    let aggregate_id: i64 = entry.get("aggregate").unwrap_or_default();
    let at: String = entry.get("at").unwrap_or_default();
    Ok(Event {
        id,
        kind: kind.parse().map_err(|e: String| anyhow::anyhow!(e))?,
        aggregate_id,
        created_at: DateTime::parse_from_rfc3339(&at)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|_| Utc::now()),
    })
}
