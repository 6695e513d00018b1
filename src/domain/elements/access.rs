//! Who answers which side of the element record, and when: the applicant at filing and until
//! the hearing, the respondent from acceptance (the defence period, 劳动争议调解仲裁法 第三十条)
//! until the hearing, the tribunal at and after the hearing (办案规则 第四十一条).

use uuid::Uuid;

use super::ElementSide;
use crate::domain::case::party::Who;
use crate::domain::case::status::CaseStatus;

/// Why a write is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The actor is neither a party nor on the tribunal (HTTP 403).
    NoSide,
    /// The side may not write in this status (HTTP 409).
    NotNow(ElementSide),
}

/// The side an actor's capacities give, the applicant's first: an arbitrator writes the
/// tribunal's side only when seated (or, before a tribunal is formed, when assigned or when
/// none is assigned).
pub fn side_of(
    who: &[Who],
    actor: Uuid,
    seated: Option<&[Uuid]>,
    assigned: Option<Uuid>,
) -> Option<ElementSide> {
    if who.contains(&Who::Applicant) {
        return Some(ElementSide::Applicant);
    }
    if who.contains(&Who::Respondent) {
        return Some(ElementSide::Respondent);
    }
    let sits = match (seated, assigned) {
        (Some(members), _) => members.contains(&actor),
        (None, Some(a)) => a == actor,
        (None, None) => true,
    };
    (who.contains(&Who::Arbitrator) && sits).then_some(ElementSide::Tribunal)
}

/// Whether `side` may write in `status`.
pub fn open_to(side: ElementSide, status: CaseStatus) -> bool {
    use CaseStatus as S;
    match side {
        ElementSide::Applicant => matches!(
            status,
            S::Draft
                | S::Submitted
                | S::UnderReview
                | S::AwaitingCorrection
                | S::Accepted
                | S::InMediation
                | S::AwaitingHearing
                | S::HearingScheduled
        ),
        ElementSide::Respondent => {
            matches!(status, S::Accepted | S::InMediation | S::AwaitingHearing | S::HearingScheduled)
        }
        ElementSide::Tribunal => matches!(status, S::HearingScheduled | S::Heard),
    }
}

/// The side an actor writes now, or why not.
pub fn writing_side(
    who: &[Who],
    actor: Uuid,
    seated: Option<&[Uuid]>,
    assigned: Option<Uuid>,
    status: CaseStatus,
) -> Result<ElementSide, Refusal> {
    let side = side_of(who, actor, seated, assigned).ok_or(Refusal::NoSide)?;
    if open_to(side, status) { Ok(side) } else { Err(Refusal::NotNow(side)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_capacity_writes_its_own_side_in_its_own_period() {
        let me = Uuid::new_v4();
        let other = Uuid::new_v4();
        let w = |who: &[Who], status| writing_side(who, me, None, None, status);
        assert_eq!(w(&[Who::Applicant], CaseStatus::Draft), Ok(ElementSide::Applicant));
        assert_eq!(w(&[Who::Applicant, Who::Clerk], CaseStatus::Accepted), Ok(ElementSide::Applicant));
        assert_eq!(w(&[Who::Applicant], CaseStatus::Heard), Err(Refusal::NotNow(ElementSide::Applicant)));
        assert_eq!(
            w(&[Who::Respondent], CaseStatus::UnderReview),
            Err(Refusal::NotNow(ElementSide::Respondent))
        );
        assert_eq!(w(&[Who::Respondent], CaseStatus::HearingScheduled), Ok(ElementSide::Respondent));
        assert_eq!(
            w(&[Who::Arbitrator], CaseStatus::AwaitingHearing),
            Err(Refusal::NotNow(ElementSide::Tribunal))
        );
        assert_eq!(w(&[Who::Arbitrator], CaseStatus::Heard), Ok(ElementSide::Tribunal));
        assert_eq!(w(&[Who::Clerk], CaseStatus::Heard), Err(Refusal::NoSide));
        assert_eq!(w(&[Who::Supervisor], CaseStatus::Heard), Err(Refusal::NoSide));
        assert_eq!(w(&[], CaseStatus::Heard), Err(Refusal::NoSide));
        let seated = [other];
        assert_eq!(
            writing_side(&[Who::Arbitrator], me, Some(&seated), None, CaseStatus::Heard),
            Err(Refusal::NoSide),
            "an arbitrator not on the tribunal"
        );
        assert_eq!(
            writing_side(&[Who::Arbitrator], me, None, Some(other), CaseStatus::Heard),
            Err(Refusal::NoSide)
        );
        for status in
            [CaseStatus::Closed, CaseStatus::Suspended, CaseStatus::Rejected, CaseStatus::ReferredOut]
        {
            for side in ElementSide::ALL {
                assert!(!open_to(side, status), "{side:?} in {status:?}");
            }
        }
    }
}
