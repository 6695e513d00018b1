-- Who submitted each evidence file (举证方): the side it is evidence of, beside the account that
-- uploaded it (`uploaded_by`: the party itself, or a clerk entering it for that side) and the
-- upload time (`created_at`). Files uploaded before both sides could submit are the applicant's.
ALTER TABLE evidence ADD COLUMN side TEXT NOT NULL DEFAULT 'applicant';
ALTER TABLE evidence ALTER COLUMN side DROP DEFAULT;
ALTER TABLE evidence ADD CONSTRAINT evidence_side_known CHECK (side IN ('applicant', 'respondent'));

-- The last day of the side's evidence period when it was known at upload (the respondent's is
-- its defence period), and whether the file came after it (逾期举证, 办案规则 第十五条): a late
-- file is kept and shown as late; the tribunal decides whether to admit it.
ALTER TABLE evidence ADD COLUMN period_ends_on DATE;
ALTER TABLE evidence ADD COLUMN late BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE evidence ADD CONSTRAINT evidence_late_after_period CHECK (NOT late OR period_ends_on IS NOT NULL);
