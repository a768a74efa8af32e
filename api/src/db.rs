//! Database connection for both backends, and migrations at start.

use std::time::Duration;

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};

/// Connects and brings the schema up to date. SQLite gets WAL and a busy timeout so that
/// concurrent requests (and processes) wait for the single writer instead of failing.
pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    let mut options = ConnectOptions::new(url.to_owned());
    let sqlite = url.starts_with("sqlite:");
    options
        .max_connections(if sqlite { 8 } else { 20 })
        .min_connections(1)
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(Duration::from_secs(10))
        .sqlx_logging(false);
    if sqlite {
        // On every pooled connection, not just the first: another process (a CLI command next
        // to a running server) must wait for the writer instead of failing.
        options.map_sqlx_sqlite_opts(|o| {
            use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
            o.busy_timeout(Duration::from_secs(10))
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
        });
    }
    let db = Database::connect(options)
        .await
        .with_context(|| format!("cannot connect to the database at {}", redact(url)))?;
    Migrator::up(&db, None)
        .await
        .context("cannot run database migrations")?;
    Ok(db)
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let credentials = &url[scheme_end + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn a_password_in_the_url_is_hidden() {
        assert_eq!(
            redact("postgres://bob:secret@db:5432/x"),
            "postgres://bob:***@db:5432/x"
        );
    }

    #[test]
    fn a_url_without_password_stays_as_it_is() {
        assert_eq!(
            redact("sqlite://sobivus.db?mode=rwc"),
            "sqlite://sobivus.db?mode=rwc"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/test"),
            "postgres://postgres@127.0.0.1/test"
        );
    }
}
