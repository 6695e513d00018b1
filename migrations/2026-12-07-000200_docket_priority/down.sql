DROP INDEX cases_docket_idx;
DROP INDEX cases_clerk_docket_idx;
CREATE INDEX cases_docket_idx ON cases (arbitrator_id, next_due, id)
    WHERE arbitrator_id IS NOT NULL AND status NOT IN ('closed', 'rejected', 'referred_out');
CREATE INDEX cases_clerk_docket_idx ON cases (clerk_id, next_due, id)
    WHERE clerk_id IS NOT NULL AND status NOT IN ('closed', 'rejected', 'referred_out');
