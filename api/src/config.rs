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

/// The key API token hashes are made with (HMAC-SHA256). Every instance of a deployment and
/// the `token` commands need the same one; without it a development key is used.
#[derive(Debug, Clone, Default, Args)]
pub struct TokenKeyArgs {
    #[arg(long, env = "TOKEN_KEY", hide_env_values = true)]
    pub token_key: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub token: TokenKeyArgs,
    #[command(flatten)]
    pub security: SecurityArgs,
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

/// Limits and switches that protect the service from clients.
#[derive(Debug, Clone, Args)]
pub struct SecurityArgs {
    /// Requests per second each token may make on average (token bucket; 0: no limit).
    #[arg(long, env = "RATE_LIMIT_PER_SEC", default_value_t = 50.0)]
    pub rate_limit_per_sec: f64,
    /// Requests a token may make at once before the average applies.
    #[arg(long, env = "RATE_LIMIT_BURST", default_value_t = 100)]
    pub rate_limit_burst: u32,
    /// Largest GraphQL query text accepted, in bytes (variables, such as an imported
    /// document, are limited separately).
    #[arg(long, env = "MAX_QUERY_BYTES", default_value_t = 65_536)]
    pub max_query_bytes: usize,
    /// Largest request body, in bytes (an import of a 2 MB document fits).
    #[arg(long, env = "MAX_BODY_BYTES", default_value_t = 4 * 1024 * 1024)]
    pub max_body_bytes: usize,
    /// Largest response sent; a larger one is answered with RESPONSE_TOO_LARGE.
    #[arg(long, env = "MAX_RESPONSE_BYTES", default_value_t = 8 * 1024 * 1024)]
    pub max_response_bytes: usize,
    /// Deepest query nesting accepted.
    #[arg(long, env = "MAX_QUERY_DEPTH", default_value_t = 12)]
    pub max_depth: usize,
    /// Highest query complexity accepted (each field counts 1, lists by their page size).
    #[arg(long, env = "MAX_QUERY_COMPLEXITY", default_value_t = 5_000)]
    pub max_complexity: usize,
    /// Refuse schema introspection (production APIs need not describe themselves).
    #[arg(long, env = "DISABLE_INTROSPECTION")]
    pub disable_introspection: bool,
    /// Do not serve GraphiQL at /graphiql.
    #[arg(long, env = "DISABLE_GRAPHIQL")]
    pub disable_graphiql: bool,
    /// Origins (scheme://host[:port]) whose browser pages may call the API; the web app
    /// served by this server needs none.
    #[arg(long, env = "CORS_ALLOW_ORIGINS", value_delimiter = ',')]
    pub cors_allow_origins: Vec<String>,
    /// Erase candidates untouched for this many months (checked daily; 0: keep them).
    #[arg(long, env = "RETENTION_MONTHS", default_value_t = 0)]
    pub retention_months: u32,
}

impl Default for SecurityArgs {
    fn default() -> Self {
        Self {
            rate_limit_per_sec: 50.0,
            rate_limit_burst: 100,
            max_query_bytes: 65_536,
            max_body_bytes: 4 * 1024 * 1024,
            max_response_bytes: 8 * 1024 * 1024,
            max_depth: 12,
            max_complexity: 5_000,
            disable_introspection: false,
            disable_graphiql: false,
            cors_allow_origins: Vec::new(),
            retention_months: 0,
        }
    }
}
