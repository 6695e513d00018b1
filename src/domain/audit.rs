//! Tamper evidence: the hash chains of the case event log and the personal-data access log.
//!
//! A row's hash is the SHA-256 (lower-case hex) of the previous row's hash (empty for a chain's
//! first row) followed by the row's canonical text. The database computes it when the row is
//! written (migration `2026-12-08-000300_audit_chain`); this module recomputes it, so an export
//! is verified without the database, and so is anything an inspector holds.

use sha2::{Digest, Sha256};

/// The hash of a row whose canonical text is `canonical`, after a row hashed `prev`.
pub fn chain_hash(prev: &str, canonical: &str) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    h.update(canonical.as_bytes());
    hex::encode(h.finalize())
}

/// The SHA-256 (hex) of some bytes: documents, evidence files and export files.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// One row of a chain as exported.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Link {
    /// The chain the row belongs to (a case id for events; one chain for the access log).
    pub chain: String,
    /// Its position in the chain.
    pub position: i64,
    /// The previous row's hash (empty for the chain's first row).
    pub prev_hash: String,
    /// The row's hash as stored.
    pub hash: String,
    /// The row's canonical text.
    pub canonical: String,
}

/// Why a row fails verification.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fault {
    /// The stored hash is not the hash of the row's content after its previous hash: the row
    /// was altered.
    Altered,
    /// The row's previous hash is not the hash of the row before it in the export: a row was
    /// removed or inserted between them.
    Unlinked,
}

/// A row that fails verification.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Break {
    /// Its chain.
    pub chain: String,
    /// Its position.
    pub position: i64,
    /// What is wrong.
    pub fault: Fault,
}

/// Checks rows given in chain order (each chain's rows consecutive and by position): every
/// hash must be the hash of its content after its previous hash, and every row after a
/// chain's first one in the export must follow the hash of the row before it. A period's first
/// row of a chain may follow a row outside the period: its `prev_hash` is taken as given.
pub fn verify(rows: &[Link]) -> Vec<Break> {
    let mut out = Vec::new();
    let mut before: Option<&Link> = None;
    for row in rows {
        if chain_hash(&row.prev_hash, &row.canonical) != row.hash {
            out.push(Break { chain: row.chain.clone(), position: row.position, fault: Fault::Altered });
        }
        if let Some(b) = before.filter(|b| b.chain == row.chain)
            && (b.hash != row.prev_hash || row.position != b.position + 1)
        {
            out.push(Break { chain: row.chain.clone(), position: row.position, fault: Fault::Unlinked });
        }
        before = Some(row);
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chain(name: &str, texts: &[String]) -> Vec<Link> {
        let mut prev = String::new();
        let mut out = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let hash = chain_hash(&prev, t);
            out.push(Link {
                chain: name.into(),
                position: i64::try_from(i).unwrap() + 1,
                prev_hash: prev.clone(),
                hash: hash.clone(),
                canonical: t.clone(),
            });
            prev = hash;
        }
        out
    }

    #[test]
    fn the_hash_is_sha256_of_the_previous_hash_and_the_text() {
        // sha256("abc")
        assert_eq!(chain_hash("", "abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(chain_hash("a", "bc"), chain_hash("", "abc"));
        assert_eq!(sha256_hex(b"abc"), chain_hash("", "abc"));
    }

    #[test]
    fn an_intact_export_verifies() {
        let texts: Vec<String> = (0..5).map(|i| format!("[{i}]")).collect();
        let mut rows = chain("a", &texts);
        rows.extend(chain("b", &texts));
        assert!(verify(&rows).is_empty());
        // A period that starts inside a chain verifies from its first row.
        assert!(verify(&rows[2..]).is_empty());
    }

    proptest! {
        #[test]
        fn any_altered_or_removed_row_is_found(
            texts in proptest::collection::vec("[a-z0-9]{1,12}", 2..12),
            pick in any::<prop::sample::Index>(),
            remove in any::<bool>(),
        ) {
            let rows = chain("case", &texts);
            let i = pick.index(rows.len());
            let mut tampered = rows.clone();
            if remove {
                // Removing the last row of an export cannot show: the manifest's count does.
                prop_assume!(i + 1 < rows.len() && i > 0);
                tampered.remove(i);
                prop_assert!(verify(&tampered).iter().any(|b| b.fault == Fault::Unlinked));
            } else {
                tampered[i].canonical.push('x');
                prop_assert!(verify(&tampered).iter().any(|b| b.position == rows[i].position));
            }
        }
    }
}
