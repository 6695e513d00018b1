//! The rooms of the commissions: listed for their staff, managed by administrators.

use serde::{Deserialize, Serialize};

use crate::db;
use crate::db::rooms::RoomListing;
use crate::domain::access::{Access, Actor, ResourceAction, can_on_resources};
use crate::domain::scheduling::{RoomCode, RoomForm, RoomKind};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Filters of `GET /api/v1/rooms`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
pub struct RoomQuery {
    /// A commission code; default: the caller's own (everyone's for those who oversee the city).
    pub commission: Option<String>,
    /// A venue code.
    pub venue: Option<String>,
    /// Only open (`true`) or only closed (`false`) rooms; default both.
    pub active: Option<bool>,
}

/// A room as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct RoomView {
    /// Stable code.
    #[schema(value_type = String, example = "SIP-MAIN-H1")]
    pub code: RoomCode,
    /// Code of the venue it is in.
    pub venue: String,
    /// The venue's Chinese name.
    pub venue_name_zh: String,
    /// Code of the commission the venue belongs to.
    pub commission: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Hearing, mediation or online room.
    pub kind: RoomKind,
    /// The kind in Chinese.
    pub kind_zh: &'static str,
    /// The kind in English.
    pub kind_en: &'static str,
    /// Seats.
    pub capacity: u16,
    /// Whether hearings may be booked in it.
    pub active: bool,
}

impl RoomView {
    /// The view of a stored room; `None` only if a row escaped the table's checks.
    pub fn of(listing: &RoomListing) -> Option<RoomView> {
        let room = listing.room.room()?;
        Some(RoomView {
            code: room.code,
            venue: room.venue,
            venue_name_zh: listing.venue_name_zh.clone(),
            commission: listing.commission_code.clone(),
            name_zh: room.name_zh,
            name_en: room.name_en,
            kind: room.kind,
            kind_zh: room.kind.label_zh(),
            kind_en: room.kind.label_en(),
            capacity: room.capacity,
            active: room.active,
        })
    }
}

/// Turns a refusal into the error the caller sees.
pub fn check(access: Access) -> Result<(), ServiceError> {
    match access {
        Access::Allowed => Ok(()),
        Access::Forbidden => Err(ServiceError::Forbidden),
        Access::Hidden => Err(ServiceError::NotFound),
    }
}

/// The stored room `code` as the API shows it, or 404.
async fn view(conn: &mut diesel_async::AsyncPgConnection, code: &str) -> Result<RoomView, ServiceError> {
    let listing = db::rooms::find(conn, code).await?.ok_or(ServiceError::NotFound)?;
    RoomView::of(&listing)
        .ok_or_else(|| ServiceError::Unexpected(anyhow::anyhow!("room {code} is malformed")))
}

/// The rooms the actor may see: of the commission asked for, or of the actor's own.
pub async fn list(state: &AppState, actor: &Actor, query: &RoomQuery) -> Result<Vec<RoomView>, ServiceError> {
    let commission = match (query.commission.as_deref(), actor.commission_str()) {
        (Some(asked), _) => Some(asked),
        (None, _) if actor.sees_whole_city() => None,
        (None, own) => Some(own.ok_or(ServiceError::Forbidden)?),
    };
    if let Some(commission) = commission {
        // Listing another commission's rooms is a refusal, not a missing page.
        match can_on_resources(actor, ResourceAction::ViewRooms, commission) {
            Access::Allowed => {}
            Access::Forbidden | Access::Hidden => return Err(ServiceError::Forbidden),
        }
    }
    let mut conn = state.pool.get().await?;
    let rows = db::rooms::list(&mut conn, commission, query.venue.as_deref(), query.active).await?;
    Ok(rows.iter().filter_map(RoomView::of).collect())
}

/// Adds a room (administrators).
pub async fn create(state: &AppState, actor: &Actor, form: &RoomForm) -> Result<RoomView, ServiceError> {
    let commission = state.network.venue(&form.venue).map(|v| v.commission.as_str()).unwrap_or_default();
    match can_on_resources(actor, ResourceAction::ManageRooms, commission) {
        Access::Allowed => {}
        Access::Forbidden | Access::Hidden => return Err(ServiceError::Forbidden),
    }
    let room = form.parse(&state.network)?;
    let mut conn = state.pool.get().await?;
    match db::rooms::insert(&mut conn, &room).await {
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => {
            return Err(ServiceError::conflict(
                "room.code_taken",
                format!("房间编号 {} 已被使用", room.code),
                format!("The room code {} is taken", room.code),
            ));
        }
        other => other?,
    }
    tracing::info!(room.code = %room.code, admin.id = %actor.id, "room {} added", room.code);
    view(&mut conn, room.code.as_str()).await
}

/// Closes a room for booking (administrators). A room with hearings still to be held there is
/// refused: they are moved first, so that no notified hearing loses its room.
pub async fn deactivate(state: &AppState, actor: &Actor, code: &RoomCode) -> Result<RoomView, ServiceError> {
    let mut conn = state.pool.get().await?;
    let room = view(&mut conn, code.as_str()).await?;
    check(can_on_resources(actor, ResourceAction::ManageRooms, &room.commission))?;
    let upcoming = db::rooms::upcoming_hearings(&mut conn, code.as_str(), state.clock.now()).await?;
    if upcoming > 0 {
        return Err(ServiceError::conflict(
            "room.has_hearings",
            format!("{}（{}）尚有 {upcoming} 场已排期的开庭，请先改期或取消", room.name_zh, room.code),
            format!(
                "{} ({}) still has {upcoming} scheduled hearing(s); move or cancel them first",
                room.name_en, room.code
            ),
        ));
    }
    db::rooms::set_active(&mut conn, code.as_str(), false).await?;
    tracing::info!(room.code = %code, admin.id = %actor.id, "room {code} closed for booking");
    view(&mut conn, code.as_str()).await
}

/// Reopens a closed room for booking (administrators).
pub async fn activate(state: &AppState, actor: &Actor, code: &RoomCode) -> Result<RoomView, ServiceError> {
    let mut conn = state.pool.get().await?;
    let room = view(&mut conn, code.as_str()).await?;
    check(can_on_resources(actor, ResourceAction::ManageRooms, &room.commission))?;
    db::rooms::set_active(&mut conn, code.as_str(), true).await?;
    tracing::info!(room.code = %code, admin.id = %actor.id, "room {code} open for booking");
    view(&mut conn, code.as_str()).await
}
