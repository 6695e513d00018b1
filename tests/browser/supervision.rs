//! The supervisors' dashboard in a real browser on the demonstration data (the demonstration
//! cases and a synthetic year): the municipal supervisor signs in, sees both rates against
//! their targets, the trend charts drawn, follows a denominator to its cases, on a desk and on a
//! phone; screenshots are saved under `target/screenshots/`, and axe-core finds nothing.

use std::cell::RefCell;

use fantoccini::Locator;

use crate::helpers::TestApp;
use crate::support::{Driver, Ui};

/// Saves a screenshot under `target/screenshots/` and checks that it is a picture.
async fn screenshot(ui: &Ui<'_>, name: &str) {
    let png = ui.c.screenshot().await.unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a PNG");
    assert!(png.len() > 20_000, "the page is drawn ({} bytes)", png.len());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

async fn dashboard(ui: &Ui<'_>, name: &str) {
    ui.go("/login").await;
    ui.fill("f-email", "supervisor.sz@demo.local").await;
    ui.fill("f-password", arbitration::demo::DEMO_PASSWORD).await;
    ui.click("login-submit").await;
    ui.c.wait().for_element(Locator::Id("nav-supervision")).await.expect("the dashboard is offered");
    ui.click("nav-supervision").await;
    ui.expect_path("/supervision").await;
    ui.audit().await;
    assert!(ui.text("demo-note").await.contains("演示数据"), "the page says the figures come from a sample");
    let closure = ui.text("kpi-closure").await;
    assert!(
        closure.contains("仲裁结案率") && closure.contains('%') && closure.contains("目标 92%"),
        "{closure}"
    );
    let mediation = ui.text("kpi-mediation").await;
    assert!(mediation.contains("调解成功率") && mediation.contains("目标 60%"), "{mediation}");
    for chart in ["trend-mediation", "trend-closure"] {
        let svg = ui.c.find(Locator::Id(chart)).await.expect("the chart is drawn");
        assert!(svg.is_displayed().await.unwrap(), "{chart} is visible");
        let (_, _, w, h) = svg.rectangle().await.unwrap();
        assert!(w > 200.0 && h > 60.0, "{chart} has a size: {w}×{h}");
    }
    assert!(ui.c.find(Locator::Id("compare")).await.is_ok(), "the commissions are compared");
    screenshot(ui, name).await;
    // The denominator of the closure rate: the cases carried over and accepted.
    ui.click("kpi-closure-den").await;
    ui.c.wait().for_element(Locator::Id("cases-total")).await.expect("the cases page opens");
    assert!(ui.path().await.starts_with("/supervision/cases?"));
    ui.audit().await;
    assert!(ui.text("cases-total").await.contains('件'));
    screenshot(ui, &format!("{name}-cases")).await;
    ui.click("sign-out").await;
}

#[tokio::test]
async fn the_city_supervisor_reads_the_dashboard_of_the_demo_year_on_a_desk_and_on_a_phone() {
    let app = TestApp::spawn_with("2026-11-30T10:00:00+08:00", |s| {
        s.application.demo = true;
        s.application.demo_year_cases = 160;
    })
    .await;
    let mut settings = crate::helpers::test_settings("2026-11-30T10:00:00+08:00");
    settings.application.demo_year_cases = 160;
    let state = arbitration::startup::AppState::build(settings, &app.db.url).await.unwrap();
    arbitration::demo::load(&state).await.expect("the demonstration data loads");
    let driver = Driver::start();
    let mut violations = Vec::new();
    for (phone, name) in [(false, "supervision-desk"), (true, "supervision-phone")] {
        // One session at a time: the sessions share the driver's browser profile.
        let client = if phone { driver.browser().await } else { driver.desktop().await };
        let ui = Ui { c: &client, base: app.address.clone(), violations: RefCell::new(Vec::new()) };
        dashboard(&ui, name).await;
        violations.extend(ui.violations.take());
        client.close().await.unwrap();
    }
    drop(driver);
    assert!(violations.is_empty(), "axe-core found violations:\n{}", violations.join("\n"));
}
