// The scheduling tables of `migrations/2026-12-01-000700_rooms_and_hearings`, in the shape
// `diesel print-schema` gives; apart from the other tables only to keep each file short. The
// schema test reads this file with `schema.rs`.

diesel::table! {
    rooms (code) {
        code -> Text,
        venue_code -> Text,
        name_zh -> Text,
        name_en -> Text,
        kind -> Text,
        capacity -> Int4,
        active -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    hearings (id) {
        id -> Uuid,
        case_id -> Uuid,
        room_code -> Text,
        during -> Tstzrange,
        arbitrator_ids -> Array<Uuid>,
        clerk_id -> Uuid,
        status -> Text,
        sequence -> Int4,
        notice_waived -> Bool,
        waived_by -> Nullable<Uuid>,
        waived_at -> Nullable<Timestamptz>,
        created_by -> Uuid,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    hearing_bookings (hearing_id, person_id) {
        hearing_id -> Uuid,
        person_id -> Uuid,
        role -> Text,
        during -> Tstzrange,
        active -> Bool,
    }
}
