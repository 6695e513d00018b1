//! The crash and outage scripts that fit the suite's time (docs/reliability.md), against this
//! build's own binary: `kill -9` of the server under a load of filings and decisions with
//! clients retrying under their `Idempotency-Key`, and PostgreSQL stopped and started under
//! load. Each starts real processes (the server, a private PostgreSQL cluster) and checks the
//! database against every answer the clients got: no 2xx without its rows, no filing twice, no
//! gap in the case numbers, no 500 while the database restarts, answers again within 5 s of its
//! return. The relay outage and the two-process scenarios take minutes: they are run by
//! `scripts/faults/run.sh` outside the suite.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn run(scenario: &str) {
    let repo = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("bash")
        .arg(format!("{repo}/scripts/faults/run.sh"))
        .args([scenario, "--quick"])
        .current_dir(repo)
        .env("ARBITRATION_BIN", env!("CARGO_BIN_EXE_arbitration"))
        .output()
        .expect("bash runs the fault script");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{scenario} did not hold:\n{stdout}\n{stderr}");
    assert!(stdout.contains(&format!("{scenario}: ok")), "{scenario} reported:\n{stdout}");
}

/// One after the other: each starts a cluster of its own on a free port, and the load of one
/// would distort the other's recovery times.
#[test]
fn a_killed_server_loses_and_doubles_nothing_and_a_restarted_database_costs_no_500() {
    run("kill");
    run("pg-restart");
}
