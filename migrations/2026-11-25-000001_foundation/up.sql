-- Foundation schema: reference data (commission network, calendar), accounts, cases with their
-- append-only event log, claim items, parties, evidence, idempotency keys and the notice outbox.
-- Later stages (mediation, hearings, metrics) build on the case state enum and the event log.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE case_status AS ENUM (
    'draft', 'submitted', 'under_review', 'awaiting_correction', 'accepted', 'in_mediation',
    'awaiting_hearing', 'hearing_scheduled', 'heard', 'suspended', 'closed', 'rejected',
    'referred_out'
);
CREATE TYPE user_role AS ENUM (
    'worker', 'employer', 'clerk', 'mediator', 'arbitrator', 'supervisor', 'admin'
);
CREATE TYPE day_kind AS ENUM ('workday', 'restday', 'holiday');
CREATE TYPE intake_channel AS ENUM ('online', 'window');

-- Commission network (一点受理、全市联动), loaded from config/network.toml at start-up.
CREATE TABLE commissions (
    code        TEXT PRIMARY KEY,
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('municipal', 'county')),
    parent_code TEXT REFERENCES commissions (code),
    address     TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    case_prefix TEXT NOT NULL
);

CREATE TABLE areas (
    code            TEXT PRIMARY KEY,
    name_zh         TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('district', 'town', 'street')),
    district_code   TEXT NOT NULL,
    commission_code TEXT NOT NULL REFERENCES commissions (code)
);

CREATE TABLE venues (
    code            TEXT PRIMARY KEY,
    name_zh         TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('main', 'dispatched', 'circuit')),
    address         TEXT NOT NULL DEFAULT '',
    commission_code TEXT NOT NULL REFERENCES commissions (code),
    intake          BOOLEAN NOT NULL DEFAULT TRUE,
    covers          TEXT[] NOT NULL DEFAULT '{}'
);

-- Working-day calendar as data: one row per year (the State Council notice) and one row per
-- day that differs from the plain weekday/weekend rule.
CREATE TABLE calendar_years (
    year         INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    notice       TEXT NOT NULL,
    published_on DATE,
    source_sha256 TEXT NOT NULL,
    loaded_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE calendar_days (
    day       DATE PRIMARY KEY,
    year      INTEGER NOT NULL REFERENCES calendar_years (year) ON DELETE CASCADE,
    kind      day_kind NOT NULL CHECK (kind <> 'restday'),
    name_zh   TEXT NOT NULL,
    statutory BOOLEAN NOT NULL DEFAULT FALSE,
    CHECK (EXTRACT(YEAR FROM day) = year)
);

CREATE TABLE users (
    id              UUID PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
    password_hash   TEXT NOT NULL,
    role            user_role NOT NULL,
    commission_code TEXT REFERENCES commissions (code),
    display_name    TEXT NOT NULL,
    phone           TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Staff act for exactly one commission; parties and administrators for none.
    CHECK ((role IN ('clerk', 'mediator', 'arbitrator', 'supervisor')) = (commission_code IS NOT NULL))
);

CREATE TABLE cases (
    id                  UUID PRIMARY KEY,
    status              case_status NOT NULL DEFAULT 'draft',
    channel             intake_channel NOT NULL,
    owner_id            UUID REFERENCES users (id),
    created_by          UUID NOT NULL REFERENCES users (id),
    intake_venue        TEXT REFERENCES venues (code),
    intake_commission   TEXT REFERENCES commissions (code),
    commission_code     TEXT REFERENCES commissions (code),
    case_number         TEXT UNIQUE,
    track               TEXT CHECK (track IN ('simple', 'ordinary', 'collective')),
    closure_mode        TEXT,
    filing              JSONB NOT NULL DEFAULT '{}',
    applicant_name      TEXT NOT NULL DEFAULT '',
    respondent_name     TEXT NOT NULL DEFAULT '',
    claim_total_fen     BIGINT NOT NULL DEFAULT 0 CHECK (claim_total_fen >= 0),
    routing             JSONB,
    limitation_warnings JSONB NOT NULL DEFAULT '[]',
    -- One-point acceptance timestamps (DOMAIN "Decisions"): T1 received at the intake point,
    -- T2 handed over, T3 received by the competent commission (complete application), T4 accepted.
    received_at         TIMESTAMPTZ,
    handed_over_at      TIMESTAMPTZ,
    review_started_at   TIMESTAMPTZ,
    accepted_at         TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    -- Projections of the clocks derived from the event log, kept for sorting the queues.
    handover_due        DATE,
    acceptance_due      DATE,
    case_limit_due      DATE,
    version             INTEGER NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (status = 'draft' OR received_at IS NOT NULL),
    CHECK ((status IN ('accepted', 'in_mediation', 'awaiting_hearing', 'hearing_scheduled', 'heard'))
           <= (case_number IS NOT NULL))
);
CREATE INDEX cases_queue_idx ON cases (commission_code, status, acceptance_due);
CREATE INDEX cases_owner_idx ON cases (owner_id, updated_at DESC);

-- Append-only event log: every state change of a case is one row, written in the same
-- transaction as the projection in `cases`.
CREATE TABLE case_events (
    id          BIGSERIAL PRIMARY KEY,
    case_id     UUID NOT NULL REFERENCES cases (id),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    kind        TEXT NOT NULL,
    from_status case_status NOT NULL,
    to_status   case_status NOT NULL,
    actor_id    UUID REFERENCES users (id),
    commission_code TEXT REFERENCES commissions (code),
    at          TIMESTAMPTZ NOT NULL,
    reason      TEXT,
    payload     JSONB NOT NULL DEFAULT '{}',
    UNIQUE (case_id, seq)
);

CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_events is append-only';
END;
$$;
CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events
    FOR EACH ROW EXECUTE FUNCTION case_events_append_only();

-- Gap-free official case numbers: one counter per commission and year, incremented inside the
-- accepting transaction (the row lock serialises concurrent acceptances; a rollback frees it).
CREATE TABLE case_number_sequences (
    commission_code TEXT NOT NULL REFERENCES commissions (code),
    year            INTEGER NOT NULL,
    last_value      INTEGER NOT NULL CHECK (last_value >= 0),
    PRIMARY KEY (commission_code, year)
);

CREATE TABLE case_parties (
    id           UUID PRIMARY KEY,
    case_id      UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    role         TEXT NOT NULL CHECK (role IN ('applicant', 'respondent')),
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    id_number    TEXT,
    uscc         TEXT,
    phone        TEXT NOT NULL DEFAULT '',
    email        TEXT,
    address      TEXT NOT NULL DEFAULT '',
    UNIQUE (case_id, role, position)
);
CREATE INDEX case_parties_id_number_idx ON case_parties (id_number) WHERE id_number IS NOT NULL;

CREATE TABLE case_claims (
    id           UUID PRIMARY KEY,
    case_id      UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    claim_type   TEXT NOT NULL,
    amount_fen   BIGINT CHECK (amount_fen >= 0),
    period_from  DATE,
    period_to    DATE,
    description  TEXT NOT NULL DEFAULT '',
    UNIQUE (case_id, position),
    CHECK (period_from IS NULL OR period_to IS NULL OR period_from <= period_to)
);

CREATE TABLE evidence (
    id           UUID PRIMARY KEY,
    case_id      UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    uploaded_by  UUID NOT NULL REFERENCES users (id),
    file_name    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes   BIGINT NOT NULL CHECK (size_bytes > 0),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    description  TEXT NOT NULL DEFAULT '',
    content      BYTEA NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX evidence_case_idx ON evidence (case_id);

-- Replay store for filing requests carrying an Idempotency-Key.
CREATE TABLE idempotency_keys (
    user_id      UUID NOT NULL REFERENCES users (id),
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    case_id      UUID REFERENCES cases (id),
    status_code  SMALLINT,
    response     JSONB,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);

-- Transactional outbox for e-mail notices: written in the transaction of the event that
-- causes the notice, delivered by the background worker with retries and backoff.
CREATE TABLE outbox (
    id              BIGSERIAL PRIMARY KEY,
    event_id        BIGINT REFERENCES case_events (id),
    case_id         UUID REFERENCES cases (id),
    kind            TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    failed_at       TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (event_id, recipient, kind)
);
CREATE INDEX outbox_pending_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
