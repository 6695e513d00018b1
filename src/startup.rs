//! Building the application: database, shared state, HTTP server and background workers.

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use tracing_actix_web::TracingLogger;

use crate::clock::Clock;
use crate::web::form::FORM_LIMIT_BYTES;

/// The largest JSON body the API reads (a filing with many claims and long facts fits).
pub const JSON_LIMIT_BYTES: usize = 1 << 20;
use crate::config::Settings;
use crate::db::{self, DbPool, bootstrap};
use secrecy::ExposeSecret;

use crate::domain::calendar::WorkCalendar;
use crate::domain::deadline::PeriodRules;
use crate::domain::figures::LocalFigures;
use crate::domain::network::Network;
use crate::domain::scheduling::WorkingHours;
use crate::telemetry::ops::{self, OpsMetrics};
use crate::templates::Templates;
use crate::{http, reference};

/// Everything a request handler needs, shared by all workers.
pub struct AppState {
    /// Database pool.
    pub pool: DbPool,
    /// Pool of the read replica (`database.read_url`), if one is set.
    pub replica: Option<DbPool>,
    /// Settings loaded at start-up.
    pub settings: Arc<Settings>,
    /// Source of "now".
    pub clock: Clock,
    /// The working-day calendar, as loaded into the database.
    pub calendar: Arc<WorkCalendar>,
    /// The statutory and policy period rules.
    pub periods: Arc<PeriodRules>,
    /// The commission network and jurisdiction matrix.
    pub network: Arc<Network>,
    /// The effective-dated local figures (minimum wages, average wage, area classes).
    pub figures: Arc<LocalFigures>,
    /// Page, e-mail and document templates.
    pub templates: Arc<Templates>,
    /// The working hours in which hearings are proposed and booked.
    pub hours: Arc<WorkingHours>,
    /// The operations metrics served at `/metrics`, and who may read them.
    pub ops: Arc<OpsMetrics>,
}

impl AppState {
    /// Builds the shared state against an already prepared database URL (no HTTP server).
    pub async fn build(settings: Settings, database_url: &str) -> anyhow::Result<AppState> {
        let pool = db::build_pool(
            database_url,
            settings.database.pool_size,
            Duration::from_millis(settings.database.pool_timeout_ms),
            settings.database.statement_timeout_ms,
        )?;
        let read_url = settings.database.read_url.expose_secret().trim().to_owned();
        let replica = if read_url.is_empty() {
            None
        } else {
            Some(db::build_pool(
                &read_url,
                settings.database.pool_size,
                Duration::from_millis(settings.database.pool_timeout_ms),
                settings.database.statement_timeout_ms,
            )?)
        };
        let clock = Clock::from_setting(&settings.application.fixed_now)
            .context("application.fixed_now is not an RFC 3339 instant")?;
        let dir = crate::config::config_dir();
        let periods = Arc::new(reference::period_rules(&dir)?);
        let network = Arc::new(reference::network(&dir)?);
        let figures = Arc::new(reference::local_figures(&dir, &network)?);
        let templates = Arc::new(Templates::load()?);
        let ops = Arc::new(OpsMetrics::new(&settings.telemetry)?);
        let scheduling = &settings.scheduling;
        let hours = Arc::new(
            WorkingHours::parse(
                &scheduling.working_hours,
                crate::clock::china(),
                scheduling.granularity_minutes,
            )
            .context("scheduling.working_hours / scheduling.granularity_minutes")?,
        );
        let calendar = {
            let mut conn = pool.get().await?;
            Arc::new(db::reference::read_calendar(&mut conn, &reference::calendar_from_files(&dir)?).await?)
        };
        Ok(AppState {
            pool,
            replica,
            settings: Arc::new(settings),
            clock,
            calendar,
            periods,
            network,
            figures,
            templates,
            hours,
            ops,
        })
    }

    /// The pool the supervision figures read from: the replica when one is set. Reads that must
    /// see what the user has just written (lists, dockets, a case) use `pool`.
    pub fn read_pool(&self) -> &DbPool {
        self.replica.as_ref().unwrap_or(&self.pool)
    }

    /// The same state reading "now" from another clock (the scenario runner fixes it per step).
    pub fn with_clock(&self, clock: Clock) -> AppState {
        AppState {
            pool: self.pool.clone(),
            replica: self.replica.clone(),
            settings: self.settings.clone(),
            clock,
            calendar: self.calendar.clone(),
            periods: self.periods.clone(),
            network: self.network.clone(),
            figures: self.figures.clone(),
            templates: self.templates.clone(),
            hours: self.hours.clone(),
            ops: self.ops.clone(),
        }
    }
}

/// A built, bound, not yet running application.
pub struct Application {
    port: u16,
    state: web::Data<AppState>,
    server: Server,
    worker: tokio::task::JoinHandle<()>,
    sweeper: Option<tokio::task::JoinHandle<()>>,
    webhook: Option<tokio::task::JoinHandle<()>>,
}

/// Finds the database server, creates the database if needed and applies migrations.
pub async fn prepare_database(settings: &Settings) -> anyhow::Result<String> {
    let located = bootstrap::locate(&settings.database).await?;
    tracing::info!(db.source = located.source, "using PostgreSQL from {}", located.source);
    bootstrap::ensure_database(&located, &located.database).await?;
    let url = located.database_url();
    migrate_and_seed(&url).await?;
    Ok(url)
}

/// Applies pending migrations, then loads the reference data files (idempotent).
pub async fn migrate_and_seed(url: &str) -> anyhow::Result<()> {
    let applied = db::run_migrations(url).await?;
    if applied > 0 {
        tracing::info!(migrations.applied = applied, "applied {applied} migration(s)");
    }
    let dir = crate::config::config_dir();
    let mut conn = <diesel_async::AsyncPgConnection as diesel_async::AsyncConnection>::establish(url).await?;
    let network = reference::network(&dir)?;
    db::reference::load_network(&mut conn, &network).await?;
    db::rooms::load(&mut conn, &reference::rooms(&dir, &network)?).await?;
    db::premediation::load(&mut conn, &reference::mediation_organisations(&dir, &network)?).await?;
    let years = db::reference::load_calendar(&mut conn, &reference::calendar_files(&dir)?).await?;
    if years > 0 {
        tracing::info!(calendar.years = years, "loaded {years} calendar year(s)");
    }
    Ok(())
}

impl Application {
    /// Builds the application against an already prepared database URL.
    pub async fn build(settings: Settings, database_url: &str) -> anyhow::Result<Application> {
        let state = web::Data::new(AppState::build(settings, database_url).await?);
        let settings = &state.settings;
        let listener = TcpListener::bind((settings.application.host.as_str(), settings.application.port))
            .with_context(|| {
                format!("cannot bind {}:{}", settings.application.host, settings.application.port)
            })?;
        let port = listener.local_addr()?.port();
        let mailer = crate::notify::mailer::Mailer::from_settings(&settings.email)?;
        let worker = tokio::spawn(crate::notify::worker::run(
            state.pool.clone(),
            mailer,
            settings.email.clone(),
            state.ops.clone(),
        ));
        let webhook = (!settings.exchange.webhook_url.is_empty()).then(|| {
            tokio::spawn(crate::notify::webhook::run(state.pool.clone(), settings.exchange.clone()))
        });
        let interval = settings.clocks.sweep_interval_seconds;
        let sweeper = (interval > 0)
            .then(|| tokio::spawn(crate::service::sweep::run(state.clone(), Duration::from_secs(interval))));
        let app_state = state.clone();
        let server = HttpServer::new(move || {
            App::new()
                .wrap(from_fn(http::headers::limit_headers))
                .wrap(from_fn(ops::middleware::record_request))
                .wrap(TracingLogger::default())
                .app_data(state.clone())
                .app_data(
                    web::JsonConfig::default()
                        .limit(JSON_LIMIT_BYTES)
                        .error_handler(|e, _| http::error::json_refused(e, JSON_LIMIT_BYTES)),
                )
                .app_data(web::PayloadConfig::new(FORM_LIMIT_BYTES))
                .app_data(
                    web::QueryConfig::default().error_handler(|e, _| http::error::bad_request(e.to_string())),
                )
                .app_data(
                    web::PathConfig::default().error_handler(|e, _| http::error::bad_request(e.to_string())),
                )
                .configure(http::routes::configure)
                .configure(crate::web::routes::configure)
        })
        .shutdown_timeout(10)
        .listen(listener)?
        .run();
        Ok(Application { port, state: app_state, server, worker, sweeper, webhook })
    }

    /// The shared state (for loading demonstration data before serving).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The bound port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGINT/SIGTERM, then drains in-flight requests.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        self.worker.abort();
        for task in [self.sweeper, self.webhook].into_iter().flatten() {
            task.abort();
        }
        result
    }
}
