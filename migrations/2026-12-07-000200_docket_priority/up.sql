-- Collective disputes are heard with priority (办案规则 第五条): a docket lists them first, then
-- by the next due date. The docket indexes carry that order, so a page of 50 is still read
-- straight from the index instead of sorting every open case of the holder.
DROP INDEX cases_docket_idx;
DROP INDEX cases_clerk_docket_idx;
CREATE INDEX cases_docket_idx ON cases (arbitrator_id, (track IS NOT DISTINCT FROM 'collective') DESC, next_due, id)
    WHERE arbitrator_id IS NOT NULL AND status NOT IN ('closed', 'rejected', 'referred_out');
CREATE INDEX cases_clerk_docket_idx ON cases (clerk_id, (track IS NOT DISTINCT FROM 'collective') DESC, next_due, id)
    WHERE clerk_id IS NOT NULL AND status NOT IN ('closed', 'rejected', 'referred_out');
