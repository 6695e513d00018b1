ALTER TABLE evidence DROP CONSTRAINT evidence_late_after_period;
ALTER TABLE evidence DROP COLUMN late;
ALTER TABLE evidence DROP COLUMN period_ends_on;
ALTER TABLE evidence DROP CONSTRAINT evidence_side_known;
ALTER TABLE evidence DROP COLUMN side;
