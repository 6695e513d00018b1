//! `/api/v1/mediation-organisations` and `/api/v1/mediation-cases`: pre-arbitration
//! mediation (劳动争议调解仲裁法 第十条至第十六条). The routes and the OpenAPI paths of this
//! area are declared here and merged into the API's table and document.

mod cases;
mod organisations;

use actix_web::web;
use serde::Deserialize;
use utoipa::OpenApi;
use uuid::Uuid;

use crate::domain::premediation::OrganisationCode;
use crate::service::premediation::documents::MediationDocument;

/// A resource whose unlisted methods answer 405 like every other API path.
fn resource(path: &str, allow: &'static str) -> actix_web::Resource {
    super::routes::resource(path, allow)
}

/// Registers the routes of this area (inside `/api/v1`).
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        resource("/mediation-organisations", "GET, POST")
            .get(organisations::list_organisations)
            .post(organisations::create_organisation),
    )
    .service(resource("/mediation-organisations/{code}", "GET").get(organisations::get_organisation))
    .service(
        resource("/mediation-organisations/{code}/deactivate", "POST")
            .post(organisations::deactivate_organisation),
    )
    .service(
        resource("/mediation-organisations/{code}/activate", "POST")
            .post(organisations::activate_organisation),
    )
    .service(resource("/mediation-organisations/{code}/mediators", "POST").post(organisations::add_mediator))
    .service(
        resource("/mediation-organisations/{code}/mediators/{user_id}", "DELETE")
            .delete(organisations::remove_mediator),
    )
    .service(resource("/mediation-cases", "GET, POST").get(cases::list_cases).post(cases::open_case))
    .service(resource("/mediation-cases/{id}", "GET").get(cases::get_case))
    .service(resource("/mediation-cases/{id}/sessions", "POST").post(cases::record_session))
    .service(resource("/mediation-cases/{id}/outcome", "POST").post(cases::record_outcome))
    .service(resource("/mediation-cases/{id}/review-application", "POST").post(cases::apply_for_review))
    .service(resource("/mediation-cases/{id}/review-decision", "POST").post(cases::decide_review))
    .service(resource("/mediation-cases/{id}/to-filing", "POST").post(cases::to_filing))
    .service(resource("/mediation-cases/{id}/documents/{document}", "GET").get(cases::get_document));
}

/// `…/mediation-organisations/{code}`: one organisation.
#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct OrganisationPath {
    /// The organisation's code.
    #[param(value_type = String)]
    pub code: OrganisationCode,
}

/// `…/mediation-organisations/{code}/mediators/{user_id}`: one mediator of an organisation.
#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct MediatorPath {
    /// The organisation's code.
    #[param(value_type = String)]
    pub code: OrganisationCode,
    /// The mediator's account.
    pub user_id: Uuid,
}

/// `…/mediation-cases/{id}`: one mediation case.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct MediationPath {
    /// The mediation case's id.
    pub id: Uuid,
}

/// `…/mediation-cases/{id}/documents/{document}`: one printable document of a mediation case.
#[derive(Debug, Clone, Copy, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
pub struct MediationDocumentPath {
    /// The mediation case's id.
    pub id: Uuid,
    /// `agreement` (调解协议书) or `review_document` (仲裁审查调解书).
    #[param(value_type = MediationDocument)]
    pub document: MediationDocument,
}

/// The OpenAPI paths and schemas of this area, merged into the API's document.
#[derive(OpenApi)]
#[openapi(
    paths(
        organisations::list_organisations,
        organisations::create_organisation,
        organisations::get_organisation,
        organisations::deactivate_organisation,
        organisations::activate_organisation,
        organisations::add_mediator,
        organisations::remove_mediator,
        cases::list_cases,
        cases::open_case,
        cases::get_case,
        cases::record_session,
        cases::record_outcome,
        cases::apply_for_review,
        cases::decide_review,
        cases::to_filing,
        cases::get_document,
    ),
    components(schemas(
        crate::domain::premediation::OrganisationForm,
        crate::domain::premediation::OrganisationKind,
        crate::service::premediation::organisations::OrganisationView,
        crate::service::premediation::organisations::MediatorView,
        crate::service::premediation::organisations::MediatorForm,
        crate::domain::premediation::IntakeForm,
        crate::domain::premediation::ReferralForm,
        crate::domain::premediation::SessionForm,
        crate::domain::premediation::AgreementForm,
        crate::domain::premediation::AgreementItemForm,
        crate::domain::premediation::ReviewApplicationForm,
        crate::domain::premediation::RefusalGround,
        crate::service::premediation::commands::OutcomeBody,
        crate::service::premediation::commands::OutcomeKind,
        crate::service::premediation::commands::ReviewDecisionBody,
        crate::service::premediation::commands::ReviewDecisionKind,
        crate::service::premediation::view::MediationCaseView,
        crate::service::premediation::view::MediationSummary,
        crate::service::premediation::filing::ToFilingView,
        MediationDocument,
    ))
)]
pub struct PreMediationDoc;

/// Merges [`PreMediationDoc`] into the API's document before its error answers are added.
pub struct PreMediationPaths;

impl utoipa::Modify for PreMediationPaths {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        openapi.merge(PreMediationDoc::openapi());
    }
}
