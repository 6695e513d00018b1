-- Scales a generated year up for the supervision figures benchmark (docs/benchmarks.md): adds
-- copies :first to :last of every arbitration case and mediation organisation's case the generator
-- made, with new ids and numbers, their facts (through the same triggers that keep the rollup)
-- and, when :full is true, their case rows and event logs (for the drill-down's names and the
-- event-log SQL beside the figures). Copy k is moved k mod 29 days earlier, so that the copies
-- spread over the days as a larger year would.
--
--   psql -d arbitration_metrics_bench -v first=1 -v last=19 -v full=false -f examples/metrics_copies.sql
--   psql -d arbitration_metrics_bench -v first=20 -v last=99 -v full=false -f examples/metrics_copies.sql
--
-- Only for a benchmark database: the copies are rows, not cases driven through the commands.
-- Without :full the facts' references to their cases are dropped from this database (a copy's
-- case row would cost about 2 ms to write; its facts, which the figures read, 0.05 ms), so a
-- drill-down there lists the generated cases only.

\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE copy_of AS SELECT generate_series(:first, :last) AS k;
CREATE TEMP TABLE base_cases AS SELECT id FROM cases WHERE case_number IS NULL OR case_number !~ '-c[0-9]+$';
CREATE TEMP TABLE base_mediation AS SELECT id FROM mediation_cases WHERE review_number IS NULL OR review_number !~ '-c[0-9]+$';

-- A copy's id: stable for (original, copy), so the rows of one copy point at each other.
CREATE FUNCTION pg_temp.copy_id(id uuid, k int) RETURNS uuid LANGUAGE sql IMMUTABLE
    AS $$ SELECT md5(id::text || '/' || k)::uuid $$;
-- How many days earlier copy k is.
CREATE FUNCTION pg_temp.shift(k int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT k % 29 $$;

\if :full
INSERT INTO cases
SELECT (jsonb_populate_record(NULL::cases, to_jsonb(c) || jsonb_build_object(
    'id', pg_temp.copy_id(c.id, k),
    'case_number', c.case_number || '-c' || k,
    'filing_ref', c.filing_ref || '-c' || k,
    'received_at', c.received_at - make_interval(days => pg_temp.shift(k)),
    'accepted_at', c.accepted_at - make_interval(days => pg_temp.shift(k)),
    'closed_at', c.closed_at - make_interval(days => pg_temp.shift(k))))).*
FROM cases c JOIN base_cases b USING (id) CROSS JOIN copy_of;

INSERT INTO mediation_cases
SELECT (jsonb_populate_record(NULL::mediation_cases, to_jsonb(m) || jsonb_build_object(
    'id', pg_temp.copy_id(m.id, k),
    'review_number', m.review_number || '-c' || k,
    'filing_case_id', pg_temp.copy_id(m.filing_case_id, k),
    'received_on', m.received_on - pg_temp.shift(k),
    'mediation_due', m.mediation_due - pg_temp.shift(k)))).*
FROM mediation_cases m JOIN base_mediation b USING (id) CROSS JOIN copy_of;
\else
ALTER TABLE case_facts DROP CONSTRAINT IF EXISTS case_facts_case_id_fkey;
ALTER TABLE mediation_case_facts DROP CONSTRAINT IF EXISTS mediation_case_facts_mediation_case_id_fkey;
\endif

INSERT INTO case_facts (case_id, version, known_from, known_to, commission_code, hearing_room, track, claim_types,
    arbitrator_id, workers, received_on, accepted_on, acceptance_due, closed_on, closure_mode, limit_due,
    awarded_items, challenged_items, upheld_items, changed_items, reversed_items, set_aside_items)
SELECT pg_temp.copy_id(f.case_id, k), f.version, f.known_from - pg_temp.shift(k), f.known_to - pg_temp.shift(k),
    f.commission_code, f.hearing_room, f.track, f.claim_types, f.arbitrator_id, f.workers,
    f.received_on - pg_temp.shift(k), f.accepted_on - pg_temp.shift(k), f.acceptance_due - pg_temp.shift(k),
    f.closed_on - pg_temp.shift(k), f.closure_mode, f.limit_due - pg_temp.shift(k),
    f.awarded_items, f.challenged_items, f.upheld_items, f.changed_items, f.reversed_items, f.set_aside_items
FROM case_facts f JOIN base_cases b ON b.id = f.case_id CROSS JOIN copy_of;

INSERT INTO mediation_case_facts (mediation_case_id, version, known_from, known_to, organisation_code,
    commission_code, received_on, ended_on, outcome)
SELECT pg_temp.copy_id(f.mediation_case_id, k), f.version, f.known_from - pg_temp.shift(k),
    f.known_to - pg_temp.shift(k), f.organisation_code, f.commission_code, f.received_on - pg_temp.shift(k),
    f.ended_on - pg_temp.shift(k), f.outcome
FROM mediation_case_facts f JOIN base_mediation b ON b.id = f.mediation_case_id CROSS JOIN copy_of;

\if :full
INSERT INTO case_events (case_id, seq, kind, from_status, to_status, actor_id, at, payload, commission_code, reason)
SELECT pg_temp.copy_id(e.case_id, k), e.seq, e.kind, e.from_status, e.to_status, e.actor_id,
    e.at - make_interval(days => pg_temp.shift(k)), e.payload,
    e.commission_code, e.reason
FROM case_events e JOIN base_cases b ON b.id = e.case_id CROSS JOIN copy_of;

INSERT INTO mediation_case_events (mediation_case_id, seq, kind, from_status, to_status, actor_id, at, payload)
SELECT pg_temp.copy_id(e.mediation_case_id, k), e.seq, e.kind, e.from_status, e.to_status, e.actor_id,
    e.at - make_interval(days => pg_temp.shift(k)), e.payload
FROM mediation_case_events e JOIN base_mediation b ON b.id = e.mediation_case_id CROSS JOIN copy_of;
\endif
COMMIT;

-- Merge the copies' rollup rows of each past day, as the sweep would have.
SELECT metric_rollup_compact('1970-01-01', current_date);
