//! Logging set-up: human-readable or JSON lines, filtered by `RUST_LOG` or the settings; and
//! the operations metrics ([`ops`]).

pub mod ops;

use tracing_subscriber::EnvFilter;

use crate::config::TelemetrySettings;

/// Installs the global subscriber once; later calls are ignored (tests spawn many apps).
pub fn init(settings: &TelemetrySettings) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(&settings.filter));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = if settings.json { builder.json().try_init() } else { builder.try_init() };
}
