//! The facts the supervision figures are counted from (migration `metric_facts`).

diesel::table! {
    case_facts (case_id, version) {
        case_id -> Uuid,
        version -> Int4,
        known_from -> Date,
        known_to -> Nullable<Date>,
        commission_code -> Nullable<Text>,
        hearing_room -> Nullable<Text>,
        track -> Nullable<Text>,
        claim_types -> Array<Text>,
        arbitrator_id -> Nullable<Uuid>,
        workers -> Int4,
        received_on -> Nullable<Date>,
        accepted_on -> Nullable<Date>,
        acceptance_due -> Nullable<Date>,
        closed_on -> Nullable<Date>,
        closure_mode -> Nullable<Text>,
        limit_due -> Nullable<Date>,
        awarded_items -> Int4,
        challenged_items -> Int4,
        upheld_items -> Int4,
        changed_items -> Int4,
        reversed_items -> Int4,
        set_aside_items -> Int4,
    }
}

diesel::table! {
    mediation_case_facts (mediation_case_id, version) {
        mediation_case_id -> Uuid,
        version -> Int4,
        known_from -> Date,
        known_to -> Nullable<Date>,
        organisation_code -> Text,
        commission_code -> Text,
        received_on -> Date,
        ended_on -> Nullable<Date>,
        outcome -> Nullable<Text>,
    }
}
