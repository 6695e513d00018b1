//! The arbitrators' roster (仲裁员名册) and the checks a seat on a tribunal needs: the person is
//! an active arbitrator serving the case's commission, and what they declared does not conflict
//! with the parties — or the conflict is on record with the reason to go ahead.

use chrono::NaiveDate;
use diesel_async::AsyncPgConnection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db::cases::CaseRow;
use crate::db::roster::{self, ProfileRow};
use crate::db::users;
use crate::domain::access::{Actor, Role};
use crate::domain::filing::FilingForm;
use crate::domain::input::{FieldError, InputError};
use crate::domain::tribunal::{Conflict, Declared, Interest, PartyIdentity, conflicts};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Full-time or part-time (专职、兼职, 法 第十九条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Employment {
    /// 专职.
    FullTime,
    /// 兼职.
    PartTime,
}

/// Where a part-time arbitrator comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Affiliation {
    /// A practising lawyer.
    Lawyer,
    /// A legal scholar or teacher.
    Scholar,
    /// A trade union.
    Union,
    /// An employers' organisation.
    EmployerOrganisation,
    /// Elsewhere.
    Other,
}

/// The ground of 法 第二十条 an arbitrator qualifies under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualification {
    /// 曾任审判员.
    FormerJudge,
    /// 从事法律研究、教学工作并具有中级以上职称.
    LegalResearch,
    /// 具有法律知识、从事人力资源管理或者工会等专业工作满五年.
    HrOrUnion,
    /// 律师执业满三年.
    Lawyer,
}

fn code<T: Serialize>(value: T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

fn parse<T: for<'de> Deserialize<'de>>(raw: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(raw.to_owned())).ok()
}

/// A roster profile as the API reads and writes it.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Full-time or part-time.
    pub employment: Employment,
    /// Where a part-time arbitrator comes from (required for part-time, none for full-time).
    #[serde(default)]
    pub affiliation: Option<Affiliation>,
    /// The ground of 法 第二十条.
    pub qualification: Qualification,
    /// First day on the roster.
    pub active_from: NaiveDate,
    /// Last day on the roster.
    #[serde(default)]
    pub active_until: Option<NaiveDate>,
    /// Commissions served besides the account's own.
    #[serde(default)]
    pub commissions: Vec<String>,
}

/// One arbitrator of the roster.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct RosterEntry {
    /// The account.
    pub id: Uuid,
    /// The name.
    pub name: String,
    /// The account's commission.
    pub commission: Option<String>,
    /// The profile, when one is kept (otherwise a full-time arbitrator of their commission).
    pub profile: Option<Profile>,
    /// The interests declared and in force.
    pub interests: Vec<DeclaredInterest>,
}

/// A declared interest with its id.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DeclaredInterest {
    /// Id (to withdraw it).
    pub id: i64,
    /// What was declared.
    #[serde(flatten)]
    pub interest: Interest,
}

fn profile_of(row: &ProfileRow) -> Option<Profile> {
    Some(Profile {
        employment: parse(&row.employment)?,
        affiliation: row.affiliation.as_deref().and_then(parse),
        qualification: parse(&row.qualification)?,
        active_from: row.active_from,
        active_until: row.active_until,
        commissions: row.commissions.clone(),
    })
}

fn staff_commission(actor: &Actor) -> Result<Option<&str>, ServiceError> {
    match actor.role {
        Role::Admin => Ok(None),
        Role::Clerk | Role::Arbitrator | Role::Supervisor | Role::Mediator => {
            actor.commission.as_ref().map(|c| Some(c.as_str())).ok_or(ServiceError::Forbidden)
        }
        Role::Worker | Role::Employer => Err(ServiceError::Forbidden),
    }
}

/// The roster of a commission (staff see their own; an administrator names one).
pub async fn list(
    state: &AppState,
    actor: &Actor,
    commission: Option<&str>,
) -> Result<Vec<RosterEntry>, ServiceError> {
    let own = staff_commission(actor)?;
    let commission = own.or(commission).ok_or_else(|| {
        ServiceError::field("commission", "commission.required", "请指定仲裁委", "Name the commission")
    })?;
    let mut conn = state.pool.get().await?;
    let people = roster::arbitrators_serving(&mut conn, commission).await?;
    let ids: Vec<Uuid> = people.iter().map(|p| p.0).collect();
    let profiles = roster::profiles(&mut conn, &ids).await?;
    let interests = roster::interests(&mut conn, &ids).await?;
    Ok(people
        .into_iter()
        .map(|(id, name, commission)| RosterEntry {
            id,
            name,
            commission,
            profile: profiles.iter().find(|p| p.user_id == id).and_then(profile_of),
            interests: interests
                .iter()
                .filter(|i| i.user_id == id)
                .map(|i| DeclaredInterest { id: i.id, interest: i.interest() })
                .collect(),
        })
        .collect())
}

/// Sets an arbitrator's profile (administrators).
pub async fn set_profile(state: &AppState, actor: &Actor, id: Uuid, p: &Profile) -> Result<(), ServiceError> {
    if actor.role != Role::Admin {
        return Err(ServiceError::Forbidden);
    }
    let mut errors = InputError::default();
    match (p.employment, p.affiliation) {
        (Employment::PartTime, None) => errors.push(FieldError::new(
            "affiliation",
            "roster.affiliation_required",
            "兼职仲裁员须注明来源（律师、学者、工会、用人单位组织等）",
            "A part-time arbitrator's affiliation is required",
        )),
        (Employment::FullTime, Some(_)) => errors.push(FieldError::new(
            "affiliation",
            "roster.affiliation_full_time",
            "专职仲裁员无需填写兼职来源",
            "A full-time arbitrator has no part-time affiliation",
        )),
        (Employment::PartTime, Some(_)) | (Employment::FullTime, None) => {}
    }
    if p.active_until.is_some_and(|u| u < p.active_from) {
        errors.push(FieldError::new(
            "active_until",
            "roster.period_reversed",
            "聘任截止日期不能早于起始日期",
            "The end of the appointment is before its start",
        ));
    }
    for (i, c) in p.commissions.iter().enumerate() {
        if !state.network.is_commission(c) {
            errors.push(FieldError::new(
                format!("commissions[{i}]"),
                "commission.unknown",
                "未知的仲裁委",
                "Unknown commission",
            ));
        }
    }
    errors.into_result().map_err(ServiceError::Input)?;
    let mut conn = state.pool.get().await?;
    let user = users::find(&mut conn, id).await?.ok_or(ServiceError::NotFound)?;
    if Role::from(user.role) != Role::Arbitrator {
        return Err(ServiceError::NotFound);
    }
    let row = ProfileRow {
        user_id: id,
        employment: code(p.employment),
        affiliation: p.affiliation.map(code),
        qualification: code(p.qualification),
        active_from: p.active_from,
        active_until: p.active_until,
        commissions: p.commissions.clone(),
        updated_at: state.clock.now(),
    };
    roster::upsert_profile(&mut conn, &row).await?;
    Ok(())
}

/// Declares an interest of an arbitrator (administrators, or the arbitrator themself).
pub async fn declare(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    interest: &Interest,
) -> Result<i64, ServiceError> {
    if actor.role != Role::Admin && !(actor.role == Role::Arbitrator && actor.id == id) {
        return Err(ServiceError::Forbidden);
    }
    if interest.name.trim().is_empty() {
        return Err(ServiceError::field("name", "interest.name_blank", "请填写名称或姓名", "Give the name"));
    }
    let mut conn = state.pool.get().await?;
    let user = users::find(&mut conn, id).await?.ok_or(ServiceError::NotFound)?;
    if Role::from(user.role) != Role::Arbitrator {
        return Err(ServiceError::NotFound);
    }
    Ok(roster::declare(&mut conn, id, interest).await?)
}

/// Withdraws a declared interest (administrators, or the arbitrator themself).
pub async fn withdraw(state: &AppState, actor: &Actor, id: Uuid, interest: i64) -> Result<(), ServiceError> {
    if actor.role != Role::Admin && !(actor.role == Role::Arbitrator && actor.id == id) {
        return Err(ServiceError::Forbidden);
    }
    let mut conn = state.pool.get().await?;
    if roster::withdraw(&mut conn, id, interest, state.clock.now()).await? {
        Ok(())
    } else {
        Err(ServiceError::NotFound)
    }
}

/// Checks the people named for seats on a case's tribunal and returns their names (in order)
/// and their conflicts with the parties. `field` names the body field in an error.
pub async fn check_seats(
    conn: &mut AsyncPgConnection,
    row: &CaseRow,
    seats: &[(Uuid, &str)],
    today: NaiveDate,
) -> Result<(Vec<String>, Vec<Conflict>), ServiceError> {
    let ids: Vec<Uuid> = seats.iter().map(|s| s.0).collect();
    let profiles = roster::profiles(conn, &ids).await?;
    let mut names = Vec::with_capacity(seats.len());
    for (id, field) in seats {
        let user = users::find(conn, *id).await?;
        let profile = profiles.iter().find(|p| p.user_id == *id);
        let serves = |u: &users::UserRow| {
            u.commission_code == row.commission_code
                || profile.is_some_and(|p| p.serves(row.commission_code.as_deref()))
        };
        let active =
            profile.is_none_or(|p| p.active_from <= today && p.active_until.is_none_or(|u| today <= u));
        match user {
            Some(u)
                if Role::from(u.role) == Role::Arbitrator
                    && u.disabled_at.is_none()
                    && serves(&u)
                    && active =>
            {
                names.push(u.display_name);
            }
            Some(_) | None => {
                return Err(ServiceError::field(
                    field,
                    "tribunal.not_on_roster",
                    "所选人员不是本仲裁委名册内、在聘任期内的仲裁员",
                    "The person chosen is not an arbitrator on this commission's roster within their appointment",
                ));
            }
        }
    }
    let interests = roster::interests(conn, &ids).await?;
    let declared: Vec<(Uuid, Vec<Interest>)> = ids
        .iter()
        .map(|id| (*id, interests.iter().filter(|i| i.user_id == *id).map(|i| i.interest()).collect()))
        .collect();
    let declared: Vec<Declared<'_>> = declared
        .iter()
        .zip(&names)
        .map(|((id, list), name)| Declared { arbitrator: *id, name, interests: list })
        .collect();
    let mut parties = roster::party_identities(conn, row.id).await?;
    let form: FilingForm = serde_json::from_value(row.filing.clone()).unwrap_or_default();
    let representative = form.respondent.legal_representative.trim();
    if !representative.is_empty() {
        parties.push(PartyIdentity {
            role: "被申请人法定代表人".into(),
            name: representative.to_owned(),
            id_number: None,
            credit_code: None,
        });
    }
    let found = conflicts(&declared, &parties);
    Ok((names, found))
}
