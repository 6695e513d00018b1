//! The `award` command's body from the posted award form: a row per claim item (or per
//! worker's item), `outcome.{key}` granted or dismissed (a row left undecided is not in the
//! award), `amount.{key}` and `category.{key}`, and the partial and default-award flags.

use serde_json::{Map, Value, json};

use crate::domain::award::AwardCategory;
use crate::domain::input::money::Money;
use crate::domain::input::{FieldError, InputError};
use crate::web::form::FormData;

/// The rows of the posted form, each `(member, claim)` with its field suffix, in the order
/// posted.
fn posted_rows(f: &FormData) -> Vec<(Option<u32>, u32, String)> {
    let mut rows = Vec::new();
    for (key, _) in f.with_prefix("outcome.") {
        let parsed = match key.split_once('.') {
            Some((m, c)) => m.parse().ok().zip(c.parse().ok()).map(|(m, c)| (Some(m), c)),
            None => key.parse().ok().map(|c| (None, c)),
        };
        if let Some((member, claim)) = parsed {
            rows.push((member, claim, key.to_owned()));
        }
    }
    rows
}

/// The `award` body from the posted form: the items with an outcome chosen (a row left
/// undecided is not in the award), with the amount granted and the category; a malformed
/// amount is refused at its row.
pub(super) fn award_body(f: &FormData) -> Result<Value, InputError> {
    let mut errors = InputError::default();
    let mut items = Vec::new();
    for (member, claim, key) in posted_rows(f) {
        let outcome = f.get(&format!("outcome.{key}"));
        if outcome != "granted" && outcome != "dismissed" {
            continue;
        }
        let mut item = Map::new();
        item.insert("claim".into(), json!(claim));
        if let Some(m) = member {
            item.insert("member".into(), json!(m));
        }
        if let Some(c) = AwardCategory::parse(f.get(&format!("category.{key}"))) {
            item.insert("category".into(), json!(c.code()));
        }
        item.insert("dismissed".into(), json!(outcome == "dismissed"));
        let raw = f.get(&format!("amount.{key}"));
        if raw.trim().is_empty() {
            items.push(Value::Object(item));
            continue;
        }
        match Money::parse_yuan(raw) {
            Ok(m) => {
                item.insert("granted".into(), json!(m.yuan_string()));
            }
            Err(e) => {
                let (zh, en) = crate::domain::collective::item_name(None, member, claim);
                errors.push(FieldError::new(
                    format!("amount.{key}"),
                    "award.amount_invalid",
                    format!("{zh}裁决数额：{}", e.message_zh),
                    format!("The amount awarded on {en}: {}", e.message_en),
                ));
            }
        }
        items.push(Value::Object(item));
    }
    errors.into_result()?;
    let yes = |name: &str| f.get(name) == "yes";
    Ok(json!({ "items": items, "partial": yes("partial"), "default_award": yes("default_award") }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rows_decided_become_the_items_and_an_undecided_row_is_left_out() {
        let f = FormData::parse(
            b"outcome.1=granted&amount.1=13%2C600&category.1=time_or_piece_wages&outcome.2=&amount.2=500\
              &outcome.3=dismissed&amount.3=&partial=yes&confirm=yes",
        );
        let Ok(body) = award_body(&f) else { panic!("the form is valid") };
        assert_eq!(
            body,
            json!({ "items": [
                { "claim": 1, "category": "time_or_piece_wages", "dismissed": false, "granted": "13600.00" },
                { "claim": 3, "dismissed": true }
            ], "partial": true, "default_award": false })
        );
    }

    #[test]
    fn a_worker_row_names_the_worker_and_a_bad_amount_is_refused_at_its_row() {
        let f = FormData::parse(b"outcome.12.2=granted&amount.12.2=40000&outcome.3.1=granted&amount.3.1=abc");
        let Err(e) = award_body(&f) else { panic!("a bad amount is refused") };
        assert_eq!(e.0[0].field, "amount.3.1");
        assert!(e.0[0].message_zh.starts_with("第3名申请人第1项裁决数额"), "{:?}", e.0);
        let ok = FormData::parse(b"outcome.12.2=granted&amount.12.2=40000");
        let Ok(body) = award_body(&ok) else { panic!("the form is valid") };
        assert_eq!(
            body["items"],
            json!([{ "claim": 2, "member": 12, "dismissed": false, "granted": "40000.00" }])
        );
    }
}
