//! Notice delivery through a real SMTP server process (Python's aiosmtpd) on loopback.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::helpers::{SIP, SIP_STREET, TestApp, form};

/// Installs aiosmtpd from PyPI when missing (once per process).
fn ensure_aiosmtpd() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let present =
            Command::new("python3").args(["-c", "import aiosmtpd"]).status().is_ok_and(|s| s.success());
        if !present {
            let ok = Command::new("python3")
                .args(["-m", "pip", "install", "--quiet", "aiosmtpd"])
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "could not install the SMTP test server: python3 -m pip install aiosmtpd");
        }
    });
}

/// A real SMTP server process on loopback that stores what it receives in a maildir.
pub struct SmtpServer {
    child: Child,
    maildir: PathBuf,
}

impl SmtpServer {
    pub fn start(port: u16, maildir: &Path) -> SmtpServer {
        ensure_aiosmtpd();
        let child = Command::new("python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start aiosmtpd");
        SmtpServer { child, maildir: maildir.to_owned() }
    }

    /// Every delivered message, as raw text.
    pub fn messages(&self) -> Vec<String> {
        let mut out = Vec::new();
        for sub in ["new", "cur"] {
            if let Ok(entries) = std::fs::read_dir(self.maildir.join(sub)) {
                for e in entries.flatten() {
                    out.push(std::fs::read_to_string(e.path()).unwrap_or_default());
                }
            }
        }
        out
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

pub async fn wait_until(what: &str, mut check: impl AsyncFnMut() -> bool) {
    for _ in 0..200 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting until {what}");
}

#[tokio::test]
async fn notices_survive_an_smtp_outage_and_are_delivered_exactly_once() {
    let port = free_port();
    let app = TestApp::spawn_with("2026-03-02T09:00:00+08:00", |s| {
        s.email.transport = arbitration::config::EmailTransport::Smtp;
        s.email.smtp_port = port;
        s.email.backoff_base_seconds = 1;
        s.email.poll_interval_ms = 100;
    })
    .await;
    let worker = app.worker("worker@example.com").await;
    let case = app.file(&worker, &form(1, SIP_STREET, SIP), None).await;
    let id = case["id"].as_str().unwrap().to_owned();

    // SMTP is down: the notices stay queued with the error recorded; the filing is committed.
    wait_until("a failed attempt is recorded", async || {
        app.count(
            "outbox",
            &format!("case_id = '{id}' AND attempts >= 1 AND last_error IS NOT NULL AND sent_at IS NULL"),
        )
        .await
            == 2
    })
    .await;
    assert_eq!(app.count("cases", &format!("id = '{id}' AND status = 'under_review'")).await, 1);

    // The server comes up: the retries deliver each notice once.
    let dir = std::env::temp_dir().join(format!("maildir-{}", uuid::Uuid::new_v4().simple()));
    let smtp = SmtpServer::start(port, &dir);
    wait_until("both notices are sent", async || {
        app.count("outbox", &format!("case_id = '{id}' AND sent_at IS NOT NULL")).await == 2
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let messages = smtp.messages();
    assert_eq!(messages.len(), 2, "one message per recipient, none twice");
    let recipients: Vec<bool> = ["worker@example.com", "applicant1@example.com"]
        .iter()
        .map(|r| messages.iter().any(|m| m.contains(&format!("To: {r}"))))
        .collect();
    assert_eq!(recipients, [true, true]);
    assert!(messages.iter().all(|m| m.contains("multipart/alternative")));
    // Each carries its notice's own Message-ID, the one every retry would use.
    let mut ids: Vec<&str> = messages
        .iter()
        .map(|m| m.lines().find(|l| l.starts_with("Message-ID: <notice-")).expect("a stable Message-ID"))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 2, "{ids:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn notice_bodies_escape_user_text_in_html_but_not_in_plain_text() {
    let app = TestApp::spawn().await;
    let worker = app.worker("worker@example.com").await;
    let mut f = form(1, SIP_STREET, SIP);
    f.applicants[0].name = "王<b>小明".into();
    let case = app.file(&worker, &f, None).await;
    let id = case["id"].as_str().unwrap();
    let html = app.count("outbox", &format!("case_id = '{id}' AND body_html LIKE '%王&lt;b&gt;小明%'")).await;
    let raw = app.count("outbox", &format!("case_id = '{id}' AND body_html LIKE '%王<b>小明%'")).await;
    let text = app.count("outbox", &format!("case_id = '{id}' AND body_text LIKE '%王<b>小明%'")).await;
    assert_eq!((html, raw, text), (1, 0, 1));
}
