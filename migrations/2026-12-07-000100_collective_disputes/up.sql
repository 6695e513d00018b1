-- Collective disputes: the worker group organised and the consents of those represented
-- (办案规则 第六十三条) are case events.
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
    'mediation_session_held', 'advance_execution_requested', 'advance_execution_decided',
    'lawsuit_filed', 'set_aside_applied', 'court_decided', 'settlement_proposed',
    'proposal_answered', 'mediation_document_drafted', 'mediation_document_signed',
    'mediation_document_declined', 'hearing_rescheduled', 'hearing_cancelled',
    'postponement_decided', 'group_organised', 'consent_recorded'
));
