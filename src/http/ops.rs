//! `GET /metrics`: the operations metrics for Prometheus (docs/operations.md). Like the health
//! probes it stands outside `/api`, and unlike them outside the OpenAPI document: it is read by
//! the monitoring, not by clients of the API.

use actix_web::http::header::{AUTHORIZATION, CACHE_CONTROL};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::http::error::ApiError;
use crate::service::error::ServiceError;
use crate::startup::AppState;
use crate::telemetry::ops::CONTENT_TYPE;
use crate::telemetry::ops::access::{Caller, RELAY_HEADERS, Refusal};

/// The exposition, to a caller the settings allow (`telemetry.metrics_allow`, `metrics_token`).
pub async fn get_metrics(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let headers = req.headers();
    let caller = Caller {
        peer: req.peer_addr().map(|a| a.ip()),
        relayed: RELAY_HEADERS.iter().any(|h| headers.contains_key(*h)),
        bearer: headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer ")),
    };
    state.ops.access().check(caller).map_err(|refusal| match refusal {
        Refusal::Token => ServiceError::Unauthorized("metrics.token"),
        Refusal::Address => ServiceError::Forbidden,
    })?;
    let body = state.ops.render(&state.pool).await.map_err(ServiceError::Unexpected)?;
    Ok(HttpResponse::Ok().content_type(CONTENT_TYPE).insert_header((CACHE_CONTROL, "no-store")).body(body))
}
