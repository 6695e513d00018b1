//! Read models for the HTML pages: a draft with its validation preview, and a case with the
//! commands its viewer may use now. Read only; every write goes through the use cases.

use diesel_async::AsyncPgConnection;

use crate::clock::local_date;
use crate::db::cases::{self, CaseRow};
use crate::db::filings::{self as filing_rows, EvidenceMeta};
use crate::db::users;
use crate::domain::access::{Action, Actor, Role};
use crate::domain::case::command::CommandKind;
use crate::domain::case::status::{CaseStatus, Track};
use crate::domain::filing::{LimitationWarning, limitation_warnings};
use crate::domain::ids::CaseId;
use crate::domain::input::FieldError;
use crate::domain::routing::{ChoiceWarning, route};
use crate::service::case_file::DocumentItem;
use crate::service::cases::authorize;
use crate::service::cases::transition::load_events;
use crate::service::cases::view::CaseView;
use crate::service::error::ServiceError;
use crate::service::filings::{self, submit};
use crate::startup::AppState;

/// A filing being prepared (or corrected), as the multi-step form shows it.
#[derive(Debug, Clone)]
pub struct DraftPage {
    /// The filing with its stored form.
    pub view: CaseView,
    /// What submitting it today would refuse, every field at once (empty when it would pass).
    pub errors: Vec<FieldError>,
    /// Limitation warnings for a form that validates (advice, never a refusal).
    pub warnings: Vec<LimitationWarning>,
    /// For a draft that validates: why the applicant's choice of commission would not be
    /// followed on submission, if it would not (法 第二十一条).
    pub choice_warning: Option<ChoiceWarning>,
    /// Evidence already uploaded.
    pub evidence: Vec<EvidenceMeta>,
    /// Whether the viewer may still edit and submit it (a draft or awaiting correction).
    pub editable: bool,
}

/// What the applicant may do on the case page beyond its command forms (the correction box
/// and the filing steps); the access rules and the transition table agree.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct CaseActions {
    /// Edit the application (a draft, or while a correction is pending).
    pub edit: bool,
    /// Send the corrected application back to review.
    pub submit_correction: bool,
}

/// A case as its detail page shows it.
#[derive(Debug, Clone)]
pub struct CasePage {
    /// The full view, with the commands the table offers the viewer now (`view.actions`).
    pub view: CaseView,
    /// The evidence files.
    pub evidence: Vec<EvidenceMeta>,
    /// The sides the viewer may submit evidence for now (none: no upload form).
    pub evidence_sides: Vec<crate::domain::case::party::Side>,
    /// What the applicant may do now beyond the command forms.
    pub actions: CaseActions,
    /// Whether the viewer handles the case as staff of its commission (clerk, arbitrator,
    /// head), rather than as a party.
    pub handling: bool,
    /// The case file: the documents issued, with their service records.
    pub documents: Vec<DocumentItem>,
    /// The notices sent about the case with their delivery state (staff only; empty for
    /// parties).
    pub notices: Vec<crate::service::case_file::NoticeView>,
    /// The commission's active arbitrators and clerks, when the viewer may assign the case.
    pub staff: Vec<StaffMember>,
    /// The track the triage rules propose, when the viewer may triage the case.
    pub proposal: Option<Track>,
    /// The commission's open hearing rooms (code, label), when the viewer may book or move
    /// the hearing.
    pub rooms: Vec<(String, String)>,
    /// The earliest free slots for the tribunal and clerk (`ROOM|local start`, label), when
    /// the viewer may book the hearing.
    pub slots: Vec<(String, String)>,
    /// The online mediation, when the viewer takes part in it.
    pub mediation: Option<crate::service::mediation::panel::Panel>,
    /// What the award form starts from, when the table offers the viewer the award.
    pub award: Option<AwardPanel>,
}

/// What the award form of the case page starts from: the draft from the element record and
/// the claim items an earlier partial award already decided.
#[derive(Debug, Clone)]
pub struct AwardPanel {
    /// The draft (none when the viewer may not read it).
    pub draft: Option<crate::domain::elements::AwardDraft>,
    /// The items decided before, as (member, claim) from 1; member `None` outside a
    /// collective dispute.
    pub decided: Vec<(Option<u32>, u32)>,
}

/// A staff member who may be assigned a case.
#[derive(Debug, Clone)]
pub struct StaffMember {
    /// Account id.
    pub id: uuid::Uuid,
    /// Display name.
    pub name: String,
    /// `Arbitrator` or `Clerk`.
    pub role: crate::domain::access::Role,
}

async fn visible_row(
    conn: &mut AsyncPgConnection,
    actor: &Actor,
    id: CaseId,
) -> Result<CaseRow, ServiceError> {
    let row = cases::find(conn, id.as_uuid()).await?.ok_or(ServiceError::NotFound)?;
    crate::service::cases::visible(conn, actor, &row).await?;
    Ok(row)
}

fn editable(actor: &Actor, row: &CaseRow) -> bool {
    let status: CaseStatus = row.status.into();
    matches!(status, CaseStatus::Draft | CaseStatus::AwaitingCorrection)
        && authorize(actor, Action::ActAsApplicant, row).is_ok()
}

/// A draft with what submitting it now would say, for the filing steps and their review page.
pub async fn draft(state: &AppState, actor: &Actor, id: CaseId) -> Result<DraftPage, ServiceError> {
    let mut conn = state.pool.get().await?;
    let row = visible_row(&mut conn, actor, id).await?;
    let now = state.clock.now();
    let (errors, warnings, choice_warning) = match submit::validate(state, &row, now) {
        Ok(filing) => {
            // Routing as submitting would route it; a correction keeps its commission.
            let is_draft = CaseStatus::from(row.status) == CaseStatus::Draft;
            let input = submit::routing_input(&filing, row.intake_commission.as_deref(), Vec::new());
            let choice = is_draft.then(|| route(&state.network, &input).choice_warning).flatten();
            (Vec::new(), limitation_warnings(&filing, local_date(now)), choice)
        }
        Err(ServiceError::Input(e)) => (e.0, Vec::new(), None),
        Err(other) => return Err(other),
    };
    let evidence = filing_rows::list_evidence(&mut conn, row.id).await?;
    let view = filings::view_of(&mut conn, state, actor, &row).await?;
    Ok(DraftPage { view, errors, warnings, choice_warning, evidence, editable: editable(actor, &row) })
}

/// What submitting `form` today would refuse, every field at once (empty when it would pass):
/// each step is checked on "continue" with the same rules as the submission.
pub fn problems(state: &AppState, form: &crate::domain::filing::FilingForm) -> Vec<FieldError> {
    submit::validate_form(state, form, state.clock.now()).err().map(|e| e.0).unwrap_or_default()
}

/// A row of "my cases": the list item and, for a draft, what submitting it would still
/// refuse (to resume at the right step and show progress).
#[derive(Debug, Clone)]
pub struct MyCase {
    /// The list item.
    pub summary: crate::service::cases::view::CaseSummary,
    /// A draft's problems, every field at once (empty for a complete draft or a filed case).
    pub problems: Vec<FieldError>,
}

/// Rows on one page of "my cases".
pub const MY_CASES_PER_PAGE: i64 = 50;

/// One page of the filings a worker owns, or a clerk registered, newest first, and how many
/// there are in all (so a long list is paged, never cut).
pub async fn my_cases(
    state: &AppState,
    actor: &Actor,
    page: u32,
) -> Result<(Vec<MyCase>, i64), ServiceError> {
    let mut conn = state.pool.get().await?;
    let offset = i64::from(page.max(1) - 1) * MY_CASES_PER_PAGE;
    let (rows, total) = cases::page_for_user(&mut conn, actor.id, offset, MY_CASES_PER_PAGE).await?;
    let now = state.clock.now();
    let items = rows
        .iter()
        .map(|row| MyCase {
            summary: crate::service::cases::view::summary(state, row),
            problems: if CaseStatus::from(row.status) == CaseStatus::Draft {
                let form = serde_json::from_value(row.filing.clone()).unwrap_or_default();
                submit::validate_form(state, &form, now).err().map(|e| e.0).unwrap_or_default()
            } else {
                Vec::new()
            },
        })
        .collect();
    Ok((items, total))
}

/// A case with its evidence and the actions open to the viewer.
pub async fn case(state: &AppState, actor: &Actor, id: CaseId) -> Result<CasePage, ServiceError> {
    let mut conn = state.pool.get().await?;
    let row = visible_row(&mut conn, actor, id).await?;
    let log = load_events(&conn, row.id).await?;
    let offered = crate::service::cases::offered(&mut conn, state, actor, &row, &log).await?;
    let actions = actions(actor, &row, &offered);
    let evidence = filing_rows::list_evidence(&mut conn, row.id).await?;
    let who = crate::service::cases::capacities(&mut conn, actor, &row).await?;
    let evidence_sides = crate::domain::evidence::open_sides(&who, row.status.into());
    let handling = who.iter().any(|w| w.is_staff());
    let documents = crate::service::case_file::items(&mut conn, row.id).await?;
    let notices = if actor.role.is_staff() {
        crate::service::case_file::notice_rows(&mut conn, row.id).await?
    } else {
        Vec::new()
    };
    let assigns = [CommandKind::Assign, CommandKind::ScheduleHearing].iter().any(|k| offered.contains(k));
    let staff = match row.commission_code.as_deref().filter(|_| assigns) {
        Some(commission) => staff_of(&mut conn, commission).await?,
        None => Vec::new(),
    };
    let proposal = offered
        .contains(&CommandKind::Triage)
        .then(|| crate::service::cases::triage::proposal(state, &row).track);
    let (rooms, slots) =
        crate::service::hearings::offer::choices(&mut conn, state, &row, &log, &offered).await?;
    let mediation = crate::service::mediation::panel::panel(&mut conn, actor, &row, &log).await?;
    let award = if offered.contains(&CommandKind::Award) {
        Some(award_panel(&mut conn, state, actor, &row, &log).await?)
    } else {
        None
    };
    let mut view = filings::view_from(state, actor, &row, &log);
    view.actions = offered;
    Ok(CasePage {
        view,
        evidence,
        evidence_sides,
        actions,
        handling,
        documents,
        notices,
        staff,
        proposal,
        rooms,
        slots,
        mediation,
        award,
    })
}

async fn award_panel(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    actor: &Actor,
    row: &CaseRow,
    log: &[crate::service::cases::transition::Logged],
) -> Result<AwardPanel, ServiceError> {
    let case = crate::domain::case::lifecycle::replay(&crate::service::cases::transition::events_of(log));
    let decided = match &case.group {
        Some(_) => case.awarded_member_items.iter().map(|(m, c)| (Some(*m), *c)).collect(),
        None => case.awarded_claims.iter().map(|c| (None, *c)).collect(),
    };
    let draft = match crate::service::elements::draft_of(state, conn, actor, row.clone()).await {
        Ok(d) => Some(d),
        Err(ServiceError::Forbidden) => None,
        Err(e) => return Err(e),
    };
    Ok(AwardPanel { draft, decided })
}

/// The arbitrators, then the clerks, of a commission.
async fn staff_of(conn: &mut AsyncPgConnection, commission: &str) -> Result<Vec<StaffMember>, ServiceError> {
    let mut out = Vec::new();
    for role in [Role::Arbitrator, Role::Clerk] {
        let rows = users::list_staff(conn, commission, role.into()).await?;
        out.extend(rows.into_iter().map(|u| StaffMember { id: u.id, name: u.display_name, role }));
    }
    Ok(out)
}

/// The applicant's flags: editing follows the access rules, sending the correction the table.
fn actions(actor: &Actor, row: &CaseRow, offered: &[CommandKind]) -> CaseActions {
    CaseActions {
        edit: editable(actor, row),
        submit_correction: offered.contains(&CommandKind::SubmitCorrection),
    }
}
