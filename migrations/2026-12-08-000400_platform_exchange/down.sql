DROP FUNCTION platform_changes_sequence();
DROP TRIGGER case_events_platform_changes ON case_events;
DROP FUNCTION platform_changes_from_event();
DROP TABLE platform_changes;
DROP SEQUENCE platform_change_seq;
DROP TABLE platform_filings;
