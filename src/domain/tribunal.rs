//! The arbitral tribunal (仲裁庭): its form, its members, and the conflict-of-interest check of
//! its members against the parties (DOMAIN §2.6, §2.7).
//!
//! A tribunal is three arbitrators with a presiding one, or a sole arbitrator in the simple
//! procedure (劳动争议调解仲裁法 第三十一条). Three are required for collective disputes
//! (组织规则 第十三条). Before an arbitrator sits, what they declared (organisations and persons
//! they are tied to) is matched against the parties: a match is a ground to withdraw
//! (法 第三十三条) and forming the tribunal anyway needs a recorded reason.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How the tribunal is formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TribunalForm {
    /// A sole arbitrator (独任仲裁), for the simple procedure.
    Sole,
    /// Three arbitrators, one presiding (首席仲裁员).
    Three,
}

impl TribunalForm {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            TribunalForm::Sole => "sole",
            TribunalForm::Three => "three",
        }
    }

    /// How many arbitrators sit.
    pub fn size(self) -> usize {
        match self {
            TribunalForm::Sole => 1,
            TribunalForm::Three => 3,
        }
    }

    /// The Chinese name.
    pub fn label_zh(self) -> &'static str {
        match self {
            TribunalForm::Sole => "独任仲裁",
            TribunalForm::Three => "合议仲裁庭（三名仲裁员）",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            TribunalForm::Sole => "Sole arbitrator",
            TribunalForm::Three => "Tribunal of three",
        }
    }

    /// Both forms.
    pub const ALL: [TribunalForm; 2] = [TribunalForm::Sole, TribunalForm::Three];
}

/// A formed tribunal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Tribunal {
    /// Sole or three.
    pub form: TribunalForm,
    /// The sole or presiding arbitrator.
    pub presiding: Uuid,
    /// Every member, the presiding one first.
    pub members: Vec<Uuid>,
    /// Their names as printed on the documents, in the order of `members`.
    #[serde(default)]
    pub names: Vec<String>,
}

impl Tribunal {
    /// Whether an arbitrator sits on it.
    pub fn has(&self, arbitrator: Uuid) -> bool {
        self.members.contains(&arbitrator)
    }

    /// The printed name of a member.
    pub fn name_of(&self, arbitrator: Uuid) -> Option<&str> {
        let seat = self.members.iter().position(|m| *m == arbitrator)?;
        self.names.get(seat).map(String::as_str)
    }

    /// The tribunal with `out` replaced by `by`, named `by_name` (a recusal upheld); the
    /// presiding seat passes to the replacement.
    pub fn replaced(&self, out: Uuid, by: Uuid, by_name: &str) -> Tribunal {
        let mut t = self.clone();
        if let Some(seat) = t.members.iter().position(|m| *m == out) {
            t.members[seat] = by;
            if let Some(name) = t.names.get_mut(seat) {
                by_name.clone_into(name);
            }
        }
        if t.presiding == out {
            t.presiding = by;
        }
        t
    }
}

/// Whether an interest is an organisation or a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InterestKind {
    /// An employer, law firm, union or other organisation (matched by credit code or name).
    Organisation,
    /// A person (matched by ID number or name).
    Person,
}

/// What an arbitrator declared: an organisation or a person they are tied to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Interest {
    /// Organisation or person.
    pub kind: InterestKind,
    /// The name.
    pub name: String,
    /// The organisation's unified social credit code, if known.
    #[serde(default)]
    pub credit_code: Option<String>,
    /// The person's ID number, if known.
    #[serde(default)]
    pub id_number: Option<String>,
    /// The tie, in the arbitrator's words (employer, client, relative …).
    #[serde(default)]
    pub relation: String,
}

/// A party or a representative of one, as the conflict check sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PartyIdentity {
    /// Applicant, respondent, or the respondent's legal representative.
    pub role: String,
    /// The name.
    pub name: String,
    /// The ID number (a person).
    #[serde(default)]
    pub id_number: Option<String>,
    /// The credit code (an organisation).
    #[serde(default)]
    pub credit_code: Option<String>,
}

/// What a declared interest and a party have in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchedOn {
    /// The same unified social credit code.
    CreditCode,
    /// The same ID number.
    IdNumber,
    /// The same name (weaker: a namesake is possible).
    Name,
}

/// One conflict: an arbitrator's declared interest that matches a party.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Conflict {
    /// The arbitrator.
    pub arbitrator: Uuid,
    /// The arbitrator's name, for the message and the record.
    pub arbitrator_name: String,
    /// The party's role.
    pub party_role: String,
    /// The party's name.
    pub party_name: String,
    /// What matched.
    pub matched_on: MatchedOn,
    /// The declared tie.
    pub relation: String,
}

impl Conflict {
    /// One line for a message or a document, in Chinese.
    pub fn line_zh(&self) -> String {
        let on = match self.matched_on {
            MatchedOn::CreditCode => "统一社会信用代码相同",
            MatchedOn::IdNumber => "身份证件号码相同",
            MatchedOn::Name => "名称相同",
        };
        format!(
            "{}申报的关系人与{}“{}”{on}（{}）",
            self.arbitrator_name, self.party_role, self.party_name, self.relation
        )
    }
}

/// An arbitrator with what they declared.
#[derive(Debug, Clone)]
pub struct Declared<'a> {
    /// The arbitrator.
    pub arbitrator: Uuid,
    /// Their name.
    pub name: &'a str,
    /// Their declared interests.
    pub interests: &'a [Interest],
}

fn normal(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_uppercase).collect()
}

fn same(a: Option<&String>, b: Option<&String>) -> bool {
    match (a.map(|s| normal(s)), b.map(|s| normal(s))) {
        (Some(a), Some(b)) => !a.is_empty() && a == b,
        (Some(_) | None, None) | (None, Some(_)) => false,
    }
}

/// Every conflict between the arbitrators' declared interests and the parties: the same credit
/// code, the same ID number, or (when neither side gives a number to compare) the same name.
pub fn conflicts(arbitrators: &[Declared<'_>], parties: &[PartyIdentity]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for a in arbitrators {
        for interest in a.interests {
            for party in parties {
                let matched = if same(interest.credit_code.as_ref(), party.credit_code.as_ref()) {
                    Some(MatchedOn::CreditCode)
                } else if same(interest.id_number.as_ref(), party.id_number.as_ref()) {
                    Some(MatchedOn::IdNumber)
                } else {
                    let numbers_differ = (interest.credit_code.is_some() && party.credit_code.is_some())
                        || (interest.id_number.is_some() && party.id_number.is_some());
                    let name = normal(&interest.name);
                    (!numbers_differ && !name.is_empty() && name == normal(&party.name))
                        .then_some(MatchedOn::Name)
                };
                if let Some(matched_on) = matched {
                    out.push(Conflict {
                        arbitrator: a.arbitrator,
                        arbitrator_name: a.name.to_owned(),
                        party_role: party.role.clone(),
                        party_name: party.name.clone(),
                        matched_on,
                        relation: interest.relation.clone(),
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests;
