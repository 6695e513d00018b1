//! The supervisors' dashboard on the year of tests/scenarios/metrics_year.toml, whose figures
//! are worked out by hand there: the Park's closure rate 4/6 and mediation success 2/6 as of
//! 30 June, the figures as they stood on 7 April, the cases behind a denominator, the CSV, the
//! trend charts, and who may see what.

use arbitration::scenario::{self, Scenario};
use arbitration::startup::AppState;
use reqwest::StatusCode;

use super::{browser, page, staff};
use crate::helpers::{TestApp, TestDb, test_settings};

const NOW: &str = "2026-06-30T19:00:00+08:00";

/// The app at 30 June 2026 over the hand-computed year.
async fn year_app() -> TestApp {
    let db = TestDb::create().await;
    let text =
        std::fs::read_to_string(format!("{}/tests/scenarios/metrics_year.toml", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    let state = AppState::build(test_settings(NOW), &db.url).await.unwrap();
    let lines = scenario::run(&state, &Scenario::parse(&text).unwrap(), |_| {}).await.unwrap();
    assert!(lines.iter().all(|l| l.failed.is_empty()), "the scenario's own expectations hold");
    drop(state);
    TestApp::spawn_over(db, NOW, |_| {}).await
}

fn between<'a>(html: &'a str, id: &str) -> &'a str {
    let rest = html.split(&format!("id=\"{id}\"")).nth(1).unwrap_or_default();
    rest.split("</").next().unwrap_or_default()
}

#[tokio::test]
async fn the_city_supervisor_sees_the_park_against_its_targets_and_the_cases_behind_each_number() {
    let app = year_app().await;
    let (c, _) = staff(&app, "supervisor", "SZ").await;

    let (status, html) = page(&app, &c, "/supervision?commission=SIP").await;
    assert_eq!(status, StatusCode::OK, "{html}");
    // Closure rate A: 4 closed ÷ (2 carried over + 4 accepted), below the 92 % target.
    let closure = html.split("id=\"kpi-closure\"").nth(1).unwrap().split("</div>").next().unwrap();
    assert!(closure.contains("66.67%") && closure.contains("未达标"), "{closure}");
    assert!(between(&html, "kpi-closure-num").contains("分子 4"));
    assert!(between(&html, "kpi-closure-den").contains("分母 6"));
    // Mediation success: (1 agreement + 1 settlement-withdrawal) ÷ (2 concluded + 4 closed).
    let mediation = html.split("id=\"kpi-mediation\"").nth(1).unwrap().split("</div>").next().unwrap();
    assert!(mediation.contains("33.33%"), "{mediation}");
    // The city's comparison table lists every commission; Wuzhong holds the transferred case.
    let (_, city) = page(&app, &c, "/supervision").await;
    assert!(city.contains("id=\"row-KS\""));
    let wz = city.split("id=\"row-WZ\"").nth(1).unwrap().split("</tr>").next().unwrap();
    assert!(
        wz.contains("<td>0</td><td>1</td><td>0</td><td>1</td>"),
        "carried 0, accepted 1, closed 0, pending 1: {wz}"
    );
    // Two trend charts drawn on the server, a point per month from January to June.
    assert_eq!(html.matches("<svg id=\"trend-").count(), 2);
    let chart = html.split("id=\"trend-closure\"").nth(1).unwrap().split("</svg>").next().unwrap();
    assert_eq!(chart.matches("<circle").count(), 6, "{chart}");
    // The closure modes, each a link to its cases.
    assert!(html.contains("id=\"mode-deemed_withdrawal\""));
    // Every wage-arrears case of the sample filings is against a manufacturer (section C): the
    // industry table holds them all, as many as the areas' table adds up to.
    let cells = |table: &str, col: usize| -> Vec<String> {
        let body = html.split(&format!("id=\"{table}\"")).nth(1).unwrap().split("</table>").next().unwrap();
        body.split("<tr><td>").skip(1).map(|r| r.split("</td><td>").nth(col).unwrap().to_owned()).collect()
    };
    assert_eq!(cells("industry-clusters", 0), vec!["C 制造业"]);
    let by_area: u32 = cells("wage-clusters", 1).iter().map(|n| n.parse::<u32>().unwrap()).sum();
    assert!(by_area > 0);
    assert_eq!(cells("industry-clusters", 1), vec![by_area.to_string()]);
    let res = c.get(app.url("/supervision/export/industries.csv?commission=SIP")).send().await.unwrap();
    let csv = res.text().await.unwrap();
    assert!(csv.contains(&format!("\nC,C 制造业,C Manufacturing,{by_area},")), "{csv}");

    // The denominator's cases: the 2 carried over and the 4 accepted.
    let before = html.split("\" id=\"kpi-closure-den\"").next().unwrap();
    let href = before.rsplit("href=\"").next().unwrap().replace("&#x3D;", "=").replace("&amp;", "&");
    let (status, cases) = page(&app, &c, &href).await;
    assert_eq!(status, StatusCode::OK, "{href}: {cases}");
    assert!(between(&cases, "cases-total").contains('6'), "{}", between(&cases, "cases-total"));
    let totals: Vec<&str> =
        cases.split("class=\"set-total\">").skip(1).map(|s| s.split('<').next().unwrap()).collect();
    assert_eq!(totals, vec!["2", "4"]);
    assert_eq!(cases.matches("href=\"/cases/").count(), 6);
}

#[tokio::test]
async fn the_figures_as_of_a_past_day_csv_and_bad_queries() {
    let app = year_app().await;
    let (c, _) = staff(&app, "supervisor", "SZ").await;

    // As it stood on 7 April: the Park still held the transferred case.
    let (_, html) = page(&app, &c, "/supervision?commission=SIP&as_of=2026-04-07").await;
    let row = html.split("id=\"row-SIP\"").nth(1).unwrap().split("</tr>").next().unwrap();
    assert!(row.contains("<td>2</td><td>4</td><td>4</td><td>2</td>"), "{row}");

    // The comparison table as CSV, with a BOM for spreadsheet programs.
    let res = c.get(app.url("/supervision/export/commissions.csv?commission=SIP")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let body = res.bytes().await.unwrap();
    assert_eq!(&body[..3], &[0xEF, 0xBB, 0xBF]);
    let text = String::from_utf8_lossy(&body[3..]).into_owned();
    let sip = text.lines().find(|l| l.starts_with("SIP,")).unwrap();
    assert!(sip.starts_with("SIP,0.3333,2,6,0.6667,4,6,1.0000,4,4,1.0000,4,4,2,4,4,2"), "{sip}");

    // A bad date and a reversed period: the form comes back with each field named and the
    // typed values kept.
    let (status, html) = page(&app, &c, "/supervision?from=2026-13-01&to=2026-01-01&as_of=yesterday").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"error-from\"") && html.contains("id=\"error-as_of\""), "{html}");
    assert!(html.contains("value=\"2026-13-01\""));
}

#[tokio::test]
async fn only_supervisors_see_the_dashboard_and_a_commission_its_own() {
    let app = year_app().await;
    let (park, _) = staff(&app, "supervisor", "SIP").await;
    let (_, html) = page(&app, &park, "/supervision").await;
    assert!(html.contains("id=\"row-SIP\"") && !html.contains("id=\"row-KS\""), "own commission only");
    assert!(!html.contains("id=\"q-commission\""), "no commission to choose");
    let (status, _) = page(&app, &park, "/supervision?commission=KS").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = page(&app, &park, "/supervision/export/commissions.csv?commission=KS").await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    for role in ["clerk", "arbitrator"] {
        let (c, _) = staff(&app, role, "SIP").await;
        let (status, html) = page(&app, &c, "/supervision").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{role}");
        assert!(!html.contains("nav-supervision"), "{role} is not offered the link");
    }
    let anonymous = browser();
    let res = anonymous.get(app.url("/supervision")).send().await.unwrap();
    assert!(res.status() == StatusCode::SEE_OTHER || res.status() == StatusCode::UNAUTHORIZED);
}
