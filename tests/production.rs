//! Point 1 of the security repairs: production refuses to start on a public, missing or short
//! signing secret, and says which variable to set. The real binary, started as an operator would.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn serve_in_production(secret: Option<&str>) -> (bool, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_arbitration"));
    cmd.arg("serve").env("APP_ENV", "production").env_remove("APP__AUTH__JWT_SECRET");
    // The check comes before any database work, so none is needed (and none is touched).
    cmd.env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none");
    if let Some(secret) = secret {
        cmd.env("APP__AUTH__JWT_SECRET", secret);
    }
    let out = cmd.output().expect("the binary runs");
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn repair_01_production_refuses_to_start_with_the_default_secret() {
    let (ok, stderr) = serve_in_production(None);
    assert!(!ok, "production must not start on the public default secret");
    assert!(stderr.contains("APP__AUTH__JWT_SECRET"), "{stderr}");
    assert!(stderr.contains("public default"), "{stderr}");
}

#[test]
fn repair_01_production_refuses_an_empty_or_short_secret() {
    for (secret, why) in [("", "missing"), ("only-twenty-bytes-xx", "shorter than 32 bytes")] {
        let (ok, stderr) = serve_in_production(Some(secret));
        assert!(!ok, "{why}");
        assert!(stderr.contains("APP__AUTH__JWT_SECRET") && stderr.contains(why), "{stderr}");
    }
}

#[test]
fn repair_01_a_strong_secret_gets_past_the_check() {
    // With a strong secret the process goes on to the database, which here does not exist: the
    // failure it reports is about the database, not the secret.
    let (ok, stderr) = serve_in_production(Some("k7Vq2mX9pLr4tB8wZs1nHc6yJd3fGa5e"));
    assert!(!ok);
    assert!(!stderr.contains("APP__AUTH__JWT_SECRET"), "{stderr}");
}
