// The shape `diesel print-schema` gives for migrations/. Kept in step with the migrations by
// hand (diesel_cli needs libpq, which this project does not). The API test
// `migrations::the_hand_written_schema_matches_the_migrated_database` compares every column
// (name, type, nullability) with the migrated database, both ways.

mod elements;
mod exchange;
mod mediation;
mod metrics;
mod personal;
mod premediation;
mod roster;
mod scheduling;

pub use premediation::{
    mediation_case_events, mediation_cases, mediation_organisation_mediators, mediation_organisations,
};

pub use elements::case_element_answers;
pub use exchange::{platform_changes, platform_filings};
pub use mediation::{mediation_messages, mediation_sign_codes};
pub use metrics::{
    case_duration_deltas, case_fact_deltas, case_facts, mediation_case_facts, mediation_fact_deltas,
    metric_rollup_state,
};
pub use personal::{case_archive, personal_data_access};
pub use roster::{arbitrator_interests, arbitrator_profiles};
pub use scheduling::{hearing_bookings, hearings, rooms};

pub mod sql_types {
    /// Postgres enum `case_status`.
    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "case_status"))]
    pub struct CaseStatus;

    /// Postgres enum `day_kind`.
    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "day_kind"))]
    pub struct DayKind;

    /// Postgres enum `intake_channel`.
    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "intake_channel"))]
    pub struct IntakeChannel;

    /// Postgres enum `user_role`.
    #[derive(diesel::query_builder::QueryId, diesel::sql_types::SqlType)]
    #[diesel(postgres_type(name = "user_role"))]
    pub struct UserRole;
}

diesel::table! {
    areas (code) {
        code -> Text,
        name_zh -> Text,
        kind -> Text,
        district_code -> Text,
        commission_code -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::DayKind;

    calendar_days (day) {
        day -> Date,
        year -> Int4,
        kind -> DayKind,
        name_zh -> Text,
        statutory -> Bool,
    }
}

diesel::table! {
    calendar_years (year) {
        year -> Int4,
        notice -> Text,
        published_on -> Nullable<Date>,
        source_sha256 -> Text,
        loaded_at -> Timestamptz,
    }
}

diesel::table! {
    case_claims (id) {
        id -> Uuid,
        case_id -> Uuid,
        position -> Int4,
        claim_type -> Text,
        amount_fen -> Nullable<Int8>,
        period_from -> Nullable<Date>,
        period_to -> Nullable<Date>,
        description -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::CaseStatus;

    case_events (id) {
        id -> Int8,
        case_id -> Uuid,
        seq -> Int4,
        kind -> Text,
        from_status -> CaseStatus,
        to_status -> CaseStatus,
        actor_id -> Nullable<Uuid>,
        commission_code -> Nullable<Text>,
        at -> Timestamptz,
        reason -> Nullable<Text>,
        payload -> Jsonb,
        hash -> Text,
    }
}

diesel::table! {
    case_number_sequences (commission_code, year) {
        commission_code -> Text,
        year -> Int4,
        last_value -> Int4,
    }
}

diesel::table! {
    case_parties (id) {
        id -> Uuid,
        case_id -> Uuid,
        role -> Text,
        position -> Int4,
        name -> Text,
        id_number -> Nullable<Text>,
        uscc -> Nullable<Text>,
        phone -> Text,
        email -> Nullable<Text>,
        address -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::{CaseStatus, IntakeChannel};

    cases (id) {
        id -> Uuid,
        status -> CaseStatus,
        channel -> IntakeChannel,
        owner_id -> Nullable<Uuid>,
        created_by -> Uuid,
        intake_venue -> Nullable<Text>,
        intake_commission -> Nullable<Text>,
        commission_code -> Nullable<Text>,
        case_number -> Nullable<Text>,
        track -> Nullable<Text>,
        closure_mode -> Nullable<Text>,
        filing -> Jsonb,
        applicant_name -> Text,
        respondent_name -> Text,
        claim_total_fen -> Int8,
        routing -> Nullable<Jsonb>,
        limitation_warnings -> Jsonb,
        received_at -> Nullable<Timestamptz>,
        handed_over_at -> Nullable<Timestamptz>,
        review_started_at -> Nullable<Timestamptz>,
        accepted_at -> Nullable<Timestamptz>,
        closed_at -> Nullable<Timestamptz>,
        handover_due -> Nullable<Date>,
        acceptance_due -> Nullable<Date>,
        case_limit_due -> Nullable<Date>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        filing_ref -> Nullable<Text>,
        arbitrator_id -> Nullable<Uuid>,
        clerk_id -> Nullable<Uuid>,
        next_due -> Nullable<Date>,
    }
}

diesel::table! {
    commissions (code) {
        code -> Text,
        name_zh -> Text,
        name_en -> Text,
        level -> Text,
        parent_code -> Nullable<Text>,
        address -> Text,
        phone -> Text,
        case_prefix -> Text,
    }
}

diesel::table! {
    evidence (id) {
        id -> Uuid,
        case_id -> Uuid,
        uploaded_by -> Uuid,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> Int8,
        sha256 -> Text,
        description -> Text,
        content -> Bytea,
        created_at -> Timestamptz,
        original_name -> Text,
        side -> Text,
        period_ends_on -> Nullable<Date>,
        late -> Bool,
    }
}

diesel::table! {
    idempotency_keys (user_id, key) {
        user_id -> Uuid,
        key -> Text,
        request_hash -> Text,
        case_id -> Nullable<Uuid>,
        status_code -> Nullable<Int2>,
        response -> Nullable<Jsonb>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    outbox (id) {
        id -> Int8,
        event_id -> Nullable<Int8>,
        case_id -> Nullable<Uuid>,
        kind -> Text,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamptz>,
        failed_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        attachment_name -> Nullable<Text>,
        attachment_type -> Nullable<Text>,
        attachment_body -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use super::sql_types::UserRole;

    users (id) {
        id -> Uuid,
        email -> Text,
        password_hash -> Text,
        role -> UserRole,
        commission_code -> Nullable<Text>,
        display_name -> Text,
        phone -> Text,
        created_at -> Timestamptz,
        session_version -> Int4,
        disabled_at -> Nullable<Timestamptz>,
        uscc -> Nullable<Text>,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Int8,
        subject -> Text,
        at -> Timestamptz,
    }
}

diesel::table! {
    venues (code) {
        code -> Text,
        name_zh -> Text,
        kind -> Text,
        address -> Text,
        commission_code -> Text,
        intake -> Bool,
        covers -> Array<Text>,
    }
}

diesel::table! {
    case_clocks (case_id, rule) {
        case_id -> Uuid,
        rule -> Text,
        start_on -> Date,
        due_on -> Date,
        met_on -> Nullable<Date>,
        paused -> Bool,
        paused_days -> Int4,
        extension_days -> Int4,
        restarts -> Int4,
        provisional -> Bool,
        detail -> Jsonb,
    }
}

diesel::table! {
    documents (id) {
        id -> Uuid,
        case_id -> Uuid,
        event_id -> Int8,
        kind -> Text,
        number -> Text,
        side -> Nullable<Text>,
        recipient -> Text,
        title_zh -> Text,
        issued_on -> Date,
        html -> Text,
        sha256 -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    document_number_sequences (commission_code, year, word) {
        commission_code -> Text,
        year -> Int4,
        word -> Text,
        last_value -> Int4,
    }
}

diesel::table! {
    service_records (id) {
        id -> Int8,
        case_id -> Uuid,
        event_id -> Int8,
        document_id -> Nullable<Uuid>,
        side -> Text,
        method -> Text,
        served_on -> Date,
        deemed_on -> Date,
        proof_id -> Nullable<Uuid>,
        recorded_by -> Nullable<Uuid>,
    }
}

diesel::table! {
    clock_warnings (case_id, rule, threshold, due_on) {
        case_id -> Uuid,
        rule -> Text,
        threshold -> Text,
        due_on -> Date,
        marked_at -> Timestamptz,
    }
}

diesel::joinable!(areas -> commissions (commission_code));
diesel::joinable!(calendar_days -> calendar_years (year));
diesel::joinable!(case_claims -> cases (case_id));
diesel::joinable!(case_clocks -> cases (case_id));
diesel::joinable!(documents -> cases (case_id));
diesel::joinable!(service_records -> documents (document_id));
diesel::joinable!(case_events -> cases (case_id));
diesel::joinable!(case_events -> users (actor_id));
diesel::joinable!(case_parties -> cases (case_id));
diesel::joinable!(evidence -> cases (case_id));
diesel::joinable!(hearing_bookings -> hearings (hearing_id));
diesel::joinable!(hearing_bookings -> users (person_id));
diesel::joinable!(hearings -> cases (case_id));
diesel::joinable!(hearings -> rooms (room_code));
diesel::joinable!(rooms -> venues (venue_code));
diesel::joinable!(venues -> commissions (commission_code));

diesel::allow_tables_to_appear_in_same_query!(
    areas,
    calendar_days,
    calendar_years,
    case_claims,
    case_clocks,
    case_events,
    clock_warnings,
    document_number_sequences,
    documents,
    case_number_sequences,
    case_parties,
    cases,
    commissions,
    evidence,
    hearing_bookings,
    hearings,
    idempotency_keys,
    login_failures,
    outbox,
    rooms,
    service_records,
    users,
    venues,
);
