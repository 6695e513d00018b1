-- Online mediation inside the arbitration (法 第四十二条; 办案规则 第七十条至第七十三条): the
-- proposals, answers, the mediation document (调解书) and its signatures are events of the case;
-- the message thread and the one-time signing codes are rows of their own.

ALTER TABLE case_events DROP CONSTRAINT case_events_kind_known;
ALTER TABLE case_events ADD CONSTRAINT case_events_kind_known CHECK (kind IN (
    'submitted', 'received', 'rerouted', 'correction_requested', 'corrected', 'accepted',
    'rejected', 'referred_out', 'transferred', 'withdrawn', 'mediation_started', 'settled',
    'mediation_failed', 'hearing_scheduled', 'hearing_held', 'awarded', 'suspended', 'resumed',
    'terminated', 'triaged', 'converted_to_ordinary', 'assigned', 'served', 'consent_given',
    'defence_filed', 'defence_lapsed', 'counterclaim_filed', 'counterclaim_decided',
    'objection_raised', 'objection_decided', 'claim_change_applied', 'claim_change_decided',
    'party_joined', 'suspension_requested', 'suspension_refused', 'extension_requested',
    'extension_decided', 'withdrawal_applied', 'postponement_applied', 'recusal_applied',
    'overdue_certified', 'recusal_decided', 'tribunal_formed', 'mediation_entrusted',
    'mediation_session_held', 'settlement_proposed', 'proposal_answered',
    'mediation_document_drafted', 'mediation_document_signed', 'mediation_document_declined'
));

ALTER TABLE documents DROP CONSTRAINT documents_kind_check;
ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (
    'acceptance', 'non_acceptance', 'correction', 'respondent_notice', 'defence_copy',
    'withdrawal_decision', 'deemed_withdrawal_decision', 'revocation_decision',
    'termination_decision', 'suspension_notice', 'resumption_notice', 'extension_notice',
    'transfer_letter', 'overdue_certificate', 'tribunal_notice', 'recusal_decision', 'mediation_document'
));

-- The mediation's message thread: the mediator (staff, no side) and each party. A message is
-- for everyone (to_side NULL) or for one party only; a party writes to everyone or privately
-- to the mediator (to its own side).
CREATE TABLE mediation_messages (
    id          BIGSERIAL PRIMARY KEY,
    case_id     UUID NOT NULL REFERENCES cases (id),
    author_id   UUID NOT NULL REFERENCES users (id),
    author_side TEXT CHECK (author_side IN ('applicant', 'respondent')),
    to_side     TEXT CHECK (to_side IN ('applicant', 'respondent')),
    body        TEXT NOT NULL CHECK (length(btrim(body)) > 0 AND length(body) <= 4000),
    created_at  TIMESTAMPTZ NOT NULL,
    CHECK (author_side IS NULL OR to_side IS NULL OR to_side = author_side)
);
CREATE INDEX mediation_messages_case ON mediation_messages (case_id, id);

-- One-time codes for signing the mediation document: 6 digits sent to the party, kept only as
-- a keyed hash, valid for a few minutes, for a few attempts, once.
CREATE TABLE mediation_sign_codes (
    id          BIGSERIAL PRIMARY KEY,
    case_id     UUID NOT NULL REFERENCES cases (id),
    user_id     UUID NOT NULL REFERENCES users (id),
    side        TEXT NOT NULL CHECK (side IN ('applicant', 'respondent')),
    code_hash   TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL CHECK (expires_at > created_at),
    attempts    INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    used_at     TIMESTAMPTZ
);
CREATE INDEX mediation_sign_codes_holder ON mediation_sign_codes (case_id, user_id, id);
