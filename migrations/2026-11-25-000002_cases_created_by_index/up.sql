-- "My cases" lists the filings an account owns or registered (owner_id = $1 OR created_by = $1);
-- a clerk at a window registers many. With this index beside cases_owner_idx the OR is answered
-- from two index scans instead of a scan of every case.
CREATE INDEX cases_created_by_idx ON cases (created_by, updated_at DESC);
