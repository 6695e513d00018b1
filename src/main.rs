//! `arbitration` command line: serve, migrate, manage users, compute deadlines.

use anyhow::Context;
use clap::{Parser, Subcommand};

use arbitration::{config, startup, telemetry};

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
    /// Run the web service (migrations are applied first).
    Serve {
        /// Load the demonstration data set (idempotent).
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let settings = config::load().context("loading configuration from config/")?;
    telemetry::init(&settings.telemetry);
    match cli.command {
        Command::Serve { demo: _ } => {
            let url = startup::prepare_database(&settings).await?;
            let app = startup::Application::build(settings, &url).await?;
            tracing::info!(http.port = app.port(), "listening on port {}", app.port());
            app.run_until_stopped().await?;
        }
        Command::Migrate => {
            startup::prepare_database(&settings).await?;
        }
    }
    Ok(())
}
