//! The official documents (法律文书) of a case: which kinds exist, what each one says, and the
//! ready-to-print view a template receives.
//!
//! - [`DocumentKind`]: code, Chinese and English titles, the word of the document number
//!   (`苏园劳人仲受字〔2026〕第00012号`), the legal basis, the template and the addressee.
//! - [`DocumentBody`]: the typed content, one variant per kind; the kind is derived from it,
//!   so a body can never be printed under another kind's heading.
//! - [`DocumentContext`]: heading, parties and body of one document as issued.
//! - [`DocumentView`]: the context with every date written in Chinese numerals
//!   ([`official_date_zh`]), which is what the templates render.
//!
//! Numbering, storage and service records are the caller's; everything here is pure.

mod body;
mod kind;
mod numerals;
mod view;

#[cfg(test)]
pub(crate) mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use body::{AwardBody, AwardLine, ClaimLine, DocumentBody, OnlineAccess, SettlementLine};
pub use kind::{Addressee, DocumentKind};
pub use numerals::{count_zh, official_date_zh};
pub use view::DocumentView;

/// The issuing commission as printed on the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommissionLine {
    /// Full Chinese name, e.g. 苏州工业园区劳动人事争议仲裁委员会.
    pub name_zh: String,
    /// Postal address of the seat.
    pub address: String,
    /// Office phone; may be empty until confirmed.
    pub phone: String,
}

/// A party as listed in a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyLine {
    /// Name of the person or the employer.
    pub name: String,
    /// Address for service (送达地址) or registered address; may be empty.
    pub address: String,
}

/// One document as issued: heading, addressee, parties and typed body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentContext {
    /// The document number, e.g. from [`DocumentKind::number`].
    pub number: String,
    /// The date of issue printed above the seal.
    pub issued_on: NaiveDate,
    /// The issuing commission.
    pub commission: CommissionLine,
    /// The case number; none before acceptance (a non-acceptance or correction notice).
    pub case_number: Option<String>,
    /// Whom the document is addressed to, as written in the salutation (称谓).
    pub recipient: String,
    /// The applicants (申请人).
    pub applicants: Vec<PartyLine>,
    /// The respondents (被申请人).
    pub respondents: Vec<PartyLine>,
    /// What the document says.
    pub body: DocumentBody,
}

impl DocumentContext {
    /// The kind of the document, derived from its body.
    pub fn kind(&self) -> DocumentKind {
        self.body.kind()
    }
}
