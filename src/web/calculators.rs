//! The claim calculators as pages (`GET /calculators`, `GET /calculators/{name}`): a form
//! sent with GET, so a result is a plain link and needs no script; the filing form opens them
//! in a new tab, so what the worker typed there stays where it was. Each result shows its
//! computation and its legal basis in Chinese first, with the English under it.

use std::collections::HashMap;

use actix_web::{HttpResponse, web};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::WebError;
use super::page::Page;
use crate::domain::calculators::{
    AnnualLeaveForm, DoubleWagesForm, EconomicCompensationForm, OvertimeForm, Step, Text,
};
use crate::domain::input::{FieldError, InputError};
use crate::service::calculators;
use crate::service::error::ServiceError;

/// One field of a calculator form: name, Chinese and English label, input type.
type FieldSpec = (&'static str, &'static str, &'static str, &'static str);

/// A calculator: path name, Chinese and English title, its legal basis, its fields.
struct Calculator {
    name: &'static str,
    zh: &'static str,
    en: &'static str,
    fields: &'static [FieldSpec],
}

/// The calculators, in the order of the claim types.
const CALCULATORS: [Calculator; 4] = [
    Calculator {
        name: "economic_compensation",
        zh: "经济补偿（N、N+1、2N）",
        en: "Economic compensation (N, N+1, 2N)",
        fields: &[
            ("start_date", "入职日期", "First day of employment", "date"),
            ("end_date", "劳动合同解除或终止日", "Last day of employment", "date"),
            (
                "monthly_wage",
                "解除前十二个月平均工资（元）",
                "Average monthly wage of the last 12 months (yuan)",
                "text",
            ),
            (
                "kind",
                "计算类型：standard（N）、with_notice_pay（N+1）、unlawful_termination（2N）",
                "Kind: standard (N), with_notice_pay (N+1), unlawful_termination (2N)",
                "text",
            ),
            ("notice_wage", "上月工资（N+1，可空）", "Previous month's wage (N+1, optional)", "text"),
            (
                "average_monthly_wage",
                "本地区上年度职工月平均工资（可空，用配置值）",
                "Local average monthly wage (optional: the configured figure)",
                "text",
            ),
        ],
    },
    Calculator {
        name: "double_wages",
        zh: "未签订书面劳动合同二倍工资",
        en: "Double wages for no written contract",
        fields: &[
            ("start_date", "用工之日", "First day of work", "date"),
            ("end_date", "未签合同的最后一日", "Last day without a written contract", "date"),
            ("monthly_wage", "月工资（元）", "Monthly wage (yuan)", "text"),
        ],
    },
    Calculator {
        name: "annual_leave",
        zh: "未休年休假工资报酬",
        en: "Pay for unused annual leave",
        fields: &[
            ("year", "年度", "Year", "text"),
            ("cumulative_years", "累计工作年限（年）", "Cumulative years of work", "text"),
            (
                "from_date",
                "年度内在本单位起始日（可空）",
                "First day at the employer in the year (optional)",
                "date",
            ),
            (
                "to_date",
                "年度内在本单位截止日（可空）",
                "Last day at the employer in the year (optional)",
                "date",
            ),
            ("days_taken", "已休天数", "Days taken", "text"),
            (
                "monthly_wage",
                "月工资（剔除加班工资，元）",
                "Monthly wage without overtime pay (yuan)",
                "text",
            ),
        ],
    },
    Calculator {
        name: "overtime",
        zh: "加班费",
        en: "Overtime pay",
        fields: &[
            (
                "monthly_wage",
                "加班费计算基数（月工资，元）",
                "Monthly wage the overtime is paid on (yuan)",
                "text",
            ),
            (
                "working_day_hours",
                "工作日延长工作时间（小时，150%）",
                "Extended hours on working days (150%)",
                "text",
            ),
            (
                "rest_day_hours",
                "休息日工作且未补休（小时，200%）",
                "Rest-day hours without time off (200%)",
                "text",
            ),
            ("holiday_hours", "法定休假日工作（小时，300%）", "Statutory-holiday hours (300%)", "text"),
        ],
    },
];

/// A link to one calculator page.
#[derive(Serialize)]
pub struct Link {
    href: String,
    zh: &'static str,
    en: &'static str,
}

/// The links to the calculators (the index page and the filing form).
pub fn links() -> Vec<Link> {
    CALCULATORS
        .iter()
        .map(|c| Link { href: format!("/calculators/{}", c.name), zh: c.zh, en: c.en })
        .collect()
}

#[derive(Serialize)]
struct Field {
    name: &'static str,
    id: String,
    zh: &'static str,
    en: &'static str,
    input_type: &'static str,
    value: String,
    error_zh: Option<String>,
    error_en: Option<String>,
}

#[derive(Serialize)]
struct Outcome {
    amount: String,
    steps: Vec<Step>,
    basis: Vec<Text>,
    notes: Vec<Text>,
}

#[derive(Serialize)]
struct CalculatorPage {
    layout: crate::web::page::Layout,
    name: &'static str,
    zh: &'static str,
    en: &'static str,
    fields: Vec<Field>,
    result: Option<Outcome>,
    calculators: Vec<Link>,
}

/// Parses the query into a calculator's form (the page's own parameters left out).
fn form<F: DeserializeOwned>(spec: &Calculator, q: &HashMap<String, String>) -> Result<F, ServiceError> {
    let own: serde_json::Map<String, serde_json::Value> = spec
        .fields
        .iter()
        .filter_map(|(name, ..)| {
            q.get(*name).map(|v| ((*name).to_owned(), serde_json::Value::String(v.clone())))
        })
        .collect();
    serde_json::from_value(serde_json::Value::Object(own)).map_err(|_| {
        ServiceError::bad_request("calculator.form", "计算表单格式不正确", "The form is malformed")
    })
}

fn outcome(amount: String, steps: Vec<Step>, basis: Vec<Text>, notes: Vec<Text>) -> Outcome {
    Outcome { amount, steps, basis, notes }
}

/// Runs a calculator on the query.
fn compute(page: &Page, spec: &Calculator, q: &HashMap<String, String>) -> Result<Outcome, ServiceError> {
    let figures = &page.state.figures;
    Ok(match spec.name {
        "economic_compensation" => {
            let r = calculators::economic_compensation(figures, &form::<EconomicCompensationForm>(spec, q)?)?;
            outcome(r.amount.yuan_string(), r.steps, r.basis, r.notes)
        }
        "double_wages" => {
            let r = calculators::double_wages(&form::<DoubleWagesForm>(spec, q)?)?;
            outcome(r.amount.yuan_string(), r.steps, r.basis, r.notes)
        }
        "annual_leave" => {
            let r = calculators::annual_leave(&form::<AnnualLeaveForm>(spec, q)?)?;
            outcome(r.amount.yuan_string(), r.steps, r.basis, r.notes)
        }
        _ => {
            let r = calculators::overtime(&form::<OvertimeForm>(spec, q)?)?;
            outcome(r.amount.yuan_string(), r.steps, r.basis, r.notes)
        }
    })
}

/// `GET /calculators`.
pub async fn show_index(page: Page) -> Result<HttpResponse, WebError> {
    page.actor()?;
    #[derive(Serialize)]
    struct Index {
        layout: crate::web::page::Layout,
        calculators: Vec<Link>,
    }
    page.render("pages/calculators", &Index { layout: page.layout("calc.title"), calculators: links() })
}

/// `GET /calculators/{name}`: the form, and with `compute=1` the result or the field errors.
pub async fn show_calculator(
    page: Page,
    name: web::Path<String>,
    q: web::Query<HashMap<String, String>>,
) -> Result<HttpResponse, WebError> {
    page.actor()?;
    let spec = CALCULATORS.iter().find(|c| c.name == name.as_str()).ok_or(ServiceError::NotFound)?;
    let (result, errors) = if q.contains_key("compute") {
        match compute(&page, spec, &q) {
            Ok(r) => (Some(r), InputError::default()),
            Err(ServiceError::Input(e)) => (None, e),
            Err(e) => return Err(e.into()),
        }
    } else {
        (None, InputError::default())
    };
    let error = |name: &str| errors.0.iter().find(|e: &&FieldError| e.field == name);
    let fields = spec
        .fields
        .iter()
        .map(|&(name, zh, en, input_type)| Field {
            name,
            id: format!("c-{name}"),
            zh,
            en,
            input_type,
            value: q.get(name).cloned().unwrap_or_default(),
            error_zh: error(name).map(|e| e.message_zh.clone()),
            error_en: error(name).map(|e| e.message_en.clone()),
        })
        .collect();
    let calculators = links();
    page.render(
        "pages/calculator",
        &CalculatorPage {
            layout: page.layout("calc.title"),
            name: spec.name,
            zh: spec.zh,
            en: spec.en,
            fields,
            result,
            calculators,
        },
    )
}
