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
    /// The signed link sent to the respondent with the service notice.
    pub respondent_link: RespondentLinkSettings,
    /// E-mail notices.
    pub email: EmailSettings,
    /// The provincial platform exchange.
    pub exchange: ExchangeSettings,
    /// Filing limits.
    pub intake: IntakeSettings,
    /// Early-warning margins and period options.
    pub clocks: ClockSettings,
    /// Working hours and limits of the hearing slot finder.
    pub scheduling: SchedulingSettings,
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
    /// Whether the service runs on the demonstration data (`serve --demo`): the dashboard says
    /// its figures come from a synthetic sample.
    #[serde(default)]
    pub demo: bool,
    /// Disputes of the synthetic year `serve --demo` adds to the demonstration cases (0: none).
    #[serde(default = "demo_year_cases")]
    pub demo_year_cases: u32,
}

fn demo_year_cases() -> u32 {
    crate::demo::DEMO_YEAR_CASES
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
    /// A streaming replica (PostgreSQL hot standby) the supervision figures read from; the
    /// lists and everything a user has just changed stay on the primary (docs/scaling.md).
    /// Empty: everything reads the primary.
    pub read_url: SecretString,
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
    /// Failed sign-ins to one account within the window, after which it is throttled.
    pub login_failures_per_account: i64,
    /// Failed sign-ins (and registrations of taken addresses) from one client address within
    /// the window, after which it is throttled.
    pub login_failures_per_address: i64,
    /// The throttling window: a failure counts for this long.
    pub login_window_seconds: i64,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy that sets it).
    pub trust_forwarded_for: bool,
}

/// The respondent's link (`{base_url}/respond/{token}`): a token signed with `auth.jwt_secret`
/// under its own audience, naming the case and the respondent's credit code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RespondentLinkSettings {
    /// Token audience (`aud`); must differ from `auth.audience`, so that a link is never an
    /// access token and an access token never a link.
    pub audience: String,
    /// A link is good for at least this many natural days after it is issued.
    pub ttl_days: i64,
    /// When the defence period is known at issue, the link is good until at least this many
    /// natural days after the period ends.
    pub margin_days: i64,
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
    /// The longest wait between two attempts, in seconds.
    pub backoff_max_seconds: i64,
}

/// The provincial platform exchange (docs/interfaces.md).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeSettings {
    /// Where each status change of a platform case is posted; empty: not posted (the platform
    /// reads the feed instead).
    pub webhook_url: String,
    /// The HMAC-SHA256 key of the `X-Arbitration-Signature` header.
    pub webhook_secret: SecretString,
    /// How long one delivery may take.
    pub webhook_timeout_ms: u64,
    /// How often the sender looks for changes to deliver.
    pub poll_interval_ms: u64,
    /// First retry delay; doubles per attempt.
    pub backoff_base_seconds: i64,
    /// The longest wait between two attempts, in seconds.
    pub backoff_max_seconds: i64,
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
    /// Seconds between two early-warning sweeps (0 turns the sweep off).
    pub sweep_interval_seconds: u64,
    /// The province's previous-year average annual wage of employees, in yuan: a claim at or
    /// below it may go to the simple procedure (办案规则 第五十六条第（二）项).
    pub average_annual_wage_yuan: i64,
}

/// Hearing scheduling: the working hours in which hearings are proposed and booked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchedulingSettings {
    /// The periods of a working day, `HH:MM-HH:MM`, China Standard Time, in order.
    pub working_hours: Vec<String>,
    /// Proposed hearings start at local times that are whole multiples of this many minutes.
    pub granularity_minutes: u32,
    /// How far past the earliest day the slot finder looks, in natural days.
    pub horizon_days: u32,
    /// The most slots one request may ask for.
    pub max_count: u32,
}

/// Logging and operations metrics settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TelemetrySettings {
    /// JSON log lines instead of human-readable ones.
    pub json: bool,
    /// `tracing` filter directive (overridden by `RUST_LOG`).
    pub filter: String,
    /// Addresses and networks (`127.0.0.1`, `10.0.0.0/8`) whose direct callers may read
    /// `GET /metrics` without a token; a request relayed by a proxy never counts as theirs.
    pub metrics_allow: Vec<String>,
    /// Bearer token that lets any caller read `GET /metrics`; empty: none.
    pub metrics_token: SecretString,
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

/// The environment that must never run on public or default secrets.
pub const PRODUCTION: &str = "production";

/// The shortest signing secret production accepts, in bytes (HS256 keys should be at least
/// as long as the hash output: RFC 7518 §3.2).
pub const MIN_SECRET_BYTES: usize = 32;

/// Why production refused its settings.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum UnsafeSetting {
    /// The signing secret is missing, too short, or the public default of `config/base.toml`.
    #[error(
        "production refuses to start: auth.jwt_secret is {0}. Set APP__AUTH__JWT_SECRET to a random \
         secret of at least {MIN_SECRET_BYTES} bytes (e.g. `openssl rand -base64 48`)"
    )]
    JwtSecret(&'static str),
}

/// Checks the settings of production against the public defaults: a secret from
/// `config/base.toml` is known to everyone, so a token signed with it would be accepted.
pub fn check_production(settings: &Settings, public_default: &str) -> Result<(), UnsafeSetting> {
    use secrecy::ExposeSecret;
    let secret = settings.auth.jwt_secret.expose_secret();
    if secret.trim().is_empty() {
        Err(UnsafeSetting::JwtSecret("missing"))
    } else if secret == public_default {
        Err(UnsafeSetting::JwtSecret("the public default from config/base.toml"))
    } else if secret.len() < MIN_SECRET_BYTES {
        Err(UnsafeSetting::JwtSecret("shorter than 32 bytes"))
    } else {
        Ok(())
    }
}

/// Refuses a respondent's link audience equal to the access tokens': a link must never be
/// accepted as an access token, nor an access token as a link.
pub fn check_audiences(settings: &Settings) -> Result<(), config::ConfigError> {
    if settings.respondent_link.audience == settings.auth.audience {
        return Err(config::ConfigError::Message(
            "respondent_link.audience must differ from auth.audience: a respondent's link must never \
             be accepted as an access token"
                .to_owned(),
        ));
    }
    Ok(())
}

/// The signing secret written in `config/base.toml`, which is public.
fn public_default_secret(dir: &Path) -> Result<String, config::ConfigError> {
    config::Config::builder()
        .add_source(config::File::from(dir.join("base.toml")))
        .build()?
        .get_string("auth.jwt_secret")
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
                .with_list_parse_key("intake.allowed_content_types")
                .with_list_parse_key("scheduling.working_hours")
                .with_list_parse_key("telemetry.metrics_allow"),
        );
    if let Ok(url) = std::env::var("DATABASE_URL") {
        builder = builder.set_override("database.url", url)?;
    }
    let settings: Settings = builder.build()?.try_deserialize()?;
    check_audiences(&settings)?;
    if environment == PRODUCTION {
        check_production(&settings, &public_default_secret(&dir)?)
            .map_err(|e| config::ConfigError::Message(e.to_string()))?;
    }
    Ok(settings)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn with_secret(secret: &str) -> Settings {
        let mut s = load_for("test").unwrap();
        s.auth.jwt_secret = secret.to_owned().into();
        s
    }

    #[test]
    fn production_refuses_a_missing_short_or_public_secret_and_names_the_variable() {
        let public = public_default_secret(&config_dir()).unwrap();
        for (secret, why) in [
            ("", "missing"),
            ("   ", "missing"),
            (public.as_str(), "public default"),
            ("short-secret-of-31-bytes-xxxxxx", "shorter than 32 bytes"),
        ] {
            let err = check_production(&with_secret(secret), &public).unwrap_err();
            let message = err.to_string();
            assert!(message.contains("APP__AUTH__JWT_SECRET"), "{message}");
            assert!(message.contains(why), "{message}");
        }
        let strong = "0123456789abcdef0123456789abcdef";
        assert_eq!(check_production(&with_secret(strong), &public), Ok(()));
    }

    #[test]
    fn a_respondent_link_audience_equal_to_the_access_tokens_is_refused() {
        let mut s = load_for("test").unwrap();
        assert!(check_audiences(&s).is_ok(), "the shipped settings keep them apart");
        s.respondent_link.audience = s.auth.audience.clone();
        let message = check_audiences(&s).unwrap_err().to_string();
        assert!(message.contains("respondent_link.audience"), "{message}");
    }
}
