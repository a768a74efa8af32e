//! Builds the application for `main` and for the tests alike: connect, migrate, bind, serve.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use anyhow::Context;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;

use crate::auth::TokenKey;
use crate::config::ServeArgs;
use crate::events::{Events, feed, relay, webhook};
use crate::graphql::build_schema;
use crate::http::{AppState, HttpSettings, router};
use crate::service::outbox;
use crate::state::{RequestLimits, Services, Shared};

pub struct Application {
    listener: TcpListener,
    state: AppState,
    http: HttpSettings,
    shutdown: tokio::sync::watch::Sender<bool>,
}

impl Application {
    pub async fn build(args: &ServeArgs) -> anyhow::Result<Self> {
        let db = crate::db::connect(&args.database.database_url).await?;
        let events = Events::new(args.redis_url.as_deref(), args.events.clone())?;
        // Listen before anything is published, and note where this instance starts: the
        // feed handles every event after it, in order.
        let reader = events.bus.reader();
        let start = outbox::latest(&db)
            .await
            .map_err(|err| anyhow::anyhow!("cannot read the event outbox: {}", err.message()))?;
        let token_key = TokenKey::new(args.token.token_key.as_deref());
        if token_key.is_development() {
            tracing::warn!(
                "TOKEN_KEY is not set: token hashes use the built-in development key; set \
                 TOKEN_KEY (the same on every instance) in production"
            );
        }
        let limits = RequestLimits::new(
            args.security.rate_limit_per_sec,
            args.security.rate_limit_burst,
            args.security.max_complexity,
            Duration::from_secs(args.request_timeout_secs.max(1)),
        );
        let services = Services::start(db, events, token_key, limits).await?;
        // Built beside the listener: `/readyz` reports its progress, GraphQL waits for it.
        tokio::spawn({
            let services = services.clone();
            async move { services.load_index().await }
        });
        tokio::spawn(feed::run(services.clone(), reader, start));
        tokio::spawn(relay::run(services.clone()));
        tokio::spawn(webhook::run(services.clone()));
        tokio::spawn(crate::service::audit::run(services.clone()));
        tokio::spawn(crate::service::remap::run(services.clone()));
        if args.security.retention_months > 0 {
            tokio::spawn(crate::service::retention::run(
                services.clone(),
                args.security.retention_months,
            ));
        }
        if args.index_refresh_secs > 0 {
            spawn_index_refresh(
                services.clone(),
                Duration::from_secs(args.index_refresh_secs),
            );
        }
        let listener = TcpListener::bind(SocketAddr::new(args.bind, args.port))
            .await
            .with_context(|| format!("cannot listen on {}:{}", args.bind, args.port))?;
        let (shutdown, stopping) = tokio::sync::watch::channel(false);
        Ok(Self {
            shutdown,
            listener,
            state: AppState {
                schema: build_schema(Some(services.clone()), &args.security),
                services,
                max_query_bytes: args.security.max_query_bytes,
                max_body_bytes: args.security.max_body_bytes,
                max_response_bytes: args.security.max_response_bytes,
                shutdown: stopping,
            },
            http: HttpSettings {
                request_timeout: Duration::from_secs(args.request_timeout_secs),
                web_dir: args.web_dir.clone(),
                graphiql: !args.security.disable_graphiql,
                max_body_bytes: args.security.max_body_bytes,
                cors_allow_origins: args.security.cors_allow_origins.clone(),
            },
        })
    }

    /// Resolves once the match index is built (the server answers GraphQL from then on).
    pub async fn ready(&self) {
        self.state.services.index.loading.wait().await;
    }

    pub fn address(&self) -> anyhow::Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.state.services.db
    }

    pub fn services(&self) -> &Shared {
        &self.state.services
    }

    /// Serves until `shutdown` resolves, then lets in-flight requests finish.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let services = self.state.services.clone();
        let app = router(self.state, &self.http)?;
        let stop = self.shutdown;
        let mut stopped = stop.subscribe();
        // WebSockets hold their connections open; they close themselves (1001) once told.
        tokio::spawn(async move {
            shutdown.await;
            let _ = stop.send(true);
        });
        let served = serve(self.listener, app, async move {
            crate::http::stopped(&mut stopped).await;
        })
        .await;
        // WebSockets close themselves (1001) once told; let them say it before the end.
        services.sockets.drained(Duration::from_secs(5)).await;
        // Reads of personal data noted in the last moments are logged before the process ends.
        if let Err(err) = services.audit.flush(&services.db).await {
            tracing::error!(error = %err.message(), "cannot write the last audit entries");
        }
        served
    }
}

/// How long a client may take to send a request's headers; a slow sender is cut off
/// instead of holding a connection open forever.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Accepts connections until `stop` resolves, then lets open connections finish (WebSockets
/// close themselves once told). HTTP/1 connections must deliver their headers within
/// [`HEADER_READ_TIMEOUT`].
async fn serve(
    listener: TcpListener,
    app: axum::Router,
    stop: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::server::conn::auto::Builder;
    use hyper_util::server::graceful::GracefulShutdown;
    use hyper_util::service::TowerToHyperService;

    let graceful = GracefulShutdown::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT);
    let builder = std::sync::Arc::new(builder);
    tokio::pin!(stop);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(err) => {
                    // Out of file descriptors and the like: wait a moment, keep serving.
                    tracing::warn!(error = %err, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let service = TowerToHyperService::new(app.clone());
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(stream), service)
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(error = %err, "connection ended with an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// Re-reads the whole match index on a timer (an optional safety net; events keep it fresh).
fn spawn_index_refresh(services: Shared, every: Duration) {
    tokio::spawn(async move {
        let mut timer = tokio::time::interval(every);
        timer.tick().await;
        loop {
            timer.tick().await;
            if let Err(err) = services.index.rebuild(&services.db).await {
                tracing::warn!(error = %err.message(), "cannot refresh the match index");
            }
        }
    });
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
