// The element answers of `migrations/2026-12-01-001300_element_answers`, in the shape
// `diesel print-schema` gives. The schema test reads this file with `schema.rs`.

diesel::table! {
    case_element_answers (id) {
        id -> Int8,
        case_id -> Uuid,
        claim_position -> Nullable<Int4>,
        claim_type -> Nullable<Text>,
        element_key -> Text,
        side -> Text,
        value -> Nullable<Jsonb>,
        evidence -> Array<Uuid>,
        note -> Text,
        schema_version -> Text,
        recorded_by -> Uuid,
        recorded_at -> Timestamptz,
    }
}

use super::{cases, users};

diesel::joinable!(case_element_answers -> cases (case_id));
diesel::joinable!(case_element_answers -> users (recorded_by));
diesel::allow_tables_to_appear_in_same_query!(case_element_answers, cases);
diesel::allow_tables_to_appear_in_same_query!(case_element_answers, users);
