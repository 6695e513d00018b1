//! What the respondent's link shows: the case as served on the respondent (number, applicants,
//! claims, the documents addressed to it with their service) and the defence period with its
//! legal basis.

use chrono::{DateTime, NaiveDate, Utc};
use diesel_async::AsyncPgConnection;
use serde::Serialize;
use uuid::Uuid;

use crate::auth::respondent_link::LinkClaims;
use crate::clock::local_date;
use crate::db::cases::CaseRow;
use crate::domain::case::status::CaseStatus;
use crate::domain::deadline::{PeriodCode, PeriodUnit};
use crate::domain::document::{Addressee, DocumentKind};
use crate::domain::filing::{ClaimType, FilingForm};
use crate::domain::input::money::Money;
use crate::service::case_file::{self, ServiceView};
use crate::service::cases::transition;
use crate::service::cases::view::{CommissionRef, clock_view};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// One claim of the applicant.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClaimItem {
    /// The claim type's name.
    pub label_zh: String,
    /// The claim type's name.
    pub label_en: String,
    /// Amount claimed in yuan, when the claim is for money.
    pub amount_yuan: Option<String>,
    /// What is claimed, in the applicant's words.
    pub description: String,
}

/// A document addressed to the respondent (or to every party), with its service.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ServedDocument {
    /// Kind.
    #[schema(value_type = String)]
    pub kind: DocumentKind,
    /// Title.
    pub title_zh: String,
    /// Title.
    pub title_en: String,
    /// Document number.
    pub number: String,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// How and when it was served on the respondent.
    pub service: Vec<ServiceView>,
}

/// The defence period (答辩期): its rule, and its dates once the application copy is served.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DefenceView {
    /// Length.
    pub days: u32,
    /// `working_days` or `natural_days`.
    pub unit: String,
    /// What it runs from.
    pub starts_zh: String,
    /// What it runs from.
    pub starts_en: String,
    /// Legal basis.
    pub basis_zh: String,
    /// Legal basis.
    pub basis_en: String,
    /// The day it runs from (not counted), once the copy is served.
    pub start: Option<NaiveDate>,
    /// Its last day, once the copy is served.
    pub due: Option<NaiveDate>,
    /// Working days left today (negative when over); none until served or once met.
    pub working_days_left: Option<i64>,
    /// The day the defence was filed.
    pub met_on: Option<NaiveDate>,
}

/// The case as the respondent's link shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RespondSummary {
    /// Case id.
    pub case_id: Uuid,
    /// Official case number.
    pub case_number: Option<String>,
    /// Status code.
    pub status: String,
    /// Status label.
    pub status_zh: String,
    /// Status label.
    pub status_en: String,
    /// The commission handling the case.
    pub commission: Option<CommissionRef>,
    /// The applicants' names.
    pub applicants: Vec<String>,
    /// The respondent's name.
    pub respondent_name: String,
    /// The respondent's unified social credit code, as the link names it.
    pub uscc: String,
    /// The applicant's claims.
    pub claims: Vec<ClaimItem>,
    /// Total claimed, in yuan.
    pub claim_total: String,
    /// The documents addressed to the respondent or to every party, oldest first.
    pub documents: Vec<ServedDocument>,
    /// The defence period.
    pub defence: DefenceView,
    /// When the link stops working.
    pub link_expires_at: DateTime<Utc>,
    /// The last day (China time) the link works.
    pub link_expires_on: NaiveDate,
}

fn claims(form: &FilingForm) -> Vec<ClaimItem> {
    form.claims
        .iter()
        .map(|c| {
            let kind = ClaimType::parse(&c.claim_type);
            ClaimItem {
                label_zh: kind.map_or_else(|| c.claim_type.clone(), |k| k.name_zh().to_owned()),
                label_en: kind.map_or_else(|| c.claim_type.clone(), |k| k.name_en().to_owned()),
                amount_yuan: Money::parse_yuan(&c.amount).ok().map(Money::yuan_string),
                description: c.description.trim().to_owned(),
            }
        })
        .collect()
}

/// Builds the summary of a case for the link whose claims verified.
pub(super) async fn build(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    row: &CaseRow,
    link: &LinkClaims,
) -> Result<RespondSummary, ServiceError> {
    let form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
    let log = transition::load_events(conn, row.id).await?;
    let clocks = transition::clocks_of(state, &transition::events_of(&log));
    let today = local_date(state.clock.now());
    let rule = state.periods.get(PeriodCode::Defence);
    let running = clocks.get(PeriodCode::Defence).map(|c| clock_view(state, c, today));
    let defence = DefenceView {
        days: rule.period.days,
        unit: match rule.period.unit {
            PeriodUnit::WorkingDays => "working_days".into(),
            PeriodUnit::NaturalDays => "natural_days".into(),
        },
        starts_zh: rule.starts_zh.clone(),
        starts_en: rule.starts_en.clone(),
        basis_zh: rule.basis_zh.clone(),
        basis_en: rule.basis_en.clone(),
        start: running.as_ref().map(|c| c.start),
        due: running.as_ref().map(|c| c.due),
        working_days_left: running.as_ref().and_then(|c| c.working_days_left),
        met_on: running.as_ref().and_then(|c| c.met_on),
    };
    let documents = case_file::items(conn, row.id)
        .await?
        .into_iter()
        .filter(|d| matches!(d.kind.addressee(), Addressee::Respondent | Addressee::Parties))
        .map(|d| ServedDocument {
            kind: d.kind,
            title_zh: d.title_zh,
            title_en: d.title_en,
            number: d.number,
            issued_on: d.issued_on,
            service: d
                .service
                .into_iter()
                .filter(|s| s.side == crate::domain::case::party::Side::Respondent)
                .collect(),
        })
        .collect();
    let status: CaseStatus = row.status.into();
    let commission = row.commission_code.as_deref().and_then(|c| state.network.commission(c)).map(|c| {
        CommissionRef { code: c.code.clone(), name_zh: c.name_zh.clone(), name_en: c.name_en.clone() }
    });
    Ok(RespondSummary {
        case_id: row.id,
        case_number: row.case_number.clone(),
        status: status.as_str().to_owned(),
        status_zh: status.label_zh().to_owned(),
        status_en: status.label_en().to_owned(),
        commission,
        applicants: form.applicants.iter().map(|a| a.name.trim().to_owned()).collect(),
        respondent_name: row.respondent_name.clone(),
        uscc: link.uscc.as_str().to_owned(),
        claims: claims(&form),
        claim_total: Money::from_fen(row.claim_total_fen).map(|m| m.yuan_string()).unwrap_or_default(),
        documents,
        defence,
        link_expires_at: link.expires_at(),
        link_expires_on: local_date(link.expires_at()),
    })
}
