//! The calendar invitation attached to a hearing notice (iCalendar, RFC 5545, with the iTIP
//! methods of RFC 5546): one VEVENT whose UID is the hearing's id, so every later notice about
//! the same hearing updates the entry in the parties' calendars instead of adding one; its
//! SEQUENCE rises with each change, and a cancellation is `METHOD:CANCEL`.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
use uuid::Uuid;

/// What the invitation asks of the calendar that receives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Add or update the hearing (`METHOD:REQUEST`).
    Request,
    /// Remove it (`METHOD:CANCEL`).
    Cancel,
}

impl Method {
    /// The iTIP method name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }
}

/// One hearing as a calendar entry.
#[derive(Debug, Clone)]
pub struct Invitation<'a> {
    /// The hearing's id: the UID.
    pub uid: Uuid,
    /// The SEQUENCE (0 when first booked).
    pub sequence: u32,
    /// Add/update or remove.
    pub method: Method,
    /// Start.
    pub start: DateTime<Utc>,
    /// End.
    pub end: DateTime<Utc>,
    /// The room, printed.
    pub location: &'a str,
    /// One line naming the case.
    pub summary: &'a str,
    /// Details.
    pub description: &'a str,
    /// The sending commission's address (the ORGANIZER RFC 5546 requires).
    pub organizer: &'a str,
    /// When the invitation was made (DTSTAMP).
    pub stamp: DateTime<Utc>,
}

/// The attached file: its name, MIME type and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// File name.
    pub name: String,
    /// MIME type with the iTIP method.
    pub mime: String,
    /// The iCalendar text.
    pub body: String,
}

impl Invitation<'_> {
    /// The `.ics` file of the invitation (times in UTC, `Z`, so no time-zone block is needed).
    pub fn attachment(&self) -> Attachment {
        let mut event = Event::new();
        event
            .uid(&self.uid.to_string())
            .sequence(self.sequence)
            .timestamp(self.stamp)
            .starts(self.start)
            .ends(self.end)
            .location(self.location)
            .summary(self.summary)
            .description(self.description)
            .append_property(Property::new("ORGANIZER", format!("mailto:{}", self.organizer)));
        event.status(match self.method {
            Method::Request => EventStatus::Confirmed,
            Method::Cancel => EventStatus::Cancelled,
        });
        let mut calendar = Calendar::new();
        calendar.append_property(Property::new("METHOD", self.method.as_str())).push(event.done());
        Attachment {
            name: "hearing.ics".to_owned(),
            mime: format!("text/calendar; method={}; charset=UTF-8", self.method.as_str()),
            body: calendar.done().to_string(),
        }
    }
}
