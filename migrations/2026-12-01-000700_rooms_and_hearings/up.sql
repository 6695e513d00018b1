-- Rooms and hearings. Double bookings are refused by the database itself: a room, an
-- arbitrator or a clerk is never in two active hearings at once (exclusion constraints over
-- half-open '[)' time ranges, so a hearing may start when the one before ends).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE rooms (
    code       TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9-]{2,39}$'),
    venue_code TEXT NOT NULL REFERENCES venues (code),
    name_zh    TEXT NOT NULL CHECK (btrim(name_zh) <> ''),
    name_en    TEXT NOT NULL CHECK (btrim(name_en) <> ''),
    kind       TEXT NOT NULL CHECK (kind IN ('hearing', 'mediation', 'online')),
    capacity   INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX rooms_venue_idx ON rooms (venue_code);

CREATE TABLE hearings (
    id             UUID PRIMARY KEY,
    case_id        UUID NOT NULL REFERENCES cases (id),
    room_code      TEXT NOT NULL REFERENCES rooms (code),
    -- Always a bounded, non-empty '[)' range: [start, end).
    during         TSTZRANGE NOT NULL CHECK (
        NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)
        AND NOT lower_inf(during) AND NOT upper_inf(during)
    ),
    -- The tribunal, the presiding arbitrator first: one sole arbitrator or three
    -- (劳动争议调解仲裁法 第三十一条), all different, the clerk not among them.
    arbitrator_ids UUID[] NOT NULL CHECK (
        cardinality(arbitrator_ids) IN (1, 3) AND array_position(arbitrator_ids, NULL) IS NULL
    ),
    clerk_id       UUID NOT NULL REFERENCES users (id),
    status         TEXT NOT NULL DEFAULT 'scheduled'
                   CHECK (status IN ('scheduled', 'postponed', 'cancelled', 'held')),
    -- iCalendar SEQUENCE (RFC 5545 §3.8.7.4): raised with every change sent to the parties.
    sequence       INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    -- The parties waived the 5-working-day notice period (劳动争议调解仲裁法 第三十五条).
    notice_waived  BOOLEAN NOT NULL DEFAULT FALSE,
    waived_by      UUID REFERENCES users (id),
    waived_at      TIMESTAMPTZ,
    created_by     UUID NOT NULL REFERENCES users (id),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT hearings_waiver_recorded
        CHECK (notice_waived = (waived_by IS NOT NULL) AND notice_waived = (waived_at IS NOT NULL)),
    CONSTRAINT hearings_clerk_not_on_tribunal CHECK (NOT (clerk_id = ANY (arbitrator_ids))),
    CONSTRAINT hearings_room_no_overlap
        EXCLUDE USING gist (room_code WITH =, during WITH &&) WHERE (status IN ('scheduled', 'held'))
);
CREATE INDEX hearings_case_idx ON hearings (case_id);

-- One row per person booked for a hearing, kept in step with the hearing by the trigger below:
-- the hearing's members, range and status are the truth, the bookings their index.
CREATE TABLE hearing_bookings (
    hearing_id UUID NOT NULL REFERENCES hearings (id) ON DELETE CASCADE,
    person_id  UUID NOT NULL REFERENCES users (id),
    role       TEXT NOT NULL CHECK (role IN ('arbitrator', 'clerk')),
    during     TSTZRANGE NOT NULL,
    active     BOOLEAN NOT NULL,
    PRIMARY KEY (hearing_id, person_id),
    CONSTRAINT hearing_bookings_person_no_overlap
        EXCLUDE USING gist (person_id WITH =, during WITH &&) WHERE (active)
);

CREATE FUNCTION hearing_bookings_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.during = OLD.during AND NEW.status = OLD.status
           AND NEW.arbitrator_ids = OLD.arbitrator_ids AND NEW.clerk_id = OLD.clerk_id THEN
            RETURN NULL;
        END IF;
        DELETE FROM hearing_bookings WHERE hearing_id = NEW.id;
    END IF;
    INSERT INTO hearing_bookings (hearing_id, person_id, role, during, active)
    SELECT NEW.id, a, 'arbitrator', NEW.during, NEW.status IN ('scheduled', 'held')
      FROM unnest(NEW.arbitrator_ids) AS a
    UNION ALL
    SELECT NEW.id, NEW.clerk_id, 'clerk', NEW.during, NEW.status IN ('scheduled', 'held');
    RETURN NULL;
END
$$;

CREATE TRIGGER hearing_bookings_sync
    AFTER INSERT OR UPDATE ON hearings
    FOR EACH ROW EXECUTE FUNCTION hearing_bookings_sync();
