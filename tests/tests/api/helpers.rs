//! Spawns the real application on a random port with a fresh database: a unique SQLite file,
//! or a unique PostgreSQL database created for this test. PostgreSQL is required: when it is
//! not reachable the test fails, it is never skipped.

use std::sync::atomic::{AtomicU32, Ordering};

use api::auth::{Role, issue_token};
use api::config::{DatabaseArgs, ServeArgs};
use api::startup::Application;
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

static COUNTER: AtomicU32 = AtomicU32::new(0);

fn unique_name() -> String {
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

pub struct TestApp {
    pub address: String,
    pub db: DatabaseConnection,
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
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> TestApp {
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
        let args = ServeArgs {
            database: DatabaseArgs { database_url: url },
            redis_url: None,
            port: 0,
            bind: "127.0.0.1".parse().expect("loopback"),
            demo: false,
            request_timeout_secs: 30,
            index_refresh_secs: 0,
            web_dir: std::path::PathBuf::from("../frontend/dist"),
        };
        let app = Application::build(&args).await.expect("application builds");
        let address = format!("http://{}", app.address().expect("bound address"));
        let db = app.db().clone();
        tokio::spawn(app.run_until(std::future::pending()));
        let token = |role, name: &'static str| {
            let db = db.clone();
            async move { issue_token(&db, role, name, None).await.expect("token") }
        };
        TestApp {
            admin: token(Role::Admin, "test-admin").await,
            recruiter: token(Role::Recruiter, "test-recruiter").await,
            viewer: token(Role::Viewer, "test-viewer").await,
            integration: token(Role::Integration, "test-integration").await,
            address,
            db,
            backend,
            client: reqwest::Client::new(),
            cleanup,
        }
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
        let body = response.json().await.expect("JSON body");
        (status, body)
    }

    /// A GraphQL request as the recruiter; panics on any GraphQL error.
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
        }
    }
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
