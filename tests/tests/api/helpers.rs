//! Spawns the real application on a random port with a fresh database: a unique SQLite file,
//! or a unique PostgreSQL database created for this test. PostgreSQL is required: when it is
//! not reachable the test fails, it is never skipped.

use std::sync::atomic::{AtomicU32, Ordering};

use api::auth::{Role, issue_token};
use api::config::{DatabaseArgs, EventArgs, ServeArgs};
use api::startup::Application;
use api::state::Shared;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub const BACKENDS: [Backend; 2] = [Backend::Sqlite, Backend::Postgres];

/// The server PostgreSQL test databases are created on.
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// The Redis the scale-out tests use; required like PostgreSQL.
pub fn redis_url() -> String {
    std::env::var("TEST_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379".to_owned())
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

pub fn unique_name() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "sobivus_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        nanos
    )
}

/// How an instance is started beyond its database.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub redis_url: Option<String>,
    pub events: EventArgs,
    pub security: api::config::SecurityArgs,
    /// The request deadline in seconds; 30 when not set.
    pub request_timeout_secs: Option<u64>,
}

impl Options {
    /// Events through the shared Redis, on a stream of this test's own.
    pub fn redis() -> Self {
        Self::redis_at(&redis_url())
    }

    pub fn redis_at(url: &str) -> Self {
        Self {
            redis_url: Some(url.to_owned()),
            events: EventArgs {
                redis_stream: unique_name(),
                ..EventArgs::default()
            },
            security: api::config::SecurityArgs::default(),
            request_timeout_secs: None,
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
    pub services: Shared,
    pub database_url: String,
    pub backend: Backend,
    pub client: reqwest::Client,
    pub admin: String,
    pub recruiter: String,
    pub viewer: String,
    pub integration: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Database(String),
    /// Another instance on the same database: the first instance cleans up.
    Keep,
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
        Self::spawn_with(backend, Options::default()).await
    }

    pub async fn spawn_with(backend: Backend, options: Options) -> TestApp {
        let name = unique_name();
        let (url, cleanup) = match backend {
            Backend::Sqlite => {
                let path = std::env::temp_dir().join(format!("{name}.db"));
                (
                    format!("sqlite://{}?mode=rwc", path.display()),
                    Cleanup::File(path),
                )
            }
            Backend::Postgres => {
                let admin_url = postgres_admin_url();
                let admin = Database::connect(&admin_url)
                    .await
                    .unwrap_or_else(|e| panic!("PostgreSQL at {admin_url} is required: {e}"));
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("create test database");
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(base, _)| base.to_owned())
                    .expect("database url with a path");
                (format!("{base}/{name}"), Cleanup::Database(name))
            }
        };
        let (address, services) = start(&url, &options).await;
        let db = services.db.clone();
        let token = |role, name: &'static str| {
            let db = db.clone();
            let key = services.token_key.clone();
            async move {
                issue_token(&db, &key, role, name, None)
                    .await
                    .expect("token")
            }
        };
        TestApp {
            admin: token(Role::Admin, "test-admin").await,
            recruiter: token(Role::Recruiter, "test-recruiter").await,
            viewer: token(Role::Viewer, "test-viewer").await,
            integration: token(Role::Integration, "test-integration").await,
            address,
            db,
            services,
            database_url: url,
            backend,
            client: reqwest::Client::new(),
            cleanup,
        }
    }

    /// A second server on the same database (and the Redis of `options`), as behind a load
    /// balancer; the same tokens work on it.
    pub async fn another_instance(&self, options: Options) -> TestApp {
        let (address, services) = start(&self.database_url, &options).await;
        TestApp {
            address,
            db: services.db.clone(),
            services,
            database_url: self.database_url.clone(),
            backend: self.backend,
            client: reqwest::Client::new(),
            admin: self.admin.clone(),
            recruiter: self.recruiter.clone(),
            viewer: self.viewer.clone(),
            integration: self.integration.clone(),
            cleanup: Cleanup::Keep,
        }
    }

    pub fn ws_url(&self) -> String {
        format!("{}/graphql", self.address.replacen("http", "ws", 1))
    }

    /// Posts a GraphQL request with `token` and returns the HTTP status and JSON body.
    pub async fn post(&self, token: Option<&str>, query: &str, variables: Value) -> (u16, Value) {
        let mut request = self
            .client
            .post(format!("{}/graphql", self.address))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request sent");
        let status = response.status().as_u16();
        let text = response.text().await.expect("a body");
        let body = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("HTTP {status}: not JSON ({e}): {text}"));
        (status, body)
    }

    /// A GraphQL request as the recruiter; panics on any GraphQL error.
    /// A GraphQL multipart request (the spec async-graphql and Apollo clients speak): the
    /// `variables` with `bytes` as the file variable `file_variable`; the HTTP status and body.
    pub async fn multipart(
        &self,
        token: &str,
        query: &str,
        variables: Value,
        file_variable: &str,
        name: &str,
        bytes: Vec<u8>,
    ) -> (u16, Value) {
        let operations = json!({ "query": query, "variables": variables });
        let map = json!({ "0": [format!("variables.{file_variable}")] });
        let form = reqwest::multipart::Form::new()
            .text("operations", operations.to_string())
            .text("map", map.to_string())
            .part(
                "0",
                reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
            );
        let response = self
            .client
            .post(format!("{}/graphql", self.address))
            .bearer_auth(token)
            .multipart(form)
            .send()
            .await
            .expect("request sent");
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON"))
    }

    pub async fn gql(&self, query: &str, variables: Value) -> Value {
        self.gql_as(&self.recruiter.clone(), query, variables).await
    }

    pub async fn gql_as(&self, token: &str, query: &str, variables: Value) -> Value {
        let (status, body) = self.post(Some(token), query, variables).await;
        assert_eq!(status, 200, "{body}");
        assert!(
            body.get("errors").is_none(),
            "{:?}: unexpected errors {body}",
            self.backend
        );
        body["data"].clone()
    }

    /// The first error of a request that must fail.
    pub async fn gql_error(&self, token: &str, query: &str, variables: Value) -> Value {
        let (_, body) = self.post(Some(token), query, variables).await;
        body["errors"][0].clone()
    }

    pub async fn cleanup(self) {
        match self.cleanup {
            Cleanup::File(path) => {
                drop(self.db);
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Database(name) => {
                let _ = self.db.close().await;
                if let Ok(admin) = Database::connect(&postgres_admin_url()).await {
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                }
            }
            Cleanup::Keep => {}
        }
    }
}

/// Builds and starts one server on `url` once its match index is built; returns its address
/// and services.
async fn start(url: &str, options: &Options) -> (String, Shared) {
    let app = Application::build(&serve_args(url, options))
        .await
        .expect("application builds");
    app.ready().await;
    let address = format!("http://{}", app.address().expect("bound address"));
    let services = app.services().clone();
    tokio::spawn(app.run_until(std::future::pending()));
    (address, services)
}

/// Starts a server on `url` without waiting for its match index (start-up as a load
/// balancer sees it); returns its address.
pub async fn start_loading(url: &str) -> String {
    let app = Application::build(&serve_args(url, &Options::default()))
        .await
        .expect("application builds");
    let address = format!("http://{}", app.address().expect("bound address"));
    tokio::spawn(app.run_until(std::future::pending()));
    address
}

fn serve_args(url: &str, options: &Options) -> ServeArgs {
    ServeArgs {
        database: DatabaseArgs {
            database_url: url.to_owned(),
        },
        redis_url: options.redis_url.clone(),
        events: options.events.clone(),
        token: api::config::TokenKeyArgs {
            token_key: Some("test-token-key".to_owned()),
        },
        security: options.security.clone(),
        port: 0,
        bind: "127.0.0.1".parse().expect("loopback"),
        demo: false,
        request_timeout_secs: options.request_timeout_secs.unwrap_or(30),
        index_refresh_secs: 0,
        web_dir: std::path::PathBuf::from("../frontend/dist"),
    }
}

/// A seed document (or its expected.json) from data/seeds.
pub fn seed(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../data/seeds/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("seed")
}

/// Imports the Nõunik job description; returns the id of the opening it creates.
pub async fn import_opening(app: &TestApp) -> String {
    let imported = app
        .gql(
            "mutation($t: String!) { importDocument(text: $t) { opening { id } } }",
            json!({ "t": seed("ametijuhend-nounik-klienditeenindus.txt") }),
        )
        .await;
    imported["importDocument"]["opening"]["id"]
        .as_str()
        .expect("an opening id")
        .to_owned()
}

/// Creates a candidate named `name` (through this instance) and returns its id.
pub async fn add_candidate(app: &TestApp, name: &str) -> String {
    let created = app
        .gql(CREATE_CANDIDATE, json!({ "input": candidate_input(name) }))
        .await;
    created["createCandidate"]["id"]
        .as_str()
        .expect("a candidate id")
        .to_owned()
}

pub const CREATE_CANDIDATE: &str = r#"
mutation Create($input: CandidateInput!) {
  createCandidate(input: $input) {
    id name email phone education educationLevel
    languages { language languageCode level native }
    digital { area level }
    experience { years description }
    competences { phrase similarity competence { code } }
    qualifications
  }
}"#;

/// A complete candidate as an HR system would send it.
pub fn candidate_input(name: &str) -> Value {
    json!({
        "name": name,
        "email": "mari.maasikas@example.ee",
        "phone": "+372 5555 1234",
        "education": "magistrikraad",
        "experience": [{ "years": 6, "description": "klienditeeninduse juhtimine" }],
        "languages": [
            { "language": "eesti keel", "level": "emakeel" },
            { "language": "inglise", "level": "C1 - väga hea" }
        ],
        "digital": [{ "area": "infotöötlus", "level": "iseseisev kasutaja" }],
        "competences": ["klientide tagasiside kogumine"],
        "qualifications": ["Kvaliteedijuht, tase 7"]
    })
}
