//! Who may do what with a mediation case: the organisation's mediators mediate; the clerks
//! and heads of the commission it sits in refer disputes, register review applications and
//! turn failed mediations into filings; its arbitrators and heads decide reviews; the parties
//! see their own case, and the worker may withdraw or file.

use super::CommandKind;
use crate::domain::access::{Access, Actor, Role};

/// What an actor wants to do with a mediation case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediationAction {
    /// Read the case and its documents.
    View,
    /// Run a command.
    Command(CommandKind),
}

/// The facts about a mediation case that decide access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MediationScope<'a> {
    /// The commission the organisation sits in.
    pub commission: &'a str,
    /// Whether the actor is one of the organisation's mediators.
    pub mediator_here: bool,
    /// Whether the actor is the worker party (an account with the worker's e-mail address).
    pub worker_party: bool,
    /// Whether the actor is an employer account tied to the employer party's credit code.
    pub employer_party: bool,
}

/// Decides whether `actor` may do `action` on the mediation case described by `scope`.
pub fn can_mediation(actor: &Actor, action: MediationAction, scope: &MediationScope<'_>) -> Access {
    let own = actor.commission_str() == Some(scope.commission);
    let mediator = actor.role == Role::Mediator && scope.mediator_here;
    let commission_staff = match actor.role {
        Role::Clerk | Role::Arbitrator | Role::Supervisor => own,
        Role::Worker | Role::Employer | Role::Mediator | Role::Admin => false,
    };
    let party = scope.worker_party || scope.employer_party;
    let visible = mediator || commission_staff || party || actor.sees_whole_city();
    if !visible {
        return Access::Hidden;
    }
    let allowed = match action {
        MediationAction::View => true,
        MediationAction::Command(kind) => match kind {
            CommandKind::RecordSession
            | CommandKind::RecordAgreement
            | CommandKind::RecordFailure
            | CommandKind::RecordLapse => mediator,
            CommandKind::Withdraw => mediator || scope.worker_party,
            CommandKind::ApplyForReview => mediator || (own && actor.role == Role::Clerk),
            CommandKind::ConfirmReview | CommandKind::RefuseReview => {
                own && matches!(actor.role, Role::Arbitrator | Role::Supervisor)
            }
            CommandKind::ToFiling => (own && actor.role == Role::Clerk) || scope.worker_party,
        },
    };
    if allowed { Access::Allowed } else { Access::Forbidden }
}

/// Whether `actor` may open a mediation case at an organisation of `commission`: its own
/// mediators take applications (`referral == false`); the commission's clerks and heads refer
/// disputes to it with the parties' consent (`referral == true`).
pub fn can_open(actor: &Actor, commission: &str, mediator_here: bool, referral: bool) -> Access {
    let own = actor.commission_str() == Some(commission);
    let allowed = match (actor.role, referral) {
        (Role::Mediator, false) => mediator_here,
        (Role::Clerk | Role::Supervisor, true) => own,
        (Role::Mediator, true)
        | (Role::Clerk | Role::Supervisor, false)
        | (Role::Worker | Role::Employer | Role::Arbitrator | Role::Admin, _) => false,
    };
    if allowed { Access::Allowed } else { Access::Forbidden }
}

/// Whether `actor` may add, close or reopen mediation organisations and name their mediators
/// (administrators only).
pub fn can_manage_organisations(actor: &Actor) -> bool {
    actor.role == Role::Admin
}
