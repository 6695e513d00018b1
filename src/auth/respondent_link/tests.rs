#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, Duration, NaiveDate, Utc};
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use uuid::Uuid;

use super::*;
use crate::auth::token;
use crate::domain::access::{Actor, Role};

fn auth() -> AuthSettings {
    token::tests::settings()
}

fn link() -> RespondentLinkSettings {
    RespondentLinkSettings { audience: "respondent-link".into(), ttl_days: 60, margin_days: 30 }
}

fn uscc() -> Uscc {
    Uscc::parse(&crate::demo::credit_code("91320594MA1MABCDE")).unwrap()
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap().with_timezone(&Utc)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn a_link_names_its_case_and_credit_code_and_verifies_until_it_expires() {
    let now = at("2026-03-02T09:00:00+08:00");
    let case = Uuid::new_v4();
    let expires = expiry(&link(), now, None);
    let issued = issue(&auth(), &link(), case, &uscc(), now, expires).unwrap();
    let claims = verify(&auth(), &link(), &issued.token, now).unwrap();
    assert_eq!((claims.sub, &claims.uscc), (case, &uscc()));
    assert_eq!(claims.aud, "respondent-link");
    assert_eq!(claims.expires_at(), issued.expires_at);
    assert!(verify(&auth(), &link(), &issued.token, issued.expires_at).is_ok(), "good on its last second");
    assert_eq!(
        verify(&auth(), &link(), &issued.token, issued.expires_at + Duration::seconds(6)),
        Err(TokenError::Expired)
    );
    assert!(issued.url("https://a.example/").ends_with(&["/respond/", issued.token.as_str()].concat()));
    assert!(issued.url("https://a.example/").starts_with("https://a.example/respond/"));
}

#[test]
fn a_link_runs_sixty_days_from_issue_or_thirty_after_the_defence_period_ends_whichever_is_later() {
    let now = at("2026-03-02T09:00:00+08:00");
    let issued_only = expiry(&link(), now, None);
    assert_eq!(local_date(issued_only), day("2026-05-01"));
    assert_eq!(issued_only, at("2026-05-01T23:59:59+08:00"), "the end of the China-time day");
    // An early defence period end does not shorten the link.
    assert_eq!(local_date(expiry(&link(), now, Some(day("2026-03-16")))), day("2026-05-01"));
    // A late one (service by public notice) lengthens it.
    assert_eq!(local_date(expiry(&link(), now, Some(day("2026-04-20")))), day("2026-05-20"));
    // Late in the evening China time is already the next UTC day's date there.
    let late = at("2026-03-02T23:30:00+08:00");
    assert_eq!(local_date(expiry(&link(), late, None)), day("2026-05-01"));
}

#[test]
fn tampered_foreign_key_other_audience_and_other_issuer_links_are_invalid() {
    let now = at("2026-03-02T09:00:00+08:00");
    let issued = issue(&auth(), &link(), Uuid::new_v4(), &uscc(), now, expiry(&link(), now, None)).unwrap();
    let mut tampered = issued.token.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    assert_eq!(verify(&auth(), &link(), &tampered, now), Err(TokenError::Invalid));
    let mut other_key = auth();
    other_key.jwt_secret = "another-secret-of-sufficient-length".to_owned().into();
    assert_eq!(verify(&other_key, &link(), &issued.token, now), Err(TokenError::Invalid));
    let mut other_kid = auth();
    other_kid.jwt_kid = "k2".into();
    assert_eq!(verify(&other_kid, &link(), &issued.token, now), Err(TokenError::Invalid));
    let mut other_issuer = auth();
    other_issuer.issuer = "someone-else".into();
    assert_eq!(verify(&other_issuer, &link(), &issued.token, now), Err(TokenError::Invalid));
    for garbage in ["", "abc", "a.b.c", "..", "\u{0}"] {
        assert_eq!(verify(&auth(), &link(), garbage, now), Err(TokenError::Invalid), "{garbage:?}");
    }
}

#[test]
fn a_tampered_link_is_invalid_even_after_its_expiry() {
    let now = at("2026-03-02T09:00:00+08:00");
    let issued = issue(&auth(), &link(), Uuid::new_v4(), &uscc(), now, expiry(&link(), now, None)).unwrap();
    let mut parts: Vec<String> = issued.token.split('.').map(str::to_owned).collect();
    parts[2] = parts[2].chars().rev().collect();
    let later = issued.expires_at + Duration::days(10);
    assert_eq!(verify(&auth(), &link(), &parts.join("."), later), Err(TokenError::Invalid));
}

#[test]
fn an_access_token_is_not_a_link_and_a_link_is_not_an_access_token() {
    let now = at("2026-03-02T09:00:00+08:00");
    let actor =
        Actor { id: Uuid::new_v4(), role: Role::Employer, commission: None, name: "某公司".into() };
    let (access, _) = token::issue(&auth(), &actor, 0, now).unwrap();
    assert_eq!(verify(&auth(), &link(), &access, now), Err(TokenError::Invalid));
    let issued = issue(&auth(), &link(), Uuid::new_v4(), &uscc(), now, expiry(&link(), now, None)).unwrap();
    assert_eq!(token::verify(&auth(), &issued.token, now), Err(TokenError::Invalid));
    // Even configured with the access tokens' audience (which the settings refuse), a link
    // lacks the claims of an access token.
    let same_audience = RespondentLinkSettings { audience: auth().audience, ..link() };
    let forged =
        issue(&auth(), &same_audience, Uuid::new_v4(), &uscc(), now, expiry(&link(), now, None)).unwrap();
    assert_eq!(token::verify(&auth(), &forged.token, now), Err(TokenError::Invalid));
}

#[test]
fn a_signed_link_with_an_invalid_credit_code_or_without_an_expiry_is_invalid() {
    let now = at("2026-03-02T09:00:00+08:00");
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some("k1".into());
    let key = EncodingKey::from_secret(b"a-test-secret-of-sufficient-length");
    let bad_code = serde_json::json!({
        "sub": Uuid::new_v4(), "uscc": "91320594MA1MABCDE0", "iss": "arbitration",
        "aud": "respondent-link", "iat": now.timestamp(), "exp": now.timestamp() + 3600,
    });
    let token = encode(&header, &bad_code, &key).unwrap();
    assert_eq!(verify(&auth(), &link(), &token, now), Err(TokenError::Invalid));
    let no_exp = serde_json::json!({
        "sub": Uuid::new_v4(), "uscc": uscc(), "iss": "arbitration",
        "aud": "respondent-link", "iat": now.timestamp(),
    });
    let token = encode(&header, &no_exp, &key).unwrap();
    assert_eq!(verify(&auth(), &link(), &token, now), Err(TokenError::Invalid));
}
