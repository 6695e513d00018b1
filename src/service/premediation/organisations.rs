//! The mediation organisations and their mediators: listed for every signed-in user (a
//! directory of where to mediate), managed by administrators.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db;
use crate::db::premediation::OrganisationRow;
use crate::domain::access::{Actor, Role};
use crate::domain::premediation::{
    OrganisationCode, OrganisationForm, OrganisationKind, can_manage_organisations,
};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Filters of `GET /api/v1/mediation-organisations`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
pub struct OrganisationQuery {
    /// A commission code; default: every commission.
    pub commission: Option<String>,
}

/// A mediator as listed with an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct MediatorView {
    /// The account.
    pub user_id: Uuid,
    /// Name.
    pub name: String,
}

/// A mediation organisation as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct OrganisationView {
    /// Stable code.
    #[schema(value_type = String)]
    pub code: OrganisationCode,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Kind.
    pub kind: OrganisationKind,
    /// The kind in Chinese.
    pub kind_zh: &'static str,
    /// The kind in English.
    pub kind_en: &'static str,
    /// The commission it sits in.
    pub commission: String,
    /// The commission's Chinese name.
    pub commission_name_zh: String,
    /// The area it sits in.
    pub area: Option<String>,
    /// The area's Chinese name.
    pub area_name_zh: Option<String>,
    /// Whether it takes new cases.
    pub active: bool,
    /// Its mediators.
    pub mediators: Vec<MediatorView>,
}

/// Body of `POST …/mediators`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MediatorForm {
    /// The account of a mediator of the organisation's commission.
    pub user_id: Uuid,
}

/// The view of a stored organisation with its mediators.
fn view_of(
    state: &AppState,
    row: &OrganisationRow,
    mediators: Vec<MediatorView>,
) -> Result<OrganisationView, ServiceError> {
    let malformed = || ServiceError::Unexpected(anyhow::anyhow!("organisation {} is malformed", row.code));
    let kind = OrganisationKind::parse(&row.kind).ok_or_else(malformed)?;
    Ok(OrganisationView {
        code: OrganisationCode::parse(&row.code).map_err(|_| malformed())?,
        name_zh: row.name_zh.clone(),
        name_en: row.name_en.clone(),
        kind,
        kind_zh: kind.label_zh(),
        kind_en: kind.label_en(),
        commission: row.commission_code.clone(),
        commission_name_zh: state
            .network
            .commission(&row.commission_code)
            .map(|c| c.name_zh.clone())
            .unwrap_or_default(),
        area: row.area_code.clone(),
        area_name_zh: row.area_code.as_deref().and_then(|a| state.network.area(a)).map(|a| a.name_zh.clone()),
        active: row.active,
        mediators,
    })
}

/// One organisation with its mediators, or 404.
pub async fn view(
    conn: &mut diesel_async::AsyncPgConnection,
    state: &AppState,
    code: &str,
) -> Result<OrganisationView, ServiceError> {
    let row = db::premediation::find_organisation(conn, code).await?.ok_or(ServiceError::NotFound)?;
    let mediators = db::premediation::list_mediators(conn, code)
        .await?
        .into_iter()
        .map(|m| MediatorView { user_id: m.user_id, name: m.display_name })
        .collect();
    view_of(state, &row, mediators)
}

/// The organisations, of one commission or all (every signed-in user).
pub async fn list(
    state: &AppState,
    query: &OrganisationQuery,
) -> Result<Vec<OrganisationView>, ServiceError> {
    let mut conn = state.pool.get().await?;
    let rows = db::premediation::list_organisations(&mut conn, query.commission.as_deref()).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        out.push(view(&mut conn, state, &row.code).await?);
    }
    Ok(out)
}

/// One organisation.
pub async fn get(state: &AppState, code: &OrganisationCode) -> Result<OrganisationView, ServiceError> {
    let mut conn = state.pool.get().await?;
    view(&mut conn, state, code.as_str()).await
}

fn admin(actor: &Actor) -> Result<(), ServiceError> {
    if can_manage_organisations(actor) { Ok(()) } else { Err(ServiceError::Forbidden) }
}

/// Adds an organisation (administrators).
pub async fn create(
    state: &AppState,
    actor: &Actor,
    form: &OrganisationForm,
) -> Result<OrganisationView, ServiceError> {
    admin(actor)?;
    let org = form.parse(&state.network)?;
    let mut conn = state.pool.get().await?;
    match db::premediation::insert_organisation(&mut conn, &org).await {
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => {
            return Err(ServiceError::conflict(
                "mediation_organisation.code_taken",
                format!("调解组织编号 {} 已被使用", org.code),
                format!("The organisation code {} is taken", org.code),
            ));
        }
        other => other?,
    }
    tracing::info!(organisation.code = %org.code, admin.id = %actor.id, "mediation organisation {} added", org.code);
    view(&mut conn, state, org.code.as_str()).await
}

/// Closes or reopens an organisation for new cases (administrators); its cases go on.
pub async fn set_active(
    state: &AppState,
    actor: &Actor,
    code: &OrganisationCode,
    active: bool,
) -> Result<OrganisationView, ServiceError> {
    admin(actor)?;
    let mut conn = state.pool.get().await?;
    db::premediation::find_organisation(&mut conn, code.as_str()).await?.ok_or(ServiceError::NotFound)?;
    db::premediation::set_active(&mut conn, code.as_str(), active).await?;
    tracing::info!(organisation.code = %code, active, "mediation organisation {code} active = {active}");
    view(&mut conn, state, code.as_str()).await
}

/// Names a mediator of the organisation (administrators): an active account of the mediator
/// role acting for the organisation's commission.
pub async fn add_mediator(
    state: &AppState,
    actor: &Actor,
    code: &OrganisationCode,
    form: &MediatorForm,
) -> Result<OrganisationView, ServiceError> {
    admin(actor)?;
    let mut conn = state.pool.get().await?;
    let org =
        db::premediation::find_organisation(&mut conn, code.as_str()).await?.ok_or(ServiceError::NotFound)?;
    let user = db::users::find(&mut conn, form.user_id).await?.filter(|u| u.disabled_at.is_none());
    let Some(user) = user else {
        return Err(ServiceError::field(
            "user_id",
            "mediation_organisation.mediator_unknown",
            "该账号不存在或已停用",
            "No such active account",
        ));
    };
    if Role::from(user.role) != Role::Mediator {
        return Err(ServiceError::field(
            "user_id",
            "mediation_organisation.not_a_mediator",
            "只有调解员账号可以担任调解组织的调解员",
            "Only an account of the mediator role can mediate for an organisation",
        ));
    }
    if user.commission_code.as_deref() != Some(org.commission_code.as_str()) {
        return Err(ServiceError::field(
            "user_id",
            "mediation_organisation.mediator_other_commission",
            "该调解员不属于本调解组织所在的仲裁委员会辖区",
            "The mediator acts for another commission than the organisation's",
        ));
    }
    if !db::premediation::add_mediator(&mut conn, code.as_str(), user.id).await? {
        return Err(ServiceError::conflict(
            "mediation_organisation.already_mediator",
            "该调解员已在本调解组织",
            "The mediator already mediates for this organisation",
        ));
    }
    tracing::info!(organisation.code = %code, user.id = %user.id, "mediator added to {code}");
    view(&mut conn, state, code.as_str()).await
}

/// Removes a mediator from the organisation (administrators); the sessions they held stay.
pub async fn remove_mediator(
    state: &AppState,
    actor: &Actor,
    code: &OrganisationCode,
    user: Uuid,
) -> Result<OrganisationView, ServiceError> {
    admin(actor)?;
    let mut conn = state.pool.get().await?;
    if !db::premediation::remove_mediator(&mut conn, code.as_str(), user).await? {
        return Err(ServiceError::NotFound);
    }
    view(&mut conn, state, code.as_str()).await
}
