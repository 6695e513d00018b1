//! A synthetic year of disputes for a city like Suzhou, as scenarios: each dispute is a list of
//! steps the scenario runner drives through the real commands (filing, acceptance, hearings in
//! free rooms, awards, mediation, withdrawals, transfers, suspensions, extensions, court
//! outcomes), on working days of the official calendar. The same seed gives the same year.
//!
//! The default mix is near Suzhou's published figures for 2020: about half the disputes end
//! with a mediation organisation (mostly in agreement), the rest are arbitrated; most
//! arbitration cases settle or are mediated, a quarter are decided by award; about 3 % miss
//! their limit.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};

use crate::clock::china;
use crate::domain::calendar::WorkCalendar;
use crate::domain::filing::ClaimForm;
use crate::domain::network::Network;
use crate::scenario::{Scenario, StepSpec};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearSpec {
    /// Disputes (arbitration filings and mediation organisations' cases together).
    pub cases: u32,
    /// The calendar year they are received in.
    pub year: i32,
    /// The seed of the random choices.
    pub seed: u64,
}

/// The commissions and how large a share of the city's disputes each receives (the municipal
/// commission's own share is small: it takes the municipal-level employers).
const WEIGHTS: &[(&str, u32)] = &[
    ("KS", 18),
    ("SIP", 16),
    ("WJ", 10),
    ("CS", 9),
    ("ZJG", 8),
    ("HQ", 9),
    ("WZ", 9),
    ("XC", 6),
    ("GS", 6),
    ("TC", 5),
];

/// A hearing room: its code and commission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomRef {
    /// The room code.
    pub code: String,
    /// The commission whose venue it is in.
    pub commission: String,
}

/// The staff aliases one commission needs (`clerk:KS`, `arbitrator:KS#1` …).
pub fn staff_aliases(commission: &str, arbitrators: u32) -> Vec<String> {
    let mut v = vec![
        format!("clerk:{commission}"),
        format!("supervisor:{commission}"),
        format!("mediator:{commission}"),
    ];
    v.extend((1..=arbitrators).map(|i| format!("arbitrator:{commission}#{i}")));
    v
}

/// The arbitrators a commission's cases are spread over.
pub const ARBITRATORS: u32 = 4;

struct Planner<'a> {
    rng: StdRng,
    net: &'a Network,
    cal: &'a WorkCalendar,
    rooms: &'a [RoomRef],
    now: DateTime<Utc>,
    /// The hearing slots taken, per commission: (day, hour index).
    booked: std::collections::BTreeMap<String, std::collections::BTreeSet<(NaiveDate, u32)>>,
    /// Employers: (name, credit code, industry section), a few of them with many cases.
    employers: Vec<(String, String, &'static str)>,
    /// The amounts claimed by the dispute being planned, in yuan.
    claimed: Vec<u32>,
}

/// The scenarios of a synthetic year, one per dispute; steps after `now` are left out (the
/// dispute is still running).
pub fn plan(
    spec: YearSpec,
    net: &Network,
    cal: &WorkCalendar,
    rooms: &[RoomRef],
    now: DateTime<Utc>,
) -> Vec<Scenario> {
    let employers = (0..(spec.cases / 12).max(20))
        .map(|i| {
            // A line of business and its section of GB/T 4754-2017.
            let (business, industry) = [
                ("电子科技", "C"),
                ("精密机械", "C"),
                ("物流", "G"),
                ("餐饮管理", "H"),
                ("纺织", "C"),
                ("建筑工程", "E"),
                ("商贸", "F"),
                ("物业服务", "K"),
            ][(i as usize / 8) % 8];
            let name = format!(
                "苏州{}{business}有限公司",
                ["星海", "金鸡", "阳澄", "太湖", "姑苏", "吴淞", "娄江", "虎丘"][i as usize % 8],
            );
            let uscc = super::credit_code(&format!("91320594{:09}", 100_000 + i));
            (format!("{name}（{i}）"), uscc, industry)
        })
        .collect();
    let mut p = Planner {
        rng: StdRng::seed_from_u64(spec.seed),
        net,
        cal,
        rooms,
        now,
        booked: Default::default(),
        employers,
        claimed: Vec::new(),
    };
    (0..spec.cases).map(|i| p.dispute(spec, i)).collect()
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    let local = day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN));
    china().from_local_datetime(&local).single().unwrap_or_else(|| local.and_utc().fixed_offset())
}

fn step(when: DateTime<FixedOffset>, who: &str, case: &str, action: &str, with: Option<Value>) -> StepSpec {
    StepSpec {
        at: when,
        who: who.to_owned(),
        case: case.to_owned(),
        action: action.to_owned(),
        with,
        expect: None,
    }
}

impl Planner<'_> {
    fn pick_commission(&mut self) -> &'static str {
        let total: u32 = WEIGHTS.iter().map(|w| w.1).sum();
        let mut n = self.rng.gen_range(0..total);
        for (c, w) in WEIGHTS {
            if n < *w {
                return c;
            }
            n -= w;
        }
        "SIP"
    }

    fn working_day(&self, from: NaiveDate, plus: u32) -> NaiveDate {
        if plus == 0 {
            self.cal.first_working_day_from(from)
        } else {
            self.cal.nth_working_day_after(from, plus)
        }
    }

    /// A dispute's employer: a fifth of the disputes go to a small set of repeat respondents.
    fn employer(&mut self) -> (String, String, &'static str) {
        let n = self.employers.len();
        let i =
            if self.rng.gen_bool(0.2) { self.rng.gen_range(0..n.min(8)) } else { self.rng.gen_range(0..n) };
        self.employers[i].clone()
    }

    /// The filing form: sample worker `n`, an employer, a workplace in the commission's area,
    /// a wage claim and often a compensation or overtime claim, dated before `filed`.
    fn form(&mut self, n: u32, commission: &str, filed: NaiveDate) -> Value {
        let areas: Vec<_> = self.net.areas_of(commission).into_iter().filter(|a| a.code.len() > 6).collect();
        let (workplace, district) = match areas.get(self.rng.gen_range(0..areas.len().max(1))) {
            Some(a) => (a.code.clone(), a.district.clone()),
            None => (String::new(), String::new()),
        };
        let mut form = super::sample_form(n, &workplace, &district);
        let (name, uscc, industry) = self.employer();
        form.respondent.name = name;
        form.respondent.uscc = uscc;
        industry.clone_into(&mut form.respondent.industry);
        let wage: u32 = self.rng.gen_range(35..=160) * 100;
        let ended = filed - Duration::days(self.rng.gen_range(10..200));
        let started = ended - Duration::days(self.rng.gen_range(120..3000));
        form.employment.start_date = started.to_string();
        form.employment.end_date = ended.to_string();
        form.employment.monthly_wage = wage.to_string();
        let months = self.rng.gen_range(1..=3u32);
        let mut claims = vec![ClaimForm {
            claim_type: "wage_arrears".into(),
            amount: (wage * months).to_string(),
            period_from: (ended - Duration::days(i64::from(months) * 30)).to_string(),
            period_to: ended.to_string(),
            description: format!("拖欠{months}个月工资"),
        }];
        if self.rng.gen_bool(0.5) {
            let years = ((ended - started).num_days() / 365).max(1);
            claims.push(ClaimForm {
                claim_type: "economic_compensation".into(),
                amount: (i64::from(wage) * years).to_string(),
                period_from: String::new(),
                period_to: String::new(),
                description: "解除劳动合同未支付经济补偿".into(),
            });
        } else if self.rng.gen_bool(0.4) {
            claims.push(ClaimForm {
                claim_type: "overtime_pay".into(),
                amount: self.rng.gen_range(20..=150u32).saturating_mul(100).to_string(),
                period_from: (ended - Duration::days(180)).to_string(),
                period_to: ended.to_string(),
                description: "延时加班工资未支付".into(),
            });
        }
        self.claimed = claims.iter().map(|c| c.amount.parse().unwrap_or(0)).collect();
        form.claims = claims;
        form.facts = "申请人在被申请人处工作，被申请人拖欠工资，双方因此发生争议。".into();
        json!({ "form": form_json(&form) })
    }

    /// A free one-hour slot of the commission on or after `day`, in one of its hearing rooms.
    /// A commission hears one case an hour: its clerk sits in every hearing (and its few
    /// arbitrators in most), so the slot is the commission's, not only the room's.
    fn slot(&mut self, commission: &str, day: NaiveDate) -> (String, DateTime<FixedOffset>) {
        let rooms: Vec<String> =
            self.rooms.iter().filter(|r| r.commission == commission).map(|r| r.code.clone()).collect();
        let hours = [9u32, 10, 11, 14, 15, 16];
        let mut d = self.working_day(day, 0);
        loop {
            for (i, h) in hours.iter().enumerate() {
                let taken = self.booked.entry(commission.to_owned()).or_default();
                let key = (d, u32::try_from(i).unwrap_or(0));
                if !taken.contains(&key) {
                    taken.insert(key);
                    let room = rooms.get(i % rooms.len().max(1)).cloned().unwrap_or_default();
                    return (room, at(d, *h, 0));
                }
            }
            d = self.working_day(d, 1);
        }
    }

    fn dispute(&mut self, spec: YearSpec, i: u32) -> Scenario {
        let alias = format!("d{i}");
        let start = NaiveDate::from_ymd_opt(spec.year, 1, 1).unwrap_or(NaiveDate::MIN);
        // A twelfth of the disputes arrive in the last month of the year before: the cases
        // carried over.
        let offset = self.rng.gen_range(-31..365);
        let received = self.working_day(start + Duration::days(offset), 0);
        let commission = self.pick_commission();
        let mut steps = Vec::new();
        let sample = 1000 + (i % 8000);
        let org_route = self.rng.gen_bool(0.5);
        let mut filed = received;
        if org_route {
            let org = format!("{commission}-MC");
            let mediator = format!("mediator:{commission}");
            let mut with = json!({ "organisation": org, "sample": sample, "employment_ended_on": (received - Duration::days(self.rng.gen_range(15..150))).to_string() });
            if let Some(form) = self.form(sample, commission, received).get("form") {
                with["workplace_area"] = form["employment"]["workplace_area"].clone();
                with["employer_area"] = form["respondent"]["registered_area"].clone();
            }
            // The sample application's claims: wages 13,600 and compensation 20,400.
            self.claimed = vec![13_600, 20_400];
            steps.push(step(at(received, 9, 30), &mediator, &alias, "mediation_intake", Some(with)));
            let n = self.rng.gen_range(1..6);
            let session = self.working_day(received, n);
            steps.push(step(
                at(session, 10, 0),
                &mediator,
                &alias,
                "mediation_session",
                Some(json!({ "held_on": session.to_string(), "mode": "in_person", "note": "双方到场协商" })),
            ));
            let roll = self.rng.gen_range(0..100);
            let outcome_at = at(session, 15, 0);
            if roll < 80 {
                let amount = self.rng.gen_range(20..=300u32) * 100;
                let agreement = json!({ "signed_on": session.to_string(), "terms": "被申请人于十日内支付款项", "items": [{ "claim_type": "wage_arrears", "amount": format!("{amount}.00"), "description": "拖欠工资" }], "performance_due": (session + Duration::days(10)).to_string() });
                steps.push(step(
                    outcome_at,
                    &mediator,
                    &alias,
                    "mediation_outcome",
                    Some(json!({ "outcome": "agreement", "agreement": agreement })),
                ));
                return self.finish(alias, steps);
            }
            if roll < 97 {
                steps.push(step(
                    outcome_at,
                    &mediator,
                    &alias,
                    "mediation_outcome",
                    Some(json!({ "outcome": "failure", "reason": "双方分歧较大" })),
                ));
            } else {
                steps.push(step(
                    outcome_at,
                    &mediator,
                    &alias,
                    "mediation_outcome",
                    Some(json!({ "outcome": "withdrawn", "reason": "申请人撤回调解申请" })),
                ));
                return self.finish(alias, steps);
            }
            if self.rng.gen_bool(0.5) {
                return self.finish(alias, steps);
            }
            let n = self.rng.gen_range(1..8);
            filed = self.working_day(session, n);
            steps.push(step(
                at(filed, 9, 0),
                &format!("clerk:{commission}"),
                &alias,
                "mediation_to_filing",
                None,
            ));
        } else {
            let with = self.form(sample, commission, received);
            steps.push(step(at(received, 9, 0), &format!("clerk:{commission}"), &alias, "file", Some(with)));
        }
        self.arbitrate(&alias, commission, filed, &mut steps);
        self.finish(alias, steps)
    }

    /// Acceptance to closure of an arbitration case filed at `commission` on `filed`.
    fn arbitrate(&mut self, alias: &str, commission: &str, filed: NaiveDate, steps: &mut Vec<StepSpec>) {
        let late = self.rng.gen_bool(0.03);
        let n = if late { 6 } else { self.rng.gen_range(0..4) };
        let accepted = self.working_day(filed, n);
        let mut c = commission.to_owned();
        let clerk = |c: &str| format!("clerk:{c}");
        steps.push(step(at(accepted, 10, 0), &clerk(&c), alias, "accept", None));
        // 繁简分流: the clerk follows the proposed track.
        steps.push(step(at(accepted, 10, 30), &clerk(&c), alias, "triage", Some(json!({}))));
        let arbitrator = format!("arbitrator:{c}#{}", self.rng.gen_range(1..=ARBITRATORS));
        steps.push(step(
            at(accepted, 11, 0),
            &clerk(&c),
            alias,
            "assign",
            Some(json!({ "arbitrator": arbitrator })),
        ));
        let mut arbitrator = arbitrator;
        let mut day = accepted;
        if self.rng.gen_bool(0.02) {
            let to = WEIGHTS[self.rng.gen_range(0..WEIGHTS.len())].0;
            if to != c {
                day = self.working_day(day, 3);
                steps.push(step(
                    at(day, 9, 0),
                    &clerk(&c),
                    alias,
                    "transfer",
                    Some(json!({ "to": to, "reason": "实际履行地不在本委管辖区域" })),
                ));
                c = to.to_owned();
                arbitrator = format!("arbitrator:{c}#{}", self.rng.gen_range(1..=ARBITRATORS));
                steps.push(step(
                    at(day, 11, 0),
                    &clerk(&c),
                    alias,
                    "assign",
                    Some(json!({ "arbitrator": arbitrator })),
                ));
            }
        }
        // 45 days from acceptance (or the transfer); most close well within it.
        let overdue = self.rng.gen_bool(0.03);
        let extended = !overdue && self.rng.gen_bool(0.08);
        let mut span = if overdue {
            self.rng.gen_range(47..70)
        } else if self.rng.gen_bool(0.8) {
            self.rng.gen_range(6..25)
        } else {
            self.rng.gen_range(25..43)
        };
        if self.rng.gen_bool(0.03) {
            let s = self.working_day(day, 5);
            steps.push(step(
                at(s, 9, 0),
                &arbitrator,
                alias,
                "request_suspension",
                Some(json!({ "ground": "awaiting_appraisal", "note": "等待鉴定结论" })),
            ));
            steps.push(step(
                at(s, 11, 0),
                &format!("supervisor:{c}"),
                alias,
                "decide_suspension",
                Some(json!({ "approve": true, "note": "同意中止" })),
            ));
            let r = self.working_day(s, 10);
            steps.push(step(at(r, 9, 0), &arbitrator, alias, "resume", None));
            day = r;
            span = span.min(30);
        }
        if extended {
            let e = self.working_day(day, 20);
            steps.push(step(
                at(e, 9, 0),
                &arbitrator,
                alias,
                "request_extension",
                Some(json!({ "days": 15, "reason": "案情复杂" })),
            ));
            steps.push(step(
                at(e, 10, 0),
                &format!("supervisor:{c}"),
                alias,
                "decide_extension",
                Some(json!({ "approve": true, "note": "同意延长十五日" })),
            ));
            span = self.rng.gen_range(46..58);
        }
        let close = self.working_day(day + Duration::days(span), 0);
        let roll = self.rng.gen_range(0..100);
        match roll {
            0..30 => steps.push(step(
                at(close, 15, 0),
                &arbitrator,
                alias,
                "record_settlement",
                Some(json!({ "mode": "arbitral_mediation_document" })),
            )),
            30..65 => steps.push(step(
                at(close, 15, 0),
                &arbitrator,
                alias,
                "record_settlement",
                Some(json!({ "mode": "settlement_withdrawal" })),
            )),
            65..71 => steps.push(step(
                at(close, 15, 0),
                &arbitrator,
                alias,
                "withdraw",
                Some(json!({ "reason": "申请人撤回仲裁申请" })),
            )),
            71..72 => steps.push(step(
                at(close, 15, 0),
                &arbitrator,
                alias,
                "terminate",
                Some(json!({ "reason": "申请人死亡，无继承人" })),
            )),
            _ => {
                // Booked ten days before the day it should close, at the earliest on the day
                // of acceptance, and held after the notice period (5 days, 法 第三十五条).
                let booked = (close - Duration::days(10)).max(day);
                let earliest = self.working_day(booked, 6);
                let (room, when) = self.slot(&c, earliest);
                steps.push(step(at(booked, 9, 30), &arbitrator, alias, "schedule_hearing", Some(json!({ "room": room, "at": when.to_utc().to_rfc3339(), "minutes": 60, "clerk": clerk(&c) }))));
                let heard = when.date_naive();
                if roll < 75 {
                    steps.push(step(
                        at(heard, 17, 30),
                        &arbitrator,
                        alias,
                        "deem_withdrawn",
                        Some(json!({ "reason": "申请人经书面通知无正当理由拒不到庭" })),
                    ));
                    return;
                }
                steps.push(step(at(heard, 17, 30), &arbitrator, alias, "hold_hearing", None));
                let n = self.rng.gen_range(1..4);
                let awarded = self.working_day(heard, n);
                let items: Vec<Value> = self
                    .claimed
                    .clone()
                    .into_iter()
                    .zip(1u32..)
                    .map(|(amount, claim)| {
                        let granted = u64::from(amount) * self.rng.gen_range(50..=100u64) / 100;
                        json!({ "claim": claim, "granted": format!("{granted}.00") })
                    })
                    .collect();
                steps.push(step(
                    at(awarded, 10, 0),
                    &arbitrator,
                    alias,
                    "award",
                    Some(json!({ "items": items })),
                ));
                if self.rng.gen_bool(0.2) {
                    let sued = self.working_day(awarded, 8);
                    steps.push(step(at(sued, 15, 0), &clerk(&c), alias, "record_court_outcome", Some(json!({ "kind": "lawsuit_filed", "court_case_number": format!("（{}）苏05民初{}号", sued.year(), alias.trim_start_matches('d')), "court": "苏州市中级人民法院", "on": sued.to_string(), "side": "respondent" }))));
                    let decided = self.working_day(sued, 60);
                    let result =
                        ["upheld", "upheld", "upheld", "changed", "reversed"][self.rng.gen_range(0..5)];
                    steps.push(step(at(decided, 15, 0), &clerk(&c), alias, "record_court_outcome", Some(json!({ "kind": "outcome", "court_case_number": format!("（{}）苏05民初{}号", sued.year(), alias.trim_start_matches('d')), "court": "苏州市中级人民法院", "on": decided.to_string(), "items": [{ "claim": 1, "result": result }] }))));
                }
            }
        }
    }

    /// The scenario of a dispute, without the steps that would happen after now.
    fn finish(&mut self, alias: String, steps: Vec<StepSpec>) -> Scenario {
        let now = self.now.fixed_offset();
        Scenario { title: alias, step: steps.into_iter().filter(|s| s.at <= now).collect() }
    }
}

fn form_json(form: &crate::domain::filing::FilingForm) -> Value {
    serde_json::to_value(form).unwrap_or(Value::Null)
}
