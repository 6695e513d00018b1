// The pre-arbitration mediation tables of `migrations/2026-12-01-001100_pre_mediation`, in
// the shape `diesel print-schema` gives. The schema test reads this file with `schema.rs`.

diesel::table! {
    mediation_organisations (code) {
        code -> Text,
        name_zh -> Text,
        name_en -> Text,
        kind -> Text,
        commission_code -> Text,
        area_code -> Nullable<Text>,
        active -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    mediation_organisation_mediators (organisation_code, user_id) {
        organisation_code -> Text,
        user_id -> Uuid,
        added_at -> Timestamptz,
    }
}

diesel::table! {
    mediation_cases (id) {
        id -> Uuid,
        organisation_code -> Text,
        commission_code -> Text,
        status -> Text,
        origin -> Text,
        received_on -> Date,
        mediation_due -> Date,
        worker_name -> Text,
        worker_email -> Nullable<Text>,
        employer_name -> Text,
        employer_uscc -> Text,
        form -> Jsonb,
        claim_total_fen -> Int8,
        review_status -> Nullable<Text>,
        review_due -> Nullable<Date>,
        review_number -> Nullable<Text>,
        filing_case_id -> Nullable<Uuid>,
        created_by -> Uuid,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    mediation_case_events (id) {
        id -> Int8,
        mediation_case_id -> Uuid,
        seq -> Int4,
        kind -> Text,
        from_status -> Text,
        to_status -> Text,
        actor_id -> Nullable<Uuid>,
        at -> Timestamptz,
        payload -> Jsonb,
    }
}

diesel::joinable!(mediation_organisation_mediators -> mediation_organisations (organisation_code));
diesel::joinable!(mediation_case_events -> mediation_cases (mediation_case_id));
diesel::joinable!(mediation_cases -> mediation_organisations (organisation_code));

diesel::allow_tables_to_appear_in_same_query!(
    mediation_organisations,
    mediation_organisation_mediators,
    mediation_cases,
    mediation_case_events,
);
use super::users;

diesel::joinable!(mediation_organisation_mediators -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(mediation_organisation_mediators, users);
