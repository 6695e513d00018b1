// The personal-data tables of `migrations/2026-12-08-000200_personal_data`, in the shape
// `diesel print-schema` gives. The schema test reads this file with `schema.rs`.

diesel::table! {
    personal_data_access (id) {
        id -> Int8,
        case_id -> Uuid,
        actor_id -> Uuid,
        actor_role -> Text,
        actor_commission -> Nullable<Text>,
        purpose -> Text,
        fields -> Array<Text>,
        at -> Timestamptz,
        chain_seq -> Int8,
        hash -> Text,
    }
}

diesel::table! {
    case_archive (case_id) {
        case_id -> Uuid,
        closed_on -> Date,
        closure_mode -> Nullable<Text>,
        retention_years -> Int2,
        retain_until -> Date,
        archived_at -> Timestamptz,
        disposed_on -> Nullable<Date>,
    }
}
