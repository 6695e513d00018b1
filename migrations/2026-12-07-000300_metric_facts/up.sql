-- What each case contributes to the supervision figures (src/domain/metrics/facts.rs), one
-- row per version: a new version is written in the transaction of the command that changes the
-- facts, and the one it replaces is closed on that day. The figures as of a day D read the
-- versions with known_from <= D < known_to, so later events never change them.
CREATE TABLE case_facts (
    case_id uuid NOT NULL REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
    -- The sequence number of the last event the version follows from.
    version int4 NOT NULL,
    known_from date NOT NULL,
    -- Exclusive; NULL for the current version. A version replaced on the day it was written is
    -- deleted instead.
    known_to date,
    commission_code text,
    hearing_room text,
    track text,
    claim_types text[] NOT NULL DEFAULT '{}',
    arbitrator_id uuid,
    workers int4 NOT NULL DEFAULT 1,
    received_on date,
    accepted_on date,
    acceptance_due date,
    closed_on date,
    closure_mode text,
    limit_due date,
    awarded_items int4 NOT NULL DEFAULT 0,
    challenged_items int4 NOT NULL DEFAULT 0,
    upheld_items int4 NOT NULL DEFAULT 0,
    changed_items int4 NOT NULL DEFAULT 0,
    reversed_items int4 NOT NULL DEFAULT 0,
    set_aside_items int4 NOT NULL DEFAULT 0,
    PRIMARY KEY (case_id, version),
    CONSTRAINT case_facts_known_range CHECK (known_to IS NULL OR known_to > known_from),
    CONSTRAINT case_facts_closed_after_accepted CHECK (closed_on IS NULL OR closed_on >= accepted_on)
);

-- The current versions of the accepted cases, by commission and acceptance (the figures of today).
CREATE INDEX case_facts_current ON case_facts (commission_code, accepted_on) WHERE known_to IS NULL AND accepted_on IS NOT NULL;
-- Versions replaced later, for the figures as of a past day.
CREATE INDEX case_facts_replaced ON case_facts (known_to, known_from) WHERE known_to IS NOT NULL;

CREATE TABLE mediation_case_facts (
    mediation_case_id uuid NOT NULL REFERENCES mediation_cases (id) DEFERRABLE INITIALLY DEFERRED,
    version int4 NOT NULL,
    known_from date NOT NULL,
    known_to date,
    organisation_code text NOT NULL,
    commission_code text NOT NULL,
    received_on date NOT NULL,
    ended_on date,
    outcome text CHECK (outcome IN ('agreement', 'failure', 'lapsed', 'withdrawn')),
    PRIMARY KEY (mediation_case_id, version),
    CONSTRAINT mediation_case_facts_known_range CHECK (known_to IS NULL OR known_to > known_from)
);

CREATE INDEX mediation_case_facts_current ON mediation_case_facts (commission_code, ended_on) WHERE known_to IS NULL;
CREATE INDEX mediation_case_facts_replaced ON mediation_case_facts (known_to, known_from) WHERE known_to IS NOT NULL;
