//! The kinds of field a command form has: how a person enters one value of the command's body.

/// Where the options of a select come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Options {
    /// The grounds of 办案规则 第四十七条 (`SuspensionGround::ALL`).
    SuspensionGrounds,
    /// `ServiceMethod::ALL`.
    ServiceMethods,
    /// The kinds of document in the case file.
    Documents,
    /// Applicant or respondent.
    Sides,
    /// `Track::ALL`; left empty, the proposal is followed.
    Tracks,
    /// The two closure modes of a settlement.
    SettlementModes,
    /// The commission's arbitrators.
    Arbitrators,
    /// The commission's clerks.
    Clerks,
    /// The case's evidence files (a proof of service).
    Evidence,
    /// The commissions of the network (a transfer's receiving commission).
    Commissions,
    /// Sole arbitrator or three.
    TribunalForms,
    /// In person or online.
    SessionChannels,
    /// How a mediation session went.
    SessionOutcomes,
    /// The commission's hearing rooms open for booking.
    Rooms,
}

/// Where the boxes of a list of codes come from; each is shown with its label and legal basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codes {
    /// `CorrectionItem::ALL` (办案规则 第二十九条).
    CorrectionItems,
    /// `RejectionReason::ALL` (办案规则 第三十条).
    RejectionReasons,
}

/// One field of a command form, named as in the command's JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Several lines of text (a reason, a note, the defence).
    Text {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
        /// Whether the command needs it (the rules refuse it blank).
        required: bool,
    },
    /// One line of text (a party's name).
    Line {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
    },
    /// A select of codes.
    Choice {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
        /// The options.
        options: Options,
        /// Whether a choice is needed; an optional one is sent as `null` when left empty.
        required: bool,
    },
    /// Boxes to tick, one per code; sent as the list of the codes ticked.
    Codes {
        /// Body field.
        name: &'static str,
        /// Catalog key of the legend.
        label: &'static str,
        /// The codes.
        codes: Codes,
    },
    /// An optional area of the city, chosen when the recorded one is wrong; sent as typed
    /// (blank for "as recorded").
    Area {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
    },
    /// A whole number of natural days.
    Days {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
        /// Smallest value offered.
        min: u32,
        /// Largest value offered.
        max: u32,
    },
    /// A calendar day (today unless changed).
    Day {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
    },
    /// A date and time in China time, sent as an instant.
    Moment {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
    },
    /// Several selects of one kind sharing a name (the other members of a tribunal); sent as
    /// the list of the non-empty choices.
    Several {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
        /// The options of each select.
        options: Options,
        /// How many selects.
        count: usize,
    },
    /// A free hearing slot (room and start) chosen from those the slot finder proposes; sent
    /// as `room` and `at`.
    Slot {
        /// Catalog key of the label.
        label: &'static str,
    },
    /// A box ticked for `true`.
    Tick {
        /// Body field.
        name: &'static str,
        /// Catalog key of the label.
        label: &'static str,
    },
}

impl Field {
    /// The body field it fills (also the form field's name).
    pub fn name(self) -> &'static str {
        match self {
            Field::Text { name, .. }
            | Field::Line { name, .. }
            | Field::Choice { name, .. }
            | Field::Codes { name, .. }
            | Field::Area { name, .. }
            | Field::Days { name, .. }
            | Field::Day { name, .. }
            | Field::Moment { name, .. }
            | Field::Several { name, .. }
            | Field::Tick { name, .. } => name,
            Field::Slot { .. } => "slot",
        }
    }

    /// The catalog key of its label.
    pub fn label(self) -> &'static str {
        match self {
            Field::Text { label, .. }
            | Field::Line { label, .. }
            | Field::Choice { label, .. }
            | Field::Codes { label, .. }
            | Field::Area { label, .. }
            | Field::Days { label, .. }
            | Field::Day { label, .. }
            | Field::Moment { label, .. }
            | Field::Several { label, .. }
            | Field::Slot { label }
            | Field::Tick { label, .. } => label,
        }
    }
}
