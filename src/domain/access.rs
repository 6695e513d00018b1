//! Who may do what: the one authorisation function every service call goes through.
//!
//! Staff act for one commission and see only its cases (the municipal commission's supervisors
//! and administrators see all); a worker sees only filings they own.

mod resources;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::case::party::Who;
use crate::domain::ids::CommissionCode;

pub use resources::{ResourceAction, can_on_resources};

/// A user's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 劳动者 / 申请人.
    Worker,
    /// 用人单位 / 被申请人.
    Employer,
    /// 立案员 / 书记员.
    Clerk,
    /// 调解员.
    Mediator,
    /// 仲裁员.
    Arbitrator,
    /// 仲裁院/仲裁委负责人.
    Supervisor,
    /// 系统管理员.
    Admin,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 7] = [
        Role::Worker,
        Role::Employer,
        Role::Clerk,
        Role::Mediator,
        Role::Arbitrator,
        Role::Supervisor,
        Role::Admin,
    ];

    /// Stable code (`worker`, `clerk`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Worker => "worker",
            Role::Employer => "employer",
            Role::Clerk => "clerk",
            Role::Mediator => "mediator",
            Role::Arbitrator => "arbitrator",
            Role::Supervisor => "supervisor",
            Role::Admin => "admin",
        }
    }

    /// Parses a stable code.
    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == code)
    }

    /// Whether the role acts for a commission (and must carry one).
    pub fn is_staff(self) -> bool {
        match self {
            Role::Clerk | Role::Mediator | Role::Arbitrator | Role::Supervisor => true,
            Role::Worker | Role::Employer | Role::Admin => false,
        }
    }

    /// Chinese label.
    pub fn label_zh(self) -> &'static str {
        match self {
            Role::Worker => "劳动者",
            Role::Employer => "用人单位",
            Role::Clerk => "立案员",
            Role::Mediator => "调解员",
            Role::Arbitrator => "仲裁员",
            Role::Supervisor => "负责人",
            Role::Admin => "管理员",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Role::Worker => "Worker",
            Role::Employer => "Employer",
            Role::Clerk => "Clerk",
            Role::Mediator => "Mediator",
            Role::Arbitrator => "Arbitrator",
            Role::Supervisor => "Supervisor",
            Role::Admin => "Administrator",
        }
    }
}

/// The authenticated user acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// User id.
    pub id: Uuid,
    /// Role.
    pub role: Role,
    /// Commission the staff member acts for.
    pub commission: Option<CommissionCode>,
    /// Display name, recorded with what the actor does (authorisation never looks at it).
    pub name: String,
}

/// The code of the municipal commission, whose supervisors oversee the whole city.
pub const MUNICIPAL_COMMISSION: &str = "SZ";

impl Actor {
    /// The code of the commission the actor acts for, as text (to compare with stored rows).
    pub fn commission_str(&self) -> Option<&str> {
        self.commission.as_ref().map(CommissionCode::as_str)
    }

    /// Whether this actor oversees every commission of the city.
    pub fn sees_whole_city(&self) -> bool {
        match self.role {
            Role::Admin => true,
            Role::Supervisor => self.commission_str() == Some(MUNICIPAL_COMMISSION),
            Role::Worker | Role::Employer | Role::Clerk | Role::Mediator | Role::Arbitrator => false,
        }
    }
}

/// What the actor wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read a case or filing with its history.
    View,
    /// Edit, upload evidence to or submit one's own draft, or answer a correction request.
    ActAsApplicant,
    /// Withdraw an application.
    Withdraw,
    /// Enter a paper filing at a window on behalf of a worker.
    FileAtWindow,
    /// Acceptance review: receive, return misrouted, request correction, accept, reject, refer out.
    Review,
    /// Transfer an accepted case to another commission (移送).
    Transfer,
    /// See a commission's intake queue.
    ViewQueue,
    /// See the applicants' full ID numbers and telephones (each look is recorded).
    RevealPersonalData,
}

/// The facts about a case that decide access.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseScope<'a> {
    /// The worker account that owns the filing, if any.
    pub owner: Option<Uuid>,
    /// The staff member who created it (window filings).
    pub created_by: Uuid,
    /// The commission handling it now (None while a draft).
    pub commission: Option<&'a str>,
    /// The commission whose window received it.
    pub intake_commission: Option<&'a str>,
}

/// The outcome of an access check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Go ahead.
    Allowed,
    /// The actor may see the case but not do this (HTTP 403).
    Forbidden,
    /// The actor may not even know the case exists (HTTP 404).
    Hidden,
}

/// Decides whether `actor` may do `action` on the case described by `scope`.
pub fn can(actor: &Actor, action: Action, scope: &CaseScope<'_>) -> Access {
    let owns = scope.owner == Some(actor.id) || scope.created_by == actor.id;
    let own_commission = actor.commission.is_some()
        && (scope.commission == actor.commission_str() || scope.intake_commission == actor.commission_str());
    // A draft filed online belongs to no commission yet: it is its owner's alone until submitted.
    let placed = scope.commission.is_some() || scope.intake_commission.is_some();
    let visible = owns || (placed && (actor.sees_whole_city() || (actor.role.is_staff() && own_commission)));
    if !visible {
        return Access::Hidden;
    }
    let handling = actor.commission.is_some() && scope.commission == actor.commission_str();
    let allowed = match action {
        Action::View => true,
        Action::ActAsApplicant => match actor.role {
            Role::Worker => scope.owner == Some(actor.id),
            Role::Clerk => scope.created_by == actor.id || handling,
            Role::Employer | Role::Mediator | Role::Arbitrator | Role::Supervisor | Role::Admin => false,
        },
        Action::Withdraw => match actor.role {
            Role::Worker => scope.owner == Some(actor.id),
            Role::Clerk => handling || scope.created_by == actor.id,
            Role::Employer | Role::Mediator | Role::Arbitrator | Role::Supervisor | Role::Admin => false,
        },
        Action::Review | Action::Transfer => match actor.role {
            Role::Clerk | Role::Supervisor => handling,
            Role::Worker | Role::Employer | Role::Mediator | Role::Arbitrator | Role::Admin => false,
        },
        Action::RevealPersonalData => match actor.role {
            Role::Worker => scope.owner == Some(actor.id),
            Role::Clerk | Role::Mediator | Role::Arbitrator | Role::Supervisor => true,
            Role::Employer | Role::Admin => false,
        },
        Action::FileAtWindow | Action::ViewQueue => can_in_commission(actor, action, None),
    };
    if allowed { Access::Allowed } else { Access::Forbidden }
}

/// The capacities in which `actor` acts on the case described by `scope`; the transition
/// table names, per row, the capacities allowed. `respondent` says whether the actor is an
/// employer account tied to a respondent's credit code (looked up by the caller).
pub fn capacities(actor: &Actor, scope: &CaseScope<'_>, respondent: bool) -> Vec<Who> {
    let handling = actor.commission.is_some() && scope.commission == actor.commission_str();
    let mut out = Vec::new();
    let applicant = match actor.role {
        Role::Worker => scope.owner == Some(actor.id),
        Role::Clerk => scope.created_by == actor.id,
        Role::Employer | Role::Mediator | Role::Arbitrator | Role::Supervisor | Role::Admin => false,
    };
    if applicant {
        out.push(Who::Applicant);
    }
    if respondent && actor.role == Role::Employer {
        out.push(Who::Respondent);
    }
    if handling {
        match actor.role {
            Role::Clerk => out.push(Who::Clerk),
            Role::Arbitrator => out.push(Who::Arbitrator),
            Role::Supervisor => out.push(Who::Supervisor),
            Role::Worker | Role::Employer | Role::Mediator | Role::Admin => {}
        }
    }
    out
}

/// Commission-level actions (no particular case): filing at a window, viewing a queue.
///
/// `commission` names the queue asked for; `None` means the actor's own.
pub fn can_in_commission(actor: &Actor, action: Action, commission: Option<&str>) -> bool {
    let own = commission.is_none() || commission == actor.commission_str();
    match action {
        Action::FileAtWindow => actor.role == Role::Clerk && actor.commission.is_some(),
        Action::ViewQueue => match actor.role {
            Role::Clerk | Role::Supervisor | Role::Arbitrator | Role::Mediator => {
                actor.commission.is_some() && (own || actor.sees_whole_city())
            }
            Role::Admin => true,
            Role::Worker | Role::Employer => false,
        },
        Action::View
        | Action::ActAsApplicant
        | Action::Withdraw
        | Action::Review
        | Action::Transfer
        | Action::RevealPersonalData => false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn actor(role: Role, commission: Option<&str>) -> Actor {
        Actor {
            id: Uuid::new_v4(),
            role,
            commission: commission.map(CommissionCode::of),
            name: "测试用户".into(),
        }
    }

    fn scope(owner: Option<Uuid>, commission: &'static str) -> CaseScope<'static> {
        CaseScope {
            owner,
            created_by: owner.unwrap_or_else(Uuid::new_v4),
            commission: Some(commission),
            intake_commission: Some(commission),
        }
    }

    #[test]
    fn an_online_draft_is_its_owners_alone() {
        let w = actor(Role::Worker, None);
        let draft =
            CaseScope { owner: Some(w.id), created_by: w.id, commission: None, intake_commission: None };
        assert_eq!(can(&w, Action::View, &draft), Access::Allowed);
        for other in [
            actor(Role::Supervisor, Some(MUNICIPAL_COMMISSION)),
            actor(Role::Admin, None),
            actor(Role::Clerk, Some("SIP")),
        ] {
            assert_eq!(can(&other, Action::View, &draft), Access::Hidden, "{:?}", other.role);
        }
    }

    #[test]
    fn worker_sees_only_own_filing() {
        let w = actor(Role::Worker, None);
        assert_eq!(can(&w, Action::View, &scope(Some(w.id), "SIP")), Access::Allowed);
        assert_eq!(can(&w, Action::View, &scope(Some(Uuid::new_v4()), "SIP")), Access::Hidden);
        assert_eq!(can(&w, Action::Review, &scope(Some(w.id), "SIP")), Access::Forbidden);
    }

    #[test]
    fn clerk_reviews_only_own_commission_cases() {
        let c = actor(Role::Clerk, Some("SIP"));
        let s = scope(Some(Uuid::new_v4()), "SIP");
        assert_eq!(can(&c, Action::Review, &s), Access::Allowed);
        let other = scope(Some(Uuid::new_v4()), "KS");
        assert_eq!(can(&c, Action::View, &other), Access::Hidden);
        assert_eq!(can(&c, Action::Review, &other), Access::Hidden);
    }

    #[test]
    fn intake_window_clerk_sees_but_cannot_review_a_handed_over_filing() {
        let ks = actor(Role::Clerk, Some("KS"));
        let s = CaseScope {
            owner: None,
            created_by: Uuid::new_v4(),
            commission: Some("SIP"),
            intake_commission: Some("KS"),
        };
        assert_eq!(can(&ks, Action::View, &s), Access::Allowed);
        assert_eq!(can(&ks, Action::Review, &s), Access::Forbidden);
    }

    #[test]
    fn municipal_supervisor_sees_all_but_county_supervisor_does_not() {
        let city = actor(Role::Supervisor, Some(MUNICIPAL_COMMISSION));
        let county = actor(Role::Supervisor, Some("WZ"));
        let s = scope(None, "SIP");
        assert_eq!(can(&city, Action::View, &s), Access::Allowed);
        assert_eq!(can(&city, Action::Review, &s), Access::Forbidden);
        assert_eq!(can(&county, Action::View, &s), Access::Hidden);
        assert!(can_in_commission(&city, Action::ViewQueue, Some("SIP")));
        assert!(!can_in_commission(&county, Action::ViewQueue, Some("SIP")));
    }

    #[test]
    fn only_clerks_file_at_windows() {
        for role in Role::ALL {
            let a = actor(role, if role.is_staff() { Some("KS") } else { None });
            assert_eq!(can_in_commission(&a, Action::FileAtWindow, None), role == Role::Clerk);
        }
    }

    #[test]
    fn capacities_follow_ownership_the_handling_commission_and_the_credit_code() {
        let worker = actor(Role::Worker, None);
        let s = scope(Some(worker.id), "SIP");
        assert_eq!(capacities(&worker, &s, false), vec![Who::Applicant]);
        assert_eq!(capacities(&actor(Role::Worker, None), &s, false), Vec::<Who>::new());
        assert_eq!(capacities(&actor(Role::Arbitrator, Some("SIP")), &s, false), vec![Who::Arbitrator]);
        assert_eq!(capacities(&actor(Role::Arbitrator, Some("KS")), &s, false), Vec::<Who>::new());
        assert_eq!(capacities(&actor(Role::Supervisor, Some("SIP")), &s, false), vec![Who::Supervisor]);
        let city = actor(Role::Supervisor, Some(MUNICIPAL_COMMISSION));
        assert_eq!(capacities(&city, &s, false), Vec::<Who>::new());
        let employer = actor(Role::Employer, None);
        assert_eq!(capacities(&employer, &s, true), vec![Who::Respondent]);
        assert_eq!(capacities(&employer, &s, false), Vec::<Who>::new());
        assert_eq!(capacities(&worker, &s, true), vec![Who::Applicant]);
    }

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
