//! Who may use a commission's hearing resources: its rooms, their free slots and the hearings
//! booked in them.

use super::{Access, Actor, Role};

/// What an actor wants to do with a commission's hearing resources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResourceAction {
    /// List the commission's rooms.
    ViewRooms,
    /// Add, close or reopen rooms (administrators only).
    ManageRooms,
    /// Look for free hearing slots in the commission's rooms.
    FindSlots,
    /// Book, postpone or cancel a hearing of one of the commission's cases.
    Book,
}

/// Decides whether `actor` may do `action` with the resources of `commission`.
///
/// Rooms and slots are the staff's: a party never sees them (Forbidden); staff of another
/// commission do not know the room exists (Hidden), except those who oversee the whole city.
/// Administrators manage rooms but book nothing; the clerks, arbitrators and heads of the
/// commission handling a case book its hearings.
pub fn can_on_resources(actor: &Actor, action: ResourceAction, commission: &str) -> Access {
    let own = actor.commission_str() == Some(commission);
    let party = match actor.role {
        Role::Worker | Role::Employer => true,
        Role::Clerk | Role::Mediator | Role::Arbitrator | Role::Supervisor | Role::Admin => false,
    };
    if party {
        return Access::Forbidden;
    }
    if !(own || actor.sees_whole_city()) {
        return Access::Hidden;
    }
    let allowed = match action {
        ResourceAction::ViewRooms => true,
        ResourceAction::ManageRooms => actor.role == Role::Admin,
        ResourceAction::FindSlots => actor.role.is_staff(),
        ResourceAction::Book => match actor.role {
            Role::Clerk | Role::Arbitrator | Role::Supervisor => own,
            Role::Worker | Role::Employer | Role::Mediator | Role::Admin => false,
        },
    };
    if allowed { Access::Allowed } else { Access::Forbidden }
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;
    use crate::domain::access::MUNICIPAL_COMMISSION;
    use crate::domain::ids::CommissionCode;

    fn actor(role: Role, commission: Option<&str>) -> Actor {
        Actor {
            id: Uuid::new_v4(),
            role,
            commission: commission.map(CommissionCode::of),
            name: "测试用户".into(),
        }
    }

    #[test]
    fn rooms_and_slots_are_for_the_staff_of_the_commission_and_rooms_are_managed_by_administrators() {
        use Access::{Allowed, Forbidden, Hidden};
        use ResourceAction::{Book, FindSlots, ManageRooms, ViewRooms};
        let cases: [(Role, Option<&str>, [Access; 4]); 9] = [
            (Role::Worker, None, [Forbidden; 4]),
            (Role::Employer, None, [Forbidden; 4]),
            (Role::Admin, None, [Allowed, Allowed, Forbidden, Forbidden]),
            (Role::Clerk, Some("SIP"), [Allowed, Forbidden, Allowed, Allowed]),
            (Role::Arbitrator, Some("SIP"), [Allowed, Forbidden, Allowed, Allowed]),
            (Role::Supervisor, Some("SIP"), [Allowed, Forbidden, Allowed, Allowed]),
            (Role::Mediator, Some("SIP"), [Allowed, Forbidden, Allowed, Forbidden]),
            (Role::Clerk, Some("KS"), [Hidden; 4]),
            (Role::Supervisor, Some(MUNICIPAL_COMMISSION), [Allowed, Forbidden, Allowed, Forbidden]),
        ];
        for (role, commission, expected) in cases {
            let a = actor(role, commission);
            let got =
                [ViewRooms, ManageRooms, FindSlots, Book].map(|action| can_on_resources(&a, action, "SIP"));
            assert_eq!(got, expected, "{role:?} of {commission:?}");
        }
    }
}
