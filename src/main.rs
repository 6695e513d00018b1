//! `arbitration` command line: serve, migrate, manage users, compute deadlines.

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use arbitration::service::deadlines::DeadlineQuery;
use arbitration::{cli, config, startup, telemetry};

#[derive(Parser)]
#[command(
    name = "arbitration",
    version,
    about = "劳动人事争议调解仲裁办案系统 / labour arbitration case management"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web service (migrations and reference data are applied first).
    Serve {
        /// Load the demonstration data set (idempotent).
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and load the reference data, then exit.
    Migrate,
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Compute a statutory deadline over the official working-day calendar.
    Deadline(DeadlineArgs),
    /// Generate a synthetic year of disputes through the real commands (docs/metrics.md).
    Demo {
        /// Disputes to generate.
        #[arg(long, default_value_t = 50_000)]
        cases: u32,
        /// The year they are received in (default: this year; steps after now are left out).
        #[arg(long)]
        year: Option<i32>,
        /// The seed of the random choices (the same seed gives the same year).
        #[arg(long, default_value_t = 2020)]
        seed: u64,
        /// Disputes driven at once.
        #[arg(long, default_value_t = 8)]
        concurrency: usize,
    },
    /// Print the supervision figures (docs/metrics.md) of a period as of a day.
    Metrics(MetricsArgs),
    /// Enter closed cases in the archive register and, with --dispose, remove the applicants'
    /// personal data from files whose retention has run (办案规则 第二十四条; docs/security.md).
    Archive {
        /// The day counted as today (default: today).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
        /// Also dispose of personal data whose period has run (never inside a period).
        #[arg(long)]
        dispose: bool,
    },
    /// Audit for an inspector: check, export and verify the hash-chained logs.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Run a scenario file (docs/scenarios.md) and print one JSON line per step.
    Scenario {
        /// The scenario file (TOML).
        file: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Recompute every hash chain and content hash in the database; exit 1 if any row fails.
    Check,
    /// Write the case events, documents and personal-data access log of a period, with a
    /// manifest of file hashes, into a directory (docs/security.md, "Audit").
    Export {
        /// First day (China time).
        #[arg(long)]
        from: chrono::NaiveDate,
        /// Last day, included.
        #[arg(long)]
        to: chrono::NaiveDate,
        /// The directory to write (created if missing).
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Verify an export from its files alone; exit 1 if anything was altered.
    Verify {
        /// The export directory.
        dir: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account, e.g. `user create --role clerk --commission SIP --email … --password … --name …`.
    Create {
        /// worker | employer | clerk | mediator | arbitrator | supervisor | admin
        #[arg(long)]
        role: String,
        /// Login e-mail.
        #[arg(long)]
        email: String,
        /// Initial password (≥ 8 characters).
        #[arg(long)]
        password: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// Commission code for staff (e.g. SIP, KS, SZ).
        #[arg(long)]
        commission: Option<String>,
    },
}

#[derive(Args)]
struct MetricsArgs {
    /// First day (YYYY-MM-DD; default 1 January of the as-of day's year).
    #[arg(long)]
    from: Option<String>,
    /// Last day (default 31 December of `--from`'s year).
    #[arg(long)]
    to: Option<String>,
    /// The day the figures are seen from (default today).
    #[arg(long)]
    as_of: Option<String>,
    /// A commission code (default: the whole city).
    #[arg(long)]
    commission: Option<String>,
    /// A venue (tribunal site) code.
    #[arg(long)]
    site: Option<String>,
    /// simple | ordinary | collective
    #[arg(long)]
    track: Option<String>,
    /// A claim type code, e.g. wage_arrears.
    #[arg(long)]
    claim_type: Option<String>,
    /// An arbitrator's user id.
    #[arg(long)]
    arbitrator: Option<String>,
    /// A mediation organisation's code.
    #[arg(long)]
    organisation: Option<String>,
    /// The mediation success rate's formula: system_wide (default), system_wide_strict,
    /// arbitration_only, organisations_only.
    #[arg(long)]
    formula: Option<String>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct DeadlineArgs {
    /// Start date (YYYY-MM-DD, 1900-01-01 to 2100-12-31); the start day itself is not counted.
    #[arg(long)]
    from: String,
    /// Count this many working days (at most 3650).
    #[arg(long, required_unless_present = "natural_days", conflicts_with = "natural_days")]
    working_days: Option<u32>,
    /// Count this many natural days (at most 3650).
    #[arg(long)]
    natural_days: Option<u32>,
    /// Do not move a natural-day deadline off a rest day.
    #[arg(long)]
    no_roll_forward: bool,
    /// Explain in English instead of Chinese.
    #[arg(long)]
    en: bool,
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Command::Deadline(a) = &cli.command {
        let query = DeadlineQuery {
            from: a.from.clone(),
            working_days: a.working_days.map(|n| n.to_string()),
            natural_days: a.natural_days.map(|n| n.to_string()),
            roll_forward: Some(!a.no_roll_forward),
        };
        return cli::deadline(&query, a.en);
    }
    let settings = config::load().context("loading configuration from config/")?;
    telemetry::init(&settings.telemetry);
    match cli.command {
        Command::Serve { demo } => {
            let mut settings = settings;
            settings.application.demo = demo;
            let url = startup::prepare_database(&settings).await?;
            let app = startup::Application::build(settings, &url).await?;
            if demo {
                arbitration::demo::load(app.state()).await?;
            }
            tracing::info!(http.port = app.port(), "listening on port {}", app.port());
            app.run_until_stopped().await?;
        }
        Command::Migrate => {
            startup::prepare_database(&settings).await?;
        }
        Command::User { command: UserCommand::Create { role, email, password, name, commission } } => {
            cli::create_user(&settings, &role, &email, &password, &name, commission.as_deref()).await?;
        }
        Command::Audit { command } => {
            let intact = match command {
                AuditCommand::Check => cli::audit_check(settings).await?,
                AuditCommand::Export { from, to, out } => cli::audit_export(settings, from, to, &out).await?,
                AuditCommand::Verify { dir } => cli::audit_verify(&dir)?,
            };
            if !intact {
                std::process::exit(1);
            }
        }
        Command::Archive { today, dispose } => {
            cli::archive(settings, today, dispose).await?;
        }
        Command::Demo { cases, year, seed, concurrency } => {
            cli::demo(settings, cases, year, seed, concurrency).await?;
        }
        Command::Metrics(a) => {
            let query = arbitration::service::metrics::MetricsQuery {
                from: a.from,
                to: a.to,
                as_of: a.as_of,
                commission: a.commission,
                site: a.site,
                track: a.track,
                claim_type: a.claim_type,
                arbitrator: a.arbitrator,
                organisation: a.organisation,
                formula: a.formula,
            };
            cli::metrics(settings, &query, a.json).await?;
        }
        Command::Scenario { file } => {
            cli::scenario(settings, &file).await?;
        }
        Command::Deadline(_) => {}
    }
    Ok(())
}
