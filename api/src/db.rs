//! Database connection for both backends, and migrations at start.

use std::time::Duration;

use anyhow::Context;
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, Database, DatabaseConnection, DbErr, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};

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

/// Starts a transaction that will write. On SQLite it takes the write lock at `BEGIN`
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and writes later fails at
/// once with `SQLITE_BUSY` when another writer committed in between (WAL snapshots cannot
/// be upgraded, and the busy timeout does not apply), which surfaced as an `INTERNAL` from
/// `updateOpening` while a background remap was writing. Taken at `BEGIN`, the lock waits
/// for the busy timeout like any other writer. PostgreSQL ignores the mode.
pub async fn begin_write<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
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
    use super::{begin_write, connect, redact};
    use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};

    /// A database file of its own, removed (with its WAL files) when the test ends.
    struct Scratch(std::path::PathBuf);

    impl Drop for Scratch {
        fn drop(&mut self) {
            for suffix in ["", "-wal", "-shm"] {
                let mut path = self.0.clone().into_os_string();
                path.push(suffix);
                let _ = std::fs::remove_file(path);
            }
        }
    }

    async fn scratch(name: &str) -> (DatabaseConnection, Scratch) {
        let path = std::env::temp_dir().join(format!("sobivus-{name}-{}.db", std::process::id()));
        let guard = Scratch(path.clone());
        let _ = std::fs::remove_file(&path);
        let db = connect(&format!("sqlite://{}?mode=rwc", path.display()))
            .await
            .expect("a scratch SQLite database");
        db.execute_unprepared("CREATE TABLE t (n INTEGER)")
            .await
            .expect("a table");
        (db, guard)
    }

    /// Reads, lets another writer commit, then writes: what an update does while the
    /// background remap writes.
    async fn read_then_write_while_another_commits(
        db: &DatabaseConnection,
        immediate: bool,
    ) -> Result<(), sea_orm::DbErr> {
        let txn = if immediate {
            begin_write(db).await?
        } else {
            db.begin().await?
        };
        txn.execute_unprepared("SELECT count(*) FROM t").await?;
        let other = db.clone();
        let writer =
            tokio::spawn(async move { other.execute_unprepared("INSERT INTO t VALUES (1)").await });
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let mine = txn.execute_unprepared("INSERT INTO t VALUES (2)").await;
        let committed = match mine {
            Ok(_) => txn.commit().await,
            Err(err) => Err(err),
        };
        writer.await.expect("the other writer ran")?;
        committed
    }

    #[tokio::test]
    async fn a_write_transaction_waits_for_another_writer_instead_of_failing() {
        let (db, _file) = scratch("immediate").await;
        read_then_write_while_another_commits(&db, true)
            .await
            .expect("both writes land");
        let rows = db
            .query_one_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "SELECT count(*) AS n FROM t",
            ))
            .await
            .expect("count")
            .expect("a row");
        assert_eq!(rows.try_get::<i64>("", "n").expect("n"), 2);
    }

    /// Why [`begin_write`] exists: the default deferred transaction fails outright here.
    #[tokio::test]
    async fn a_deferred_transaction_that_read_first_fails_when_another_writer_committed() {
        let (db, _file) = scratch("deferred").await;
        let err = read_then_write_while_another_commits(&db, false)
            .await
            .expect_err("SQLite refuses to upgrade the stale snapshot");
        assert!(
            err.to_string().contains("locked") || err.to_string().contains("busy"),
            "{err}"
        );
    }

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
