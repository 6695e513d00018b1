//! The state machine of a mediation case: [`decide`] turns a command into events or refuses
//! it; [`apply`] folds an event into the case. Time and the calendar are arguments.

use chrono::NaiveDate;

use super::{Command, Event, MediationCase, MediationStatus as S, Periods, Rejected, Review, ReviewStatus};
use crate::domain::deadline::PeriodCode;
use crate::domain::input::FieldError;

/// A date field that must lie between the day of receipt (or another start) and today.
fn in_window(field: &str, day: NaiveDate, from: NaiveDate, today: NaiveDate) -> Result<(), Rejected> {
    if day < from || day > today {
        return Err(Rejected::Field(FieldError::new(
            field,
            "mediation.date_out_of_range",
            format!("日期须在 {from} 至 {today} 之间"),
            format!("The date must lie between {from} and {today}"),
        )));
    }
    Ok(())
}

/// Decides what `cmd` does to `case` on `today`.
pub fn decide(
    case: &MediationCase,
    cmd: &Command,
    today: NaiveDate,
    periods: Periods<'_>,
) -> Result<Vec<Event>, Rejected> {
    let due = periods.mediation(case.received_on).due;
    let lapsed = today > due;
    let not_allowed = || Rejected::NotAllowed { from: case.status, command: cmd.kind() };
    match (case.status, cmd) {
        (S::Intake | S::InProgress, Command::RecordSession(session)) => {
            if lapsed {
                return Err(Rejected::PeriodLapsed { due });
            }
            in_window("held_on", session.held_on, case.received_on, today)?;
            Ok(vec![Event::SessionRecorded { session: session.clone() }])
        }
        (S::InProgress, Command::RecordAgreement(agreement)) => {
            if lapsed {
                return Err(Rejected::PeriodLapsed { due });
            }
            in_window("signed_on", agreement.signed_on, case.received_on, today)?;
            Ok(vec![Event::AgreementReached { agreement: agreement.clone() }])
        }
        (S::Intake | S::InProgress, Command::RecordFailure { reason }) => {
            Ok(vec![Event::Failed { on: today, reason: reason.clone() }])
        }
        (S::Intake | S::InProgress, Command::Withdraw { reason }) => {
            Ok(vec![Event::Withdrawn { on: today, reason: reason.clone() }])
        }
        (S::Intake | S::InProgress, Command::RecordLapse) => {
            if lapsed {
                Ok(vec![Event::Lapsed { due }])
            } else {
                Err(Rejected::PeriodRunning { due })
            }
        }
        (S::Intake | S::InProgress, Command::ToFiling { case_id }) => {
            // Without an agreement in 15 days either party may apply for arbitration
            // (法 第十四条): the lapse is recorded with the filing.
            if lapsed {
                Ok(vec![Event::Lapsed { due }, Event::ConvertedToFiling { case_id: *case_id }])
            } else {
                Err(Rejected::PeriodRunning { due })
            }
        }
        (S::Agreement, Command::ApplyForReview { applied_on }) => {
            let Some(agreement) = &case.agreement else { return Err(not_allowed()) };
            if case.review.is_some() {
                return Err(Rejected::ReviewNotPending);
            }
            in_window("applied_on", *applied_on, agreement.signed_on, today)?;
            let limit =
                periods.deadline(PeriodCode::MediationAgreementReviewApplication, agreement.signed_on).due;
            if *applied_on > limit {
                return Err(Rejected::ReviewLate { due: limit });
            }
            Ok(vec![Event::ReviewApplied { applied_on: *applied_on }])
        }
        (S::Agreement, Command::ConfirmReview { number }) => match case.review.as_ref().map(|r| r.status) {
            Some(ReviewStatus::Applied) => {
                Ok(vec![Event::ReviewConfirmed { on: today, number: number.clone() }])
            }
            Some(ReviewStatus::Confirmed | ReviewStatus::Refused) | None => Err(Rejected::ReviewNotPending),
        },
        (S::Agreement, Command::RefuseReview(refusal)) => match case.review.as_ref().map(|r| r.status) {
            Some(ReviewStatus::Applied) => {
                Ok(vec![Event::ReviewRefused { on: today, refusal: refusal.clone() }])
            }
            Some(ReviewStatus::Confirmed | ReviewStatus::Refused) | None => Err(Rejected::ReviewNotPending),
        },
        (S::Failure | S::Lapsed | S::Agreement, Command::ToFiling { case_id }) => {
            if case.filing.is_some() {
                return Err(Rejected::AlreadyFiled);
            }
            // After an agreement only a refused review opens the way to arbitration
            // (调解仲裁衔接意见: the parties may then apply for arbitration).
            let refused = case.review.as_ref().is_some_and(|r| r.status == ReviewStatus::Refused);
            if case.status == S::Agreement && !refused {
                return Err(not_allowed());
            }
            Ok(vec![Event::ConvertedToFiling { case_id: *case_id }])
        }
        (
            S::Intake,
            Command::RecordAgreement(_)
            | Command::ApplyForReview { .. }
            | Command::ConfirmReview { .. }
            | Command::RefuseReview(_),
        )
        | (
            S::InProgress,
            Command::ApplyForReview { .. } | Command::ConfirmReview { .. } | Command::RefuseReview(_),
        )
        | (
            S::Agreement,
            Command::RecordSession(_)
            | Command::RecordAgreement(_)
            | Command::RecordFailure { .. }
            | Command::Withdraw { .. }
            | Command::RecordLapse,
        )
        | (
            S::Failure | S::Lapsed,
            Command::RecordSession(_)
            | Command::RecordAgreement(_)
            | Command::RecordFailure { .. }
            | Command::Withdraw { .. }
            | Command::RecordLapse
            | Command::ApplyForReview { .. }
            | Command::ConfirmReview { .. }
            | Command::RefuseReview(_),
        )
        | (
            S::Withdrawn,
            Command::RecordSession(_)
            | Command::RecordAgreement(_)
            | Command::RecordFailure { .. }
            | Command::Withdraw { .. }
            | Command::RecordLapse
            | Command::ApplyForReview { .. }
            | Command::ConfirmReview { .. }
            | Command::RefuseReview(_)
            | Command::ToFiling { .. },
        ) => Err(not_allowed()),
    }
}

/// Folds one event into the case.
pub fn apply(mut case: MediationCase, event: &Event) -> MediationCase {
    match event {
        Event::Opened { origin, received_on, referral } => {
            case.origin = *origin;
            case.received_on = *received_on;
            case.referral = referral.clone();
        }
        Event::SessionRecorded { session } => {
            case.status = S::InProgress;
            case.sessions.push(session.clone());
        }
        Event::AgreementReached { agreement } => {
            case.status = S::Agreement;
            case.agreement = Some(agreement.clone());
        }
        Event::Failed { on, reason } => {
            case.status = S::Failure;
            case.ended_on = Some(*on);
            case.ended_reason = Some(reason.clone());
        }
        Event::Withdrawn { on, reason } => {
            case.status = S::Withdrawn;
            case.ended_on = Some(*on);
            case.ended_reason = Some(reason.clone());
        }
        Event::Lapsed { due } => {
            case.status = S::Lapsed;
            case.ended_on = Some(*due);
        }
        Event::ReviewApplied { applied_on } => {
            case.review = Some(Review {
                applied_on: *applied_on,
                status: ReviewStatus::Applied,
                decided_on: None,
                number: None,
                refusal: None,
            });
        }
        Event::ReviewConfirmed { on, number } => {
            if let Some(review) = &mut case.review {
                review.status = ReviewStatus::Confirmed;
                review.decided_on = Some(*on);
                review.number = Some(number.clone());
            }
        }
        Event::ReviewRefused { on, refusal } => {
            if let Some(review) = &mut case.review {
                review.status = ReviewStatus::Refused;
                review.decided_on = Some(*on);
                review.refusal = Some(refusal.clone());
            }
        }
        Event::ConvertedToFiling { case_id } => case.filing = Some(*case_id),
    }
    case
}

/// The case of a log, which must start with [`Event::Opened`]; `None` for any other log.
pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> Option<MediationCase> {
    let mut events = events.into_iter();
    let Some(Event::Opened { origin, received_on, referral }) = events.next() else { return None };
    let case = MediationCase {
        status: S::Intake,
        origin: *origin,
        received_on: *received_on,
        referral: referral.clone(),
        sessions: Vec::new(),
        agreement: None,
        ended_reason: None,
        ended_on: None,
        review: None,
        filing: None,
    };
    Some(events.fold(case, apply))
}

/// The commands `case` takes on `today`, whatever their fields (pages and the API offer these):
/// each is tried with placeholder fields dated today, and counts unless its status, the period
/// or the review refuses it.
pub fn offered(case: &MediationCase, today: NaiveDate, periods: Periods<'_>) -> Vec<super::CommandKind> {
    use super::{Agreement, Refusal, RefusalGround, Session, SessionMode};
    let session = Session {
        held_on: today,
        mediator_id: uuid::Uuid::nil(),
        mediator_name: String::new(),
        mode: SessionMode::InPerson,
        note: String::new(),
    };
    let agreement =
        Agreement { signed_on: today, terms: String::new(), items: Vec::new(), performance_due: None };
    let applied_on = case.agreement.as_ref().map_or(today, |a| a.signed_on);
    let probes = [
        Command::RecordSession(session),
        Command::RecordAgreement(agreement),
        Command::RecordFailure { reason: String::new() },
        Command::Withdraw { reason: String::new() },
        Command::RecordLapse,
        Command::ApplyForReview { applied_on },
        Command::ConfirmReview { number: String::new() },
        Command::RefuseReview(Refusal { ground: RefusalGround::Other, reasons: String::new() }),
        Command::ToFiling { case_id: uuid::Uuid::nil() },
    ];
    probes
        .iter()
        .filter(|cmd| match decide(case, cmd, today, periods) {
            Ok(_) | Err(Rejected::Field(_)) => true,
            Err(
                Rejected::NotAllowed { .. }
                | Rejected::PeriodLapsed { .. }
                | Rejected::PeriodRunning { .. }
                | Rejected::ReviewLate { .. }
                | Rejected::ReviewNotPending
                | Rejected::AlreadyFiled,
            ) => false,
        })
        .map(Command::kind)
        .collect()
}
