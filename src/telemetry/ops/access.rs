//! Who may read the operations metrics: a caller connected from an allowed address or network
//! (loopback by default), or any caller presenting the metrics token when one is set.
//!
//! The metrics name no person, but they tell how busy the commissions are, which routes fail
//! and whether mail goes out: operational data, not for the public. A request relayed by a
//! proxy is never allowed by address, since the proxy may sit on an allowed address (often
//! loopback) and relay anyone; such a caller needs the token.

use std::net::IpAddr;

use ipnet::IpNet;
use secrecy::ExposeSecret;
use sha2::{Digest, Sha256};

use crate::config::TelemetrySettings;

/// Headers a proxy adds to the requests it relays.
pub const RELAY_HEADERS: [&str; 3] = ["forwarded", "x-forwarded-for", "x-real-ip"];

/// The access rule of `GET /metrics`, read once from the settings.
#[derive(Debug, Clone)]
pub struct MetricsAccess {
    allow: Vec<IpNet>,
    /// SHA-256 of the token, so that comparing takes the same time whatever is presented.
    token: Option<[u8; 32]>,
}

/// Why a caller may not read the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A token is set and the caller, not allowed by address, sent none or another one.
    Token,
    /// No token is set and the caller is not allowed by address.
    Address,
}

/// What a request shows of its caller.
#[derive(Debug, Clone, Copy)]
pub struct Caller<'a> {
    /// The address of the connection's peer.
    pub peer: Option<IpAddr>,
    /// Whether the request carries a header a proxy adds ([`RELAY_HEADERS`]).
    pub relayed: bool,
    /// The `Authorization: Bearer` token, if any.
    pub bearer: Option<&'a str>,
}

/// An entry of `telemetry.metrics_allow` that is neither an address nor a network.
#[derive(Debug, thiserror::Error)]
#[error("telemetry.metrics_allow: {0:?} is neither an IP address nor a network such as 10.0.0.0/8")]
pub struct BadAllowEntry(String);

fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

impl MetricsAccess {
    /// Reads `telemetry.metrics_allow` (blank entries ignored) and `telemetry.metrics_token`.
    pub fn from_settings(settings: &TelemetrySettings) -> Result<MetricsAccess, BadAllowEntry> {
        let allow = settings
            .metrics_allow
            .iter()
            .map(|entry| entry.trim())
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                entry
                    .parse::<IpNet>()
                    .or_else(|_| entry.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| BadAllowEntry(entry.to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let token = settings.metrics_token.expose_secret().trim();
        Ok(MetricsAccess { allow, token: (!token.is_empty()).then(|| digest(token)) })
    }

    /// Lets the caller in, or says why not.
    pub fn check(&self, caller: Caller<'_>) -> Result<(), Refusal> {
        let allowed_address = !caller.relayed
            && caller.peer.is_some_and(|ip| {
                let ip = ip.to_canonical();
                self.allow.iter().any(|net| net.contains(&ip))
            });
        if allowed_address {
            return Ok(());
        }
        let Some(expected) = &self.token else { return Err(Refusal::Address) };
        match caller.bearer {
            Some(presented) if same(&digest(presented), expected) => Ok(()),
            Some(_) | None => Err(Refusal::Token),
        }
    }
}

/// Compares two digests in constant time.
fn same(a: &[u8; 32], b: &[u8; 32]) -> bool {
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "tests")]
mod tests {
    use super::*;

    fn access(allow: &[&str], token: &str) -> MetricsAccess {
        let mut settings = crate::config::load_for("test").unwrap().telemetry;
        settings.metrics_allow = allow.iter().map(|s| (*s).to_owned()).collect();
        settings.metrics_token = token.to_owned().into();
        MetricsAccess::from_settings(&settings).unwrap()
    }

    fn caller(peer: &str, relayed: bool, bearer: Option<&'static str>) -> Caller<'static> {
        Caller { peer: Some(peer.parse().unwrap()), relayed, bearer }
    }

    #[test]
    fn the_shipped_settings_let_in_loopback_only() {
        let a = MetricsAccess::from_settings(&crate::config::load_for("test").unwrap().telemetry).unwrap();
        assert_eq!(a.check(caller("127.0.0.1", false, None)), Ok(()));
        assert_eq!(a.check(caller("::1", false, None)), Ok(()));
        assert_eq!(a.check(caller("::ffff:127.0.0.1", false, None)), Ok(()), "IPv4 mapped into IPv6");
        assert_eq!(a.check(caller("10.1.2.3", false, None)), Err(Refusal::Address));
        assert_eq!(a.check(caller("10.1.2.3", false, Some("guess"))), Err(Refusal::Address), "no token set");
        assert_eq!(a.check(Caller { peer: None, relayed: false, bearer: None }), Err(Refusal::Address));
    }

    #[test]
    fn a_request_relayed_by_a_proxy_on_an_allowed_address_needs_the_token() {
        let a = access(&["127.0.0.1"], "");
        assert_eq!(a.check(caller("127.0.0.1", true, None)), Err(Refusal::Address));
        let a = access(&["127.0.0.1"], "a-long-random-metrics-token");
        assert_eq!(a.check(caller("127.0.0.1", true, None)), Err(Refusal::Token));
        assert_eq!(a.check(caller("127.0.0.1", true, Some("a-long-random-metrics-token"))), Ok(()));
    }

    #[test]
    fn networks_and_the_token_let_in_from_elsewhere() {
        let a = access(&["10.0.0.0/8", " ", "fd00::/8"], "a-long-random-metrics-token");
        assert_eq!(a.check(caller("10.200.0.7", false, None)), Ok(()));
        assert_eq!(a.check(caller("fd12::1", false, None)), Ok(()));
        assert_eq!(a.check(caller("127.0.0.1", false, None)), Err(Refusal::Token), "loopback not listed");
        assert_eq!(a.check(caller("192.0.2.1", false, Some("a-long-random-metrics-token"))), Ok(()));
        assert_eq!(
            a.check(caller("192.0.2.1", false, Some("a-long-random-metrics-toke"))),
            Err(Refusal::Token)
        );
        assert_eq!(a.check(caller("192.0.2.1", false, Some(""))), Err(Refusal::Token));
    }

    #[test]
    fn an_entry_that_is_no_address_stops_start_up_and_is_named() {
        let mut settings = crate::config::load_for("test").unwrap().telemetry;
        settings.metrics_allow = vec!["localhost".to_owned()];
        let message = MetricsAccess::from_settings(&settings).unwrap_err().to_string();
        assert!(message.contains("\"localhost\""), "{message}");
    }
}
