//! Credentials: argon2 password hashes, signed short-lived access tokens, CSRF tokens.

pub mod password;
pub mod respondent_link;
pub mod token;
