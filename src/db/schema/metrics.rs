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

// The rollup (migration `metric_rollup`): signed rows without a key of their own, written by
// triggers and read by `db::rollup` in SQL. Diesel needs key columns named; these are the
// columns the rows are grouped by, not a unique key.
diesel::table! {
    case_fact_deltas (known_on, accepted_month) {
        known_on -> Date,
        commission_code -> Nullable<Text>,
        accepted_month -> Int4,
        closed_month -> Nullable<Int4>,
        closure_mode -> Nullable<Text>,
        within_limit -> Bool,
        in_time -> Bool,
        track -> Nullable<Text>,
        cases -> Int4,
        workers -> Int4,
        days_to_close -> Int4,
        days_to_accept -> Int4,
        awarded_items -> Int4,
        challenged_items -> Int4,
        upheld_items -> Int4,
        changed_items -> Int4,
        reversed_items -> Int4,
        set_aside_items -> Int4,
    }
}

diesel::table! {
    case_duration_deltas (known_on, month, days) {
        known_on -> Date,
        commission_code -> Nullable<Text>,
        measure -> Text,
        month -> Int4,
        track -> Nullable<Text>,
        days -> Int4,
        cases -> Int4,
    }
}

diesel::table! {
    mediation_fact_deltas (known_on, ended_month) {
        known_on -> Date,
        commission_code -> Text,
        organisation_code -> Text,
        ended_month -> Int4,
        outcome -> Text,
        cases -> Int4,
    }
}

diesel::table! {
    metric_rollup_state (only_row) {
        only_row -> Bool,
        compacted_before -> Date,
    }
}
