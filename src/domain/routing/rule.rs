//! The routing rules, their names and their legal basis.

use serde::{Deserialize, Serialize};

/// One rule the routing engine can decide by; stored on the case with the decision.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RoutingRule {
    /// A local level-jurisdiction rule (级别管辖) assigns the case by employer kind and level.
    LevelJurisdiction,
    /// Exactly one commission of the city is competent.
    SinglePlace,
    /// Both parties filed at different competent commissions: the place of performance prevails.
    PerformancePrevailsBothFiled,
    /// Several commissions are competent and the applicant chose one of them.
    ApplicantChoice,
    /// The commission whose window received the filing is competent (首接负责制).
    FirstContact,
    /// No choice and no competent intake: the place of performance is preferred.
    PerformancePreferred,
    /// Several places of performance are competent: the first to accept; first listed until then.
    SeveralPlacesOfPerformance,
    /// The place of performance is unclear: the employer's location decides.
    PerformanceUnclearEmployerLocation,
    /// The place of performance lies outside the city: in this city only the employer's location.
    WorkplaceOutsideCityEmployerLocation,
    /// Several places of performance and none chosen: the employer's location, always competent.
    SeveralPlacesEmployerLocation,
    /// No commission of this city is competent.
    OutsideCity,
    /// Every competent commission has returned the filing as misrouted.
    AllCompetentExcluded,
}

impl RoutingRule {
    /// Every rule, in declaration order.
    pub const ALL: [RoutingRule; 12] = [
        RoutingRule::LevelJurisdiction,
        RoutingRule::SinglePlace,
        RoutingRule::PerformancePrevailsBothFiled,
        RoutingRule::ApplicantChoice,
        RoutingRule::FirstContact,
        RoutingRule::PerformancePreferred,
        RoutingRule::SeveralPlacesOfPerformance,
        RoutingRule::PerformanceUnclearEmployerLocation,
        RoutingRule::WorkplaceOutsideCityEmployerLocation,
        RoutingRule::SeveralPlacesEmployerLocation,
        RoutingRule::OutsideCity,
        RoutingRule::AllCompetentExcluded,
    ];

    /// The order in which [`route`](super::route) considers the rules (and lists them in the trace).
    pub const EVALUATION_ORDER: [RoutingRule; 12] = [
        RoutingRule::LevelJurisdiction,
        RoutingRule::OutsideCity,
        RoutingRule::AllCompetentExcluded,
        RoutingRule::PerformanceUnclearEmployerLocation,
        RoutingRule::WorkplaceOutsideCityEmployerLocation,
        RoutingRule::SeveralPlacesEmployerLocation,
        RoutingRule::SinglePlace,
        RoutingRule::PerformancePrevailsBothFiled,
        RoutingRule::ApplicantChoice,
        RoutingRule::FirstContact,
        RoutingRule::PerformancePreferred,
        RoutingRule::SeveralPlacesOfPerformance,
    ];

    /// Stable machine code, identical to the serde name.
    pub fn code(self) -> &'static str {
        match self {
            RoutingRule::LevelJurisdiction => "level_jurisdiction",
            RoutingRule::SinglePlace => "single_place",
            RoutingRule::PerformancePrevailsBothFiled => "performance_prevails_both_filed",
            RoutingRule::ApplicantChoice => "applicant_choice",
            RoutingRule::FirstContact => "first_contact",
            RoutingRule::PerformancePreferred => "performance_preferred",
            RoutingRule::SeveralPlacesOfPerformance => "several_places_of_performance",
            RoutingRule::PerformanceUnclearEmployerLocation => "performance_unclear_employer_location",
            RoutingRule::WorkplaceOutsideCityEmployerLocation => "workplace_outside_city_employer_location",
            RoutingRule::SeveralPlacesEmployerLocation => "several_places_employer_location",
            RoutingRule::OutsideCity => "outside_city",
            RoutingRule::AllCompetentExcluded => "all_competent_excluded",
        }
    }

    /// The rule with this machine code, if any.
    pub fn from_code(code: &str) -> Option<RoutingRule> {
        RoutingRule::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Short Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            RoutingRule::LevelJurisdiction => "级别管辖",
            RoutingRule::SinglePlace => "唯一有管辖权的仲裁委员会",
            RoutingRule::PerformancePrevailsBothFiled => "双方分别申请，履行地优先",
            RoutingRule::ApplicantChoice => "申请人选择",
            RoutingRule::FirstContact => "首接负责",
            RoutingRule::PerformancePreferred => "劳动合同履行地优先",
            RoutingRule::SeveralPlacesOfPerformance => "多个劳动合同履行地",
            RoutingRule::PerformanceUnclearEmployerLocation => "履行地不明确，由用人单位所在地管辖",
            RoutingRule::WorkplaceOutsideCityEmployerLocation => "工作地在本市以外，由用人单位所在地管辖",
            RoutingRule::SeveralPlacesEmployerLocation => "多个工作地点且未选择，由用人单位所在地管辖",
            RoutingRule::OutsideCity => "本市无管辖权",
            RoutingRule::AllCompetentExcluded => "有管辖权的仲裁委员会均已退回",
        }
    }

    /// Short English name.
    pub fn name_en(self) -> &'static str {
        match self {
            RoutingRule::LevelJurisdiction => "level jurisdiction",
            RoutingRule::SinglePlace => "single competent commission",
            RoutingRule::PerformancePrevailsBothFiled => "both parties filed: place of performance prevails",
            RoutingRule::ApplicantChoice => "applicant's choice",
            RoutingRule::FirstContact => "first contact",
            RoutingRule::PerformancePreferred => "place of performance preferred",
            RoutingRule::SeveralPlacesOfPerformance => "several places of performance",
            RoutingRule::PerformanceUnclearEmployerLocation => {
                "place of performance unclear: employer's location"
            }
            RoutingRule::WorkplaceOutsideCityEmployerLocation => {
                "workplace outside the city: employer's location"
            }
            RoutingRule::SeveralPlacesEmployerLocation => {
                "several workplaces, none chosen: employer's location"
            }
            RoutingRule::OutsideCity => "no commission of this city is competent",
            RoutingRule::AllCompetentExcluded => "every competent commission returned the filing",
        }
    }

    /// The legal basis, in Chinese.
    pub fn basis_zh(self) -> &'static str {
        match self {
            RoutingRule::LevelJurisdiction => {
                "劳动争议调解仲裁法第十七条；本市级别管辖规则（地方规定，以配置数据维护）"
            }
            RoutingRule::SinglePlace => {
                "劳动争议调解仲裁法第二十一条（由劳动合同履行地或者用人单位所在地的仲裁委员会管辖）"
            }
            RoutingRule::PerformancePrevailsBothFiled => {
                "劳动争议调解仲裁法第二十一条（双方当事人分别向劳动合同履行地和用人单位所在地的仲裁委员会申请仲裁的，由劳动合同履行地的仲裁委员会管辖）"
            }
            RoutingRule::ApplicantChoice => {
                "劳动争议调解仲裁法第二十一条（劳动合同履行地和用人单位所在地的仲裁委员会均有管辖权，由申请人选择）"
            }
            RoutingRule::FirstContact => {
                "劳动争议调解仲裁法第二十一条；一点受理、全市联动的首接负责制（本市政策）"
            }
            RoutingRule::PerformancePreferred => {
                "劳动争议调解仲裁法第二十一条（劳动合同履行地优先）；劳动人事争议仲裁办案规则第八条"
            }
            RoutingRule::SeveralPlacesOfPerformance => {
                "劳动人事争议仲裁办案规则第八条（有多个劳动合同履行地的，由最先受理的仲裁委员会管辖）"
            }
            RoutingRule::PerformanceUnclearEmployerLocation => {
                "劳动人事争议仲裁办案规则第八条（劳动合同履行地不明确的，由用人单位所在地的仲裁委员会管辖）"
            }
            RoutingRule::WorkplaceOutsideCityEmployerLocation => {
                "劳动争议调解仲裁法第二十一条（由劳动合同履行地或者用人单位所在地的仲裁委员会管辖）；劳动人事争议仲裁办案规则第八条（劳动合同履行地为劳动者实际工作场所地）"
            }
            RoutingRule::SeveralPlacesEmployerLocation => {
                "劳动争议调解仲裁法第二十一条（用人单位所在地的仲裁委员会有管辖权）；劳动人事争议仲裁办案规则第八条（有多个劳动合同履行地的，由最先受理的仲裁委员会管辖）"
            }
            RoutingRule::OutsideCity => {
                "劳动争议调解仲裁法第二十一条；劳动人事争议仲裁办案规则第三十一条（受理前不移送，书面说明并告知申请人向有管辖权的仲裁委员会申请）"
            }
            RoutingRule::AllCompetentExcluded => {
                "劳动人事争议仲裁办案规则第九条（管辖有争议的，报请共同的上一级主管部门指定管辖）"
            }
        }
    }

    /// The legal basis, in English.
    pub fn basis_en(self) -> &'static str {
        match self {
            RoutingRule::LevelJurisdiction => {
                "Labour Dispute Mediation and Arbitration Law Art. 17; the city's level-jurisdiction rule (local policy, kept as configuration data)"
            }
            RoutingRule::SinglePlace => {
                "Labour Dispute Mediation and Arbitration Law Art. 21 (the commission of the place of performance or of the employer's location is competent)"
            }
            RoutingRule::PerformancePrevailsBothFiled => {
                "Labour Dispute Mediation and Arbitration Law Art. 21 (where the parties apply separately to both, the commission of the place of performance has jurisdiction)"
            }
            RoutingRule::ApplicantChoice => {
                "Labour Dispute Mediation and Arbitration Law Art. 21 (both commissions are competent; the applicant chooses)"
            }
            RoutingRule::FirstContact => {
                "Labour Dispute Mediation and Arbitration Law Art. 21; first-contact responsibility under one-point acceptance, city-wide linkage (city policy)"
            }
            RoutingRule::PerformancePreferred => {
                "Labour Dispute Mediation and Arbitration Law Art. 21 (preference for the place of performance); Arbitration Rules Art. 8"
            }
            RoutingRule::SeveralPlacesOfPerformance => {
                "Arbitration Rules Art. 8 (with several places of performance, the commission that accepts first has jurisdiction)"
            }
            RoutingRule::PerformanceUnclearEmployerLocation => {
                "Arbitration Rules Art. 8 (where the place of performance is unclear, the commission of the employer's location has jurisdiction)"
            }
            RoutingRule::WorkplaceOutsideCityEmployerLocation => {
                "Labour Dispute Mediation and Arbitration Law Art. 21 (the commission of the place of performance or of the employer's location is competent); Arbitration Rules Art. 8 (the place of performance is the worker's actual workplace)"
            }
            RoutingRule::SeveralPlacesEmployerLocation => {
                "Labour Dispute Mediation and Arbitration Law Art. 21 (the commission of the employer's location is competent); Arbitration Rules Art. 8 (with several places of performance, the commission that accepts first has jurisdiction)"
            }
            RoutingRule::OutsideCity => {
                "Labour Dispute Mediation and Arbitration Law Art. 21; Arbitration Rules Art. 31 (no transfer before acceptance: explain in writing and direct the applicant to the competent commission)"
            }
            RoutingRule::AllCompetentExcluded => {
                "Arbitration Rules Art. 9 (a dispute over jurisdiction is referred to the common higher authority for designation)"
            }
        }
    }
}
