//! Password hashing with argon2id (OWASP parameters of the `argon2` crate's defaults).

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};

/// Hashes a password into a PHC string. CPU-heavy: call on a blocking thread.
pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("argon2 hashing failed: {e}"))
}

/// Checks a password against a PHC string. CPU-heavy: call on a blocking thread.
pub fn verify(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// Hashes on the blocking pool so no actix worker stalls.
pub async fn hash_async(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || hash(&password)).await?
}

/// Verifies on the blocking pool so no actix worker stalls.
pub async fn verify_async(password: String, phc: String) -> bool {
    tokio::task::spawn_blocking(move || verify(&password, &phc)).await.unwrap_or(false)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    #[test]
    fn a_hash_verifies_only_its_own_password() {
        let phc = super::hash("正确的密码 correct horse").unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(super::verify("正确的密码 correct horse", &phc));
        assert!(!super::verify("wrong", &phc));
        assert!(!super::verify("anything", "not a phc string"));
    }
}
