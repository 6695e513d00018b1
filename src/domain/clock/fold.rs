//! The fold of events into clocks: which event starts, meets, restarts or pauses which rule.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{CaseClock, Pause, PauseReason, Restart, RestartReason};
use crate::domain::award::Finality;
use crate::domain::calendar::WorkCalendar;
use crate::domain::case::event::{Event, EventKind};
use crate::domain::case::party::Side;
use crate::domain::case::service::ServiceMethod;
use crate::domain::deadline::{PeriodCode as P, PeriodRules};
use crate::domain::document::DocumentKind;

pub(super) struct Fold<'a> {
    pub(super) cal: &'a WorkCalendar,
    pub(super) rules: &'a PeriodRules,
    pub(super) clocks: BTreeMap<P, CaseClock>,
    /// Set once the case ended: from then on only the clocks that run after closure start.
    pub(super) ended: bool,
    /// The finality of the latest partial award's document, whose service opens its windows.
    pub(super) partial_award: Option<Finality>,
}

/// Whether a rule's clock may start after the case ended.
fn runs_after_closure(code: P) -> bool {
    matches!(
        code,
        P::RevocationNotice
            | P::DeemedService
            | P::PublicNoticeService
            | P::SueFinalAward
            | P::SueNonFinalAward
            | P::SetAsideFinalAward
    )
}

impl Fold<'_> {
    fn start(&mut self, code: P, day: NaiveDate) {
        if self.ended && !runs_after_closure(code) {
            return;
        }
        let clock = CaseClock {
            rule: code,
            deadline: self.rules.get(code).apply(self.cal, day),
            met_on: None,
            pauses: Vec::new(),
            restarts: Vec::new(),
            extension_days: 0,
        };
        self.clocks.insert(code, clock);
    }

    /// A new full period from `day` (that day not counted); pauses before it no longer count
    /// and the extension lapses (DOMAIN §2.15).
    fn restart(&mut self, code: P, day: NaiveDate, reason: RestartReason) {
        let mut restarts = self.clocks.get(&code).map(|c| c.restarts.clone()).unwrap_or_default();
        restarts.push(Restart { on: day, reason });
        self.start(code, day);
        if let Some(c) = self.clocks.get_mut(&code) {
            c.restarts = restarts;
        }
    }

    fn meet(&mut self, code: P, day: NaiveDate) {
        if let Some(c) = self.clocks.get_mut(&code)
            && c.met_on.is_none()
        {
            c.met_on = Some(day);
        }
    }

    fn stop_all(&mut self, day: NaiveDate) {
        self.ended = true;
        for c in self.clocks.values_mut() {
            if c.met_on.is_none() {
                c.met_on = Some(day);
            }
            for p in c.pauses.iter_mut().filter(|p| p.until.is_none()) {
                p.until = Some(day);
            }
        }
    }

    fn pause(&mut self, code: P, from: NaiveDate, until: Option<NaiveDate>, reason: PauseReason) {
        let (cal, rules) = (self.cal, self.rules);
        if let Some(c) = self.clocks.get_mut(&code).filter(|c| c.met_on.is_none()) {
            c.pauses.push(Pause { from, until, reason });
            c.recompute(cal, rules);
        }
    }

    fn end_pause(&mut self, code: P, day: NaiveDate, reason: PauseReason) {
        let (cal, rules) = (self.cal, self.rules);
        if let Some(c) = self.clocks.get_mut(&code) {
            for p in c.pauses.iter_mut().filter(|p| p.until.is_none() && p.reason == reason) {
                p.until = Some(day);
            }
            c.recompute(cal, rules);
        }
    }

    fn extend(&mut self, code: P, days: u32) {
        let (cal, rules) = (self.cal, self.rules);
        if let Some(c) = self.clocks.get_mut(&code) {
            c.extension_days = days;
            c.recompute(cal, rules);
        }
    }

    /// Service of a document: the date it counts from, after deemed service (办案规则 第二十条;
    /// 民事诉讼法 第九十五条), with the public-notice period excluded from the limit.
    fn served(&mut self, document: DocumentKind, to: Side, method: ServiceMethod, on: NaiveDate) {
        let effective = match method {
            ServiceMethod::LeftAtAddress => {
                self.start(P::DeemedService, on);
                let due = self.clocks.get(&P::DeemedService).map_or(on, |c| c.deadline.due);
                self.meet(P::DeemedService, due);
                due
            }
            ServiceMethod::PublicNotice => {
                self.start(P::PublicNoticeService, on);
                let due = self.clocks.get(&P::PublicNoticeService).map_or(on, |c| c.deadline.due);
                self.meet(P::PublicNoticeService, due);
                self.pause(P::CaseLimit, on, Some(due), PauseReason::PublicNotice);
                due
            }
            ServiceMethod::Direct
            | ServiceMethod::Post
            | ServiceMethod::Electronic
            | ServiceMethod::SimplifiedMessage => on,
        };
        // Receiving an award opens the court windows (法 第四十八条至第五十条).
        let award = match document {
            DocumentKind::FinalAward => Some(Finality::Final),
            DocumentKind::NonFinalAward => Some(Finality::NonFinal),
            DocumentKind::PartialAward => self.partial_award,
            DocumentKind::Acceptance
            | DocumentKind::NonAcceptance
            | DocumentKind::Correction
            | DocumentKind::RespondentNotice
            | DocumentKind::DefenceCopy
            | DocumentKind::WithdrawalDecision
            | DocumentKind::DeemedWithdrawalDecision
            | DocumentKind::RevocationDecision
            | DocumentKind::TerminationDecision
            | DocumentKind::SuspensionNotice
            | DocumentKind::ResumptionNotice
            | DocumentKind::ExtensionNotice
            | DocumentKind::TransferLetter
            | DocumentKind::OverdueCertificate
            | DocumentKind::TribunalNotice
            | DocumentKind::RecusalDecision
            | DocumentKind::AdvanceExecutionRuling
            | DocumentKind::MediationDocument
            | DocumentKind::HearingNotice
            | DocumentKind::PostponementNotice => None,
        };
        match (award, to) {
            (Some(Finality::Final), Side::Applicant) => self.start(P::SueFinalAward, effective),
            (Some(Finality::Final), Side::Respondent) => self.start(P::SetAsideFinalAward, effective),
            (Some(Finality::NonFinal), _) => {
                // Either party may sue; the window closes with the later service.
                let later = self.clocks.get(&P::SueNonFinalAward).map(|c| c.deadline.start);
                if later.is_none_or(|start| start <= effective) {
                    self.start(P::SueNonFinalAward, effective);
                }
            }
            (None, _) => {}
        }
        match (document, to) {
            (DocumentKind::RespondentNotice, Side::Respondent) => {
                self.meet(P::ServeApplicationCopy, on);
                if !self.clocks.contains_key(&P::Defence) {
                    self.start(P::Defence, effective);
                }
            }
            (DocumentKind::DefenceCopy, Side::Applicant) => self.meet(P::ServeDefenceCopy, on),
            (DocumentKind::RevocationDecision, _) => self.meet(P::RevocationNotice, on),
            (DocumentKind::Correction, Side::Applicant) => self.meet(P::CorrectionNotice, on),
            (
                DocumentKind::Acceptance
                | DocumentKind::NonAcceptance
                | DocumentKind::Correction
                | DocumentKind::RespondentNotice
                | DocumentKind::DefenceCopy
                | DocumentKind::WithdrawalDecision
                | DocumentKind::DeemedWithdrawalDecision
                | DocumentKind::TerminationDecision
                | DocumentKind::SuspensionNotice
                | DocumentKind::ResumptionNotice
                | DocumentKind::ExtensionNotice
                | DocumentKind::TransferLetter
                | DocumentKind::OverdueCertificate
                | DocumentKind::TribunalNotice
                | DocumentKind::RecusalDecision
                | DocumentKind::FinalAward
                | DocumentKind::NonFinalAward
                | DocumentKind::PartialAward
                | DocumentKind::AdvanceExecutionRuling
                | DocumentKind::MediationDocument
                | DocumentKind::HearingNotice
                | DocumentKind::PostponementNotice,
                _,
            ) => {}
        }
    }

    pub(super) fn event(&mut self, event: &Event, day: NaiveDate) {
        match &event.kind {
            EventKind::Submitted { handed_over, .. } => {
                if *handed_over {
                    self.start(P::Handover, day);
                }
            }
            EventKind::Rerouted { .. } => {
                self.restart(P::Handover, day, RestartReason::Reroute);
                self.clocks.remove(&P::AcceptanceReview);
            }
            EventKind::Received => {
                self.meet(P::Handover, day);
                self.start(P::AcceptanceReview, day);
                self.start(P::CorrectionNotice, day);
            }
            EventKind::CorrectionRequested { .. } => {
                self.meet(P::CorrectionNotice, day);
                self.meet(P::AcceptanceReview, day);
                self.start(P::CorrectionReply, day);
            }
            EventKind::Corrected => {
                self.meet(P::CorrectionReply, day);
                self.restart(P::AcceptanceReview, day, RestartReason::Correction);
            }
            EventKind::Accepted { .. } => {
                self.meet(P::CorrectionNotice, day);
                self.meet(P::AcceptanceReview, day);
                self.start(P::CaseLimit, day);
                self.start(P::ServeApplicationCopy, day);
                self.start(P::TribunalNotice, day);
            }
            EventKind::TribunalFormed { .. } => self.meet(P::TribunalNotice, day),
            EventKind::Served { document, to, method, on, .. } => self.served(*document, *to, *method, *on),
            EventKind::DefenceFiled { .. } => {
                self.meet(P::Defence, day);
                self.start(P::ServeDefenceCopy, day);
            }
            EventKind::DefenceLapsed => self.meet(P::Defence, day),
            EventKind::CounterclaimFiled { .. } => self.start(P::CounterclaimDecision, day),
            EventKind::CounterclaimDecided { accepted, .. } => {
                self.meet(P::CounterclaimDecision, day);
                if *accepted {
                    self.restart(P::CaseLimit, day, RestartReason::Counterclaim);
                }
            }
            EventKind::ClaimChangeDecided { accepted: true, .. } => {
                self.restart(P::CaseLimit, day, RestartReason::ClaimChange);
            }
            EventKind::PartyJoined { .. } => self.restart(P::CaseLimit, day, RestartReason::Joinder),
            EventKind::Transferred { .. } => self.restart(P::CaseLimit, day, RestartReason::Transfer),
            EventKind::Suspended { .. } => self.pause(P::CaseLimit, day, None, PauseReason::Suspension),
            EventKind::Resumed { .. } => self.end_pause(P::CaseLimit, day, PauseReason::Suspension),
            EventKind::ExtensionDecided { approved: true, days, .. } => self.extend(P::CaseLimit, *days),
            EventKind::RecusalApplied { .. } => self.start(P::RecusalDecision, day),
            EventKind::RecusalDecided { .. } => self.meet(P::RecusalDecision, day),
            EventKind::MediationEntrusted { .. } => self.start(P::EntrustedMediation, day),
            EventKind::MediationFailed | EventKind::MediationDocumentDeclined(_) => {
                self.meet(P::EntrustedMediation, day);
            }
            EventKind::Terminated { mode, .. } => {
                self.stop_all(day);
                if *mode == crate::domain::case::status::ClosureMode::Revoked {
                    self.start(P::RevocationNotice, day);
                }
            }
            EventKind::Rejected { .. }
            | EventKind::ReferredOut { .. }
            | EventKind::Withdrawn { .. }
            | EventKind::Settled { .. } => self.stop_all(day),
            EventKind::Awarded { partial: false, .. } => self.stop_all(day),
            EventKind::Awarded { partial: true, items, .. } => {
                let (_, has_non_final) = crate::domain::case::award::items::kinds(items);
                self.partial_award = Some(if has_non_final { Finality::NonFinal } else { Finality::Final });
            }
            EventKind::LawsuitFiled(r) => {
                if r.side == Some(Side::Applicant) {
                    self.meet(P::SueFinalAward, day);
                }
                self.meet(P::SueNonFinalAward, day);
            }
            EventKind::SetAsideApplied(_) => self.meet(P::SetAsideFinalAward, day),
            EventKind::AdvanceExecutionRequested { .. }
            | EventKind::AdvanceExecutionDecided { .. }
            | EventKind::CourtDecided(_)
            | EventKind::ClaimChangeDecided { accepted: false, .. }
            | EventKind::ExtensionDecided { approved: false, .. }
            | EventKind::Assigned { .. }
            | EventKind::MediationStarted
            | EventKind::MediationSessionHeld { .. }
            | EventKind::SettlementProposed(_)
            | EventKind::ProposalAnswered(_)
            | EventKind::MediationDocumentDrafted(_)
            | EventKind::MediationDocumentSigned(_)
            | EventKind::HearingScheduled { .. }
            | EventKind::HearingRescheduled(_)
            | EventKind::HearingCancelled(_)
            | EventKind::PostponementDecided(_)
            | EventKind::HearingHeld
            | EventKind::Triaged { .. }
            | EventKind::ConvertedToOrdinary { .. }
            | EventKind::ConsentGiven { .. }
            | EventKind::ObjectionRaised { .. }
            | EventKind::ObjectionDecided { .. }
            | EventKind::ClaimChangeApplied { .. }
            | EventKind::SuspensionRequested { .. }
            | EventKind::SuspensionRefused { .. }
            | EventKind::ExtensionRequested { .. }
            | EventKind::WithdrawalApplied { .. }
            | EventKind::PostponementApplied { .. }
            | EventKind::GroupOrganised(_)
            | EventKind::ConsentRecorded(_)
            | EventKind::OverdueCertified => {}
        }
    }
}
