DROP TRIGGER mediation_case_events_no_update ON mediation_case_events;
DROP FUNCTION mediation_case_events_append_only();
DROP TABLE mediation_case_events;
DROP TABLE mediation_cases;
DROP TABLE mediation_organisation_mediators;
DROP TABLE mediation_organisations;
