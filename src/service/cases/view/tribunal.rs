//! The tribunal as the case page and the API show it: its form and who sits in which seat,
//! from the events that formed it and replaced its members.

use serde::Serialize;
use uuid::Uuid;

use crate::domain::case::event::EventKind;
use crate::domain::tribunal::TribunalForm;
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

/// The tribunal after the log, if one was formed.
pub fn tribunal_view(log: &[Logged]) -> Option<TribunalView> {
    let mut out: Option<TribunalView> = None;
    for logged in log {
        if let EventKind::TribunalFormed { tribunal, names, .. } = &logged.event.kind {
            let seats = tribunal
                .members
                .iter()
                .zip(names.iter().map(String::as_str).chain(std::iter::repeat("")))
                .map(|(id, name)| SeatView {
                    arbitrator: *id,
                    name: name.to_owned(),
                    presiding: *id == tribunal.presiding,
                })
                .collect();
            out = Some(TribunalView {
                form: tribunal.form,
                form_zh: tribunal.form.label_zh(),
                form_en: tribunal.form.label_en(),
                seats,
            });
        }
        if let EventKind::RecusalDecided {
            upheld: true,
            arbitrator: Some(gone),
            replacement: Some(by),
            names,
            ..
        } = &logged.event.kind
            && let Some(view) = out.as_mut()
        {
            for seat in &mut view.seats {
                if seat.arbitrator == *gone {
                    seat.arbitrator = *by;
                    seat.name = names.get(1).cloned().unwrap_or_default();
                }
            }
        }
    }
    out
}
