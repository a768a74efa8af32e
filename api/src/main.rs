//! `sobivus`: the server and its command line.

use anyhow::Context;
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use api::auth::TokenKey;
use api::auth::{self, Role};
use api::config::{DatabaseArgs, ServeArgs, TokenKeyArgs};
use api::startup::{Application, shutdown_signal};
use domain::document::DocumentKind;

/// mimalloc rather than glibc's allocator: the server allocates and frees many small values
/// on one thread that another thread made (database rows decoded on the driver's thread,
/// facts freed beside the index build), where glibc spends a quarter of the start-up in
/// malloc/free and consolidation and keeps freed memory in per-thread arenas
/// (bench/RESULTS.md, "The allocator").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    Serve(Box<ServeArgs>),
    /// Print the GraphQL schema (SDL); api/schema.graphql holds a copy.
    Schema,
    /// Manage API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Move candidates in and out in bulk (JSON Lines or CSV, the fields of CandidateInput).
    #[command(subcommand)]
    Candidates(CandidatesCommand),
    /// Erase candidates untouched (not created or updated) for this many months: personal
    /// data and every derived row, each erasure audited and announced as an event.
    Purge {
        #[arg(long, value_name = "MONTHS")]
        older_than: u32,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Import documents (kutsestandard, competence, ametijuhend, job ad), each in one
    /// transaction; exits non-zero if any file failed.
    Import {
        /// Files to import: plain text (UTF-8, UTF-16 or Windows-1257), PDF with a text
        /// layer, DOCX, ODT or HTML.
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
enum CandidatesCommand {
    /// Import candidates from FILE: one a line (.jsonl, the fields of CandidateInput) or a CSV
    /// row (.csv; columns name,email,phone,education,experience,languages,digital,competences,
    /// qualifications; list items separated by ';', pairs as 'eesti=C1', '5=projektijuht').
    /// Bad lines are reported with their number and skipped; exits non-zero if any was.
    Import {
        file: std::path::PathBuf,
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Export every candidate, in the format `candidates import` reads (CSV when FILE ends in
    /// .csv, JSON Lines otherwise; standard output without FILE). Each export is audited.
    Export {
        file: Option<std::path::PathBuf>,
        #[command(flatten)]
        database: DatabaseArgs,
    },
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
        #[command(flatten)]
        key: TokenKeyArgs,
    },
    /// List tokens: id, name, role, dates (never the secrets).
    List {
        #[command(flatten)]
        database: DatabaseArgs,
    },
    /// Revoke a token by id, or every token with a name; it stops working at once.
    Revoke {
        /// The token's id (from `token list`) or name.
        token: String,
        #[command(flatten)]
        database: DatabaseArgs,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    init_tracing();
    match cli.command {
        Command::Serve(args) => serve(*args).await,
        Command::Schema => {
            print!("{}", api::graphql::sdl());
            Ok(())
        }
        Command::Token(TokenCommand::Create {
            role,
            name,
            expires_in_days,
            database,
            key,
        }) => {
            let db = api::db::connect(&database.database_url).await?;
            let key = TokenKey::new(key.token_key.as_deref());
            let token = auth::issue_token(&db, &key, role, &name, expires_in_days).await?;
            println!(
                "Created {} token '{name}'. It is shown only once:",
                role.as_str()
            );
            println!("{token}");
            Ok(())
        }
        Command::Token(TokenCommand::List { database }) => {
            let db = api::db::connect(&database.database_url).await?;
            let tokens = auth::token::list(&db)
                .await
                .map_err(|e| anyhow::anyhow!(e.message()))?;
            println!(
                "{:>5}  {:<24} {:<12} {:<17} {:<17} {:<17} revoked",
                "id", "name", "role", "created", "expires", "last used"
            );
            let day = |at: Option<chrono::DateTime<chrono::Utc>>| {
                at.map_or("-".to_owned(), |t| t.format("%Y-%m-%d %H:%M").to_string())
            };
            for t in tokens {
                println!(
                    "{:>5}  {:<24} {:<12} {:<17} {:<17} {:<17} {}",
                    t.id,
                    t.name,
                    t.role,
                    day(Some(t.created_at)),
                    day(t.expires_at),
                    day(t.last_used_at),
                    day(t.revoked_at)
                );
            }
            Ok(())
        }
        Command::Token(TokenCommand::Revoke { token, database }) => {
            let db = api::db::connect(&database.database_url).await?;
            let revoked = auth::token::revoke(&db, &token)
                .await
                .map_err(|e| anyhow::anyhow!(e.message()))?;
            if revoked.is_empty() {
                anyhow::bail!("no active token with id or name '{token}'");
            }
            println!(
                "Revoked {} token(s) '{token}'; running servers close their sockets.",
                revoked.len()
            );
            Ok(())
        }
        Command::Purge {
            older_than,
            database,
        } => {
            let db = api::db::connect(&database.database_url).await?;
            let events = api::events::Events::new(None, api::config::EventArgs::default())?;
            let services = api::state::Services::start(
                db,
                events,
                TokenKey::new(None),
                api::state::RequestLimits::off(),
            )
            .await?;
            let cutoff = api::service::retention::cutoff(chrono::Utc::now(), older_than)
                .map_err(|e| anyhow::anyhow!(e.message()))?;
            let erased = api::service::retention::purge(&services, cutoff)
                .await
                .map_err(|e| anyhow::anyhow!(e.message()))?;
            println!(
                "Erased {erased} candidate(s) untouched since {}.",
                cutoff.format("%Y-%m-%d")
            );
            Ok(())
        }
        Command::Candidates(CandidatesCommand::Import { file, database }) => {
            let services = offline_services(&database).await?;
            let imported = api::cli_candidates::import(&services, &file).await?;
            println!(
                "{} candidate(s) imported, {} line(s) skipped.",
                imported.written,
                imported.bad.len()
            );
            if !imported.bad.is_empty() {
                anyhow::bail!(
                    "{} line(s) of {} were skipped",
                    imported.bad.len(),
                    file.display()
                );
            }
            Ok(())
        }
        Command::Candidates(CandidatesCommand::Export { file, database }) => {
            let services = offline_services(&database).await?;
            let count = api::cli_candidates::export(&services, file.as_deref()).await?;
            if let Some(file) = &file {
                println!("{count} candidate(s) exported to {}.", file.display());
            }
            Ok(())
        }
        Command::Import {
            files,
            kind,
            database,
        } => {
            let services = offline_services(&database).await?;
            let failed = api::cli_import::run(&services, &files, kind.map(|k| k.0)).await;
            if failed > 0 {
                anyhow::bail!("{failed} of {} files could not be imported", files.len());
            }
            Ok(())
        }
    }
}

/// The services for a command run beside (or without) a server: the same database; events
/// wait in the outbox, where a running server's relay publishes them.
async fn offline_services(database: &DatabaseArgs) -> anyhow::Result<api::state::Shared> {
    let db = api::db::connect(&database.database_url).await?;
    let events = api::events::Events::new(None, api::config::EventArgs::default())?;
    let key = TokenKey::new(None);
    api::state::Services::start(db, events, key, api::state::RequestLimits::off()).await
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let app = Application::build(&args).await?;
    let address = app.address()?;
    let url = format!("http://{address}");
    if args.demo {
        app.ready().await;
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
            let shortlisted = api::demo::load_pipeline(app.services())
                .await
                .context("cannot load the demo pipeline")?;
            println!("Put {shortlisted} demo candidates in the first opening's pipeline.");
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
        let key = app.services().token_key.clone();
        let token = auth::issue_token(app.db(), &key, Role::Admin, "demo-admin", Some(30)).await?;
        println!("Admin token (shown once, valid 30 days): {token}");
    }
    println!("Sobivus is listening on {url}");
    if !app.services().index.loading.is_ready() {
        println!("Loading the match index; {url}/readyz shows how far it is.");
    }
    if args.security.disable_graphiql {
        println!("GraphQL API: {url}/graphql");
    } else {
        println!("GraphQL API: {url}/graphql   GraphiQL: {url}/graphiql");
    }
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
