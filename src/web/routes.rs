//! The route table of the HTML pages.
//!
//! | method | path | page |
//! |---|---|---|
//! | GET | `/` | home |
//! | GET, POST | `/login`, `/register` | sign in, worker registration |
//! | POST | `/logout` | sign out (every session of the account ends) |
//! | GET, POST | `/account/password` | change the password (every other session ends) |
//! | GET, POST | `/file` | start an application (clerks pick the intake point) |
//! | GET | `/file/{id}` | resume a draft at its first incomplete step |
//! | GET, POST | `/file/{id}/{step}` | one step: applicant, respondent, employment, claims, facts, review |
//! | POST | `/file/{id}/evidence` | the facts step with an evidence upload (multipart) |
//! | POST | `/file/{id}/submit` | submit the draft |
//! | GET | `/cases`, `/queue` | my cases, intake queue (`?commission=&q=&status=&urgency=&channel=&venue=&sort=&page=`) |
//! | GET | `/queue.csv` | the rows the same queue query finds, as CSV |
//! | GET | `/cases/{id}` | case page (its command forms, case file and clocks) |
//! | GET | `/cases/{id}/receipt` | the printable receipt (回执) of a submitted filing |
//! | POST | `/cases/{id}/evidence` | evidence upload from the case page, for a side (multipart) |
//! | GET | `/cases/{id}/evidence/{evidence_id}` | evidence download |
//! | POST | `/cases/{id}/correction` | submit a correction |
//! | POST | `/cases/{id}/personal-data` | the applicants' full ID numbers and telephones, for staff, recorded with the purpose given |
//! | POST | `/cases/{id}/elements` | save the caller's side of the element record |
//! | POST | `/cases/{id}/group` | organise a collective dispute's worker group (staff) |
//! | POST | `/cases/{id}/group/consent` | record the consent of those represented (staff) |
//! | POST | `/cases/{id}/award` | make the award from the case page's award form (the arbitrator) |
//! | POST | `/cases/{id}/do/{command}` | any command the table offers (`accept`, `reject`, `reroute`, `file_defence`, `decide_extension` …) |
//! | POST | `/cases/{id}/mediation/{form}` | the online mediation: `propose_settlement`, `answer_proposal`, `draft_mediation_document`, `code` (send me a code), `sign_mediation_document`, `decline_mediation_document`, `message` (a message of the thread) |
//! | GET | `/account/data` | everything held about the signed-in person, as one JSON file |
//! | GET | `/documents/{id}` | one document of a case file as issued (A4, printable) |
//! | GET | `/mediation`, `/mediation/{id}` | a mediator's mediation cases and one case with its forms (POST `/mediation/{id}/do/{command}`) |
//! | GET | `/docket` | an arbitrator's or clerk's open cases by next deadline (`?status=&track=&urgency=&page=`) |
//! | GET | `/approvals` | the head's suspensions and extensions awaiting a decision |
//! | GET | `/supervision` | the supervisors' dashboard: the two rates against their targets, the commissions compared, trends, warnings, workload, employer risk |
//! | GET | `/supervision/cases` | the cases behind one side of a figure (`?sets=&page=` with the dashboard's query) |
//! | GET | `/supervision/export/{table}.csv` | a dashboard table as CSV |
//! | GET | `/calculators`, `/calculators/{name}` | the claim calculators (`?compute=1&…` shows the result) |
//! | GET | `/respond/{token}` | the respondent's link: the case, the defence period, sign in or register |
//! | POST | `/respond/{token}/register`, `/respond/{token}/bind` | an employer account tied to the link's credit code (GET of the first goes back to the link) |
//!
//! Every page answer: `?lang=en|zh` is remembered in the `lang` cookie; errors render the
//! error page; security headers forbid framing, scripts and foreign form targets.

use actix_web::cookie::time::Duration;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Service, ServiceRequest};
use actix_web::middleware::{DefaultHeaders, ErrorHandlers};
use actix_web::web;

use super::i18n::Lang;
use super::page::LANG_COOKIE;
use super::{
    account, approvals, assets, calculators, cases, docket, error, evidence, filing, password, personal,
    premediation, respond, supervision,
};

/// The content security policy of the pages: no scripts at all, styles from here only.
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; \
                   frame-ancestors 'none'; base-uri 'none'";

fn chosen_lang(req: &ServiceRequest) -> Option<Lang> {
    url::form_urlencoded::parse(req.query_string().as_bytes())
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| Lang::parse(&v))
}

fn lang_cookie(lang: Lang) -> Cookie<'static> {
    Cookie::build(LANG_COOKIE, lang.code())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(Duration::days(365))
        .finish()
}

/// Registers every page route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/document.css", web::get().to(assets::document_stylesheet));
    cfg.route("/static/app.css", web::get().to(assets::stylesheet)).service(
        web::scope("")
            .wrap(ErrorHandlers::new().default_handler(error::render_error_page))
            .wrap(
                DefaultHeaders::new()
                    .add(("Content-Security-Policy", CSP))
                    .add(("X-Frame-Options", "DENY"))
                    .add(("X-Content-Type-Options", "nosniff"))
                    .add(("Referrer-Policy", "same-origin")),
            )
            .wrap_fn(|req, srv| {
                let lang = chosen_lang(&req);
                let fut = srv.call(req);
                async move {
                    let mut res = fut.await?;
                    if let Some(lang) = lang {
                        // An unserialisable cookie cannot occur for these fixed values.
                        let _ = res.response_mut().add_cookie(&lang_cookie(lang));
                    }
                    Ok(res)
                }
            })
            .route("/", web::get().to(account::show_home))
            .route("/login", web::get().to(account::show_login))
            .route("/login", web::post().to(account::login))
            .route("/register", web::get().to(account::show_register))
            .route("/register", web::post().to(account::register))
            .route("/logout", web::post().to(account::logout))
            .route("/account/password", web::get().to(password::show_password))
            .route("/account/password", web::post().to(password::change_password))
            .route("/account/data", web::get().to(personal::download))
            .route("/file", web::get().to(filing::show_start))
            .route("/file", web::post().to(filing::start))
            .route("/file/{id}/submit", web::post().to(filing::submit))
            .route("/file/{id}/evidence", web::post().to(filing::upload_evidence))
            .route("/file/{id}", web::get().to(filing::resume))
            .route("/file/{id}/{step}", web::get().to(filing::show_step))
            .route("/file/{id}/{step}", web::post().to(filing::save_step))
            .route("/cases", web::get().to(cases::list_cases))
            .route("/queue", web::get().to(cases::show_queue))
            .route("/queue.csv", web::get().to(cases::export_queue))
            .route("/cases/{id}", web::get().to(cases::show_case))
            .route("/cases/{id}/receipt", web::get().to(cases::show_receipt))
            .route("/cases/{id}/evidence", web::post().to(evidence::upload_evidence))
            .route("/cases/{id}/evidence/{evidence_id}", web::get().to(evidence::download_evidence))
            .route("/cases/{id}/correction", web::post().to(filing::submit_correction))
            .route("/cases/{id}/personal-data", web::post().to(personal::reveal))
            .route("/cases/{id}/elements", web::post().to(cases::save_elements))
            .route("/cases/{id}/group", web::post().to(cases::organise_group))
            .route("/cases/{id}/group/consent", web::post().to(cases::record_consent))
            .route("/cases/{id}/award", web::post().to(cases::make_award))
            .route("/cases/{id}/do/{command}", web::post().to(cases::run_command))
            .route("/cases/{id}/mediation/{form}", web::post().to(cases::run_mediation))
            .route("/documents/{id}", web::get().to(cases::show_document))
            .route("/docket", web::get().to(docket::show_docket))
            .route("/approvals", web::get().to(approvals::show_approvals))
            .route("/supervision", web::get().to(supervision::show_dashboard))
            .route("/supervision/cases", web::get().to(supervision::show_cases))
            .route("/supervision/export/{table}.csv", web::get().to(supervision::export))
            .route("/mediation", web::get().to(premediation::list_mediation))
            .route("/mediation/{id}", web::get().to(premediation::show_mediation))
            .route(
                "/mediation/{id}/documents/{document}",
                web::get().to(premediation::show_mediation_document),
            )
            .route("/mediation/{id}/do/{command}", web::post().to(premediation::run_mediation_command))
            .route("/calculators", web::get().to(calculators::show_index))
            .route("/calculators/{name}", web::get().to(calculators::show_calculator))
            .route("/respond/{token}", web::get().to(respond::show_link))
            .route("/respond/{token}/register", web::get().to(respond::back_to_link))
            .route("/respond/{token}/register", web::post().to(respond::register_through_link))
            .route("/respond/{token}/bind", web::post().to(respond::bind_through_link))
            .default_service(web::to(error::not_found)),
    );
}
