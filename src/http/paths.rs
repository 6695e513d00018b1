//! The path segments of the API, parsed before a handler runs: an id that is no UUID is a
//! malformed request (400, in the problem shape, through the `PathConfig` error handler), so
//! a service never sees a raw segment.

use serde::Deserialize;
use uuid::Uuid;

use crate::domain::ids::CaseId;

/// `…/cases/{id}`, `…/drafts/{id}`: one case (a draft and a filing are cases too).
#[derive(Debug, Clone, Copy, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct CasePath {
    /// The case id.
    #[param(value_type = Uuid)]
    pub id: CaseId,
}

/// `…/cases/{id}/{action}`: one command on a case.
#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct CommandPath {
    /// The case id.
    #[param(value_type = Uuid)]
    pub id: CaseId,
    /// The command's name.
    #[param(value_type = crate::http::openapi::CaseCommand)]
    pub action: String,
}

/// `…/cases/{id}/evidence/{evidence_id}`: one evidence file of a case.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct EvidencePath {
    /// The case id.
    #[param(value_type = Uuid)]
    pub id: CaseId,
    /// The evidence file's id.
    pub evidence_id: Uuid,
}

/// `…/documents/{id}`: one official document.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct DocumentPath {
    /// The document id.
    pub id: Uuid,
}
