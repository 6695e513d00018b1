-- The supervision figures' rollup. The facts (case_facts, mediation_case_facts) stay the
-- record; these tables hold the same facts grouped by what the figures need — the month a case
-- was accepted and the month it closed, how, whether within its limits, its track — as signed
-- rows: a version of the facts adds its group on the day it became known and takes it away on
-- the day it was replaced. The triggers below write them in the transaction that writes the
-- facts, so the rollup is never behind the facts. The groups as of a day D are the sums of the
-- rows known on or before D: later events only add rows after D, so the figures as of D never
-- change. Compaction (metric_rollup_compact) merges a day's rows of one group into one, which
-- changes no sum.

-- Months are counted as year * 12 + month - 1, as the figures' queries count them. The counts
-- are int4: their sums are int8, added without numeric arithmetic.
CREATE FUNCTION metric_month(d date) RETURNS int4 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT (extract(year FROM d)::int4 * 12 + extract(month FROM d)::int4 - 1) $$;

-- A version's facts can only be of days up to the day it became known: what the figures as of
-- the window's last day count by month is then exact to the day (db::metrics::rollup_serves).
ALTER TABLE case_facts ADD CONSTRAINT case_facts_known_after_days
    CHECK (accepted_on <= known_from AND (closed_on IS NULL OR closed_on <= known_from)) NOT VALID;
ALTER TABLE mediation_case_facts ADD CONSTRAINT mediation_case_facts_known_after_end
    CHECK (ended_on IS NULL OR ended_on <= known_from) NOT VALID;

CREATE TABLE case_fact_deltas (
    known_on date NOT NULL,
    commission_code text,
    accepted_month int4 NOT NULL,
    closed_month int4,
    closure_mode text,
    -- Closed, on or before the last day of its limit.
    within_limit bool NOT NULL,
    -- Accepted on or before the last day of the acceptance review.
    in_time bool NOT NULL,
    track text,
    cases int4 NOT NULL,
    workers int4 NOT NULL,
    days_to_close int4 NOT NULL,
    days_to_accept int4 NOT NULL,
    awarded_items int4 NOT NULL,
    challenged_items int4 NOT NULL,
    upheld_items int4 NOT NULL,
    changed_items int4 NOT NULL,
    reversed_items int4 NOT NULL,
    set_aside_items int4 NOT NULL
);
CREATE INDEX case_fact_deltas_known ON case_fact_deltas (known_on);

-- The days each case took, for the medians: from acceptance to closure by the month closed
-- ('close'), from receipt to acceptance by the month accepted ('accept').
CREATE TABLE case_duration_deltas (
    known_on date NOT NULL,
    commission_code text,
    measure text NOT NULL CHECK (measure IN ('close', 'accept')),
    month int4 NOT NULL,
    track text,
    days int4 NOT NULL,
    cases int4 NOT NULL
);
CREATE INDEX case_duration_deltas_known ON case_duration_deltas (known_on);

CREATE TABLE mediation_fact_deltas (
    known_on date NOT NULL,
    commission_code text NOT NULL,
    organisation_code text NOT NULL,
    ended_month int4 NOT NULL,
    outcome text NOT NULL,
    cases int4 NOT NULL
);
CREATE INDEX mediation_fact_deltas_known ON mediation_fact_deltas (known_on);

-- Days before this one have been compacted.
CREATE TABLE metric_rollup_state (
    only_row bool PRIMARY KEY DEFAULT true CHECK (only_row),
    compacted_before date NOT NULL
);
INSERT INTO metric_rollup_state (compacted_before) VALUES ('1970-01-01');

-- Adds (sign 1) or takes away (sign -1) a version's groups on a day.
CREATE FUNCTION case_fact_delta(f case_facts, sign int4, day date) RETURNS void LANGUAGE sql AS $$
    INSERT INTO case_fact_deltas (known_on, commission_code, accepted_month, closed_month, closure_mode,
        within_limit, in_time, track, cases, workers, days_to_close, days_to_accept, awarded_items,
        challenged_items, upheld_items, changed_items, reversed_items, set_aside_items)
    SELECT day, f.commission_code, metric_month(f.accepted_on), metric_month(f.closed_on), f.closure_mode,
        COALESCE(f.closed_on <= COALESCE(f.limit_due, f.closed_on), false),
        f.accepted_on <= COALESCE(f.acceptance_due, f.accepted_on), f.track,
        sign, sign * f.workers, sign * COALESCE(f.closed_on - f.accepted_on, 0),
        sign * COALESCE(f.accepted_on - f.received_on, 0), sign * f.awarded_items, sign * f.challenged_items,
        sign * f.upheld_items, sign * f.changed_items, sign * f.reversed_items, sign * f.set_aside_items
    WHERE f.accepted_on IS NOT NULL;
    INSERT INTO case_duration_deltas (known_on, commission_code, measure, month, track, days, cases)
    SELECT day, f.commission_code, 'close', metric_month(f.closed_on), f.track, f.closed_on - f.accepted_on, sign
    WHERE f.accepted_on IS NOT NULL AND f.closed_on IS NOT NULL
    UNION ALL
    SELECT day, f.commission_code, 'accept', metric_month(f.accepted_on), f.track, f.accepted_on - f.received_on, sign
    WHERE f.accepted_on IS NOT NULL AND f.received_on IS NOT NULL;
$$;

CREATE FUNCTION mediation_fact_delta(f mediation_case_facts, sign int4, day date) RETURNS void LANGUAGE sql AS $$
    INSERT INTO mediation_fact_deltas (known_on, commission_code, organisation_code, ended_month, outcome, cases)
    SELECT day, f.commission_code, f.organisation_code, metric_month(f.ended_on), f.outcome, sign
    WHERE f.ended_on IS NOT NULL AND f.outcome IS NOT NULL;
$$;

-- A version counts from known_from until known_to: inserting it adds it on known_from (and
-- takes it away on known_to if it has one); deleting it undoes that; closing it (setting
-- known_to) takes it away on that day.
CREATE FUNCTION case_facts_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    same case_facts;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        same := NEW;
        same.known_to := OLD.known_to;
        IF same IS NOT DISTINCT FROM OLD THEN
            IF OLD.known_to IS NOT NULL THEN PERFORM case_fact_delta(OLD, 1, OLD.known_to); END IF;
            IF NEW.known_to IS NOT NULL THEN PERFORM case_fact_delta(NEW, -1, NEW.known_to); END IF;
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM case_fact_delta(OLD, -1, OLD.known_from);
        IF OLD.known_to IS NOT NULL THEN PERFORM case_fact_delta(OLD, 1, OLD.known_to); END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM case_fact_delta(NEW, 1, NEW.known_from);
        IF NEW.known_to IS NOT NULL THEN PERFORM case_fact_delta(NEW, -1, NEW.known_to); END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION mediation_case_facts_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    same mediation_case_facts;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        same := NEW;
        same.known_to := OLD.known_to;
        IF same IS NOT DISTINCT FROM OLD THEN
            IF OLD.known_to IS NOT NULL THEN PERFORM mediation_fact_delta(OLD, 1, OLD.known_to); END IF;
            IF NEW.known_to IS NOT NULL THEN PERFORM mediation_fact_delta(NEW, -1, NEW.known_to); END IF;
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM mediation_fact_delta(OLD, -1, OLD.known_from);
        IF OLD.known_to IS NOT NULL THEN PERFORM mediation_fact_delta(OLD, 1, OLD.known_to); END IF;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM mediation_fact_delta(NEW, 1, NEW.known_from);
        IF NEW.known_to IS NOT NULL THEN PERFORM mediation_fact_delta(NEW, -1, NEW.known_to); END IF;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER case_facts_rollup AFTER INSERT OR UPDATE OR DELETE ON case_facts
    FOR EACH ROW EXECUTE FUNCTION case_facts_rollup();
CREATE TRIGGER mediation_case_facts_rollup AFTER INSERT OR UPDATE OR DELETE ON mediation_case_facts
    FOR EACH ROW EXECUTE FUNCTION mediation_case_facts_rollup();

-- Merges the rows of each group and day, for the days from the last compaction up to (not
-- including) `before`. Sums are unchanged; rows that cancel out disappear. Rows written later
-- for an already compacted day are still counted, and merged by a later call over that day.
CREATE FUNCTION metric_rollup_compact(since date, before date) RETURNS void LANGUAGE sql AS $$
    WITH gone AS (DELETE FROM case_fact_deltas WHERE known_on >= since AND known_on < before RETURNING *)
    INSERT INTO case_fact_deltas
    SELECT known_on, commission_code, accepted_month, closed_month, closure_mode, within_limit, in_time, track,
        sum(cases), sum(workers), sum(days_to_close), sum(days_to_accept), sum(awarded_items), sum(challenged_items),
        sum(upheld_items), sum(changed_items), sum(reversed_items), sum(set_aside_items)
    FROM gone GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(cases) <> 0 OR sum(workers) <> 0 OR sum(days_to_close) <> 0 OR sum(days_to_accept) <> 0
        OR sum(awarded_items) <> 0 OR sum(challenged_items) <> 0 OR sum(upheld_items) <> 0
        OR sum(changed_items) <> 0 OR sum(reversed_items) <> 0 OR sum(set_aside_items) <> 0;
    WITH gone AS (DELETE FROM case_duration_deltas WHERE known_on >= since AND known_on < before RETURNING *)
    INSERT INTO case_duration_deltas
    SELECT known_on, commission_code, measure, month, track, days, sum(cases)
    FROM gone GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(cases) <> 0;
    WITH gone AS (DELETE FROM mediation_fact_deltas WHERE known_on >= since AND known_on < before RETURNING *)
    INSERT INTO mediation_fact_deltas
    SELECT known_on, commission_code, organisation_code, ended_month, outcome, sum(cases)
    FROM gone GROUP BY 1, 2, 3, 4, 5 HAVING sum(cases) <> 0;
$$;

-- Compacts the days from the last compaction up to (not including) `before`, once.
CREATE FUNCTION metric_rollup_compact_until(before date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    since date;
BEGIN
    SELECT compacted_before INTO since FROM metric_rollup_state FOR UPDATE;
    IF since < before THEN
        PERFORM metric_rollup_compact(since, before);
        UPDATE metric_rollup_state SET compacted_before = before;
    END IF;
END $$;

-- The facts recorded so far.
SELECT case_fact_delta(f, 1, f.known_from) FROM case_facts f;
SELECT case_fact_delta(f, -1, f.known_to) FROM case_facts f WHERE f.known_to IS NOT NULL;
SELECT mediation_fact_delta(f, 1, f.known_from) FROM mediation_case_facts f;
SELECT mediation_fact_delta(f, -1, f.known_to) FROM mediation_case_facts f WHERE f.known_to IS NOT NULL;
SELECT metric_rollup_compact('1970-01-01', 'infinity');

-- A drill-down's page in its order (start day, then case) from the current versions, without
-- reading the whole set (its size comes from the rollup).
CREATE INDEX case_facts_current_listing ON case_facts (accepted_on, case_id) WHERE known_to IS NULL;
