-- Pre-arbitration mediation (劳动争议调解仲裁法 第十条至第十六条, DOMAIN.md §2.1): the
-- mediation organisations with their mediators, and the mediation cases they handle, an
-- aggregate of its own with its event log (every change one row, written in the transaction
-- that changes the projection).

CREATE TABLE mediation_organisations (
    code            TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9-]{2,39}$'),
    name_zh         TEXT NOT NULL CHECK (btrim(name_zh) <> ''),
    name_en         TEXT NOT NULL CHECK (btrim(name_en) <> ''),
    kind            TEXT NOT NULL CHECK (kind IN (
                        'commission_centre', 'enterprise', 'township_street', 'peoples', 'industry_regional')),
    commission_code TEXT NOT NULL REFERENCES commissions (code),
    area_code       TEXT REFERENCES areas (code),
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX mediation_organisations_commission_idx ON mediation_organisations (commission_code);

-- The mediators of an organisation: accounts of the mediator role (checked by the service).
CREATE TABLE mediation_organisation_mediators (
    organisation_code TEXT NOT NULL REFERENCES mediation_organisations (code),
    user_id           UUID NOT NULL REFERENCES users (id),
    added_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organisation_code, user_id)
);
CREATE INDEX mediation_organisation_mediators_user_idx ON mediation_organisation_mediators (user_id);

CREATE TABLE mediation_cases (
    id                UUID PRIMARY KEY,
    organisation_code TEXT NOT NULL REFERENCES mediation_organisations (code),
    commission_code   TEXT NOT NULL REFERENCES commissions (code),
    status            TEXT NOT NULL CHECK (status IN (
                          'intake', 'in_progress', 'agreement', 'failure', 'withdrawn', 'lapsed')),
    origin            TEXT NOT NULL CHECK (origin IN ('organisation', 'referral')),
    -- The day the organisation received the application: the 15 days of 法 第十四条 run from it.
    received_on       DATE NOT NULL,
    mediation_due     DATE NOT NULL CHECK (mediation_due > received_on),
    worker_name       TEXT NOT NULL,
    worker_email      TEXT,
    employer_name     TEXT NOT NULL,
    employer_uscc     TEXT NOT NULL CHECK (employer_uscc ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    form              JSONB NOT NULL,
    claim_total_fen   BIGINT NOT NULL CHECK (claim_total_fen >= 0),
    review_status     TEXT CHECK (review_status IN ('applied', 'confirmed', 'refused')),
    review_due        DATE,
    review_number     TEXT UNIQUE,
    filing_case_id    UUID UNIQUE REFERENCES cases (id),
    created_by        UUID NOT NULL REFERENCES users (id),
    version           INTEGER NOT NULL CHECK (version >= 1),
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    -- A review exists only for an agreement, and a confirmed one carries its document number.
    CHECK (review_status IS NULL OR status = 'agreement'),
    CHECK ((review_status = 'confirmed') = (review_number IS NOT NULL)),
    -- Only a mediation that ended without an enforceable result becomes a filing.
    CHECK (filing_case_id IS NULL OR status IN ('failure', 'lapsed', 'agreement')),
    CHECK (filing_case_id IS NULL OR review_status IS DISTINCT FROM 'confirmed')
);
CREATE INDEX mediation_cases_organisation_idx ON mediation_cases (organisation_code, received_on DESC);
CREATE INDEX mediation_cases_commission_idx ON mediation_cases (commission_code, received_on DESC);

CREATE TABLE mediation_case_events (
    id                BIGSERIAL PRIMARY KEY,
    mediation_case_id UUID NOT NULL REFERENCES mediation_cases (id),
    seq               INTEGER NOT NULL CHECK (seq >= 1),
    kind              TEXT NOT NULL CHECK (kind IN (
                          'opened', 'session_recorded', 'agreement_reached', 'failed', 'withdrawn',
                          'lapsed', 'review_applied', 'review_confirmed', 'review_refused',
                          'converted_to_filing')),
    from_status       TEXT NOT NULL,
    to_status         TEXT NOT NULL,
    actor_id          UUID REFERENCES users (id),
    at                TIMESTAMPTZ NOT NULL,
    payload           JSONB NOT NULL,
    UNIQUE (mediation_case_id, seq)
);

-- The log is append-only, like case_events: the projection is the only thing that changes.
CREATE FUNCTION mediation_case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'mediation_case_events is append-only';
END;
$$;
CREATE TRIGGER mediation_case_events_no_update BEFORE UPDATE OR DELETE ON mediation_case_events
    FOR EACH ROW EXECUTE FUNCTION mediation_case_events_append_only();
