-- The element-based hearing record (要素式审理, DOMAIN §7): every answer of a side to one
-- element of one list (the common elements, or a claim item by position), kept as history.
-- The latest row per (case, list, element, side) is the side's answer; a row without a value
-- withdraws it. Rows are never updated.
CREATE TABLE case_element_answers (
    id BIGSERIAL PRIMARY KEY,
    case_id UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    claim_position INT CHECK (claim_position >= 0),
    claim_type TEXT,
    element_key TEXT NOT NULL CHECK (element_key ~ '^[a-z0-9_]+$'),
    side TEXT NOT NULL CHECK (side IN ('applicant', 'respondent', 'tribunal')),
    value JSONB,
    evidence UUID[] NOT NULL DEFAULT '{}',
    note TEXT NOT NULL DEFAULT '',
    schema_version TEXT NOT NULL,
    recorded_by UUID NOT NULL REFERENCES users (id),
    recorded_at TIMESTAMPTZ NOT NULL,
    CHECK ((claim_position IS NULL) = (claim_type IS NULL))
);

CREATE INDEX case_element_answers_case ON case_element_answers (case_id, id);
