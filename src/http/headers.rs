//! The limit on request headers: a request whose header lines add up to more than
//! [`HEADER_LIMIT_BYTES`] is answered 431 with the problem body, before any handler runs.
//! (Past the HTTP server's own read buffer, 128 kB, the server itself answers 431 and closes
//! the connection.)

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, http::StatusCode};

use super::error::ProblemBody;
use crate::service::error::ServiceError;

/// The most header bytes (names, values and the `: ` and line end of each) a request may carry.
pub const HEADER_LIMIT_BYTES: usize = 64 * 1024;

/// Refuses requests whose headers exceed [`HEADER_LIMIT_BYTES`].
pub async fn limit_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let size: usize = req.headers().iter().map(|(name, value)| name.as_str().len() + value.len() + 4).sum();
    if size > HEADER_LIMIT_BYTES {
        let err = ServiceError::bad_request(
            "request.headers_too_large",
            format!("请求头过大，上限为 {} KB", HEADER_LIMIT_BYTES / 1024),
            format!("The request headers are too large; the limit is {} KB", HEADER_LIMIT_BYTES / 1024),
        );
        let res = HttpResponse::build(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE)
            .json(ProblemBody { error: err.problem() });
        return Ok(req.into_response(res).map_into_right_body());
    }
    next.call(req).await.map(ServiceResponse::map_into_left_body)
}
