//! Personal data (《个人信息保护法》): what is shown masked, who may see it in full, and how long a
//! closed case's file is kept.
//!
//! - A worker's resident ID number and telephone are shown in full only to the worker who filed
//!   (the data subject). Everyone else who may see the case sees them masked; staff who need the
//!   full values ask for them, and each such look is recorded (who, when, which case, why).
//! - A closed case's file is kept at least ten years when it closed by award and at least five
//!   years otherwise (劳动人事争议仲裁办案规则 第二十四条); before that day nothing in it is removed.

use chrono::{Datelike, NaiveDate};

use crate::domain::access::{Access, Action, Actor, CaseScope, Role, can};
use crate::domain::case::status::ClosureMode;
use crate::domain::filing::FilingForm;

/// The character that stands for a hidden one.
pub const MASK: char = '*';

/// A resident ID number with all but its first four and last four characters hidden
/// (`320583199001011234` → `3205**********1234`). A value too short to keep both ends shows only
/// its last two characters; an empty value stays empty.
pub fn mask_id_number(raw: &str) -> String {
    mask_keeping(raw, 4, 4)
}

/// A telephone number with all but its first three and last four characters hidden
/// (`13912345678` → `139****5678`).
pub fn mask_phone(raw: &str) -> String {
    mask_keeping(raw, 3, 4)
}

fn mask_keeping(raw: &str, head: usize, tail: usize) -> String {
    let chars: Vec<char> = raw.trim().chars().collect();
    let n = chars.len();
    if n == 0 {
        return String::new();
    }
    let (head, tail) = if n > head + tail { (head, tail) } else { (0, (n - 1).min(2)) };
    chars.iter().enumerate().map(|(i, &c)| if i < head || i >= n - tail { c } else { MASK }).collect()
}

/// Whether a value is the mask of `stored` (so a form that sends it back unchanged means "keep").
pub fn is_mask_of(sent: &str, stored: &str, mask: fn(&str) -> String) -> bool {
    sent.contains(MASK) && !stored.trim().is_empty() && sent.trim() == mask(stored)
}

/// How much of the applicants' identity a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disclosure {
    /// In full: the data subject's own filing.
    Full,
    /// Masked: everyone else.
    Masked,
}

impl Disclosure {
    /// What `actor` is shown of the case described by `scope`: in full for the worker who filed
    /// it, and for whoever fills in the application for them while it may be edited (`editable`:
    /// a draft or a filing returned for correction), such as the window clerk who typed it in.
    pub fn for_viewer(actor: &Actor, scope: &CaseScope<'_>, editable: bool) -> Disclosure {
        let subject = actor.role == Role::Worker && scope.owner == Some(actor.id);
        let editor = editable && can(actor, Action::ActAsApplicant, scope) == Access::Allowed;
        if subject || editor { Disclosure::Full } else { Disclosure::Masked }
    }
}

/// The filing form as shown under `disclosure`.
pub fn disclose(form: &FilingForm, disclosure: Disclosure) -> FilingForm {
    match disclosure {
        Disclosure::Full => form.clone(),
        Disclosure::Masked => {
            let mut out = form.clone();
            for a in &mut out.applicants {
                a.id_number = mask_id_number(&a.id_number);
                a.phone = mask_phone(&a.phone);
            }
            out
        }
    }
}

/// A form sent back by someone who was shown the masked values: every masked value left as it
/// was shown keeps the stored one (matched by applicant position), so saving a form never
/// replaces a real number by its mask.
pub fn restore_masked(sent: &FilingForm, stored: &FilingForm) -> FilingForm {
    let mut out = sent.clone();
    for (a, s) in out.applicants.iter_mut().zip(&stored.applicants) {
        if is_mask_of(&a.id_number, &s.id_number, mask_id_number) {
            a.id_number = s.id_number.clone();
        }
        if is_mask_of(&a.phone, &s.phone, mask_phone) {
            a.phone = s.phone.clone();
        }
    }
    out
}

/// Years a closed case's file is kept: ten after an award, five after any other closure
/// (办案规则 第二十四条).
pub fn retention_years(mode: Option<ClosureMode>) -> u32 {
    match mode {
        Some(ClosureMode::AwardFull | ClosureMode::AwardPartial) => AWARD_RETENTION_YEARS,
        Some(
            ClosureMode::MediationAgreement
            | ClosureMode::ArbitralMediationDocument
            | ClosureMode::ReviewMediationDocument
            | ClosureMode::SettlementWithdrawal
            | ClosureMode::PlainWithdrawal
            | ClosureMode::DeemedWithdrawal
            | ClosureMode::Revoked
            | ClosureMode::Terminated,
        )
        | None => OTHER_RETENTION_YEARS,
    }
}

/// 办案规则 第二十四条: files of cases closed by award are kept at least ten years.
pub const AWARD_RETENTION_YEARS: u32 = 10;
/// 办案规则 第二十四条: files of cases closed by mediation or otherwise are kept at least five years.
pub const OTHER_RETENTION_YEARS: u32 = 5;

/// The first day on which a file closed on `closed_on` may be disposed of: the same calendar day
/// `years` later (28 February for a 29 February closure in a common year), so the whole period
/// has run.
pub fn retained_until(closed_on: NaiveDate, years: u32) -> NaiveDate {
    let year = closed_on.year() + i32::try_from(years).unwrap_or(i32::MAX - closed_on.year());
    closed_on
        .with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, closed_on.month(), 28))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether a file closed on `closed_on` by `mode` may be disposed of on `today`.
pub fn may_dispose(closed_on: NaiveDate, mode: Option<ClosureMode>, today: NaiveDate) -> bool {
    today >= retained_until(closed_on, retention_years(mode)).succ_opt().unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::filing::ApplicantForm;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn an_id_number_keeps_its_first_and_last_four() {
        assert_eq!(mask_id_number("320583199001011234"), "3205**********1234");
        assert_eq!(mask_id_number("32058319900101123X"), "3205**********123X");
        assert_eq!(mask_id_number(""), "");
        assert_eq!(mask_id_number("1234"), "**34");
        assert_eq!(mask_id_number("12"), "*2");
        assert_eq!(mask_id_number("1"), "*");
    }

    #[test]
    fn a_phone_keeps_its_first_three_and_last_four() {
        assert_eq!(mask_phone("13912345678"), "139****5678");
        assert_eq!(mask_phone("0512-66668888"), "051******8888");
    }

    #[test]
    fn the_masked_form_hides_ids_and_phones_and_keeps_the_rest() {
        let form = FilingForm {
            applicants: vec![ApplicantForm {
                name: "张三".into(),
                id_number: "320583199001011234".into(),
                phone: "13912345678".into(),
                email: "z@example.cn".into(),
                address: "苏州".into(),
            }],
            ..FilingForm::default()
        };
        let masked = disclose(&form, Disclosure::Masked);
        assert_eq!(masked.applicants[0].id_number, "3205**********1234");
        assert_eq!(masked.applicants[0].phone, "139****5678");
        assert_eq!(masked.applicants[0].name, "张三");
        assert_eq!(disclose(&form, Disclosure::Full), form);
        assert_eq!(restore_masked(&masked, &form), form);
        let mut changed = masked.clone();
        changed.applicants[0].phone = "13800000000".into();
        assert_eq!(restore_masked(&changed, &form).applicants[0].phone, "13800000000");
        assert_eq!(restore_masked(&changed, &form).applicants[0].id_number, "320583199001011234");
    }

    #[test]
    fn files_are_kept_ten_years_after_an_award_and_five_otherwise() {
        let closed = day(2016, 3, 1);
        assert!(!may_dispose(closed, Some(ClosureMode::AwardFull), day(2026, 3, 1)));
        assert!(may_dispose(closed, Some(ClosureMode::AwardFull), day(2026, 3, 2)));
        assert!(!may_dispose(day(2021, 3, 1), Some(ClosureMode::ArbitralMediationDocument), day(2026, 3, 1)));
        assert!(may_dispose(day(2021, 3, 1), Some(ClosureMode::PlainWithdrawal), day(2026, 3, 2)));
        assert_eq!(retained_until(day(2024, 2, 29), 5), day(2029, 2, 28));
    }

    proptest! {
        #[test]
        fn a_mask_never_shows_more_than_eight_characters(raw in "[0-9X]{0,24}") {
            let m = mask_id_number(&raw);
            prop_assert_eq!(m.chars().count(), raw.chars().count());
            prop_assert!(m.chars().filter(|&c| c != MASK).count() <= 8);
            let n = raw.len();
            if n > 8 {
                prop_assert!(m[4..n - 4].chars().all(|c| c == MASK), "the middle is hidden: {}", m);
                prop_assert_eq!(&m[..4], &raw[..4]);
                prop_assert_eq!(&m[n - 4..], &raw[n - 4..]);
            }
        }

        #[test]
        fn nothing_is_disposed_of_inside_its_period(
            closed in 0i64..20_000, offset in -4_000i64..4_000, award in any::<bool>()
        ) {
            let closed_on = day(1990, 1, 1) + chrono::Days::new(closed.unsigned_abs());
            let mode = if award { ClosureMode::AwardFull } else { ClosureMode::SettlementWithdrawal };
            let today = closed_on + chrono::Duration::days(offset);
            let kept = i64::from(retention_years(Some(mode))) * 365;
            if offset <= kept {
                prop_assert!(!may_dispose(closed_on, Some(mode), today));
            }
            if offset > kept + 3 {
                prop_assert!(may_dispose(closed_on, Some(mode), today));
            }
        }
    }
}
