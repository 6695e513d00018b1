//! The supervision figures over HTTP, on years of disputes generated through the real
//! commands: every drill-down adds up to its figure, the figures as of a past day stay put,
//! only supervisors see them (a commission's supervisor only its own), bad queries are refused
//! field by field, and `arbitration metrics --json` prints what the API serves.

use arbitration::demo::generate::generate;
use arbitration::demo::year::YearSpec;
use arbitration::startup::AppState;
use serde_json::Value;

use crate::helpers::{TestApp, User, test_settings};

mod access;
mod as_of;
mod cli;
mod drilldown;
mod pure;

/// The application's "now" in these tests: Monday 16 November 2026, after office hours.
pub const NOW: &str = "2026-11-16T18:00:00+08:00";

/// The year the generated disputes are received in (a twelfth of them in December before).
pub const YEAR: i32 = 2026;

/// Generates `cases` disputes of [`YEAR`] into the app's database through the commands, as
/// seen from `now` (later steps are left out); every step must be accepted.
pub async fn generate_year(app: &TestApp, now: &str, cases: u32, seed: u64) -> AppState {
    let state = AppState::build(test_settings(now), &app.db.url).await.unwrap();
    let done = generate(&state, YearSpec { cases, year: YEAR, seed }, 4, false).await.unwrap();
    assert_eq!(done.disputes, cases);
    assert_eq!(done.refused, 0, "every generated step is accepted: {:#?}", done.refusals);
    state
}

/// Two single disputes and a collective one of twelve workers, accepted and triaged in
/// September at the Park; the first settles.
pub const TRIAGED: &str = r#"
[[step]]
at = "2026-09-01T09:00:00+08:00"
as = "worker"
case = "t1"
do = "file"
[[step]]
at = "2026-09-01T10:00:00+08:00"
as = "clerk:SIP"
case = "t1"
do = "accept"
[[step]]
at = "2026-09-01T10:30:00+08:00"
as = "clerk:SIP"
case = "t1"
do = "triage"
[[step]]
at = "2026-09-01T11:00:00+08:00"
as = "clerk:SIP"
case = "t1"
do = "assign"
with = { arbitrator = "arbitrator:SIP" }
[[step]]
at = "2026-09-02T09:00:00+08:00"
as = "worker#2"
case = "t2"
do = "file"
with = { sample = 2 }
[[step]]
at = "2026-09-02T10:00:00+08:00"
as = "clerk:SIP"
case = "t2"
do = "accept"
[[step]]
at = "2026-09-02T10:30:00+08:00"
as = "clerk:SIP"
case = "t2"
do = "triage"
[[step]]
at = "2026-09-03T09:00:00+08:00"
as = "worker#3"
case = "group"
do = "file"
with = { sample = 101, workers = 12 }
[[step]]
at = "2026-09-03T10:00:00+08:00"
as = "clerk:SIP"
case = "group"
do = "accept"
[[step]]
at = "2026-09-03T10:30:00+08:00"
as = "clerk:SIP"
case = "group"
do = "triage"
[[step]]
at = "2026-09-15T15:00:00+08:00"
as = "arbitrator:SIP"
case = "t1"
do = "record_settlement"
with = { mode = "arbitral_mediation_document" }
"#;

/// The text of the first row of a query (`… AS v`), which must have one.
pub async fn first(app: &TestApp, sql: &str) -> String {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;
    #[derive(QueryableByName)]
    struct V {
        #[diesel(sql_type = diesel::sql_types::Text)]
        v: String,
    }
    let mut conn = app.conn().await;
    let rows: Vec<V> = diesel::sql_query(sql).load(&mut conn).await.unwrap();
    rows.into_iter().next().map(|r| r.v).expect("the generated year has one")
}

/// A query string from pairs.
pub fn query(pairs: &[(String, String)]) -> String {
    serde_urlencoded::to_string(pairs).unwrap()
}

/// Pairs from `key=value` literals.
pub fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
}

/// A GET that must succeed, as JSON.
pub async fn get_json(app: &TestApp, path: &str, user: &User) -> Value {
    let res = app.get(path, user).await;
    let status = res.status();
    let text = res.text().await.unwrap();
    assert_eq!(status, 200, "GET {path}: {text}");
    serde_json::from_str(&text).unwrap()
}

/// A GET's status and body text, byte for byte.
pub async fn get_text(app: &TestApp, path: &str, user: &User) -> (u16, String) {
    let res = app.get(path, user).await;
    (res.status().as_u16(), res.text().await.unwrap())
}

/// Signs in with an e-mail address and password.
pub async fn sign_in(app: &TestApp, email: &str, password: &str) -> User {
    let res = app
        .client
        .post(app.url("/api/v1/auth/login"))
        .json(&serde_json::json!({ "email": email, "password": password }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{email} signs in");
    let body: Value = res.json().await.unwrap();
    User {
        token: body["access_token"].as_str().unwrap().to_owned(),
        id: body["user_id"].as_str().unwrap().to_owned(),
    }
}

/// A count in a figures object (`closed`, `closure_rate_a.numerator`, `organisations.agreements`).
pub fn at(figures: &Value, path: &str) -> u64 {
    let mut v = figures;
    for key in path.split('.') {
        v = &v[key];
    }
    v.as_u64().unwrap_or_else(|| panic!("`{path}` is a count in {figures}"))
}

/// Every count of a figures object that adds up over commissions.
pub fn counts(figures: &Value) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = [
        "carried_over",
        "accepted",
        "closed",
        "pending_end",
        "collective_accepted",
        "collective_workers",
        "workers_accepted",
        "organisations.concluded",
        "organisations.agreements",
        "days_to_close.cases",
        "court.awards",
    ]
    .iter()
    .map(|p| ((*p).to_owned(), at(figures, p)))
    .collect();
    for metric in arbitration::domain::metrics::Metric::ALL {
        for part in ["numerator", "denominator"] {
            let path = format!("{}.{part}", metric.as_str());
            let n = at(figures, &path);
            out.push((path, n));
        }
    }
    for (mode, n) in figures["closed_by_mode"].as_object().unwrap() {
        out.push((format!("closed_by_mode.{mode}"), n.as_u64().unwrap()));
    }
    out.sort();
    out
}

/// Stock and flow hold: what is pending at the end is what was carried over and accepted, less
/// what closed; the closures by mode add up to the closures.
pub fn assert_stock_and_flow(figures: &Value, what: &str) {
    let (carried, accepted, closed, pending) = (
        at(figures, "carried_over"),
        at(figures, "accepted"),
        at(figures, "closed"),
        at(figures, "pending_end"),
    );
    assert_eq!(
        pending + closed,
        carried + accepted,
        "{what}: pending_end = carried_over + accepted − closed"
    );
    let by_mode: u64 =
        figures["closed_by_mode"].as_object().unwrap().values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(by_mode, closed, "{what}: the closures by mode add up to the closures");
}
