-- The notices given up (rare), so that the operations metrics count the outbox backlog from
-- this index and outbox_pending_idx without reading the sent notices.
CREATE INDEX outbox_failed_idx ON outbox (id) WHERE sent_at IS NULL AND failed_at IS NOT NULL;
