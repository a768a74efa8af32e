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
    /// TCP port; 0 picks a free one (the chosen port is printed).
    #[arg(long, env = "PORT", default_value_t = 8080)]
    pub port: u16,
    /// Address to listen on; 0.0.0.0 to accept connections from other machines.
    #[arg(long, env = "BIND", default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Load demo data into an empty database and print an admin token.
    #[arg(long)]
    pub demo: bool,
    /// Re-read the match index from the database every this many seconds (0: never). Needed
    /// only when several instances share a database, until events carry changes between them.
    #[arg(long, env = "INDEX_REFRESH_SECS", default_value_t = 0)]
    pub index_refresh_secs: u64,
    /// The built web app (`npm run build` in frontend/), served at `/`.
    #[arg(long, env = "WEB_DIR", default_value = "frontend/dist")]
    pub web_dir: std::path::PathBuf,
    /// Seconds a request may take before it is answered with 408.
    #[arg(long, env = "REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    pub request_timeout_secs: u64,
}
