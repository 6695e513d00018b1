-- The lifecycle engine: assignment, clocks as rows keyed by rule code, official documents with
-- their numbers and service records, and the early-warning marks. Also constrains the event
-- kinds and closure modes, and ties the closure mode to the closed status.

ALTER TABLE cases
    ADD COLUMN arbitrator_id UUID REFERENCES users (id),
    ADD COLUMN clerk_id UUID REFERENCES users (id),
    -- The next due date among the case's running, unpaused clocks (the docket's sort key).
    ADD COLUMN next_due DATE;

ALTER TABLE cases ADD CONSTRAINT cases_closure_mode_known CHECK (closure_mode IN (
    'mediation_agreement', 'arbitral_mediation_document', 'review_mediation_document',
    'settlement_withdrawal', 'plain_withdrawal', 'deemed_withdrawal', 'award_full',
    'award_partial', 'revoked', 'terminated'
));
ALTER TABLE cases ADD CONSTRAINT cases_closure_iff_closed
    CHECK ((status = 'closed') = (closure_mode IS NOT NULL));

ALTER TABLE case_events ADD CONSTRAINT case_events_kind_known CHECK (kind IN (
    'submitted', 'received', 'rerouted', 'correction_requested', 'corrected', 'accepted',
    'rejected', 'referred_out', 'transferred', 'withdrawn', 'mediation_started', 'settled',
    'mediation_failed', 'hearing_scheduled', 'hearing_held', 'awarded', 'suspended', 'resumed',
    'terminated', 'triaged', 'converted_to_ordinary', 'assigned', 'served', 'consent_given',
    'defence_filed', 'defence_lapsed', 'counterclaim_filed', 'counterclaim_decided',
    'objection_raised', 'objection_decided', 'claim_change_applied', 'claim_change_decided',
    'party_joined', 'suspension_requested', 'suspension_refused', 'extension_requested',
    'extension_decided', 'withdrawal_applied', 'postponement_applied', 'recusal_applied',
    'overdue_certified'
));

-- The docket: an arbitrator's open cases by next deadline.
CREATE INDEX cases_docket_idx ON cases (arbitrator_id, next_due, id)
    WHERE arbitrator_id IS NOT NULL AND status NOT IN ('closed', 'rejected', 'referred_out');
CREATE INDEX cases_clerk_docket_idx ON cases (clerk_id, next_due, id)
    WHERE clerk_id IS NOT NULL AND status NOT IN ('closed', 'rejected', 'referred_out');

-- One row per clock of a case, keyed by the rule code of config/periods.toml; rewritten from
-- the event log after every transition. `detail` is the whole clock (trace, pauses, restarts).
CREATE TABLE case_clocks (
    case_id        UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    rule           TEXT NOT NULL CHECK (rule IN (
        'handover', 'acceptance_review', 'correction_notice', 'revocation_notice',
        'serve_application_copy', 'defence', 'serve_defence_copy', 'counterclaim_decision',
        'tribunal_notice', 'hearing_notice', 'postponement_request', 'recusal_decision',
        'entrusted_mediation', 'mediation_agreement_review', 'collective_acceptance_review',
        'collective_notice', 'deemed_service', 'mediation_organisation',
        'mediation_agreement_review_application', 'case_limit', 'extension',
        'public_notice_service', 'sue_final_award', 'sue_non_final_award',
        'set_aside_final_award', 'correction_reply'
    )),
    start_on       DATE NOT NULL,
    due_on         DATE NOT NULL,
    met_on         DATE,
    paused         BOOLEAN NOT NULL,
    paused_days    INTEGER NOT NULL CHECK (paused_days >= 0),
    extension_days INTEGER NOT NULL CHECK (extension_days BETWEEN 0 AND 15),
    restarts       INTEGER NOT NULL CHECK (restarts >= 0),
    provisional    BOOLEAN NOT NULL,
    detail         JSONB NOT NULL,
    PRIMARY KEY (case_id, rule),
    CHECK (start_on <= due_on)
);
-- The early-warning sweep scans running, unpaused clocks by due date.
CREATE INDEX case_clocks_running_idx ON case_clocks (due_on) WHERE met_on IS NULL AND NOT paused;

-- Official documents (法律文书): rendered once from a template, kept as issued.
CREATE TABLE documents (
    id          UUID PRIMARY KEY,
    case_id     UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    event_id    BIGINT NOT NULL REFERENCES case_events (id),
    kind        TEXT NOT NULL CHECK (kind IN (
        'acceptance', 'non_acceptance', 'correction', 'respondent_notice', 'defence_copy',
        'withdrawal_decision', 'deemed_withdrawal_decision', 'revocation_decision',
        'termination_decision', 'suspension_notice', 'resumption_notice', 'extension_notice',
        'transfer_letter', 'overdue_certificate'
    )),
    number      TEXT NOT NULL UNIQUE,
    side        TEXT CHECK (side IN ('applicant', 'respondent')),
    recipient   TEXT NOT NULL,
    title_zh    TEXT NOT NULL,
    issued_on   DATE NOT NULL,
    html        TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX documents_case_idx ON documents (case_id, created_at);

CREATE FUNCTION documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'documents are kept as issued';
END;
$$;
CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION documents_immutable();

-- Gap-free document numbers per commission, year and document word (受, 不受, 补 …).
CREATE TABLE document_number_sequences (
    commission_code TEXT NOT NULL REFERENCES commissions (code),
    year            INTEGER NOT NULL,
    word            TEXT NOT NULL,
    last_value      INTEGER NOT NULL CHECK (last_value >= 0),
    PRIMARY KEY (commission_code, year, word)
);

-- Service records (送达), written with the `served` event that is their truth.
CREATE TABLE service_records (
    id          BIGSERIAL PRIMARY KEY,
    case_id     UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    event_id    BIGINT NOT NULL UNIQUE REFERENCES case_events (id),
    document_id UUID REFERENCES documents (id),
    side        TEXT NOT NULL CHECK (side IN ('applicant', 'respondent')),
    method      TEXT NOT NULL CHECK (method IN (
        'direct', 'post', 'electronic', 'simplified_message', 'left_at_address', 'public_notice'
    )),
    served_on   DATE NOT NULL,
    deemed_on   DATE NOT NULL CHECK (deemed_on >= served_on),
    proof_id    UUID REFERENCES evidence (id),
    recorded_by UUID REFERENCES users (id)
);
CREATE INDEX service_records_document_idx ON service_records (document_id);

-- Early warning: one mark per clock, threshold and due date, so each crossing notifies once.
CREATE TABLE clock_warnings (
    case_id     UUID NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    rule        TEXT NOT NULL,
    threshold   TEXT NOT NULL CHECK (threshold IN ('at_risk', 'overdue')),
    due_on      DATE NOT NULL,
    marked_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, rule, threshold, due_on)
);

-- Employer accounts are tied to a unified social credit code (统一社会信用代码).
ALTER TABLE users ADD COLUMN uscc TEXT;
ALTER TABLE users ADD CONSTRAINT users_uscc_employers_only CHECK (uscc IS NULL OR role = 'employer');
CREATE INDEX users_uscc_idx ON users (uscc) WHERE uscc IS NOT NULL;
