-- Personal data (个人信息保护法): every look at a worker's full ID number or telephone by anyone
-- but the worker, and the archive register of closed cases with their retention (办案规则 第二十四条).

CREATE TABLE personal_data_access (
    id bigserial PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES cases (id),
    actor_id uuid NOT NULL REFERENCES users (id),
    actor_role text NOT NULL,
    actor_commission text,
    purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
    fields text[] NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    -- A hash chain in the order of `chain_seq` (see migrations/…_audit_chain): each row's hash
    -- covers its content and the hash before it, so an altered or removed row shows.
    chain_seq bigint NOT NULL DEFAULT 0,
    hash text NOT NULL DEFAULT ''
);
CREATE INDEX personal_data_access_case ON personal_data_access (case_id, at);
CREATE INDEX personal_data_access_actor ON personal_data_access (actor_id, at);

CREATE TABLE case_archive (
    case_id uuid PRIMARY KEY REFERENCES cases (id),
    closed_on date NOT NULL,
    closure_mode text,
    retention_years int2 NOT NULL CHECK (retention_years IN (5, 10)),
    retain_until date NOT NULL CHECK (retain_until > closed_on),
    archived_at timestamptz NOT NULL DEFAULT now(),
    -- The day the personal data in the file were disposed of: never inside the period.
    disposed_on date CHECK (disposed_on IS NULL OR disposed_on > retain_until)
);
CREATE INDEX case_archive_due ON case_archive (retain_until) WHERE disposed_on IS NULL;
