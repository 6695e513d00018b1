//! The hearing notice period: how soon after the notice a hearing may be held.

use chrono::NaiveDate;

use crate::domain::calendar::WorkCalendar;
use crate::domain::deadline::{PeriodRule, due};

/// The first day a hearing may be held when its written notice is served on `notice_day`.
///
/// 劳动争议调解仲裁法 第三十五条 and 办案规则 第三十八条: the parties are notified in writing at
/// least 5 days before the hearing; 5 days are working days (办案规则 第八十条, DOMAIN.md §2.21)
/// and the notice day itself is not counted. So the hearing may not be earlier than the last
/// day of the `hearing_notice` period from `config/periods.toml` (the 5th working day after
/// the notice day), which is itself allowed. When the parties waived the period (recorded with
/// the hearing), the notice day itself is the earliest.
pub fn earliest_hearing_day(
    cal: &WorkCalendar,
    hearing_notice: &PeriodRule,
    notice_day: NaiveDate,
    waived: bool,
) -> NaiveDate {
    if waived {
        notice_day
    } else {
        due(cal, notice_day, hearing_notice.period, hearing_notice.roll_forward).date
    }
}

/// Whether a postponement application made on `applied_on` is in time for a hearing on
/// `hearing_day`.
///
/// 劳动争议调解仲裁法 第三十五条 and 办案规则 第三十八条: a party with good reason may ask to
/// postpone no later than 3 days before the hearing; 3 days are working days (DOMAIN.md
/// §2.21), counted from the day after the application, so the application is in time when the
/// last day of the `postponement_request` period (from `config/periods.toml`) is not after the
/// hearing day.
pub fn postponement_in_time(
    cal: &WorkCalendar,
    postponement_request: &PeriodRule,
    applied_on: NaiveDate,
    hearing_day: NaiveDate,
) -> bool {
    due(cal, applied_on, postponement_request.period, postponement_request.roll_forward).date <= hearing_day
}
