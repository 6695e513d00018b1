//! The filing reference (申请编号) given at submission (T1): a worker has something to quote
//! from the first day, long before acceptance gives the official case number.

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The reference of a filing received on `received_on` (China date): `SQ` + the date + ten
/// hexadecimal digits of a hash of the case id, e.g. `SQ20260302-4F1A09C2BE`. Stable for the
/// case (stored at submission); uniqueness is enforced by a constraint, and 40 bits per day
/// make a clash practically impossible at any commission's volume.
pub fn filing_reference(id: Uuid, received_on: NaiveDate) -> String {
    let digest = Sha256::digest(id.as_bytes());
    let tail: String = hex::encode_upper(&digest[..5]);
    ["SQ", &received_on.format("%Y%m%d").to_string(), "-", &tail].concat()
}

#[cfg(test)]
mod tests {
    #![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

    use super::*;

    #[test]
    fn the_reference_carries_the_date_and_differs_between_cases() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let a = filing_reference(Uuid::from_u128(1), day);
        assert!(a.starts_with("SQ20260302-") && a.len() == 21, "{a}");
        assert_eq!(a, filing_reference(Uuid::from_u128(1), day), "stable");
        assert_ne!(a, filing_reference(Uuid::from_u128(2), day));
    }
}
