DROP TABLE mediation_case_facts;
DROP TABLE case_facts;
