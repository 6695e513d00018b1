//! What the input says once resolved against the network: known places, their commissions,
//! and which of those remain competent after returns.

use super::RoutingInput;
use crate::domain::network::{Area, Network};

/// The input resolved against the network; codes unknown to the network are set aside.
#[derive(Debug)]
pub(super) struct Facts<'n> {
    /// Known workplace areas, without repeats, in input order.
    pub workplaces: Vec<&'n Area>,
    /// The employer's registered area, when known to the network.
    pub employer: Option<&'n Area>,
    /// Area codes given in the input that the network does not know (out of city or wrong).
    pub unknown: Vec<String>,
    /// No workplace was given at all: the place of performance is unclear (办案规则第八条).
    pub workplace_unclear: bool,
    /// The actual workplace lies outside the city (province and city as written).
    pub outside_region: Option<String>,
    /// The worker works at several places.
    pub several: bool,
    /// Commissions of the places of performance, without repeats, in input order.
    pub performance: Vec<String>,
    /// Commission of the employer's location.
    pub employer_commission: Option<String>,
    /// Commissions with territorial jurisdiction before returns: performance first, then employer.
    pub territorial: Vec<String>,
    /// Those of `territorial` that returned the filing.
    pub excluded: Vec<String>,
    /// `territorial` minus `excluded`.
    pub competent: Vec<String>,
}

impl<'n> Facts<'n> {
    /// Resolves the input's area codes; blank codes count as not given.
    pub fn gather(net: &'n Network, input: &RoutingInput) -> Facts<'n> {
        let mut unknown = Vec::new();
        let mut workplaces: Vec<&Area> = Vec::new();
        let given: Vec<&str> =
            input.workplace_areas.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
        for code in &given {
            match net.area(code) {
                Some(area) if !workplaces.iter().any(|w| w.code == area.code) => {
                    workplaces.push(area);
                }
                Some(_) => {}
                None => push_unique(&mut unknown, code),
            }
        }
        let employer_code = input.employer_area.as_deref().map(str::trim).filter(|c| !c.is_empty());
        let employer = employer_code.and_then(|c| net.area(c));
        if let (Some(code), None) = (employer_code, employer) {
            push_unique(&mut unknown, code);
        }

        let mut performance = Vec::new();
        for w in &workplaces {
            push_unique(&mut performance, &w.commission);
        }
        let employer_commission = employer.map(|e| e.commission.clone());
        let mut territorial = performance.clone();
        if let Some(c) = &employer_commission {
            push_unique(&mut territorial, c);
        }
        let is_excluded = |c: &String| input.excluded.iter().any(|x| x.trim() == c);
        let excluded = territorial.iter().filter(|c| is_excluded(c)).cloned().collect();
        let competent = territorial.iter().filter(|c| !is_excluded(c)).cloned().collect();

        let outside_region = input
            .workplace_outside_city
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned);
        let several = input.several_workplaces;
        Facts {
            workplaces,
            employer,
            unknown,
            workplace_unclear: given.is_empty() && outside_region.is_none() && !several,
            outside_region,
            several,
            performance,
            employer_commission,
            territorial,
            excluded,
            competent,
        }
    }

    /// Whether this commission is competent (territorially, after returns).
    pub fn is_competent(&self, code: &str) -> bool {
        self.competent.iter().any(|c| c == code)
    }

    /// Whether this commission is competent as a place of performance.
    pub fn is_performance(&self, code: &str) -> bool {
        self.is_competent(code) && self.performance.iter().any(|c| c == code)
    }

    /// The competent commissions of the places of performance, in input order.
    pub fn competent_performance(&self) -> Vec<&str> {
        self.performance.iter().filter(|c| self.is_competent(c)).map(String::as_str).collect()
    }
}

fn push_unique(list: &mut Vec<String>, code: &str) {
    if !list.iter().any(|c| c == code) {
        list.push(code.to_owned());
    }
}
