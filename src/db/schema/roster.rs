// The roster tables of `migrations/2026-12-01-000500_tribunal`, in the shape `diesel print-schema`
// gives; apart from the other tables only to keep each file short. The schema test reads this
// file with `schema.rs`.

diesel::table! {
    arbitrator_profiles (user_id) {
        user_id -> Uuid,
        employment -> Text,
        affiliation -> Nullable<Text>,
        qualification -> Text,
        active_from -> Date,
        active_until -> Nullable<Date>,
        commissions -> Array<Text>,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    arbitrator_interests (id) {
        id -> Int8,
        user_id -> Uuid,
        kind -> Text,
        name -> Text,
        credit_code -> Nullable<Text>,
        id_number -> Nullable<Text>,
        relation -> Text,
        declared_at -> Timestamptz,
        withdrawn_at -> Nullable<Timestamptz>,
    }
}

use super::users;

diesel::joinable!(arbitrator_profiles -> users (user_id));
diesel::joinable!(arbitrator_interests -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(arbitrator_profiles, arbitrator_interests, users);
