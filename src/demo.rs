//! The demonstration data set (`serve --demo`): staff of several commissions, a worker, and
//! filings in every early state, including a Kunshan-window filing handed over to the Park.
//! Loading is idempotent: a second run adds nothing.

use std::io::Write;

use diesel_async::AsyncPgConnection;

use crate::db::users;
use crate::domain::access::{Actor, Role};
use crate::domain::filing::{ApplicantForm, ClaimForm, EmploymentForm, FilingForm, RespondentForm};
use crate::domain::ids::CommissionCode;
use crate::domain::input::{id_card, uscc};
use crate::service::accounts::{self, Registration};
use crate::service::commands::Expected;
use crate::service::error::ServiceError;
use crate::service::filings::{self, FilingRequest};
use crate::service::review::{self, Decision, ReviewAction};
use crate::startup::AppState;

/// Password of every demonstration account.
pub const DEMO_PASSWORD: &str = "demo-password-2026";

/// The demonstration accounts: (e-mail, name, role, commission).
pub const DEMO_USERS: &[(&str, &str, Role, Option<&str>)] = &[
    ("worker@demo.local", "王小明", Role::Worker, None),
    ("clerk.sip@demo.local", "园区立案员李静", Role::Clerk, Some("SIP")),
    ("clerk.ks@demo.local", "昆山立案员陈刚", Role::Clerk, Some("KS")),
    ("clerk.wz@demo.local", "吴中立案员周敏", Role::Clerk, Some("WZ")),
    ("supervisor.sz@demo.local", "市仲裁院负责人赵华", Role::Supervisor, Some("SZ")),
    ("arbitrator.sip@demo.local", "园区仲裁员孙伟", Role::Arbitrator, Some("SIP")),
    ("admin@demo.local", "系统管理员", Role::Admin, None),
];

/// A valid 18-digit ID number built from a 17-digit body (check digit computed).
pub fn id_number(body17: &str) -> String {
    let digits: Vec<u32> = body17.chars().filter_map(|c| c.to_digit(10)).collect();
    format!("{body17}{}", id_card::check_char(&digits))
}

/// A valid unified social credit code built from a 17-character body.
pub fn credit_code(body17: &str) -> String {
    format!("{body17}{}", uscc::check_char(body17).unwrap_or('0'))
}

/// A complete, valid filing: worker `n` against a Park employer, workplace in `workplace_area`.
pub fn sample_form(n: u32, workplace_area: &str, employer_area: &str) -> FilingForm {
    FilingForm {
        applicants: vec![ApplicantForm {
            name: format!("申请人{n:04}"),
            id_number: id_number(&format!("3205831990{:02}{:02}{:03}", 1 + n % 12, 1 + n % 28, n % 1000)),
            phone: format!("139{:08}", n),
            email: format!("applicant{n}@example.com"),
            address: "江苏省苏州市工业园区星湖街 1 号".into(),
        }],
        respondent: RespondentForm {
            name: "苏州某某电子科技有限公司".into(),
            uscc: credit_code("91320594MA1MABCDE"),
            registered_area: employer_area.into(),
            business_address: "苏州工业园区金鸡湖大道 100 号".into(),
            legal_representative: "张某".into(),
            contact_phone: "0512-66668888".into(),
            employer_kind: "enterprise".into(),
            employer_level: String::new(),
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
    let mut actors = Vec::new();
    for (email, name, role, commission) in DEMO_USERS {
        actors.push(
            ensure_user(&mut conn, email, name, *role, *commission)
                .await
                .map_err(|e| anyhow::anyhow!("{e:?}"))?,
        );
    }
    drop(conn);
    let [worker, clerk_sip, clerk_ks, clerk_wz, ..] = actors.as_slice() else {
        anyhow::bail!("demo users missing")
    };
    if !filings::list_mine(state, worker).await.map_err(|e| anyhow::anyhow!("{e:?}"))?.is_empty() {
        return Ok(());
    }
    let run = async {
        // Online filings by the demo worker: one stays under review, one is accepted, one
        // awaits correction.
        let mut ids = Vec::new();
        for (n, area) in [(1, "320571001"), (2, "320571002"), (3, "320571003")] {
            let mut form = sample_form(n, area, "320571");
            form.applicants[0].email = "worker@demo.local".into();
            let req = FilingRequest { form, intake_venue: None };
            ids.push(filings::file(state, worker, &req, None).await?.into_view().id);
        }
        let none = Decision::default();
        if let Some(id) = ids.get(1) {
            review::decide(state, clerk_sip, *id, ReviewAction::Accept, &none, Expected::Any).await?;
        }
        if let Some(id) = ids.get(2) {
            let d = Decision {
                codes: vec!["evidence_list".into()],
                reason: "请补充证据清单及工资流水".into(),
                ..Decision::default()
            };
            review::decide(state, clerk_sip, *id, ReviewAction::RequestCorrection, &d, Expected::Any).await?;
        }
        // Paper filings at the Kunshan window: one worker works in the Park (handed over),
        // others in Kunshan.
        let req = FilingRequest {
            form: sample_form(10, "320571004", "320571"),
            intake_venue: Some("KS-HQ".into()),
        };
        filings::file(state, clerk_ks, &req, None).await?;
        for n in 11..=14 {
            let req = FilingRequest { form: sample_form(n, "320583105", "320583"), intake_venue: None };
            filings::file(state, clerk_ks, &req, None).await?;
        }
        // Wuzhong: one rejected, one accepted.
        let a = FilingRequest { form: sample_form(20, "320506002", "320506"), intake_venue: None };
        let b = FilingRequest { form: sample_form(21, "320506003", "320506"), intake_venue: None };
        for (req, action) in [(a, ReviewAction::Reject), (b, ReviewAction::Accept)] {
            let id = filings::file(state, clerk_wz, &req, None).await?.into_view().id;
            let d = Decision {
                codes: vec!["out_of_scope".into()],
                reason: "属劳务关系争议".into(),
                ..Decision::default()
            };
            review::decide(state, clerk_wz, id, action, &d, Expected::Any).await?;
        }
        Ok::<(), ServiceError>(())
    };
    run.await.map_err(|e| anyhow::anyhow!("loading demo data: {e:?}"))?;
    let mut out = std::io::stderr().lock();
    writeln!(out, "Demo data loaded. Accounts (password {DEMO_PASSWORD}):")?;
    for (email, name, role, commission) in DEMO_USERS {
        writeln!(
            out,
            "  {email:<28} {name} ({}{})",
            role.as_str(),
            commission.map(|c| format!(", {c}")).unwrap_or_default()
        )?;
    }
    Ok(())
}
