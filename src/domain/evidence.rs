//! Evidence (举证): the side an uploaded file is submitted for, whether that side may submit
//! now, and whether the file came after the side's evidence period.
//!
//! - Each side proves what it asserts and submits its own evidence (劳动争议调解仲裁法 第六条;
//!   办案规则 第十三条). A party submits for its own side only; a clerk of the handling
//!   commission may enter a file for either side, and names the side once the case is
//!   accepted (before acceptance only the applicant's evidence exists, as at a window).
//! - The applicant submits from the draft until the case ends. The respondent submits once the
//!   case is accepted (the application copy is served on it then, 劳动争议调解仲裁法 第三十条)
//!   until the case ends (closed, rejected or referred out).
//! - The respondent's evidence period is its defence period (the `defence` clock, ten working
//!   days from service, 劳动争议调解仲裁法 第三十条), as the commission's notice of response
//!   sets them together. A file uploaded after the period's last day is **accepted and kept**,
//!   marked late (逾期举证): the tribunal decides on it — the party explains the delay, and
//!   without good reason the file may be excluded, or admitted with an admonition (办案规则
//!   第十五条). Lateness never refuses a file.
//! - The applicant's files are not judged late here: the period the tribunal sets for them
//!   (办案规则 第十五条) is not recorded yet.

use chrono::NaiveDate;

use crate::domain::case::party::{Side, Who};
use crate::domain::case::status::CaseStatus;

/// The legal basis of the late mark, for people reading it.
pub const LATE_BASIS_ZH: &str = "劳动人事争议仲裁办案规则 第十五条";

/// The English legal basis of the late mark.
pub const LATE_BASIS_EN: &str = "Rules for Handling Labour and Personnel Dispute Arbitration Cases, Art. 15";

/// Why an upload is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The actor submits for no side of this case (an arbitrator, a supervisor, a clerk of
    /// another commission).
    NoSide,
    /// A party named the other side.
    OtherSide,
    /// A clerk of the handling commission did not name the side of an accepted case.
    SideRequired,
    /// The respondent's evidence before the case is accepted.
    NotAccepted,
    /// The case has ended.
    Closed,
}

/// A side from its stable code (`applicant`, `respondent`).
pub fn parse_side(code: &str) -> Option<Side> {
    Side::ALL.into_iter().find(|s| s.code() == code)
}

/// The party capacity of a side.
fn party(side: Side) -> Who {
    match side {
        Side::Applicant => Who::Applicant,
        Side::Respondent => Who::Respondent,
    }
}

/// The side a file is submitted for by an actor acting in the capacities `who`, with the side
/// it `named` (if any), on a case in `status`; or why it may not be submitted.
pub fn submitting_side(who: &[Who], named: Option<Side>, status: CaseStatus) -> Result<Side, Refusal> {
    let clerk = who.contains(&Who::Clerk);
    let parties: Vec<Side> = Side::ALL.into_iter().filter(|s| who.contains(&party(*s))).collect();
    if !clerk && parties.is_empty() {
        return Err(Refusal::NoSide);
    }
    if status.is_final() {
        return Err(Refusal::Closed);
    }
    let side = match named {
        Some(side) if clerk || parties.contains(&side) => side,
        Some(_) => return Err(Refusal::OtherSide),
        None if clerk && !status.is_pre_acceptance() => return Err(Refusal::SideRequired),
        None => parties.first().copied().unwrap_or(Side::Applicant),
    };
    match side {
        Side::Respondent if status.is_pre_acceptance() => Err(Refusal::NotAccepted),
        Side::Respondent | Side::Applicant => Ok(side),
    }
}

/// The sides the actor may submit for now, in order (what the upload form offers).
pub fn open_sides(who: &[Who], status: CaseStatus) -> Vec<Side> {
    Side::ALL.into_iter().filter(|s| submitting_side(who, Some(*s), status).is_ok()).collect()
}

/// Where a file stands against its side's evidence period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// The last day of the period, when one is known at upload.
    pub period_ends_on: Option<NaiveDate>,
    /// Whether the file came after that day (逾期举证).
    pub late: bool,
}

/// The timing of a file of `side` uploaded on `today` (China time), given the last day of the
/// defence period when its clock has started (the application copy was served).
pub fn timing(side: Side, defence_due: Option<NaiveDate>, today: NaiveDate) -> Timing {
    match side {
        Side::Respondent => {
            Timing { period_ends_on: defence_due, late: defence_due.is_some_and(|d| today > d) }
        }
        Side::Applicant => Timing { period_ends_on: None, late: false },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap_or_default()
    }

    #[test]
    fn parties_submit_for_their_own_side_only() {
        let s = CaseStatus::Accepted;
        assert_eq!(submitting_side(&[Who::Applicant], None, s), Ok(Side::Applicant));
        assert_eq!(submitting_side(&[Who::Respondent], None, s), Ok(Side::Respondent));
        assert_eq!(submitting_side(&[Who::Respondent], Some(Side::Respondent), s), Ok(Side::Respondent));
        assert_eq!(submitting_side(&[Who::Respondent], Some(Side::Applicant), s), Err(Refusal::OtherSide));
        assert_eq!(submitting_side(&[Who::Applicant], Some(Side::Respondent), s), Err(Refusal::OtherSide));
        for who in [Who::Arbitrator, Who::Supervisor] {
            assert_eq!(submitting_side(&[who], None, s), Err(Refusal::NoSide));
            assert_eq!(submitting_side(&[who], Some(Side::Applicant), s), Err(Refusal::NoSide));
        }
        assert_eq!(submitting_side(&[], Some(Side::Respondent), s), Err(Refusal::NoSide));
    }

    #[test]
    fn a_clerk_names_the_side_once_the_case_is_accepted() {
        let clerk = [Who::Clerk];
        assert_eq!(submitting_side(&clerk, None, CaseStatus::UnderReview), Ok(Side::Applicant));
        assert_eq!(submitting_side(&clerk, None, CaseStatus::Accepted), Err(Refusal::SideRequired));
        // A window clerk who also handles the case must say for whom it uploads.
        let both = [Who::Applicant, Who::Clerk];
        assert_eq!(submitting_side(&both, None, CaseStatus::HearingScheduled), Err(Refusal::SideRequired));
        for side in Side::ALL {
            assert_eq!(submitting_side(&clerk, Some(side), CaseStatus::Suspended), Ok(side));
        }
    }

    #[test]
    fn the_respondent_submits_from_acceptance_until_the_case_ends() {
        for status in CaseStatus::ALL {
            let got = submitting_side(&[Who::Clerk], Some(Side::Respondent), status);
            let want = if status.is_final() {
                Err(Refusal::Closed)
            } else if status.is_pre_acceptance() {
                Err(Refusal::NotAccepted)
            } else {
                Ok(Side::Respondent)
            };
            assert_eq!(got, want, "{status:?}");
            let applicant = submitting_side(&[Who::Applicant], None, status);
            assert_eq!(applicant.is_ok(), !status.is_final(), "{status:?}");
        }
    }

    #[test]
    fn the_form_offers_the_sides_open_now() {
        assert_eq!(open_sides(&[Who::Clerk], CaseStatus::UnderReview), vec![Side::Applicant]);
        assert_eq!(open_sides(&[Who::Clerk], CaseStatus::Accepted), Side::ALL.to_vec());
        assert_eq!(open_sides(&[Who::Respondent], CaseStatus::Heard), vec![Side::Respondent]);
        assert_eq!(open_sides(&[Who::Applicant], CaseStatus::Closed), Vec::<Side>::new());
        assert_eq!(open_sides(&[Who::Arbitrator], CaseStatus::Accepted), Vec::<Side>::new());
    }

    #[test]
    fn respondent_files_after_the_defence_period_are_late_but_the_last_day_is_in_time() {
        let due = Some(day(16));
        assert_eq!(timing(Side::Respondent, due, day(16)), Timing { period_ends_on: due, late: false });
        assert_eq!(timing(Side::Respondent, due, day(17)), Timing { period_ends_on: due, late: true });
        // Before service the period has not started: nothing is late.
        assert_eq!(timing(Side::Respondent, None, day(30)), Timing { period_ends_on: None, late: false });
        assert_eq!(timing(Side::Applicant, due, day(30)), Timing { period_ends_on: None, late: false });
    }

    #[test]
    fn side_codes_round_trip() {
        for side in Side::ALL {
            assert_eq!(parse_side(side.code()), Some(side));
        }
        assert_eq!(parse_side("clerk"), None);
        assert_eq!(parse_side(""), None);
    }
}
