DROP TABLE mediation_case_events;
DROP TABLE mediation_cases;
DROP TABLE mediation_organisation_mediators;
DROP TABLE mediation_organisations;
