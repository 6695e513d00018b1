//! Parsers of the single fields that only filings have (dates, areas, claim amounts, texts).

use chrono::NaiveDate;

use super::{
    ClaimType, DATE_FORMAT, DESCRIPTION_MAX_CHARS, FACTS_MAX_CHARS, FACTS_MIN_CHARS, POST_MAX_CHARS,
};
use crate::domain::input::FieldError;
use crate::domain::input::money::Money;
use crate::domain::input::text::{self, LineKind, Refused};

pub(super) fn claim_type(raw: &str) -> Result<ClaimType, FieldError> {
    if raw.trim().is_empty() {
        return Err(error("claim_type.required", "请选择请求类型", "The claim type is required"));
    }
    ClaimType::parse(raw).ok_or_else(|| {
        error(
            "claim_type.unknown",
            format!("请求类型“{}”不存在，请从列表中选择", raw.trim()),
            format!("The claim type \"{}\" does not exist; choose one from the list", raw.trim()),
        )
    })
}

pub(super) fn amount(claim_type: ClaimType, raw: &str) -> Result<Option<Money>, FieldError> {
    let (zh, en) = (claim_type.name_zh(), claim_type.name_en());
    if raw.trim().is_empty() {
        return if claim_type.requires_amount() {
            Err(error(
                "amount.required",
                format!("请填写“{zh}”的请求金额"),
                format!("The amount of the claim \"{en}\" is required"),
            ))
        } else {
            Ok(None)
        };
    }
    if !claim_type.is_monetary() {
        return Err(error(
            "amount.not_applicable",
            format!("“{zh}”不是金钱请求，不应填写金额"),
            format!("The claim \"{en}\" is not for money and takes no amount"),
        ));
    }
    let money = Money::parse_yuan(raw)?;
    if money == Money::ZERO {
        return Err(error(
            "amount.zero",
            "请求金额应大于0元；金额不明确时请在请求描述中说明计算方法",
            "The amount must be more than 0 yuan; if it is unclear, explain the computation in the description",
        ));
    }
    Ok(Some(money))
}

/// A refused character of a text field, under the field's code prefix (`facts.bidi` …).
fn refused(codes: [&'static str; 3], subject_zh: &str, subject_en: &str, r: Refused) -> FieldError {
    let [control, bidi, invisible] = codes;
    let at = r.code_point();
    match r {
        Refused::Control(_) => error(
            control,
            format!("{subject_zh}含有控制字符（{at}），请删除后重新输入"),
            format!("The {subject_en} contains a control character ({at}); delete it and type it again"),
        ),
        Refused::Bidi(_) => error(
            bidi,
            format!("{subject_zh}含有改变文字显示方向的控制字符（{at}），请删除后重新输入"),
            format!(
                "The {subject_en} contains a character that reverses the text direction ({at}); delete it and type it again"
            ),
        ),
        // Free text refuses no invisible characters or emoji; one-line labels refuse invisible ones.
        Refused::Invisible(_) | Refused::Emoji(_) => error(
            invisible,
            format!("{subject_zh}含有看不见的字符（{at}），可能是复制粘贴带入的，请删除后重新输入"),
            format!(
                "The {subject_en} contains an invisible character ({at}), perhaps pasted in; delete it and type it again"
            ),
        ),
    }
}

pub(super) fn description(claim_type: Option<ClaimType>, raw: &str) -> Result<String, FieldError> {
    let codes = ["description.control", "description.bidi", "description.bidi"];
    let value = text::free_text(raw).map_err(|r| refused(codes, "请求描述", "claim description", r))?;
    let count = value.chars().count();
    if count > DESCRIPTION_MAX_CHARS {
        return Err(error(
            "description.too_long",
            format!("请求描述不能超过{DESCRIPTION_MAX_CHARS}个字符，当前为{count}个"),
            format!(
                "The claim description must not exceed {DESCRIPTION_MAX_CHARS} characters, it has {count}"
            ),
        ));
    }
    if count == 0 && claim_type == Some(ClaimType::Other) {
        return Err(error(
            "description.required",
            "“其他请求”须写明具体请求内容",
            "An \"Other claim\" must describe what is claimed",
        ));
    }
    Ok(value)
}

pub(super) fn facts(raw: &str) -> Result<String, FieldError> {
    let codes = ["facts.control", "facts.bidi", "facts.bidi"];
    let value = text::free_text(raw).map_err(|r| refused(codes, "事实和理由", "statement of facts", r))?;
    let count = value.chars().count();
    if count == 0 {
        Err(error("facts.required", "请填写事实和理由", "The facts and reasons are required"))
    } else if count < FACTS_MIN_CHARS {
        Err(error(
            "facts.too_short",
            format!("事实和理由至少需要{FACTS_MIN_CHARS}个字符，当前为{count}个"),
            format!("The facts and reasons need at least {FACTS_MIN_CHARS} characters, they have {count}"),
        ))
    } else if count > FACTS_MAX_CHARS {
        Err(error(
            "facts.too_long",
            format!("事实和理由不能超过{FACTS_MAX_CHARS}个字符，当前为{count}个"),
            format!("The facts and reasons must not exceed {FACTS_MAX_CHARS} characters, they have {count}"),
        ))
    } else {
        Ok(value)
    }
}

pub(super) fn post(raw: &str) -> Result<String, FieldError> {
    let codes = ["post.format", "post.bidi", "post.invisible"];
    let value = text::line(raw, LineKind::Plain).map_err(|r| refused(codes, "岗位", "post", r))?;
    let count = value.chars().count();
    if count > POST_MAX_CHARS {
        Err(error(
            "post.too_long",
            format!("岗位不能超过{POST_MAX_CHARS}个字符，当前为{count}个"),
            format!("The post must not exceed {POST_MAX_CHARS} characters, it has {count}"),
        ))
    } else {
        Ok(value)
    }
}

/// Parses a required `YYYY-MM-DD` date (exactly ten characters, so `2024-3-1` is refused).
pub(super) fn date(raw: &str) -> Result<NaiveDate, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(error("date.required", "请填写日期", "The date is required"));
    }
    NaiveDate::parse_from_str(value, DATE_FORMAT).ok().filter(|_| value.len() == 10).ok_or_else(|| {
        error(
            "date.format",
            format!("日期“{value}”格式不正确或不存在，应为YYYY-MM-DD，如2024-03-01"),
            format!("The date \"{value}\" is malformed or does not exist; write YYYY-MM-DD, e.g. 2024-03-01"),
        )
    })
}

pub(super) fn not_after_today(date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    if date > today {
        Err(error(
            "date.future",
            format!("日期{date}晚于今天（{today}）"),
            format!("The date {date} is after today ({today})"),
        ))
    } else {
        Ok(date)
    }
}

pub(super) fn known_area(raw: &str, areas: &dyn Fn(&str) -> bool) -> Result<String, FieldError> {
    let code = raw.trim();
    if code.is_empty() {
        Err(error("area.required", "请选择地区", "The area is required"))
    } else if areas(code) {
        Ok(code.to_owned())
    } else {
        Err(error(
            "area.unknown",
            format!("地区代码“{code}”不是本市已知的行政区划"),
            format!("The area code \"{code}\" is not a known area of the city"),
        ))
    }
}

pub(super) fn known_commission(raw: &str, commissions: &dyn Fn(&str) -> bool) -> Result<String, FieldError> {
    let code = raw.trim();
    if commissions(code) {
        Ok(code.to_owned())
    } else {
        Err(error(
            "commission.unknown",
            format!("仲裁委员会代码“{code}”不存在"),
            format!("The commission code \"{code}\" does not exist"),
        ))
    }
}

fn error(code: &'static str, message_zh: impl Into<String>, message_en: impl Into<String>) -> FieldError {
    FieldError::new("", code, message_zh, message_en)
}
