//! `arbitration metrics --json` against the same database prints the figures the API serves.

use serde_json::Value;

use super::{NOW, generate_year, get_json};
use crate::helpers::TestApp;

/// Runs `arbitration metrics --json ARGS` on the test's database at the tests' "now".
async fn metrics_command(app: &TestApp, args: &[&str]) -> Value {
    let url = app.db.url.clone();
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let out = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_arbitration"))
            .arg("metrics")
            .args(&args)
            .arg("--json")
            .env("DATABASE_URL", url)
            .env("APP_ENV", "test")
            .env("APP__APPLICATION__FIXED_NOW", NOW)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let line = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(line).unwrap_or_else(|e| panic!("one JSON object ({e}): {stdout}"))
}

const RATES: [&str; 4] =
    ["mediation_success_rate", "closure_rate_a", "closure_rate_b", "closed_within_limit_rate"];
const COUNTS: [&str; 4] = ["carried_over", "accepted", "closed", "pending_end"];

#[tokio::test]
async fn metrics_command_prints_the_figures_the_api_serves() {
    let app = TestApp::spawn_at(NOW).await;
    generate_year(&app, NOW, 60, 11).await;
    let head = app.staff("supervisor", "SZ").await;

    let windows: [(&[&str], &str); 3] = [
        (&["--from", "2026-01-01", "--to", "2026-09-30"], "from=2026-01-01&to=2026-09-30"),
        (
            &["--from", "2026-04-01", "--to", "2026-06-30", "--as-of", "2026-08-14", "--commission", "SIP"],
            "from=2026-04-01&to=2026-06-30&as_of=2026-08-14&commission=SIP",
        ),
        (&["--formula", "organisations_only"], "formula=organisations_only"),
    ];
    for (args, q) in windows {
        let printed = metrics_command(&app, args).await;
        let served = get_json(&app, &format!("/api/v1/metrics/summary?{q}"), &head).await;
        let total = &served["total"];
        for rate in RATES {
            let r = &printed[rate];
            assert!(r["numerator"].is_u64() && r["denominator"].is_u64(), "{rate} has its counts: {printed}");
            assert!(r["value"].is_f64() || (r["value"].is_null() && r["denominator"] == 0), "{rate}: {r}");
            assert_eq!(r, &total[rate], "{args:?}: {rate}");
        }
        for count in COUNTS {
            assert!(printed[count].is_u64(), "{count}: {printed}");
            assert_eq!(printed[count], total[count], "{args:?}: {count}");
        }
        assert!(printed["closed_by_mode"].is_object());
        assert_eq!(printed["closed_by_mode"], total["closed_by_mode"], "{args:?}");
        assert_eq!(printed["from"], served["window"]["from"], "{args:?}");
        assert_eq!(printed["to"], served["window"]["to"], "{args:?}");
        assert_eq!(printed["as_of"], served["window"]["as_of"], "{args:?}");
        // Everything else the figures hold, too (the medians come from the same query).
        let mut printed = printed.clone();
        for k in ["from", "to", "as_of", "commission"] {
            printed.as_object_mut().unwrap().remove(k);
        }
        assert_eq!(&printed, total, "{args:?}: the whole of the figures");
    }
    let year = metrics_command(&app, &["--from", "2026-01-01", "--to", "2026-09-30"]).await;
    assert!(year["accepted"].as_u64().unwrap() > 10 && year["closed"].as_u64().unwrap() > 10, "{year}");
}
