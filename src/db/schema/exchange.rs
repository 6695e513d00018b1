// The provincial platform exchange's tables of `migrations/2026-12-08-000400_platform_exchange`,
// in the shape `diesel print-schema` gives. The schema test reads this file with `schema.rs`.

diesel::table! {
    platform_filings (platform_id) {
        platform_id -> Text,
        case_id -> Uuid,
        imported_by -> Uuid,
        imported_at -> Timestamptz,
    }
}

diesel::table! {
    platform_changes (id) {
        id -> Int8,
        seq -> Nullable<Int8>,
        event_id -> Int8,
        case_id -> Uuid,
        platform_id -> Text,
        created_at -> Timestamptz,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        lease_until -> Nullable<Timestamptz>,
        delivered_at -> Nullable<Timestamptz>,
        last_error -> Nullable<Text>,
    }
}
