//! `sobivus`: the server and its command line.

use anyhow::Context;
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use api::auth::{self, Role};
use api::config::{DatabaseArgs, ServeArgs};
use api::startup::{Application, shutdown_signal};
use domain::document::DocumentKind;

/// Sobivus: competence matching for Estonian recruiters.
#[derive(Parser)]
#[command(
    name = "sobivus",
    version,
    about = "Sobivus: competence matching for Estonian recruiters"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server: GraphQL at /graphql (HTTP and WebSocket), GraphiQL at /graphiql.
    Serve(ServeArgs),
    /// Print the GraphQL schema (SDL); api/schema.graphql holds a copy.
    Schema,
    /// Manage API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Import documents (kutsestandard, competence, ametijuhend, job ad), each in one
    /// transaction; exits non-zero if any file failed.
    Import {
        /// Text files to import.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
        /// Force the kind instead of detecting it: standard, competence, job-description or
        /// job-ad.
        #[arg(long)]
        kind: Option<KindArg>,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

/// A document kind as typed on the command line.
#[derive(Clone, Copy)]
struct KindArg(DocumentKind);

impl std::str::FromStr for KindArg {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let kind = match s.trim().to_lowercase().replace(['_', ' '], "-").as_str() {
            "standard" | "occupational-standard" | "kutsestandard" => {
                DocumentKind::OccupationalStandard
            }
            "competence" | "kompetents" => DocumentKind::Competence,
            "job-description" | "ametijuhend" => DocumentKind::JobDescription,
            "job-ad" | "job-advertisement" | "töökuulutus" | "tookuulutus" => {
                DocumentKind::JobAdvertisement
            }
            other => {
                return Err(format!(
                    "unknown kind '{other}': expected standard, competence, job-description or job-ad"
                ));
            }
        };
        Ok(Self(kind))
    }
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a token and print it once (last line of output); only its hash is stored.
    Create {
        /// admin, recruiter, viewer or integration
        #[arg(long)]
        role: Role,
        /// A name to recognise the token by (shown in the audit log).
        #[arg(long, default_value = "cli")]
        name: String,
        /// Days until the token stops working; without it, it does not expire.
        #[arg(long)]
        expires_in_days: Option<u32>,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    init_tracing();
    match cli.command {
        Command::Serve(args) => serve(args).await,
        Command::Schema => {
            print!("{}", api::graphql::sdl());
            Ok(())
        }
        Command::Token(TokenCommand::Create {
            role,
            name,
            expires_in_days,
            database,
        }) => {
            let db = api::db::connect(&database.database_url).await?;
            let token = auth::issue_token(&db, role, &name, expires_in_days).await?;
            println!(
                "Created {} token '{name}'. It is shown only once:",
                role.as_str()
            );
            println!("{token}");
            Ok(())
        }
        Command::Import {
            files,
            kind,
            database,
        } => {
            let db = api::db::connect(&database.database_url).await?;
            let services = api::state::Services::start(db).await?;
            let failed = api::cli_import::run(&services, &files, kind.map(|k| k.0)).await;
            if failed > 0 {
                anyhow::bail!("{failed} of {} files could not be imported", files.len());
            }
            Ok(())
        }
    }
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let app = Application::build(&args).await?;
    let address = app.address()?;
    let url = format!("http://{address}");
    if args.demo {
        // Documents first: candidates are then mapped once, as they are written.
        let documents = api::demo::load_documents(app.services())
            .await
            .context("cannot load the demo documents")?;
        if !documents.is_empty() {
            println!("Imported {} demo documents.", documents.len());
        }
        let added = api::demo::load(app.services())
            .await
            .context("cannot load demo data")?;
        if added > 0 {
            println!("Loaded {added} demo candidates.");
        }
        // Load tests only: SOBIVUS_DEMO_CANDIDATES=100000 adds demo candidates up to that many.
        let total = std::env::var("SOBIVUS_DEMO_CANDIDATES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let bulk = api::demo::bulk::load(app.services(), total)
            .await
            .context("cannot load bulk demo candidates")?;
        if bulk > 0 {
            println!("Loaded {bulk} more demo candidates.");
        }
        let token = auth::issue_token(app.db(), Role::Admin, "demo-admin", Some(30)).await?;
        println!("Admin token (shown once, valid 30 days): {token}");
    }
    if args.redis_url.is_some() {
        tracing::info!("REDIS_URL is set; the event relay arrives with the Events issue");
    }
    println!("Sobivus is listening on {url}");
    println!("GraphQL API: {url}/graphql   GraphiQL: {url}/graphiql");
    app.run_until(shutdown_signal()).await
}

/// Human-readable logs by default, JSON lines with LOG_FORMAT=json; level from RUST_LOG.
fn init_tracing() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if std::env::var("LOG_FORMAT").is_ok_and(|f| f == "json") {
        builder.json().init();
    } else {
        builder.init();
    }
}
