//! The browser harness: Debian's chromium and chromedriver (installed with apt-get when
//! missing), a 390×844 window (a phone), and axe-core (installed with npm under `target/`
//! when missing) run on every page the test lands on.

use std::cell::RefCell;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

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
pub struct Driver {
    child: Child,
    port: u16,
    profile: PathBuf,
}

impl Driver {
    pub fn start() -> Driver {
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

    /// A browser session with a phone's viewport (390×844).
    pub async fn browser(&self) -> Client {
        self.session(true).await
    }

    /// A browser session with a desk's window (1366×900).
    pub async fn desktop(&self) -> Client {
        self.session(false).await
    }

    async fn session(&self, phone: bool) -> Client {
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
            "--window-size=1366,900".to_owned(),
            format!("--user-data-dir={}", self.profile.display()),
        ];
        let mut caps = serde_json::Map::new();
        let mut options = json!({ "binary": CHROMIUM, "args": args });
        if phone {
            // A phone's viewport (headless windows cannot be narrower than 500 px).
            options["mobileEmulation"] =
                json!({ "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 3.0 } });
        }
        caps.insert("goog:chromeOptions".into(), options);
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
pub struct Ui<'a> {
    pub c: &'a Client,
    pub base: String,
    /// axe-core's violations on the pages visited, reported together at the end.
    pub violations: RefCell<Vec<String>>,
}

impl Ui<'_> {
    pub async fn go(&self, path: &str) {
        self.c.goto(&format!("{}{path}", self.base)).await.unwrap();
        self.audit().await;
    }

    pub async fn fill(&self, id: &str, value: &str) {
        let e =
            self.c.wait().for_element(Locator::Id(id)).await.unwrap_or_else(|_| panic!("field #{id} exists"));
        e.clear().await.unwrap();
        e.send_keys(value).await.unwrap();
    }

    /// Date inputs take their value from script: typing into them depends on the locale.
    pub async fn date(&self, id: &str, value: &str) {
        self.c
            .execute(
                "document.getElementById(arguments[0]).value = arguments[1];",
                vec![json!(id), json!(value)],
            )
            .await
            .unwrap();
    }

    pub async fn choose(&self, id: &str, value: &str) {
        let e = self
            .c
            .wait()
            .for_element(Locator::Id(id))
            .await
            .unwrap_or_else(|_| panic!("select #{id} exists"));
        e.select_by_value(value).await.unwrap_or_else(|_| panic!("#{id} offers {value}"));
    }

    pub async fn click(&self, id: &str) {
        self.c
            .wait()
            .for_element(Locator::Id(id))
            .await
            .unwrap_or_else(|_| panic!("#{id} exists"))
            .click()
            .await
            .unwrap();
    }

    pub async fn path(&self) -> String {
        let url = self.c.current_url().await.unwrap();
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Waits briefly for a navigation to land on `expected`; fails with the page shown otherwise.
    pub async fn expect_path(&self, expected: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let path = self.path().await;
            if path == expected {
                self.audit().await;
                return;
            }
            if Instant::now() > deadline {
                panic!("expected {expected}, at {path}: {}", self.body().await);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a screenshot to `$ARB_SCREENSHOTS/{name}.png` when that variable is set (debugging).
    pub async fn snap(&self, name: &str) {
        if let Some(dir) = std::env::var_os("ARB_SCREENSHOTS") {
            let png = self.c.screenshot().await.unwrap();
            std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).unwrap();
        }
    }

    pub async fn text(&self, id: &str) -> String {
        self.c
            .wait()
            .for_element(Locator::Id(id))
            .await
            .unwrap_or_else(|_| panic!("#{id} exists"))
            .text()
            .await
            .unwrap()
    }

    pub async fn body(&self) -> String {
        self.c.find(Locator::Css("main")).await.unwrap().text().await.unwrap()
    }
}

/// The axe-core script, installed once with npm under `target/axe-core` when missing.
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<Result<String, String>> = OnceLock::new();
    let outcome = SOURCE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/axe-core");
        let script = dir.join("node_modules/axe-core/axe.min.js");
        if !script.exists() {
            let status = Command::new("npm")
                .args(["install", "--no-save", "--no-audit", "--no-fund", "--prefix"])
                .arg(&dir)
                .arg("axe-core@4")
                .stdin(Stdio::null())
                .status()
                .map_err(|e| format!("could not run npm: {e}"))?;
            if !status.success() {
                return Err(format!("`npm install axe-core@4` failed ({status})"));
            }
        }
        std::fs::read_to_string(&script).map_err(|e| format!("{}: {e}", script.display()))
    });
    match outcome {
        Ok(source) => source,
        Err(e) => panic!("the browser test needs axe-core (npm): {e}"),
    }
}

impl Ui<'_> {
    /// Runs axe-core on the page shown (injected through WebDriver, which the page's CSP does
    /// not govern) and records every violation with the page's path.
    pub async fn audit(&self) {
        self.c.execute(axe_source(), vec![]).await.expect("axe-core loads into the page");
        let script = "const done = arguments[arguments.length - 1];
            axe.run(document).then(r => done(r.violations.map(v =>
                v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe failed: ' + e]));";
        let found = self.c.execute_async(script, vec![]).await.expect("axe-core runs");
        let path = self.path().await;
        for v in found.as_array().into_iter().flatten() {
            self.violations.borrow_mut().push(format!("{path}: {}", v.as_str().unwrap_or_default()));
        }
    }

    /// The id of the element that has the focus.
    pub async fn focused(&self) -> String {
        let id = self.c.execute("return document.activeElement && document.activeElement.id;", vec![]).await;
        id.ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    /// The current value of a form field (what the user sees in it).
    pub async fn value(&self, id: &str) -> String {
        let v = self.c.execute("return document.getElementById(arguments[0]).value;", vec![json!(id)]).await;
        v.ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }
}
