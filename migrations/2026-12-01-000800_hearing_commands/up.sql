-- Hearings as case commands: rescheduling, cancellation and the decision on a postponement
-- are events; the 开庭通知书 and 延期开庭通知书 are documents; a notice e-mail may carry one
-- attachment (the hearing's iCalendar invitation, RFC 5545 / RFC 5546).
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
    'mediation_session_held', 'hearing_rescheduled', 'hearing_cancelled', 'postponement_decided'
));

ALTER TABLE documents DROP CONSTRAINT documents_kind_check;
ALTER TABLE documents ADD CONSTRAINT documents_kind_check CHECK (kind IN (
    'acceptance', 'non_acceptance', 'correction', 'respondent_notice', 'defence_copy',
    'withdrawal_decision', 'deemed_withdrawal_decision', 'revocation_decision',
    'termination_decision', 'suspension_notice', 'resumption_notice', 'extension_notice',
    'transfer_letter', 'overdue_certificate', 'tribunal_notice', 'recusal_decision',
    'hearing_notice', 'postponement_notice'
));

ALTER TABLE outbox
    ADD COLUMN attachment_name TEXT,
    ADD COLUMN attachment_type TEXT,
    ADD COLUMN attachment_body TEXT,
    ADD CONSTRAINT outbox_attachment_whole CHECK (
        (attachment_name IS NULL) = (attachment_type IS NULL)
        AND (attachment_name IS NULL) = (attachment_body IS NULL)
    );
