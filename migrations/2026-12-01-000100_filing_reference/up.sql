-- The filing reference (申请编号) a worker is given at submission (T1), long before the
-- official case number of acceptance: shown on the case page, "my cases" and the receipt, and
-- searched in the intake queue. Unique; present exactly when the filing has been received.
ALTER TABLE cases ADD COLUMN filing_ref text;

-- Filings received before this migration get a reference of the same shape from their id.
UPDATE cases
SET filing_ref = 'SQ' || to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || '-'
                 || upper(substr(md5(id::text), 1, 10))
WHERE received_at IS NOT NULL;

ALTER TABLE cases ADD CONSTRAINT cases_filing_ref_key UNIQUE (filing_ref);
ALTER TABLE cases ADD CONSTRAINT cases_filing_ref_once_received
    CHECK ((filing_ref IS NULL) = (received_at IS NULL));

-- The intake queue is searched by the employer's credit code as well as by the ID number
-- (which has its index already).
CREATE INDEX case_parties_uscc_idx ON case_parties (uscc) WHERE uscc IS NOT NULL;
