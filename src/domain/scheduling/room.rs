//! Rooms: where hearings and mediations take place, each in a venue of the network.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::input::{FieldError, InputError};
use crate::domain::network::Network;

/// What a room is for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RoomKind {
    /// A hearing room (仲裁庭).
    Hearing,
    /// A mediation room (调解室).
    Mediation,
    /// An online hearing room (网上仲裁庭): the parties join by video.
    Online,
}

impl RoomKind {
    /// Every kind, in display order.
    pub const ALL: [RoomKind; 3] = [RoomKind::Hearing, RoomKind::Mediation, RoomKind::Online];

    /// Stable code, as stored (`hearing`, `mediation`, `online`).
    pub fn as_str(self) -> &'static str {
        match self {
            RoomKind::Hearing => "hearing",
            RoomKind::Mediation => "mediation",
            RoomKind::Online => "online",
        }
    }

    /// Parses a stable code.
    pub fn parse(code: &str) -> Option<RoomKind> {
        RoomKind::ALL.into_iter().find(|k| k.as_str() == code)
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            RoomKind::Hearing => "仲裁庭",
            RoomKind::Mediation => "调解室",
            RoomKind::Online => "网上仲裁庭",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            RoomKind::Hearing => "hearing room",
            RoomKind::Mediation => "mediation room",
            RoomKind::Online => "online hearing room",
        }
    }
}

/// Shortest room code.
const CODE_MIN: usize = 3;
/// Longest room code.
const CODE_MAX: usize = 40;
/// Most seats a room may declare.
pub const MAX_CAPACITY: i64 = 500;

/// A room's stable code, e.g. `SIP-MAIN-H1`: 3 to 40 capital letters, digits and hyphens,
/// starting with a letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, utoipa::ToSchema)]
#[serde(try_from = "String")]
#[schema(value_type = String, pattern = "^[A-Z][A-Z0-9-]{2,39}$", example = "SIP-MAIN-H1")]
pub struct RoomCode(String);

impl RoomCode {
    /// Parses a code exactly as written (no trimming, no case folding).
    pub fn parse(raw: &str) -> Result<RoomCode, FieldError> {
        let shaped = (CODE_MIN..=CODE_MAX).contains(&raw.len())
            && raw.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
            && raw.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        if shaped {
            Ok(RoomCode(raw.to_owned()))
        } else {
            Err(FieldError::new(
                "code",
                "room.code_format",
                "房间编号须为 3 至 40 位大写字母、数字或连字符，并以字母开头",
                "A room code is 3 to 40 capital letters, digits or hyphens, starting with a letter",
            ))
        }
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for RoomCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl TryFrom<String> for RoomCode {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        RoomCode::parse(&value).map_err(|e| e.message_en)
    }
}

impl fmt::Display for RoomCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A room of a venue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Room {
    /// Stable code.
    pub code: RoomCode,
    /// Code of the venue (`config/network.toml`) the room is in.
    pub venue: String,
    /// Chinese name, e.g. `第一仲裁庭`.
    pub name_zh: String,
    /// English name, e.g. `Hearing Room 1`.
    pub name_en: String,
    /// Hearing, mediation or online room.
    pub kind: RoomKind,
    /// Seats (for an online room: the participants its video service takes).
    pub capacity: u16,
    /// Whether hearings may still be booked in it.
    pub active: bool,
}

/// A room as written in `config/rooms.toml` or sent by an administrator, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoomForm {
    /// Stable code, e.g. `SIP-MAIN-H3`.
    #[serde(default)]
    pub code: String,
    /// Venue code, e.g. `SIP-MAIN`.
    #[serde(default)]
    pub venue: String,
    /// Chinese name.
    #[serde(default)]
    pub name_zh: String,
    /// English name.
    #[serde(default)]
    pub name_en: String,
    /// `hearing`, `mediation` or `online`.
    #[serde(default)]
    pub kind: String,
    /// Seats, 1 to 500.
    #[serde(default)]
    pub capacity: i64,
}

impl RoomForm {
    /// Checks every field (the venue against the network) and collects all the problems.
    pub fn parse(&self, network: &Network) -> Result<Room, InputError> {
        let mut errors = InputError::default();
        let code = RoomCode::parse(&self.code).map_err(|e| errors.push(e)).ok();
        if network.venue(&self.venue).is_none() {
            errors.push(FieldError::new(
                "venue",
                "room.venue_unknown",
                format!("场所“{}”不在仲裁机构网络中", self.venue),
                format!("The venue {:?} is not in the commission network", self.venue),
            ));
        }
        for (field, value) in [("name_zh", &self.name_zh), ("name_en", &self.name_en)] {
            if value.trim().is_empty() || value.chars().count() > 100 {
                errors.push(FieldError::new(
                    field,
                    "room.name_length",
                    "房间名称须为 1 至 100 个字符",
                    "A room name is 1 to 100 characters",
                ));
            }
        }
        let kind = RoomKind::parse(&self.kind);
        if kind.is_none() {
            errors.push(FieldError::new(
                "kind",
                "room.kind_unknown",
                "房间类型须为 hearing（仲裁庭）、mediation（调解室）或 online（网上仲裁庭）",
                "The kind is hearing, mediation or online",
            ));
        }
        let capacity =
            u16::try_from(self.capacity).ok().filter(|c| (1..=MAX_CAPACITY).contains(&i64::from(*c)));
        if capacity.is_none() {
            errors.push(FieldError::new(
                "capacity",
                "room.capacity_range",
                format!("座位数须为 1 至 {MAX_CAPACITY}"),
                format!("The capacity is 1 to {MAX_CAPACITY}"),
            ));
        }
        match (code, kind, capacity) {
            (Some(code), Some(kind), Some(capacity)) if errors.is_empty() => Ok(Room {
                code,
                venue: self.venue.clone(),
                name_zh: self.name_zh.trim().to_owned(),
                name_en: self.name_en.trim().to_owned(),
                kind,
                capacity,
                active: true,
            }),
            _ => Err(errors),
        }
    }
}

/// Why the rooms file could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoomsError {
    /// The text is not TOML of the expected shape.
    #[error("rooms file is not valid: {0}")]
    Syntax(String),
    /// A room is invalid, or two share a code; every problem is listed.
    #[error("rooms file is inconsistent: {0:?}")]
    Invalid(InputError),
}

/// The layout of `config/rooms.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RoomsFile {
    /// The `[[rooms]]` tables.
    rooms: Vec<RoomForm>,
}

/// Parses `config/rooms.toml` (`[[rooms]]` tables of [`RoomForm`] fields) against the network.
pub fn parse_rooms_toml(text: &str, network: &Network) -> Result<Vec<Room>, RoomsError> {
    let file: RoomsFile = toml::from_str(text).map_err(|e| RoomsError::Syntax(e.message().to_owned()))?;
    let mut errors = InputError::default();
    let mut seen = BTreeSet::new();
    let mut rooms = Vec::with_capacity(file.rooms.len());
    for (i, form) in file.rooms.iter().enumerate() {
        let at = format!("rooms[{i}]");
        match form.parse(network) {
            Ok(room) => {
                if !seen.insert(room.code.clone()) {
                    errors.push(
                        FieldError::new("code", "room.code_taken", "房间编号重复", "Duplicate room code")
                            .under(&at),
                    );
                }
                rooms.push(room);
            }
            Err(e) => e.0.into_iter().for_each(|f| errors.push(f.under(&at))),
        }
    }
    errors.into_result().map_err(RoomsError::Invalid)?;
    Ok(rooms)
}

#[cfg(test)]
mod tests {
    #![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

    use super::*;

    fn network() -> Network {
        Network::parse_toml(include_str!("../../../config/network.toml")).unwrap()
    }

    #[test]
    fn the_shipped_rooms_give_every_venue_a_room_and_every_commission_one_online_room() {
        let net = network();
        let rooms = parse_rooms_toml(include_str!("../../../config/rooms.toml"), &net).unwrap();
        for venue in net.venues() {
            assert!(
                rooms.iter().any(|r| r.venue == venue.code && r.kind == RoomKind::Hearing),
                "{}",
                venue.code
            );
        }
        for commission in net.commissions() {
            let online = rooms
                .iter()
                .filter(|r| r.kind == RoomKind::Online)
                .filter(|r| net.venue(&r.venue).is_some_and(|v| v.commission == commission.code.as_str()))
                .count();
            assert_eq!(online, 1, "{}", commission.code);
        }
        assert!(rooms.iter().all(|r| r.active));
    }

    #[test]
    fn a_room_form_reports_every_problem_at_once() {
        let form = RoomForm {
            code: "sip-1".into(),
            venue: "NOWHERE".into(),
            name_zh: " ".into(),
            name_en: "Room".into(),
            kind: "court".into(),
            capacity: 0,
        };
        let codes: Vec<&str> = form.parse(&network()).unwrap_err().0.iter().map(|e| e.code).collect();
        assert_eq!(
            codes,
            [
                "room.code_format",
                "room.venue_unknown",
                "room.name_length",
                "room.kind_unknown",
                "room.capacity_range"
            ]
        );
        let good = RoomForm {
            code: "SIP-MAIN-H9".into(),
            venue: "SIP-MAIN".into(),
            name_zh: "第九仲裁庭".into(),
            name_en: "Hearing Room 9".into(),
            kind: "hearing".into(),
            capacity: 500,
        };
        let room = good.parse(&network()).unwrap();
        assert_eq!((room.code.as_str(), room.kind, room.capacity), ("SIP-MAIN-H9", RoomKind::Hearing, 500));
        assert!(RoomForm { capacity: 501, ..good.clone() }.parse(&network()).is_err());
        assert!(RoomForm { code: "9-ROOM".into(), ..good }.parse(&network()).is_err());
    }

    #[test]
    fn a_code_given_twice_in_the_file_is_refused_with_its_position() {
        let one = "[[rooms]]\ncode = \"SIP-X1\"\nvenue = \"SIP-MAIN\"\nname_zh = \"甲\"\nname_en = \"A\"\nkind = \"hearing\"\ncapacity = 5\n";
        let Err(RoomsError::Invalid(errors)) = parse_rooms_toml(&format!("{one}{one}"), &network()) else {
            panic!("a duplicate code is refused");
        };
        assert_eq!(
            errors.0.iter().map(|e| (e.field.as_str(), e.code)).collect::<Vec<_>>(),
            [("rooms[1].code", "room.code_taken")]
        );
        assert!(matches!(parse_rooms_toml("[[rooms]]\nseats = 3\n", &network()), Err(RoomsError::Syntax(_))));
        for kind in RoomKind::ALL {
            assert_eq!(RoomKind::parse(kind.as_str()), Some(kind));
        }
    }
}
