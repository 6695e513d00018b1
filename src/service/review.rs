//! Official case numbers (案号) for the acceptance review: a commission's next number of the
//! year, taken when a case is accepted or transferred in. The review decisions themselves are
//! commands like any other (`service::commands`); the intake queue is in `service::queue`.

use chrono::{DateTime, Datelike, Utc};
use diesel_async::AsyncPgConnection;

use crate::clock::local_date;
use crate::db::cases;
use crate::domain::ids::CommissionCode;
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// Allocates the next official number of a commission for the current year.
pub async fn number(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    commission: &CommissionCode,
    now: DateTime<Utc>,
) -> Result<String, ServiceError> {
    let year = local_date(now).year();
    let seq = cases::next_case_number(conn, commission.as_str(), year).await?;
    let seq = u32::try_from(seq).map_err(|e| ServiceError::Unexpected(e.into()))?;
    state.network.case_number(commission.as_str(), year, seq).ok_or(ServiceError::NotFound)
}
