-- Revocable sessions: every access token carries the account's session version; signing out,
-- changing the password or an administrator disabling the account increments it, so every
-- token issued before stops working at once, in every process.
ALTER TABLE users
    ADD COLUMN session_version INTEGER NOT NULL DEFAULT 0 CHECK (session_version >= 0),
    ADD COLUMN disabled_at     TIMESTAMPTZ;

-- Failed sign-ins, per account and per client address, for throttling password guessing.
-- Times are the database's own clock, shared by every process.
CREATE TABLE login_failures (
    id      BIGSERIAL PRIMARY KEY,
    subject TEXT NOT NULL CHECK (subject LIKE 'account:%' OR subject LIKE 'address:%'),
    at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX login_failures_subject_at_idx ON login_failures (subject, at);
