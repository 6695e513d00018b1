-- The provincial integrated platform (省一体化平台): filings it received enter the same pipeline,
-- idempotent by the platform's own id, and every status change of such a case is queued for
-- the platform in the same transaction as the event (docs/interfaces.md).

CREATE TABLE platform_filings (
    platform_id text PRIMARY KEY CHECK (length(platform_id) BETWEEN 1 AND 64),
    case_id uuid NOT NULL UNIQUE REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
    imported_by uuid NOT NULL REFERENCES users (id),
    imported_at timestamptz NOT NULL
);

-- One row per status change of a platform case. `seq` is given in commit order by the
-- sequencer (`platform_changes_sequence`), so a reader paging by `seq` never skips a change
-- that committed late; the webhook delivers in `seq` order.
CREATE SEQUENCE platform_change_seq;
CREATE TABLE platform_changes (
    id bigserial PRIMARY KEY,
    seq bigint UNIQUE,
    event_id bigint NOT NULL UNIQUE REFERENCES case_events (id),
    case_id uuid NOT NULL,
    platform_id text NOT NULL REFERENCES platform_filings (platform_id),
    created_at timestamptz NOT NULL DEFAULT now(),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    lease_until timestamptz,
    delivered_at timestamptz,
    last_error text
);
CREATE INDEX platform_changes_unsequenced ON platform_changes (id) WHERE seq IS NULL;
CREATE INDEX platform_changes_undelivered ON platform_changes (seq) WHERE delivered_at IS NULL AND seq IS NOT NULL;

CREATE FUNCTION platform_changes_from_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.from_status <> NEW.to_status THEN
        INSERT INTO platform_changes (event_id, case_id, platform_id)
            SELECT NEW.id, NEW.case_id, p.platform_id FROM platform_filings p WHERE p.case_id = NEW.case_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER case_events_platform_changes AFTER INSERT ON case_events
    FOR EACH ROW EXECUTE FUNCTION platform_changes_from_event();

-- Gives the committed changes without a place in the feed the next places, in id order
-- (which is commit order within a case: appends to a case hold its row lock). One sequencer
-- at a time; returns how many it placed.
CREATE FUNCTION platform_changes_sequence() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    placed bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('platform_changes_sequence'));
    WITH ordered AS (
        SELECT id FROM platform_changes WHERE seq IS NULL ORDER BY id
    ), numbered AS (
        SELECT id, nextval('platform_change_seq') AS seq FROM ordered
    )
    UPDATE platform_changes p SET seq = n.seq FROM numbered n WHERE p.id = n.id;
    GET DIAGNOSTICS placed = ROW_COUNT;
    RETURN placed;
END;
$$;
