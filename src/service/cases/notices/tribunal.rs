//! What the parties are told when the tribunal is formed or a challenge is decided: the same
//! lines for both sides.

use crate::domain::case::event::EventKind;

/// The lines (zh, en) of a tribunal event, or `None` for any other event.
pub(super) fn lines(kind: &EventKind) -> Option<(Vec<String>, Vec<String>)> {
    if let EventKind::TribunalFormed { tribunal, .. } = kind {
        let members = tribunal.names.join("、");
        return Some((
            vec![
                format!("本案仲裁庭已组成：{}，仲裁员 {members}。组庭通知书已出具，可在案卷中查看。", tribunal.form.label_zh()),
                "认为仲裁员有应当回避情形的，可以在开庭前申请回避并说明理由（《劳动争议调解仲裁法》第三十三条）。".into(),
            ],
            vec![
                format!("The tribunal is formed: {}, arbitrator(s) {members}. The notice of its composition is in the case file.", tribunal.form.label_en()),
                "If you believe an arbitrator should step aside, you may ask before the hearing and say why (Law Art. 33).".into(),
            ],
        ));
    }
    if let EventKind::RecusalDecided { upheld, names, .. } = kind {
        let challenged = names.first().cloned().unwrap_or_default();
        let by = names.get(1).cloned().unwrap_or_default();
        return Some(if *upheld {
            (
                vec![format!(
                    "回避申请决定：仲裁员{challenged}回避，由仲裁员{by}接替审理。回避决定书已出具。"
                )],
                vec![format!(
                    "Challenge decided: arbitrator {challenged} steps aside and {by} takes the seat. The decision is in the case file."
                )],
            )
        } else {
            (
                vec![format!("回避申请决定：驳回回避申请，仲裁员{challenged}继续审理。回避决定书已出具。")],
                vec![format!(
                    "Challenge decided: dismissed; arbitrator {challenged} stays. The decision is in the case file."
                )],
            )
        });
    }
    None
}
