//! The middleware timing every request of the application, labelled by the matched route
//! pattern (`/api/v1/cases/{id}`), never by the raw path, so that the series stay bounded.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;

use super::UNMATCHED_ROUTE;
use crate::startup::AppState;

/// Times the request until its response head is ready and counts it.
pub async fn record_request(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let method = req.method().clone();
    let route = req.match_pattern();
    let res = next.call(req).await;
    if let Some(state) = state {
        let status = match &res {
            Ok(res) => res.status(),
            Err(e) => e.as_response_error().status_code(),
        };
        let route = route.as_deref().unwrap_or(UNMATCHED_ROUTE);
        state.ops.observe_request(&method, route, status, started.elapsed());
    }
    res
}
