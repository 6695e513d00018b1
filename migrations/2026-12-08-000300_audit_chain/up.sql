-- Tamper evidence for inspectors: the case event log and the personal-data access log are hash
-- chains. A row's hash is SHA-256 over the previous row's hash (hex; empty for the first) followed
-- by the row's canonical text, a JSON array of its fields. An altered, inserted or removed row
-- breaks every hash after it; `arbitration audit check` recomputes the chains, and
-- `arbitration audit export` writes them out with the canonical texts so that anyone can
-- recompute them with a plain SHA-256 tool (docs/security.md, "Audit").

CREATE FUNCTION audit_hash(prev text, canonical text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(coalesce(prev, '') || canonical, 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_time(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

-- The case event log: one chain per case, in `seq` order (appends to a case are serialised by
-- the case row's lock).
ALTER TABLE case_events ADD COLUMN hash text NOT NULL DEFAULT '';

CREATE FUNCTION case_event_canonical(e case_events) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT json_build_array(e.id, e.case_id, e.seq, e.kind, e.from_status, e.to_status, e.actor_id,
        e.commission_code, audit_time(e.at), e.reason, e.payload)::text
$$;

CREATE FUNCTION case_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    prev text;
BEGIN
    SELECT hash INTO prev FROM case_events
        WHERE case_id = NEW.case_id AND seq < NEW.seq ORDER BY seq DESC LIMIT 1;
    NEW.hash := audit_hash(prev, case_event_canonical(NEW));
    RETURN NEW;
END;
$$;

ALTER TABLE case_events DISABLE TRIGGER case_events_no_update;
DO $$
DECLARE
    r case_events;
    prev text;
    last_case uuid;
BEGIN
    FOR r IN SELECT * FROM case_events ORDER BY case_id, seq LOOP
        IF last_case IS DISTINCT FROM r.case_id THEN
            prev := NULL;
            last_case := r.case_id;
        END IF;
        prev := audit_hash(prev, case_event_canonical(r));
        UPDATE case_events SET hash = prev WHERE id = r.id;
    END LOOP;
END;
$$;
ALTER TABLE case_events ENABLE TRIGGER case_events_no_update;

CREATE TRIGGER case_events_chain BEFORE INSERT ON case_events
    FOR EACH ROW EXECUTE FUNCTION case_events_chain();

-- The personal-data access log: one chain over the whole table in `chain_seq` order; inserts
-- take a transaction lock so the chain has one order whatever the id sequence gave.
CREATE FUNCTION personal_data_access_canonical(a personal_data_access) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT json_build_array(a.id, a.case_id, a.actor_id, a.actor_role, a.actor_commission, a.purpose,
        a.fields, audit_time(a.at), a.chain_seq)::text
$$;

CREATE FUNCTION personal_data_access_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    prev_seq bigint;
    prev text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('personal_data_access_chain'));
    SELECT chain_seq, hash INTO prev_seq, prev FROM personal_data_access ORDER BY chain_seq DESC LIMIT 1;
    NEW.chain_seq := coalesce(prev_seq, 0) + 1;
    NEW.hash := audit_hash(prev, personal_data_access_canonical(NEW));
    RETURN NEW;
END;
$$;

CREATE TRIGGER personal_data_access_chain BEFORE INSERT ON personal_data_access
    FOR EACH ROW EXECUTE FUNCTION personal_data_access_chain();
CREATE UNIQUE INDEX personal_data_access_chain_seq ON personal_data_access (chain_seq);

CREATE FUNCTION personal_data_access_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'personal_data_access is append-only';
END;
$$;
CREATE TRIGGER personal_data_access_no_update BEFORE UPDATE OR DELETE ON personal_data_access
    FOR EACH ROW EXECUTE FUNCTION personal_data_access_append_only();
