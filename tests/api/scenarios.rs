//! The clock scenarios of tests/scenarios/, with hand-computed dates on the 2025/2026
//! calendars, run through the scenario runner on a fresh database each.

use arbitration::scenario::{self, Scenario};
use arbitration::startup::AppState;

use crate::helpers::{TestDb, test_settings};

async fn run(file: &str) {
    let path = format!("{}/tests/scenarios/{file}.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let scenario = Scenario::parse(&text).unwrap();
    let db = TestDb::create().await;
    let state = AppState::build(test_settings(""), &db.url).await.unwrap();
    let lines = scenario::run(&state, &scenario, |_| {}).await.unwrap();
    assert_eq!(lines.len(), scenario.step.len());
    let failed: Vec<String> = lines
        .iter()
        .filter(|l| !l.failed.is_empty())
        .map(|l| format!("step {}: {}", l.step, l.failed.join("; ")))
        .collect();
    assert!(failed.is_empty(), "{file}:\n{}", failed.join("\n"));
}

macro_rules! scenarios {
    ($($name:ident),+ $(,)?) => {
        $(
            #[tokio::test]
            async fn $name() {
                run(stringify!($name)).await;
            }
        )+

        /// The scenarios with a test, by file name.
        const NAMES: &[&str] = &[$(stringify!($name)),+];
    };
}

scenarios!(
    claim_change_restart,
    collective_mixed_award,
    court_reversal,
    deemed_service_and_defence,
    entrusted_mediation,
    extension_once_before_expiry,
    metrics_year,
    provisional_2027,
    public_notice_service,
    recusal_and_replacement,
    street_mediation_fails_to_filing,
    suspension_across_spring_festival,
    transfer_restarts_the_limit,
);

#[tokio::test]
async fn every_scenario_file_has_its_test() {
    let dir = format!("{}/tests/scenarios", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".toml").to_owned())
        .collect();
    files.sort();
    let mut named: Vec<&str> = NAMES.to_vec();
    named.sort_unstable();
    assert_eq!(files, named, "every file in tests/scenarios has its test, and every test its file");
}
