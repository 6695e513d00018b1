//! How a filing reached the commission: online by the worker, or at a service window.

use serde::{Deserialize, Serialize};

/// The intake channel of a filing (the Postgres enum `intake_channel`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Filed online by the worker.
    Online,
    /// Entered by a clerk at a service window (or a dispatched tribunal's intake point).
    Window,
}

impl Channel {
    /// The stable code (its serde name), also the Postgres enum value.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Window => "window",
        }
    }
}
