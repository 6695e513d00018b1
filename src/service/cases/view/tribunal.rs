//! The tribunal as the case page and the API show it: its form and who sits in which seat,
//! from the events that formed it and replaced its members.

use serde::Serialize;
use uuid::Uuid;

use crate::domain::case::event::EventKind;
use crate::domain::tribunal::{Tribunal, TribunalForm};
use crate::service::cases::transition::Logged;

/// One seat of the tribunal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SeatView {
    /// The arbitrator.
    pub arbitrator: Uuid,
    /// Their name as printed on the documents.
    pub name: String,
    /// Sole or presiding arbitrator.
    pub presiding: bool,
}

/// The tribunal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct TribunalView {
    /// Sole or three.
    pub form: TribunalForm,
    /// 独任仲裁 or 合议仲裁庭.
    pub form_zh: &'static str,
    /// Sole arbitrator or tribunal of three.
    pub form_en: &'static str,
    /// The seats, the presiding one first.
    pub seats: Vec<SeatView>,
}

/// The tribunal after the log, if one was formed: the formation, then each upheld challenge's
/// replacement, as the case aggregate applies them.
pub fn tribunal_view(log: &[Logged]) -> Option<TribunalView> {
    let mut current: Option<Tribunal> = None;
    for logged in log {
        if let EventKind::TribunalFormed { tribunal, .. } = &logged.event.kind {
            current = Some(tribunal.clone());
        }
        if let EventKind::RecusalDecided {
            upheld: true,
            arbitrator: Some(gone),
            replacement: Some(by),
            names,
            ..
        } = &logged.event.kind
        {
            let by_name = names.get(1).map_or("", String::as_str);
            current = current.map(|t| t.replaced(*gone, *by, by_name));
        }
    }
    let t = current?;
    let seats = t
        .members
        .iter()
        .enumerate()
        .map(|(i, id)| SeatView {
            arbitrator: *id,
            name: t.names.get(i).cloned().unwrap_or_default(),
            presiding: *id == t.presiding,
        })
        .collect();
    Some(TribunalView { form: t.form, form_zh: t.form.label_zh(), form_en: t.form.label_en(), seats })
}
