//! Reference data for forms and clients: the commission network and the code lists.

use actix_web::{HttpResponse, web};
use serde_json::json;

use crate::domain::case::reasons::{CorrectionItem, RejectionReason};
use crate::domain::filing::ClaimType;
use crate::startup::AppState;

/// Commissions, areas (towns and streets) and venues (intake points).
#[utoipa::path(get, path = "/api/v1/reference/network", responses((status = 200)))]
pub async fn network(state: web::Data<AppState>) -> HttpResponse {
    let net = &state.network;
    HttpResponse::Ok().json(json!({
        "commissions": net.commissions(),
        "areas": net.areas(),
        "venues": net.venues(),
    }))
}

/// Claim types, rejection reasons and correction items, each with zh/en labels.
#[utoipa::path(get, path = "/api/v1/reference/codes", responses((status = 200)))]
pub async fn codes() -> HttpResponse {
    HttpResponse::Ok().json(json!({
        "claim_types": ClaimType::ALL.iter().map(|c| json!({
            "code": c.code(), "name_zh": c.name_zh(), "name_en": c.name_en(), "monetary": c.is_monetary(),
        })).collect::<Vec<_>>(),
        "rejection_reasons": RejectionReason::ALL.iter().map(|r| json!({
            "code": r.code(), "label_zh": r.label_zh(), "label_en": r.label_en(), "basis_zh": r.basis_zh(), "basis_en": r.basis_en(),
        })).collect::<Vec<_>>(),
        "correction_items": CorrectionItem::ALL.iter().map(|r| json!({
            "code": r.code(), "label_zh": r.label_zh(), "label_en": r.label_en(),
        })).collect::<Vec<_>>(),
    }))
}
