//! Layered settings: `config/base.toml`, then `config/{APP_ENV}.toml`, then `APP__…` variables.

use std::path::{Path, PathBuf};

use secrecy::SecretString;
use serde::Deserialize;

/// All settings of one process, loaded once at start-up and passed down.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// HTTP listener and public address.
    pub application: ApplicationSettings,
    /// Where the Postgres system of record lives.
    pub database: DatabaseSettings,
    /// Token signing and cookies.
    pub auth: AuthSettings,
    /// E-mail notices.
    pub email: EmailSettings,
    /// Filing limits.
    pub intake: IntakeSettings,
    /// Early-warning margins and period options.
    pub clocks: ClockSettings,
    /// Logging.
    pub telemetry: TelemetrySettings,
}

/// HTTP listener settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationSettings {
    /// Interface to bind.
    pub host: String,
    /// Port to bind; 0 picks a free one.
    pub port: u16,
    /// Public base URL used in e-mails.
    pub base_url: String,
    /// Fixed "now" (RFC 3339) for demonstrations and tests; empty means the system clock.
    pub fixed_now: String,
}

/// Database settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    /// Full connection URL; empty means: discover a local server or start a private cluster.
    pub url: SecretString,
    /// The local server tried when `url` is empty (empty skips it).
    pub local_server: String,
    /// Database name used on a discovered or private server.
    pub name: String,
    /// Maximum pooled connections.
    pub pool_size: usize,
    /// How long a request waits for a pooled connection before a 503.
    pub pool_timeout_ms: u64,
    /// Per-statement timeout set on every connection.
    pub statement_timeout_ms: u64,
    /// Data directory of the private throwaway cluster.
    pub cluster_dir: PathBuf,
    /// Port of the private throwaway cluster.
    pub cluster_port: u16,
}

/// Token and cookie settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthSettings {
    /// HMAC secret for access tokens and CSRF tokens.
    pub jwt_secret: SecretString,
    /// Key id written into the token header and required on decode.
    pub jwt_kid: String,
    /// Token issuer (`iss`).
    pub issuer: String,
    /// Token audience (`aud`).
    pub audience: String,
    /// Access-token lifetime.
    pub token_ttl_minutes: i64,
    /// Clock-skew leeway when checking `exp`.
    pub leeway_seconds: u64,
    /// Whether the session cookie carries `Secure`.
    pub cookie_secure: bool,
}

/// How notices are delivered.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum EmailTransport {
    /// Real SMTP delivery.
    Smtp,
    /// One `.eml` file per message in `file_dir`.
    File,
    /// Logged and marked sent; for local development only.
    Log,
}

/// E-mail settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailSettings {
    /// Delivery mechanism.
    pub transport: EmailTransport,
    /// Sender mailbox.
    pub from: String,
    /// SMTP relay host.
    pub smtp_host: String,
    /// SMTP relay port.
    pub smtp_port: u16,
    /// Directory for the file transport.
    pub file_dir: PathBuf,
    /// How often the outbox worker looks for due notices.
    pub poll_interval_ms: u64,
    /// Attempts before a notice is marked failed.
    pub max_attempts: i32,
    /// First retry delay; doubles per attempt.
    pub backoff_base_seconds: i64,
}

/// Filing limits.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IntakeSettings {
    /// Largest evidence file accepted.
    pub max_upload_bytes: usize,
    /// Evidence content types accepted.
    pub allowed_content_types: Vec<String>,
}

/// Clock settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClockSettings {
    /// Fewer working days left than this marks a clock "at risk".
    pub at_risk_working_days: i64,
    /// Whether natural-day periods ending on a rest day roll forward.
    pub natural_roll_forward: bool,
}

/// Logging settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TelemetrySettings {
    /// JSON log lines instead of human-readable ones.
    pub json: bool,
    /// `tracing` filter directive (overridden by `RUST_LOG`).
    pub filter: String,
}

/// The directory holding `base.toml` and the environment files.
pub fn config_dir() -> PathBuf {
    std::env::var_os("APP_CONFIG_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("config"))
}

/// Loads the settings for `APP_ENV` (default `local`).
pub fn load() -> Result<Settings, config::ConfigError> {
    let environment = std::env::var("APP_ENV").unwrap_or_else(|_| "local".to_owned());
    load_for(&environment)
}

/// Loads the settings for a named environment.
pub fn load_for(environment: &str) -> Result<Settings, config::ConfigError> {
    let dir = config_dir();
    let mut builder = config::Config::builder()
        .add_source(config::File::from(dir.join("base.toml")))
        .add_source(config::File::from(dir.join(format!("{environment}.toml"))).required(false))
        .add_source(
            config::Environment::with_prefix("APP")
                .prefix_separator("__")
                .separator("__")
                .try_parsing(true)
                .list_separator(",")
                .with_list_parse_key("intake.allowed_content_types"),
        );
    if let Ok(url) = std::env::var("DATABASE_URL") {
        builder = builder.set_override("database.url", url)?;
    }
    builder.build()?.try_deserialize()
}
