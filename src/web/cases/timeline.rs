//! What the timeline of the case page says under each event: the data a person needs to
//! follow the case (reasons, grounds, what was served how and when, the days asked for).

use crate::domain::case::event::EventKind;
use crate::domain::ids::CommissionCode;
use crate::service::cases::view::EventView;
use crate::web::i18n::{self, Lang};
use crate::web::page::Page;
use crate::web::summary::commission_name;

/// The details of one event, in the page language.
pub fn event_details(page: &Page, e: &EventView) -> Vec<String> {
    let (lang, net) = (page.lang, &page.state.network);
    let kind = e.data.kind().clone();
    let labelled = |key: &str, value: &str| i18n::format(lang, key, &[("v", value)]);
    let name = |c: &CommissionCode| commission_name(net, lang, c.as_str());
    let optional = |key: &str, value: &str| (!value.trim().is_empty()).then(|| labelled(key, value));
    match kind {
        EventKind::Submitted { commission, .. } => vec![labelled("event.to", &name(&commission))],
        EventKind::Rerouted { from_commission, to, reason } => vec![
            labelled("event.returned_by", &name(&from_commission)),
            labelled("event.to", &name(&to)),
            labelled("event.reason", &reason),
        ],
        EventKind::CorrectionRequested { items, note } => {
            let mut out: Vec<String> =
                items.iter().map(|i| lang.pick(i.label_zh(), i.label_en()).to_owned()).collect();
            out.extend((!note.is_empty()).then(|| labelled("event.note", &note)));
            out
        }
        EventKind::Accepted { case_number } => vec![labelled("event.case_number", &case_number)],
        EventKind::Rejected { reasons, note } => {
            let mut out: Vec<String> = reasons
                .iter()
                .map(|r| {
                    [lang.pick(r.label_zh(), r.label_en()), " (", lang.pick(r.basis_zh(), r.basis_en()), ")"]
                        .concat()
                })
                .collect();
            out.extend((!note.is_empty()).then(|| labelled("event.note", &note)));
            out
        }
        EventKind::ReferredOut { explanation } => vec![labelled("event.reason", &explanation)],
        EventKind::Transferred { from_commission, to, reason, case_number } => vec![
            labelled("event.from", &name(&from_commission)),
            labelled("event.to", &name(&to)),
            labelled("event.case_number", &case_number),
            labelled("event.reason", &reason),
        ],
        EventKind::Withdrawn { reason } => vec![labelled("event.reason", &reason)],
        EventKind::Suspended { ground, note } | EventKind::SuspensionRequested { ground, note } => {
            let mut out = vec![labelled("event.ground", lang.pick(ground.label_zh(), ground.label_en()))];
            out.extend(optional("event.note", &note));
            out
        }
        EventKind::Resumed { note } | EventKind::SuspensionRefused { note } => {
            optional("event.note", &note).into_iter().collect()
        }
        EventKind::Terminated { reason, mode } => {
            vec![
                labelled("event.mode", lang.pick(mode.label_zh(), mode.label_en())),
                labelled("event.reason", &reason),
            ]
        }
        EventKind::Settled { mode } => {
            vec![labelled("event.mode", lang.pick(mode.label_zh(), mode.label_en()))]
        }
        EventKind::Triaged { track, reason, .. } => {
            let mut out = vec![labelled("event.track", lang.pick(track.label_zh(), track.label_en()))];
            out.extend(optional("event.reason", &reason));
            out
        }
        EventKind::ConvertedToOrdinary { reason }
        | EventKind::WithdrawalApplied { reason }
        | EventKind::ObjectionRaised { grounds: reason } => vec![labelled("event.reason", &reason)],
        EventKind::DefenceFiled { text }
        | EventKind::CounterclaimFiled { claims: text }
        | EventKind::ClaimChangeApplied { description: text } => vec![labelled("event.text", &text)],
        EventKind::CounterclaimDecided { accepted, reason }
        | EventKind::ClaimChangeDecided { accepted, reason } => {
            vec![
                page.text(if accepted { "event.accepted" } else { "event.not_accepted" }),
                labelled("event.reason", &reason),
            ]
        }
        EventKind::ObjectionDecided { upheld, reason } => {
            vec![
                page.text(if upheld { "event.upheld" } else { "event.dismissed" }),
                labelled("event.reason", &reason),
            ]
        }
        EventKind::PartyJoined { name: party, side, reason } => vec![
            labelled(
                "event.party",
                &[party.as_str(), " · ", lang.pick(side.label_zh(), side.label_en())].concat(),
            ),
            labelled("event.reason", &reason),
        ],
        EventKind::ExtensionRequested { days, reason } => {
            vec![labelled("event.days", &days.to_string()), labelled("event.reason", &reason)]
        }
        EventKind::ExtensionDecided { approved, days, note } => {
            let mut out = vec![if approved {
                labelled("event.granted", &days.to_string())
            } else {
                page.text("event.refused")
            }];
            out.extend(optional("event.note", &note));
            out
        }
        EventKind::PostponementApplied { side, reason }
        | EventKind::RecusalApplied { side, grounds: reason, .. } => {
            vec![
                labelled("event.by", lang.pick(side.label_zh(), side.label_en())),
                labelled("event.reason", &reason),
            ]
        }
        EventKind::TribunalFormed { tribunal, override_reason, .. } => {
            let mut out = vec![
                lang.pick(tribunal.form.label_zh(), tribunal.form.label_en()).to_owned(),
                tribunal.names.join("、"),
            ];
            out.extend(optional("event.reason", &override_reason));
            out
        }
        EventKind::RecusalDecided { upheld, reason, names, .. } => {
            let mut out = vec![if upheld { page.text("event.upheld") } else { page.text("event.dismissed") }];
            out.extend(names.get(1).map(|by| labelled("event.replacement", by)));
            out.push(labelled("event.reason", &reason));
            out
        }
        EventKind::MediationEntrusted { organisation, consent } => {
            vec![labelled("event.organisation", &organisation), labelled("event.consent", &consent)]
        }
        EventKind::MediationSessionHeld { on, mediator, channel, outcome, note } => {
            let mut out = vec![
                [
                    on.to_string().as_str(),
                    " · ",
                    lang.pick(channel.label_zh(), channel.label_en()),
                    " · ",
                    &mediator,
                ]
                .concat(),
                lang.pick(outcome.label_zh(), outcome.label_en()).to_owned(),
            ];
            out.extend(optional("event.note", &note));
            out
        }
        EventKind::SettlementProposed(p) => {
            let by =
                p.by.map_or(lang.pick("调解员", "Mediator"), |s| lang.pick(s.label_zh(), s.label_en()));
            let mut out = vec![labelled("event.by", by), labelled("event.proposal", &p.number.to_string())];
            out.extend(p.items.iter().map(|i| {
                let amount = i.amount_fen.and_then(crate::domain::input::money::Money::from_fen);
                [
                    i.label.as_str(),
                    "：",
                    &amount.map_or_else(|| "—".to_owned(), |m| ["¥", &m.yuan_string()].concat()),
                ]
                .concat()
            }));
            out.extend(optional("event.terms", &p.terms));
            out
        }
        EventKind::ProposalAnswered(a) => {
            let mut out = vec![
                labelled("event.by", lang.pick(a.side.label_zh(), a.side.label_en())),
                labelled("event.proposal", &a.number.to_string()),
                page.text(if a.accepted { "event.accepted" } else { "event.not_accepted" }),
            ];
            out.extend(optional("event.note", &a.note));
            out
        }
        EventKind::MediationDocumentDrafted(d) => {
            vec![labelled("event.proposal", &d.proposal.number.to_string())]
        }
        EventKind::MediationDocumentSigned(s) => {
            let mut out = vec![
                labelled("event.by", lang.pick(s.side.label_zh(), s.side.label_en())),
                labelled("event.signed_name", &s.name),
            ];
            // The address is for the file, not for the other party.
            if page.user.as_ref().is_some_and(|u| u.claims.role.is_staff()) {
                out.extend(optional("event.ip", &s.ip));
            }
            out
        }
        EventKind::MediationDocumentDeclined(d) => {
            let mut out = vec![labelled("event.by", lang.pick(d.side.label_zh(), d.side.label_en()))];
            out.extend(optional("event.reason", &d.reason));
            out
        }
        EventKind::ConsentGiven { side } => {
            vec![labelled("event.by", lang.pick(side.label_zh(), side.label_en()))]
        }
        EventKind::Served { document, to, method, on, .. } => vec![i18n::format(
            lang,
            "event.served",
            &[
                ("document", lang.pick(document.title_zh(), document.title_en())),
                ("method", lang.pick(method.label_zh(), method.label_en())),
                ("side", lang.pick(to.label_zh(), to.label_en())),
                ("on", &on.to_string()),
            ],
        )],
        EventKind::HearingScheduled { at, hearing: None, .. } => {
            let local = at.with_timezone(&crate::clock::china()).format("%Y-%m-%d %H:%M").to_string();
            vec![labelled("event.at", &local)]
        }
        EventKind::Awarded { partial, final_award, default_award, items, .. } => {
            let mut lines: Vec<String> = [
                (partial, "event.partial_award"),
                (final_award, "event.final_award"),
                (default_award, "event.default_award"),
            ]
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, key)| page.text(key))
            .collect();
            lines.extend(items.iter().map(|i| {
                let result = if i.dismissed {
                    lang.pick("驳回", "dismissed").to_owned()
                } else {
                    format!("{} {}", lang.pick("支持", "granted"), i.awarded.yuan_string())
                };
                let member = i.member.map_or_else(String::new, |m| format!("[{m}] "));
                format!(
                    "{member}{}. {}: {result} ({})",
                    i.claim,
                    lang.pick(i.claim_type.name_zh(), i.claim_type.name_en()),
                    lang.pick(i.finality.name_zh(), i.finality.name_en())
                )
            }));
            lines
        }
        EventKind::AdvanceExecutionRequested { items, .. }
        | EventKind::AdvanceExecutionDecided { items, .. } => items
            .iter()
            .map(|i| {
                format!("{} {}", lang.pick(i.kind.label_zh(), i.kind.label_en()), i.amount.yuan_string())
            })
            .collect(),
        EventKind::LawsuitFiled(r) | EventKind::SetAsideApplied(r) | EventKind::CourtDecided(r) => {
            let mut lines = vec![format!("{} {} ({})", r.court, r.court_case_number, r.on)];
            lines.extend(r.items.iter().map(|i| match i.result {
                Some(result) => format!("{}: {}", i.claim, lang.pick(result.label_zh(), result.code())),
                None => i.claim.to_string(),
            }));
            lines
        }
        EventKind::HearingScheduled { hearing: Some(h), .. } => hearing_line(lang, &h),
        EventKind::HearingRescheduled(c) | EventKind::HearingCancelled(c) => {
            let mut out = hearing_line(lang, &c.hearing);
            out.push(labelled("event.reason", &c.reason));
            out
        }
        EventKind::PostponementDecided(d) => {
            let mut out = d.hearing.as_ref().map(|h| hearing_line(lang, h)).unwrap_or_default();
            out.push(labelled("event.reason", &d.reason));
            out.extend(optional("event.good_cause", &d.good_cause));
            out
        }
        EventKind::GroupOrganised(g) => {
            let reps: Vec<&str> = g.representatives.iter().map(|m| g.name(*m)).collect();
            let mut out = vec![
                lang.pick(g.basis.label_zh(), g.basis.label_en()).to_owned(),
                labelled("event.members", &g.size().to_string()),
            ];
            if !reps.is_empty() {
                out.push(labelled("event.representatives", &reps.join("、")));
            }
            out.extend(optional("event.union", &g.union));
            out
        }
        EventKind::ConsentRecorded(c) => {
            let mut out = vec![
                lang.pick(c.act.label_zh(), c.act.label_en()).to_owned(),
                labelled(
                    "event.members",
                    &c.members.iter().map(u32::to_string).collect::<Vec<_>>().join("、"),
                ),
            ];
            if let Some(p) = c.proposal {
                out.push(labelled("event.proposal", &p.to_string()));
            }
            out.push(labelled("event.how", &format!("{}（{}）", c.how, c.on)));
            out
        }
        EventKind::Received
        | EventKind::Corrected
        | EventKind::MediationStarted
        | EventKind::MediationFailed
        | EventKind::HearingHeld
        | EventKind::Assigned { .. }
        | EventKind::DefenceLapsed
        | EventKind::OverdueCertified => Vec::new(),
    }
}

/// The hearing's time, room and status, in the page's language.
fn hearing_line(lang: Lang, h: &crate::domain::case::hearing::HearingBooking) -> Vec<String> {
    let china = crate::clock::china();
    let when = lang.pick(&h.when_zh(china), &h.when_en(china)).to_owned();
    vec![
        [when.as_str(), " · ", &h.room_name, " · ", lang.pick(h.status.label_zh(), h.status.label_en())]
            .concat(),
    ]
}
