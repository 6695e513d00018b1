DROP INDEX case_parties_uscc_idx;
ALTER TABLE cases DROP CONSTRAINT cases_filing_ref_once_received;
ALTER TABLE cases DROP CONSTRAINT cases_filing_ref_key;
ALTER TABLE cases DROP COLUMN filing_ref;
