// The online mediation's tables of `migrations/2026-12-01-001000_online_mediation`, in the shape
// `diesel print-schema` gives. The schema test reads this file with `schema.rs`.

use super::users;

diesel::table! {
    mediation_messages (id) {
        id -> Int8,
        case_id -> Uuid,
        author_id -> Uuid,
        author_side -> Nullable<Text>,
        to_side -> Nullable<Text>,
        body -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    mediation_sign_codes (id) {
        id -> Int8,
        case_id -> Uuid,
        user_id -> Uuid,
        side -> Text,
        code_hash -> Text,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        attempts -> Int4,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(mediation_messages -> users (author_id));
diesel::allow_tables_to_appear_in_same_query!(mediation_messages, users);
