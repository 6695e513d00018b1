//! E-mail notices through a transactional outbox: rows are written in the transaction of the
//! event that causes them, and a background worker delivers them with retries and backoff.

pub mod ical;
pub mod mailer;
pub mod outbox;
pub mod webhook;
pub mod worker;
