-- Scales a generated year up for the supervision figures benchmark (docs/benchmarks.md): adds
-- :copies copies of every arbitration case and mediation organisation's case already in the
-- database, with new ids and numbers, their facts (through the same triggers that keep the
-- rollup) and, when :events is true, their event logs (for the event-log SQL beside them).
--
--   psql -d arbitration_metrics_bench -v copies=19 -v events=true -f examples/metrics_copies.sql
--
-- Only for a benchmark database: the copies are rows, not cases driven through the commands.

\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE copy_of AS SELECT generate_series(1, :copies) AS k;
CREATE TEMP TABLE base_cases AS SELECT id FROM cases WHERE case_number IS NULL OR case_number !~ '-c[0-9]+$';
CREATE TEMP TABLE base_mediation AS SELECT id FROM mediation_cases WHERE review_number IS NULL OR review_number !~ '-c[0-9]+$';

-- A copy's id: stable for (original, copy), so the rows of one copy point at each other.
CREATE FUNCTION pg_temp.copy_id(id uuid, k int) RETURNS uuid LANGUAGE sql IMMUTABLE
    AS $$ SELECT md5(id::text || '/' || k)::uuid $$;

INSERT INTO cases
SELECT (jsonb_populate_record(NULL::cases, to_jsonb(c) || jsonb_build_object(
    'id', pg_temp.copy_id(c.id, k),
    'case_number', c.case_number || '-c' || k,
    'filing_ref', c.filing_ref || '-c' || k))).*
FROM cases c JOIN base_cases b USING (id) CROSS JOIN copy_of;

INSERT INTO mediation_cases
SELECT (jsonb_populate_record(NULL::mediation_cases, to_jsonb(m) || jsonb_build_object(
    'id', pg_temp.copy_id(m.id, k),
    'review_number', m.review_number || '-c' || k,
    'filing_case_id', pg_temp.copy_id(m.filing_case_id, k)))).*
FROM mediation_cases m JOIN base_mediation b USING (id) CROSS JOIN copy_of;

INSERT INTO case_facts
SELECT (jsonb_populate_record(NULL::case_facts, to_jsonb(f) || jsonb_build_object(
    'case_id', pg_temp.copy_id(f.case_id, k)))).*
FROM case_facts f JOIN base_cases b ON b.id = f.case_id CROSS JOIN copy_of;

INSERT INTO mediation_case_facts
SELECT (jsonb_populate_record(NULL::mediation_case_facts, to_jsonb(f) || jsonb_build_object(
    'mediation_case_id', pg_temp.copy_id(f.mediation_case_id, k)))).*
FROM mediation_case_facts f JOIN base_mediation b ON b.id = f.mediation_case_id CROSS JOIN copy_of;

\if :events
INSERT INTO case_events (case_id, seq, kind, from_status, to_status, actor_id, at, payload, commission_code, reason)
SELECT pg_temp.copy_id(e.case_id, k), e.seq, e.kind, e.from_status, e.to_status, e.actor_id, e.at, e.payload,
    e.commission_code, e.reason
FROM case_events e JOIN base_cases b ON b.id = e.case_id CROSS JOIN copy_of;

INSERT INTO mediation_case_events (mediation_case_id, seq, kind, from_status, to_status, actor_id, at, payload)
SELECT pg_temp.copy_id(e.mediation_case_id, k), e.seq, e.kind, e.from_status, e.to_status, e.actor_id, e.at,
    e.payload
FROM mediation_case_events e JOIN base_mediation b ON b.id = e.mediation_case_id CROSS JOIN copy_of;
\endif
COMMIT;

-- Merge the copies' rollup rows of each past day, as the sweep would have.
SELECT metric_rollup_compact('1970-01-01', current_date);
