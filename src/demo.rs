//! The demonstration data set (`serve --demo`): staff of several commissions, a worker, the
//! respondent employer, and cases at every stage — under review, awaiting correction, handed
//! over from the Kunshan window, rejected, accepted and served with a defence in, suspended and
//! resumed, a suspension and an extension awaiting the head, withdrawn. The cases are the
//! scenario config/demo/cases.toml, driven through the commands by the scenario runner and
//! brought up to the present week. Loading is idempotent: a second run adds nothing.

pub mod generate;
pub mod year;

use std::io::Write;

use anyhow::Context;
use chrono::Datelike;

use diesel_async::AsyncPgConnection;

use crate::db::users;
use crate::domain::access::{Actor, Role};
use crate::domain::filing::{ApplicantForm, ClaimForm, EmploymentForm, FilingForm, RespondentForm};
use crate::domain::ids::CommissionCode;
use crate::domain::input::{id_card, uscc};
use crate::scenario::{self, Accounts, Scenario};
use crate::service::accounts::{self, Registration};
use crate::service::error::ServiceError;
use crate::service::filings;
use crate::startup::AppState;

/// Disputes of the synthetic year `serve --demo` starts with (Suzhou receives about 50,000 a
/// year; `arbitration demo --cases 50000` generates a full one).
pub const DEMO_YEAR_CASES: u32 = 2_000;

/// Password of every demonstration account.
pub const DEMO_PASSWORD: &str = "demo-password-2026";

/// The demonstration accounts: (scenario alias, e-mail, name, role, commission).
pub const DEMO_USERS: &[(&str, &str, &str, Role, Option<&str>)] = &[
    ("worker", "worker@demo.local", "王小明", Role::Worker, None),
    ("clerk:SIP", "clerk.sip@demo.local", "园区立案员李静", Role::Clerk, Some("SIP")),
    ("clerk:KS", "clerk.ks@demo.local", "昆山立案员陈刚", Role::Clerk, Some("KS")),
    ("clerk:WZ", "clerk.wz@demo.local", "吴中立案员周敏", Role::Clerk, Some("WZ")),
    ("supervisor:SZ", "supervisor.sz@demo.local", "市仲裁院负责人赵华", Role::Supervisor, Some("SZ")),
    ("supervisor:SIP", "supervisor.sip@demo.local", "园区仲裁委负责人吴芳", Role::Supervisor, Some("SIP")),
    ("arbitrator:SIP", "arbitrator.sip@demo.local", "园区仲裁员孙伟", Role::Arbitrator, Some("SIP")),
    ("respondent", "employer@demo.local", "苏州某某电子科技有限公司人事部", Role::Employer, None),
    ("admin", "admin@demo.local", "系统管理员", Role::Admin, None),
];

/// The demonstration cases: a scenario (docs/scenarios.md).
const DEMO_CASES: &str = include_str!("../config/demo/cases.toml");

/// The credit code of the employer every sample filing names.
pub fn sample_employer_uscc() -> String {
    credit_code("91320594MA1MABCDE")
}

/// A valid 18-digit ID number built from a 17-digit body (check digit computed).
pub fn id_number(body17: &str) -> String {
    let digits: Vec<u32> = body17.chars().filter_map(|c| c.to_digit(10)).collect();
    format!("{body17}{}", id_card::check_char(&digits))
}

/// A valid unified social credit code built from a 17-character body.
pub fn credit_code(body17: &str) -> String {
    format!("{body17}{}", uscc::check_char(body17).unwrap_or('0'))
}

/// Sample worker `n`: name, a valid ID number, phone, e-mail and address.
pub fn sample_applicant(n: u32) -> ApplicantForm {
    ApplicantForm {
        name: format!("申请人{n:04}"),
        id_number: id_number(&format!("3205831990{:02}{:02}{:03}", 1 + n % 12, 1 + n % 28, n % 1000)),
        phone: format!("139{:08}", n),
        email: format!("applicant{n}@example.com"),
        address: "江苏省苏州市工业园区星湖街 1 号".into(),
    }
}

/// A collective filing (DOMAIN §4): `workers` sample workers from `n` on, each claiming the
/// sample's wages (13,600) and compensation (20,400), so the claim items carry the totals.
pub fn collective_form(n: u32, workplace_area: &str, employer_area: &str, workers: u32) -> FilingForm {
    let mut form = sample_form(n, workplace_area, employer_area);
    form.applicants = (n..n + workers).map(sample_applicant).collect();
    for claim in &mut form.claims {
        let each: i64 = claim.amount.parse().unwrap_or(0);
        claim.amount = (each * i64::from(workers)).to_string();
    }
    form.facts = format!(
        "申请人等{workers}名劳动者均在被申请人处任装配工。被申请人拖欠全体劳动者两个月工资，并以经营困难为由解除劳动合同，未支付经济补偿。"
    );
    form
}

/// A complete, valid filing: worker `n` against a Park employer, workplace in `workplace_area`.
pub fn sample_form(n: u32, workplace_area: &str, employer_area: &str) -> FilingForm {
    FilingForm {
        applicants: vec![sample_applicant(n)],
        respondent: RespondentForm {
            name: "苏州某某电子科技有限公司".into(),
            uscc: sample_employer_uscc(),
            registered_area: employer_area.into(),
            business_address: "苏州工业园区金鸡湖大道 100 号".into(),
            legal_representative: "张某".into(),
            contact_phone: "0512-66668888".into(),
            email: String::new(),
            employer_kind: "enterprise".into(),
            employer_level: String::new(),
            industry: "C".into(),
        },
        employment: EmploymentForm {
            start_date: "2023-03-01".into(),
            end_date: "2026-01-31".into(),
            workplace_kind: String::new(),
            workplace_area: workplace_area.into(),
            workplace_region: String::new(),
            workplace_address: "园区星湖街 328 号".into(),
            post: "装配工".into(),
            monthly_wage: "6800".into(),
        },
        claims: vec![
            ClaimForm {
                claim_type: "wage_arrears".into(),
                amount: "13600".into(),
                period_from: "2025-12-01".into(),
                period_to: "2026-01-31".into(),
                description: "2025年12月至2026年1月工资未发".into(),
            },
            ClaimForm {
                claim_type: "economic_compensation".into(),
                amount: "20400".into(),
                period_from: String::new(),
                period_to: String::new(),
                description: "公司以经营困难为由解除劳动合同，未支付经济补偿".into(),
            },
        ],
        facts: "申请人于2023年3月入职被申请人处任装配工，月工资6800元。2026年1月31日被申请人口头通知解除劳动合同，拖欠两个月工资，未支付经济补偿。".into(),
        applicant_choice: String::new(),
    }
}

async fn ensure_user(
    conn: &mut AsyncPgConnection,
    email: &str,
    name: &str,
    role: Role,
    commission: Option<&str>,
) -> Result<Actor, ServiceError> {
    if let Some(u) = users::find_by_email(conn, email).await? {
        return Ok(u.actor());
    }
    let reg = Registration {
        email: email.into(),
        password: DEMO_PASSWORD.into(),
        display_name: name.into(),
        phone: String::new(),
    };
    let id = accounts::create_user(conn, &reg, role, commission).await?;
    Ok(Actor {
        id,
        role,
        commission: commission.and_then(|c| CommissionCode::parse(c).ok()),
        name: name.to_owned(),
    })
}

/// Loads the demonstration data set into the running application's database.
pub async fn load(state: &AppState) -> anyhow::Result<()> {
    let mut conn = state.pool.get().await?;
    let mut people = Accounts::default();
    let mut worker = None;
    for (alias, email, name, role, commission) in DEMO_USERS {
        let actor = ensure_user(&mut conn, email, name, *role, *commission)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        if *role == Role::Employer {
            users::set_uscc(&mut conn, actor.id, &sample_employer_uscc()).await?;
        }
        if *role == Role::Worker {
            worker = Some(actor.clone());
        }
        people.know(alias, actor);
    }
    drop(conn);
    let worker = worker.context("the demonstration worker is missing")?;
    if filings::list_mine(state, &worker).await.map_err(|e| anyhow::anyhow!("{e:?}"))?.is_empty() {
        let cases = Scenario::parse(DEMO_CASES)?.brought_up_to(state.clock.now().fixed_offset());
        let lines = scenario::run_as(state, &cases, people, |_| {}).await?;
        if let Some(refused) = lines.iter().find(|l| !l.ok) {
            anyhow::bail!(
                "loading demo data: step {} was refused: {:?} {:?}",
                refused.step,
                refused.code,
                refused.reasons
            );
        }
    }
    // A year of the city at once, for the supervisors' dashboard (a sample of the real volume).
    let mut conn = state.pool.get().await?;
    let counted = crate::db::metrics::count_cases(&mut conn).await?;
    drop(conn);
    let wanted = state.settings.application.demo_year_cases;
    if wanted > 0 && counted < wanted / 2 {
        let spec = year::YearSpec { cases: wanted, year: state.clock.today().year(), seed: 2020 };
        let done = generate::generate(state, spec, 8, true).await?;
        tracing::info!(
            disputes = done.disputes,
            refused = done.refused,
            "demo year generated in {:.1} s",
            done.seconds
        );
    }
    let mut out = std::io::stderr().lock();
    writeln!(out, "Demo data loaded. Accounts (password {DEMO_PASSWORD}):")?;
    for (_, email, name, role, commission) in DEMO_USERS {
        writeln!(
            out,
            "  {email:<28} {name} ({}{})",
            role.as_str(),
            commission.map(|c| format!(", {c}")).unwrap_or_default()
        )?;
    }
    Ok(())
}
