-- The tribunal (仲裁庭): its formation and the decision on a challenge are events with their
-- documents (组庭通知书, 回避决定书); the arbitrators' roster says who may sit and what they
-- declared, for the conflict-of-interest check (劳动争议调解仲裁法 第十九条、第二十条、第三十三条).

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
    'overdue_certified', 'recusal_decided', 'tribunal_formed'
));

ALTER TABLE documents DROP CONSTRAINT documents_kind_check;
ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (
    'acceptance', 'non_acceptance', 'correction', 'respondent_notice', 'defence_copy',
    'withdrawal_decision', 'deemed_withdrawal_decision', 'revocation_decision',
    'termination_decision', 'suspension_notice', 'resumption_notice', 'extension_notice',
    'transfer_letter', 'overdue_certificate', 'tribunal_notice', 'recusal_decision'
));

-- The roster (仲裁员名册): one row per arbitrator account. An arbitrator without a row is a
-- full-time arbitrator of their own commission, active while the account is.
CREATE TABLE arbitrator_profiles (
    user_id        UUID PRIMARY KEY REFERENCES users (id),
    employment     TEXT NOT NULL CHECK (employment IN ('full_time', 'part_time')),
    -- Where a part-time (兼职) arbitrator comes from.
    affiliation    TEXT CHECK (affiliation IN ('lawyer', 'scholar', 'union', 'employer_organisation', 'other')),
    -- The ground of 法 第二十条 they qualify under.
    qualification  TEXT NOT NULL CHECK (qualification IN
        ('former_judge', 'legal_research', 'hr_or_union', 'lawyer')),
    active_from    DATE NOT NULL,
    active_until   DATE,
    -- The commissions whose cases they may sit on (besides their account's own).
    commissions    TEXT[] NOT NULL DEFAULT '{}',
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (active_until IS NULL OR active_until >= active_from),
    CHECK ((employment = 'part_time') = (affiliation IS NOT NULL))
);

-- What an arbitrator declared: organisations and persons they are tied to.
CREATE TABLE arbitrator_interests (
    id          BIGSERIAL PRIMARY KEY,
    user_id     UUID NOT NULL REFERENCES users (id),
    kind        TEXT NOT NULL CHECK (kind IN ('organisation', 'person')),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    credit_code TEXT,
    id_number   TEXT,
    relation    TEXT NOT NULL DEFAULT '',
    declared_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    withdrawn_at TIMESTAMPTZ
);
CREATE INDEX arbitrator_interests_user ON arbitrator_interests (user_id) WHERE withdrawn_at IS NULL;
