//! End-to-end test of the HTML pages in a real browser: Debian's headless chromium driven
//! through chromedriver (WebDriver) with fantoccini, against the real server on a fresh
//! database at a fixed clock (Monday 2026-03-02 09:00 China time).
//!
//! The set-up installs `chromium` and `chromium-driver` with apt-get when they are missing
//! (once per test process; the tests run as root on the project's machines).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "api/helpers.rs"]
#[expect(dead_code, reason = "the browser test uses only part of the API test harness")]
mod helpers;

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use arbitration::domain::access::Role;
use arbitration::service::accounts::{self, Registration};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use helpers::{SIP, SIP_STREET, TestApp};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Installs chromium and chromedriver once per process when either is missing.
fn ensure_browser() {
    static INSTALLED: OnceLock<Result<(), String>> = OnceLock::new();
    let outcome = INSTALLED.get_or_init(|| {
        if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
            return Ok(());
        }
        let status = Command::new("sh")
            .args(["-c", "apt-get update && apt-get install -y chromium chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive")
            .stdin(Stdio::null())
            .status()
            .map_err(|e| format!("could not run apt-get: {e}"))?;
        if !status.success() {
            return Err(format!(
                "`apt-get update && apt-get install -y chromium chromium-driver` failed ({status})"
            ));
        }
        if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
            Ok(())
        } else {
            Err(format!("apt-get succeeded but {CHROMIUM} or {CHROMEDRIVER} is still missing"))
        }
    });
    if let Err(e) = outcome {
        panic!("the browser tests need Debian's chromium and chromium-driver (run as root): {e}");
    }
}

/// A chromedriver process (leading its own process group, which the browsers it starts join)
/// and the browser profile directory; the whole group is killed and the directory removed on
/// drop, so a failing test leaves no browser behind.
struct Driver {
    child: Child,
    port: u16,
    profile: PathBuf,
}

impl Driver {
    fn start() -> Driver {
        ensure_browser();
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = std::env::temp_dir().join(format!("arb-chromium-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&profile).unwrap();
        let driver = Driver { child, port, profile };
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not listen on port {port} within 30 s");
            std::thread::sleep(Duration::from_millis(100));
        }
        driver
    }

    async fn browser(&self) -> Client {
        let args = [
            "--headless".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            format!("--user-data-dir={}", self.profile.display()),
        ];
        let mut caps = serde_json::Map::new();
        caps.insert("goog:chromeOptions".into(), json!({ "binary": CHROMIUM, "args": args }));
        ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a chromium session starts")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// The page as the user sees it.
struct Ui<'a> {
    c: &'a Client,
    base: String,
}

impl Ui<'_> {
    async fn go(&self, path: &str) {
        self.c.goto(&format!("{}{path}", self.base)).await.unwrap();
    }

    async fn fill(&self, id: &str, value: &str) {
        let e =
            self.c.wait().for_element(Locator::Id(id)).await.unwrap_or_else(|_| panic!("field #{id} exists"));
        e.clear().await.unwrap();
        e.send_keys(value).await.unwrap();
    }

    /// Date inputs take their value from script: typing into them depends on the locale.
    async fn date(&self, id: &str, value: &str) {
        self.c
            .execute(
                "document.getElementById(arguments[0]).value = arguments[1];",
                vec![json!(id), json!(value)],
            )
            .await
            .unwrap();
    }

    async fn choose(&self, id: &str, value: &str) {
        let e = self
            .c
            .wait()
            .for_element(Locator::Id(id))
            .await
            .unwrap_or_else(|_| panic!("select #{id} exists"));
        e.select_by_value(value).await.unwrap_or_else(|_| panic!("#{id} offers {value}"));
    }

    async fn click(&self, id: &str) {
        self.c
            .wait()
            .for_element(Locator::Id(id))
            .await
            .unwrap_or_else(|_| panic!("#{id} exists"))
            .click()
            .await
            .unwrap();
    }

    async fn path(&self) -> String {
        let url = self.c.current_url().await.unwrap();
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Waits briefly for a navigation to land on `expected`; fails with the page shown otherwise.
    async fn expect_path(&self, expected: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let path = self.path().await;
            if path == expected {
                return;
            }
            if Instant::now() > deadline {
                panic!("expected {expected}, at {path}: {}", self.body().await);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a screenshot to `$ARB_SCREENSHOTS/{name}.png` when that variable is set (debugging).
    async fn snap(&self, name: &str) {
        if let Some(dir) = std::env::var_os("ARB_SCREENSHOTS") {
            let png = self.c.screenshot().await.unwrap();
            std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).unwrap();
        }
    }

    async fn text(&self, id: &str) -> String {
        self.c
            .wait()
            .for_element(Locator::Id(id))
            .await
            .unwrap_or_else(|_| panic!("#{id} exists"))
            .text()
            .await
            .unwrap()
    }

    async fn body(&self) -> String {
        self.c.find(Locator::Css("main")).await.unwrap().text().await.unwrap()
    }
}

async fn file_as_worker(ui: &Ui<'_>) -> String {
    let form = arbitration::demo::sample_form(1, SIP_STREET, SIP);
    ui.go("/register").await;
    ui.fill("f-display_name", "王小明").await;
    ui.fill("f-email", "wang@example.com").await;
    ui.fill("f-phone", "13912345678").await;
    ui.fill("f-password", "secret-password").await;
    ui.click("register-submit").await;
    ui.expect_path("/file?done=registered").await;
    ui.click("start-filing").await;
    let mut path = ui.path().await;
    for _ in 0..100 {
        if path.ends_with("/applicant") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        path = ui.path().await;
    }
    let Some(id) = path.strip_prefix("/file/").and_then(|p| p.strip_suffix("/applicant")) else {
        panic!("the first step opens, not {path}: {}", ui.body().await);
    };
    let id = id.to_owned();

    let a = &form.applicants[0];
    for (field, value) in [
        ("name", &a.name),
        ("id_number", &a.id_number),
        ("phone", &a.phone),
        ("email", &a.email),
        ("address", &a.address),
    ] {
        ui.fill(&format!("f-applicants-0-{field}"), value).await;
    }
    ui.click("next").await;
    ui.expect_path(&format!("/file/{id}/respondent")).await;

    let r = &form.respondent;
    ui.fill("f-respondent-name", &r.name).await;
    ui.fill("f-respondent-uscc", &r.uscc).await;
    ui.choose("f-respondent-registered_area", &r.registered_area).await;
    ui.fill("f-respondent-business_address", &r.business_address).await;
    ui.fill("f-respondent-legal_representative", &r.legal_representative).await;
    ui.fill("f-respondent-contact_phone", &r.contact_phone).await;
    ui.choose("f-respondent-employer_kind", &r.employer_kind).await;
    ui.click("next").await;
    ui.expect_path(&format!("/file/{id}/employment")).await;

    let e = &form.employment;
    ui.date("f-employment-start_date", &e.start_date).await;
    ui.date("f-employment-end_date", &e.end_date).await;
    ui.choose("f-employment-workplace_area", &e.workplace_area).await;
    ui.fill("f-employment-workplace_address", &e.workplace_address).await;
    ui.fill("f-employment-post", &e.post).await;
    ui.fill("f-employment-monthly_wage", &e.monthly_wage).await;
    ui.click("next").await;
    ui.expect_path(&format!("/file/{id}/claims")).await;

    // The second claim row comes from "add another claim", which saves and adds a blank row.
    for (i, c) in form.claims.iter().enumerate() {
        if i > 0 {
            ui.click("add-row").await;
            ui.expect_path(&format!("/file/{id}/claims?extra=1")).await;
            ui.snap("claims").await;
        }
        ui.choose(&format!("f-claims-{i}-claim_type"), &c.claim_type).await;
        ui.fill(&format!("f-claims-{i}-amount"), &c.amount).await;
        if !c.period_from.is_empty() {
            ui.date(&format!("f-claims-{i}-period_from"), &c.period_from).await;
            ui.date(&format!("f-claims-{i}-period_to"), &c.period_to).await;
        }
        ui.fill(&format!("f-claims-{i}-description"), &c.description).await;
    }
    ui.click("next").await;
    ui.expect_path(&format!("/file/{id}/facts")).await;

    ui.fill("f-facts", &form.facts).await;
    ui.click("save").await;
    ui.expect_path(&format!("/file/{id}/facts?done=saved")).await;
    let pdf = std::env::temp_dir().join(format!("arb-evidence-{id}.pdf"));
    std::fs::write(&pdf, b"%PDF-1.4\n% wage slips\n%%EOF\n").unwrap();
    ui.c.find(Locator::Id("f-file")).await.unwrap().send_keys(&pdf.display().to_string()).await.unwrap();
    ui.fill("f-description", "工资条").await;
    ui.click("upload").await;
    ui.expect_path(&format!("/file/{id}/facts?done=uploaded")).await;
    let _ = std::fs::remove_file(&pdf);
    assert!(ui.body().await.contains(&format!("arb-evidence-{id}.pdf")), "the upload is listed");
    ui.click("next").await;

    ui.expect_path(&format!("/file/{id}/review")).await;
    let review = ui.body().await;
    assert!(
        ui.c.find(Locator::Id("review-errors")).await.is_err(),
        "a complete filing has no errors: {review}"
    );
    for shown in [
        "苏州某某电子科技有限公司",
        "娄葑街道",
        "拖欠劳动报酬",
        "解除或终止劳动合同经济补偿",
        "13600",
        "工资条",
    ] {
        assert!(review.contains(shown), "the review shows {shown}");
    }
    ui.snap("review").await;
    ui.click("submit-filing").await;
    ui.expect_path(&format!("/cases/{id}?done=submitted")).await;
    id
}

#[tokio::test]
async fn a_worker_files_through_the_pages_and_a_park_clerk_accepts_it_from_the_queue() {
    let app = TestApp::spawn().await;
    let driver = Driver::start();
    let client = driver.browser().await;
    let ui = Ui { c: &client, base: app.address.clone() };

    let id = file_as_worker(&ui).await;

    // "My cases": under review at the Park, due five working days after Monday.
    ui.go("/cases").await;
    let mine = ui.body().await;
    assert!(mine.contains("受理审查中"), "status label: {mine}");
    assert!(mine.contains("苏州工业园区劳动人事争议仲裁委员会"), "competent commission: {mine}");
    assert!(mine.contains("受理审查期限") && mine.contains("2026-03-09"), "deadline: {mine}");
    assert!(mine.contains("剩余 5 个工作日"), "working days left: {mine}");

    // A clerk of the Park signs in, finds it in the queue and accepts it.
    let mut conn = app.conn().await;
    let clerk = Registration {
        email: "clerk@sip.example".into(),
        password: "secret-password".into(),
        display_name: "园区立案员".into(),
        phone: String::new(),
    };
    accounts::create_user(&mut conn, &clerk, Role::Clerk, Some("SIP")).await.unwrap();
    ui.click("sign-out").await;
    ui.expect_path("/?done=signed_out").await;
    ui.go("/login").await;
    ui.fill("f-email", &clerk.email).await;
    ui.fill("f-password", &clerk.password).await;
    ui.click("login-submit").await;
    ui.expect_path("/queue").await;
    assert!(ui.text("signed-in-as").await.contains("园区立案员"));
    ui.snap("queue").await;
    let queue = ui.body().await;
    assert!(queue.contains("申请人0001") && queue.contains("剩余 5 个工作日"), "queue: {queue}");
    client.find(Locator::Css(&format!("a[href='/cases/{id}']"))).await.unwrap().click().await.unwrap();
    ui.expect_path(&format!("/cases/{id}")).await;
    ui.snap("case-under-review").await;
    ui.click("action-accept").await;
    ui.expect_path(&format!("/cases/{id}?done=accept")).await;
    assert_eq!(ui.text("case-number").await, "苏园劳人仲案字〔2026〕第00001号");
    assert_eq!(ui.text("case-status").await, "已受理");

    // The same page in English, remembered for the next page.
    ui.go(&format!("/cases/{id}?lang=en")).await;
    assert_eq!(ui.text("case-status").await, "Accepted");
    ui.snap("case-en").await;
    ui.go("/queue").await;
    assert!(ui.body().await.contains("Intake queue"));

    client.close().await.unwrap();
    drop(driver);
}
