//! Steps 3–9 of the module doc: territorial jurisdiction among the competent commissions.

use super::explain::{name_en, name_zh, names_en, names_zh};
use super::{RoutingDecision, RoutingInput, RoutingRule, Run};

/// Decides among the competent commissions; `run.facts.competent` is not empty here.
pub(super) fn territorial(run: &mut Run<'_, '_>, input: &RoutingInput) -> RoutingDecision {
    let (net, facts) = (run.net, run.facts);

    // 办案规则 第八条: 劳动合同履行地不明确的，由用人单位所在地的仲裁委员会管辖.
    let employer = facts.employer_commission.clone().filter(|c| facts.is_competent(c));
    if let (true, Some(code)) = (facts.workplace_unclear, employer) {
        return run.fire(
            RoutingRule::PerformanceUnclearEmployerLocation,
            Some(code.clone()),
            format!("劳动合同履行地不明确，由用人单位所在地的{}管辖。", name_zh(net, &code)),
            format!(
                "As the place of performance is unclear, {} of the employer's location has jurisdiction.",
                name_en(net, &code)
            ),
        );
    }
    run.skip(
        RoutingRule::PerformanceUnclearEmployerLocation,
        "已提供劳动合同履行地",
        "a place of performance was given",
    );
    if let Some(decision) = employer_location(run) {
        return decision;
    }

    if let [only] = facts.competent.as_slice() {
        return run.fire(
            RoutingRule::SinglePlace,
            Some(only.clone()),
            format!("本市仅{}有管辖权，由其受理。", name_zh(net, only)),
            format!("Only {} is competent in this city and receives the case.", name_en(net, only)),
        );
    }
    let all_zh = names_zh(net, &facts.competent);
    let all_en = names_en(net, &facts.competent);
    run.skip(RoutingRule::SinglePlace, format!("{all_zh}均有管辖权"), format!("{all_en} are all competent"));

    if let Some(decision) = both_filed(run, input) {
        return decision;
    }

    match competent_code(run, input.applicant_choice.as_deref()) {
        Some(code) => {
            return run.fire(
                RoutingRule::ApplicantChoice,
                Some(code.clone()),
                format!("{all_zh}均有管辖权，申请人选择向{}申请仲裁，依其选择确定。", name_zh(net, &code)),
                format!(
                    "{all_en} are all competent; the applicant chose {}, which decides.",
                    name_en(net, &code)
                ),
            );
        }
        None => match input.applicant_choice.as_deref() {
            Some(chosen) => run.skip(
                RoutingRule::ApplicantChoice,
                format!("申请人选择的{}无管辖权或已退回", name_zh(net, chosen)),
                format!(
                    "the applicant's choice {} is not competent or returned the filing",
                    name_en(net, chosen)
                ),
            ),
            None => run.skip(
                RoutingRule::ApplicantChoice,
                "申请人未选择仲裁委员会",
                "the applicant made no choice",
            ),
        },
    }

    match competent_code(run, input.intake_commission.as_deref()) {
        Some(code) => {
            return run.fire(
                RoutingRule::FirstContact,
                Some(code.clone()),
                format!(
                    "{all_zh}均有管辖权，申请人未作选择；接件的{}有管辖权，按首接负责制由其受理。",
                    name_zh(net, &code)
                ),
                format!(
                    "{all_en} are all competent and the applicant made no choice; {} received the filing and is competent, so it keeps the case (first-contact responsibility).",
                    name_en(net, &code)
                ),
            );
        }
        None => match input.intake_commission.as_deref() {
            Some(intake) => run.skip(
                RoutingRule::FirstContact,
                format!("接件的{}无管辖权，仅接收材料并移交", name_zh(net, intake)),
                format!(
                    "the intake commission {} is not competent; it only receives and hands over",
                    name_en(net, intake)
                ),
            ),
            None => run.skip(
                RoutingRule::FirstContact,
                "网上申请，无接件仲裁委员会",
                "online filing, no intake commission",
            ),
        },
    }

    performance(run)
}

/// The two cases where no place of performance of this city is known although one was
/// stated: the workplace lies outside the city, or the worker works at several places and
/// named none. The employer's location decides (法 第二十一条, 办案规则 第八条).
fn employer_location(run: &mut Run<'_, '_>) -> Option<RoutingDecision> {
    let (net, facts) = (run.net, run.facts);
    let employer = facts.employer_commission.clone().filter(|c| facts.is_competent(c));
    let no_known_place = facts.workplaces.is_empty();
    match (&facts.outside_region, employer.as_deref()) {
        (Some(region), Some(code)) if no_known_place => {
            return Some(run.fire(
                RoutingRule::WorkplaceOutsideCityEmployerLocation,
                Some(code.to_owned()),
                format!(
                    "实际工作地{region}不在本市；劳动争议由劳动合同履行地或者用人单位所在地的仲裁委员会管辖，本市由用人单位所在地的{}管辖（申请人也可以向{region}的仲裁委员会申请）。",
                    name_zh(net, code)
                ),
                format!(
                    "The actual workplace, {region}, is outside this city; the commission of the place of performance or of the employer's location is competent, so in this city {} of the employer's location has jurisdiction (the applicant may also apply in {region}).",
                    name_en(net, code)
                ),
            ));
        }
        (Some(_) | None, Some(_) | None) => run.skip(
            RoutingRule::WorkplaceOutsideCityEmployerLocation,
            "实际工作地不在本市以外",
            "the actual workplace is not outside the city",
        ),
    }
    match employer.as_deref() {
        Some(code) if facts.several && no_known_place => Some(run.fire(
            RoutingRule::SeveralPlacesEmployerLocation,
            Some(code.to_owned()),
            format!(
                "申请人在多个地点工作但未选择其中一个；有多个劳动合同履行地的由最先受理的仲裁委员会管辖，而用人单位所在地的仲裁委员会始终有管辖权，故由{}管辖。如希望由某一工作地的仲裁委员会处理，请在实际工作地中选择该地点。",
                name_zh(net, code)
            ),
            format!(
                "The applicant works at several places and chose none; with several places of performance the first commission to accept has jurisdiction, and the commission of the employer's location is always competent, so {} has jurisdiction. To have the commission of one of the workplaces handle it, choose that place as the place of work.",
                name_en(net, code)
            ),
        )),
        Some(_) | None => {
            run.skip(
                RoutingRule::SeveralPlacesEmployerLocation,
                "未说明有多个工作地点，或已选择其中一个",
                "no several workplaces stated, or one of them was chosen",
            );
            None
        }
    }
}

/// The code if it names a competent commission (blank counts as not given).
fn competent_code(run: &Run<'_, '_>, code: Option<&str>) -> Option<String> {
    code.map(str::trim).filter(|c| run.facts.is_competent(c)).map(str::to_owned)
}

/// Step 5, 劳动争议调解仲裁法 第二十一条: 双方当事人分别向劳动合同履行地和用人单位所在地的
/// 劳动争议仲裁委员会申请仲裁的，由劳动合同履行地的劳动争议仲裁委员会管辖.
fn both_filed(run: &mut Run<'_, '_>, input: &RoutingInput) -> Option<RoutingDecision> {
    let (net, facts) = (run.net, run.facts);
    let rule = RoutingRule::PerformancePrevailsBothFiled;
    let Some(respondent) = competent_code(run, input.respondent_filed_at.as_deref()) else {
        run.skip(
            rule,
            "被申请人未向本市有管辖权的仲裁委员会申请仲裁",
            "the employer has not filed at a competent commission of this city",
        );
        return None;
    };
    let applicant = competent_code(run, input.applicant_choice.as_deref())
        .or_else(|| competent_code(run, input.intake_commission.as_deref()));
    let Some(applicant) = applicant.filter(|a| *a != respondent) else {
        run.skip(
            rule,
            "申请人未向另一有管辖权的仲裁委员会申请",
            "the applicant has not filed at another competent commission",
        );
        return None;
    };
    // Both at places of performance: the employer's filing came first (最先受理, 办案规则 第八条).
    let pick = match (facts.is_performance(&applicant), facts.is_performance(&respondent)) {
        (true, false) => applicant.clone(),
        (false, true) | (true, true) => respondent.clone(),
        (false, false) => {
            run.skip(
                rule,
                "双方申请的仲裁委员会均非劳动合同履行地",
                "neither filing is at a place of performance",
            );
            return None;
        }
    };
    Some(run.fire(
        rule,
        Some(pick.clone()),
        format!(
            "被申请人已向{}申请仲裁，申请人向{}申请仲裁，依法由劳动合同履行地的{}管辖。",
            name_zh(net, &respondent),
            name_zh(net, &applicant),
            name_zh(net, &pick)
        ),
        format!(
            "The employer filed at {} and the applicant at {}; by law {} of the place of performance has jurisdiction.",
            name_en(net, &respondent),
            name_en(net, &applicant),
            name_en(net, &pick)
        ),
    ))
}

/// Steps 8 and 9: the statutory preference for the place of performance.
fn performance(run: &mut Run<'_, '_>) -> RoutingDecision {
    let (net, facts) = (run.net, run.facts);
    let all_zh = names_zh(net, &facts.competent);
    let all_en = names_en(net, &facts.competent);
    let places = facts.competent_performance();
    match places.as_slice() {
        [only] => run.fire(
            RoutingRule::PerformancePreferred,
            Some((*only).to_owned()),
            format!(
                "{all_zh}均有管辖权，申请人未作选择，依法优先由劳动合同履行地的{}管辖。",
                name_zh(net, only)
            ),
            format!(
                "{all_en} are all competent and the applicant made no choice; by law the place of performance is preferred, so {} has jurisdiction.",
                name_en(net, only)
            ),
        ),
        [first, ..] => {
            run.skip(
                RoutingRule::PerformancePreferred,
                "劳动合同履行地分属多个仲裁委员会",
                "the places of performance fall under several commissions",
            );
            run.fire(
                RoutingRule::SeveralPlacesOfPerformance,
                Some((*first).to_owned()),
                format!(
                    "劳动合同履行地分属{}，依法由最先受理的仲裁委员会管辖；受理前无法确定何者最先受理，暂按首个列明的履行地交{}。",
                    names_zh(net, &places),
                    name_zh(net, first)
                ),
                format!(
                    "The places of performance fall under {}; by law the commission that accepts first has jurisdiction, which cannot be known before acceptance, so the filing goes to {} of the first listed workplace.",
                    names_en(net, &places),
                    name_en(net, first)
                ),
            )
        }
        // Unreachable with two or more competent commissions (one at most is the employer's);
        // kept total: with no competent place of performance the employer's location decides.
        [] => {
            let employer = facts
                .employer_commission
                .clone()
                .filter(|c| facts.is_competent(c));
            run.fire(
                RoutingRule::PerformanceUnclearEmployerLocation,
                employer.clone(),
                format!(
                    "劳动合同履行地均无管辖权，由用人单位所在地的{}管辖。",
                    employer.as_deref().map_or_else(String::new, |c| name_zh(net, c))
                ),
                format!(
                    "No place of performance is competent, so {} of the employer's location has jurisdiction.",
                    employer.as_deref().map_or_else(String::new, |c| name_en(net, c))
                ),
            )
        }
    }
}
