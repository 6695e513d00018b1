//! Hearing resources and conflict-free scheduling: rooms, hearings, working hours and the
//! slot finder.
//!
//! A hearing occupies a room, its tribunal (one sole arbitrator or three, 劳动争议调解仲裁法
//! 第三十一条) and its clerk (记录人员, who may not sit on the tribunal) for a half-open time
//! range `[start, end)`, so one hearing ending at 10:30 and the next starting at 10:30 do not
//! clash. The database refuses double bookings itself (exclusion constraints); this module
//! finds the slots where every resource is free, so that a clerk is offered only slots the
//! database will accept:
//! - only on working days of the State Council calendar ([`WorkCalendar`]), inside the
//!   configured working hours ([`WorkingHours`]);
//! - not before the end of the hearing notice period (5 working days after the notice,
//!   劳动争议调解仲裁法 第三十五条), unless the parties waived it ([`earliest_hearing_day`]);
//! - never overlapping a busy interval of the room or of any person ([`find_slots`]).
//!
//! [`WorkCalendar`]: crate::domain::calendar::WorkCalendar

mod finder;
mod hearing;
mod hours;
mod interval;
mod notice;
mod room;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;

pub use finder::{SlotError, SlotRequest, find_slots};
pub use hearing::{BookingRole, HearingStatus, Tribunal};
pub use hours::{HoursError, WorkingHours, WorkingPeriod};
pub use interval::{BusyList, Interval, merge_busy};
pub use notice::{earliest_hearing_day, postponement_in_time};
pub use room::{Room, RoomCode, RoomForm, RoomKind, RoomsError, parse_rooms_toml};
