//! Settings from flags and environment, shared by `serve` and the other commands.

use std::net::IpAddr;

use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// Where data lives: a SQLite file (embedded mode) or a PostgreSQL server (scale-out).
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://sobivus.db?mode=rwc"
    )]
    pub database_url: String,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Redis for events across instances; without it events stay in this process.
    #[arg(long, env = "REDIS_URL")]
    pub redis_url: Option<String>,
    #[command(flatten)]
    pub events: EventArgs,
    /// TCP port; 0 picks a free one (the chosen port is printed).
    #[arg(long, env = "PORT", default_value_t = 8080)]
    pub port: u16,
    /// Address to listen on; 0.0.0.0 to accept connections from other machines.
    #[arg(long, env = "BIND", default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Load demo data into an empty database and print an admin token.
    #[arg(long)]
    pub demo: bool,
    /// Also re-read the whole match index from the database every this many seconds (0: never).
    /// Events keep every instance's index fresh; this is a safety net for operators who want one.
    #[arg(long, env = "INDEX_REFRESH_SECS", default_value_t = 0)]
    pub index_refresh_secs: u64,
    /// The built web app (`npm run build` in frontend/), served at `/`.
    #[arg(long, env = "WEB_DIR", default_value = "frontend/dist")]
    pub web_dir: std::path::PathBuf,
    /// Seconds a request may take before it is answered with 408.
    #[arg(long, env = "REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    pub request_timeout_secs: u64,
}

/// How events travel and are delivered.
#[derive(Debug, Clone, Args)]
pub struct EventArgs {
    /// The Redis Stream events go through; instances that share it share events. Distinct names
    /// let several deployments share one Redis.
    #[arg(long, env = "REDIS_STREAM", default_value = "sobivus:events")]
    pub redis_stream: String,
    /// Events a subscriber may fall behind by before it is closed (it can resume with `after`).
    #[arg(long, env = "SUBSCRIBER_BUFFER", default_value_t = 1024)]
    pub subscriber_buffer: usize,
    /// Hosts webhooks may call even when they resolve to loopback or private addresses
    /// (comma-separated names or IP addresses). Every other host must resolve to public
    /// addresses only, so a webhook cannot be aimed at the service's own network.
    #[arg(long, env = "WEBHOOK_ALLOW_HOSTS", value_delimiter = ',')]
    pub webhook_allow_hosts: Vec<String>,
    /// First retry delay of a failed webhook call; it doubles with each attempt (at most an
    /// hour) until 24 hours have passed since the event.
    #[arg(long, env = "WEBHOOK_RETRY_BASE_MS", default_value_t = 10_000)]
    pub webhook_retry_base_ms: u64,
    /// Seconds a webhook call may take before it counts as failed.
    #[arg(long, env = "WEBHOOK_TIMEOUT_SECS", default_value_t = 10)]
    pub webhook_timeout_secs: u64,
}

impl Default for EventArgs {
    fn default() -> Self {
        Self {
            redis_stream: "sobivus:events".to_owned(),
            subscriber_buffer: 1024,
            webhook_allow_hosts: Vec::new(),
            webhook_retry_base_ms: 10_000,
            webhook_timeout_secs: 10,
        }
    }
}
