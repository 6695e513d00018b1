//! The respondent's link page: the case and the defence period in Chinese and English, the
//! registration through it (CSRF, field errors) ending on the case page where the employer
//! files its defence; a bound employer goes straight to the case, an unbound one ties itself,
//! an employer of another credit code is refused.

use reqwest::StatusCode;
use serde_json::json;

use super::commands::{post_form, user_id};
use super::{browser, csrf_of, page, sign_in};
use crate::helpers::TestApp;
use crate::respond::{EMPLOYER_MAIL, accepted_case, link_token};

async fn served(app: &TestApp, clerk: &crate::helpers::User, id: &str) {
    let body =
        json!({ "document": "respondent_notice", "to": "respondent", "method": "post", "on": "2026-03-02" });
    let (status, body) = app.act(clerk, id, "record_service", body).await;
    assert_eq!(status, 200, "{body}");
}

#[tokio::test]
async fn the_link_page_shows_the_case_in_both_languages_and_registering_opens_the_case_to_defend() {
    let app = TestApp::spawn().await;
    let (id, _worker, clerk) = accepted_case(&app).await;
    served(&app, &clerk, &id).await;
    let token = link_token(&app).await;
    let path = format!("/respond/{token}");
    let c = browser();

    let (status, html) = page(&app, &c, &path).await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "网上应诉",
        "苏园劳人仲案字〔2026〕第00001号",
        "申请人0001",
        "拖欠劳动报酬",
        "13600.00",
        "应诉通知书",
        "已于 2026-03-02 送达（邮寄送达）",
        "本案答辩期自 2026-03-02 起计算，至 2026-03-16 届满",
        "《劳动争议调解仲裁法》第三十条",
        "本链接 2026-05-01 前有效",
    ] {
        assert!(html.contains(text), "{text} shown: {html}");
    }
    assert!(html.contains(&format!(r#"action="/respond/{token}/register""#)), "the registration form");
    assert!(html.contains(&format!("%2Frespond%2F{token}\"")), "signing in comes back here");
    let (_, en) = page(&app, &c, &format!("{path}?lang=en")).await;
    for text in [
        "Respond online",
        "Defence period",
        "runs from 2026-03-02 to 2026-03-16",
        "Labour Dispute Mediation and Arbitration Law, Art. 30",
        "Register your organisation",
    ] {
        assert!(en.contains(text), "{text} shown in English: {en}");
    }
    let (_, html) = page(&app, &c, &format!("{path}?lang=zh")).await;

    // Registration follows the rules of every form: its CSRF token, then the fields.
    let fields = |csrf: &str, password: &str| {
        vec![
            ("csrf_token", csrf.to_owned()),
            ("display_name", "李人事".to_owned()),
            ("email", EMPLOYER_MAIL.to_owned()),
            ("phone", String::new()),
            ("password", password.to_owned()),
        ]
    };
    let register = format!("{path}/register");
    let res = c.post(app.url(&register)).form(&fields("00", "secret-password")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST, "a forged form is refused");
    let csrf = csrf_of(&html);
    let res = c.post(app.url(&register)).form(&fields(&csrf, "short")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("密码至少 8 位") && html.contains("李人事"), "the error, what was typed kept");
    // The language switch of the page shown again leads back to the link's page.
    let res = c.get(app.url(&format!("{register}?lang=zh"))).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], format!("{path}?lang=zh").as_str());
    assert_eq!(app.count("users", "role = 'employer'").await, 0);
    let res = c.post(app.url(&register)).form(&fields(&csrf, "secret-password")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = res.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(to, format!("/cases/{id}?done=respond_registered"));

    // The case page offers the defence form; the defence goes in.
    let (status, html) = page(&app, &c, &to).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("用人单位账号已注册并登录"), "the flash");
    assert!(html.contains(&format!(r#"action="/cases/{id}/do/file_defence""#)), "the defence form");
    let csrf = csrf_of(&html);
    let defence = [("csrf_token", csrf.as_str()), ("version", ""), ("text", "申请人所述加班事实不存在。")];
    let (status, to, _) = post_form(&app, &c, &format!("/cases/{id}/do/file_defence"), &defence).await;
    assert_eq!((status, to), (StatusCode::SEE_OTHER, format!("/cases/{id}?done=file_defence")));
    assert_eq!(app.count("case_events", &format!("case_id = '{id}' AND kind = 'defence_filed'")).await, 1);

    // Signed in, the link goes straight to the case.
    let res = c.get(app.url(&path)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], format!("/cases/{id}").as_str());
}

#[tokio::test]
async fn an_employer_of_another_credit_code_is_refused_and_one_without_a_code_ties_itself() {
    let app = TestApp::spawn().await;
    let (id, _worker, _clerk) = accepted_case(&app).await;
    let token = link_token(&app).await;
    let path = format!("/respond/{token}");

    // An employer tied to another organisation's credit code sees nothing and can tie nothing.
    let other_mail = app.create_staff("employer", "SIP").await;
    let other_code = arbitration::demo::credit_code("91320505MA1XYW123");
    let other_id = uuid::Uuid::parse_str(&user_id(&app, &other_mail).await).unwrap();
    let mut conn = app.conn().await;
    arbitration::db::users::set_uscc(&mut conn, other_id, &other_code).await.unwrap();
    let c = browser();
    let csrf = sign_in(&app, &c, &other_mail).await;
    let (status, html) = page(&app, &c, &path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(html.contains("该网上应诉链接发给另一家用人单位") && !html.contains("申请人0001"), "{html}");
    let (status, _, _) = post_form(&app, &c, &format!("{path}/bind"), &[("csrf_token", csrf.as_str())]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(app.count("users", &format!("id = '{other_id}' AND uscc = '{other_code}'")).await, 1);
    assert_eq!(
        app.count("case_events", &format!("case_id = '{id}'")).await,
        3,
        "nothing happened to the case"
    );
    let (status, _) = page(&app, &c, &format!("/cases/{id}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "nor can it open the case");

    // An employer account tied to no code yet ties itself to the link's and opens the case.
    let plain_mail = app.create_staff("employer", "SIP").await;
    let c = browser();
    let csrf = sign_in(&app, &c, &plain_mail).await;
    let (status, html) = page(&app, &c, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!(r#"action="/respond/{token}/bind""#)), "offers to tie the account");
    assert!(!html.contains("/register\""), "no registration for the signed in");
    let (status, to, _) =
        post_form(&app, &c, &format!("{path}/bind"), &[("csrf_token", csrf.as_str())]).await;
    assert_eq!((status, to), (StatusCode::SEE_OTHER, format!("/cases/{id}?done=respond_bound")));
    let code = arbitration::demo::credit_code("91320594MA1MABCDE");
    let plain_id = user_id(&app, &plain_mail).await;
    assert_eq!(app.count("users", &format!("id = '{plain_id}' AND uscc = '{code}'")).await, 1);
    let (status, _) = page(&app, &c, &format!("/cases/{id}")).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_tampered_link_gets_a_clear_page_in_the_page_language() {
    let app = TestApp::spawn().await;
    accepted_case(&app).await;
    let token = link_token(&app).await;
    let c = browser();
    let (status, html) = page(&app, &c, &format!("/respond/{token}x")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("该网上应诉链接无效"), "{html}");
    let (status, html) = page(&app, &c, &format!("/respond/{token}x?lang=en")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("This link to respond online is not valid"), "{html}");
}
