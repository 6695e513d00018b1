-- A case command sends all its writes in one pipelined batch (the projection, its events,
-- clocks, parties, documents, service records and notices), so that the gap-free number
-- counters it has just locked are held for one round trip. The statements of a batch may reach
-- the server in any order (one not yet prepared on a connection can be overtaken by one that
-- is), so the references between these rows are checked at commit instead of per statement.
-- Every reference is still checked: a transaction that leaves one dangling does not commit.
ALTER TABLE case_events ALTER CONSTRAINT case_events_case_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE case_parties ALTER CONSTRAINT case_parties_case_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE case_claims ALTER CONSTRAINT case_claims_case_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE case_clocks ALTER CONSTRAINT case_clocks_case_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE documents ALTER CONSTRAINT documents_case_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE documents ALTER CONSTRAINT documents_event_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE service_records ALTER CONSTRAINT service_records_case_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE service_records ALTER CONSTRAINT service_records_event_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE service_records ALTER CONSTRAINT service_records_document_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE outbox ALTER CONSTRAINT outbox_event_id_fkey DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE outbox ALTER CONSTRAINT outbox_case_id_fkey DEFERRABLE INITIALLY DEFERRED;
