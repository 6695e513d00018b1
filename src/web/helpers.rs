//! Handlebars helpers shared by pages, e-mails and documents.
//!
//! - `eq a b`: equality of two values.
//! - `t "key" name=value…`: the catalog text of `key` in the page language, placeholders
//!   `{name}` filled in; an unknown key is a render error, so a typo fails its test.
//! - `pick zh en`: the Chinese or the English one of two values.
//! - `when instant`: an RFC 3339 instant as `YYYY-MM-DD HH:MM` China Standard Time.
//!
//! The page language is read from the root context's `layout.lang` (`zh` when absent, as in
//! e-mails). Helper results are escaped like any other `{{…}}` value.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason, ScopedJson,
    handlebars_helper,
};
use serde_json::Value as Json;

use super::i18n::{self, Lang};

handlebars_helper!(eq: |a: Json, b: Json| a == b);

/// Registers the helpers on a registry.
pub fn register(hb: &mut Handlebars<'_>) {
    hb.register_helper("eq", Box::new(eq));
    hb.register_helper("t", Box::new(Translate));
    hb.register_helper("pick", Box::new(Pick));
    hb.register_helper("when", Box::new(When));
}

fn lang_of(ctx: &Context) -> Lang {
    ctx.data().pointer("/layout/lang").and_then(Json::as_str).and_then(Lang::parse).unwrap_or_default()
}

fn plain(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        Json::Null => String::new(),
        other => other.to_string(),
    }
}

struct Translate;

impl HelperDef for Translate {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let key = h
            .param(0)
            .and_then(|p| p.value().as_str())
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("t", 0))?;
        let lang = lang_of(ctx);
        let text = i18n::text(lang, key)
            .ok_or_else(|| RenderErrorReason::Other(format!("unknown message key `{key}`")))?;
        let args: Vec<(&str, String)> = h.hash().iter().map(|(k, v)| (*k, plain(v.value()))).collect();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let out = if args.is_empty() { text.to_owned() } else { i18n::format(lang, key, &args) };
        Ok(ScopedJson::Derived(Json::String(out)))
    }
}

struct Pick;

impl HelperDef for Pick {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let index = match lang_of(ctx) {
            Lang::Zh => 0,
            Lang::En => 1,
        };
        let value = h.param(index).ok_or(RenderErrorReason::ParamNotFoundForIndex("pick", index))?;
        Ok(ScopedJson::Derived(value.value().clone()))
    }
}

struct When;

impl HelperDef for When {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let raw = h.param(0).map(|p| plain(p.value())).unwrap_or_default();
        let shown = match chrono::DateTime::parse_from_rfc3339(&raw) {
            Ok(at) => at.with_timezone(&crate::clock::china()).format("%Y-%m-%d %H:%M").to_string(),
            Err(_) => raw,
        };
        Ok(ScopedJson::Derived(Json::String(shown)))
    }
}

#[cfg(test)]
mod tests {
    #![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed test")]

    use handlebars::Handlebars;
    use serde_json::json;

    fn hb() -> Handlebars<'static> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        super::register(&mut hb);
        hb
    }

    #[test]
    fn t_follows_the_layout_language_and_fills_placeholders_escaped() {
        let hb = hb();
        let zh = json!({ "layout": { "lang": "zh" }, "n": "<b>2</b>" });
        let en = json!({ "layout": { "lang": "en" }, "n": 2 });
        let tpl = r#"{{t "cases.days_left" n=n}}"#;
        assert_eq!(hb.render_template(tpl, &zh).unwrap(), "剩余 &lt;b&gt;2&lt;/b&gt; 个工作日");
        assert_eq!(hb.render_template(tpl, &en).unwrap(), "2 working days left");
        assert!(hb.render_template(r#"{{t "no.such.key"}}"#, &en).is_err());
    }

    #[test]
    fn pick_and_when_choose_the_language_and_local_time() {
        let hb = hb();
        let ctx = json!({ "layout": { "lang": "en" }, "a": "甲", "b": "<B>", "at": "2026-03-02T01:00:00Z" });
        assert_eq!(hb.render_template("{{pick a b}}", &ctx).unwrap(), "&lt;B&gt;");
        assert_eq!(hb.render_template("{{when at}}", &ctx).unwrap(), "2026-03-02 09:00");
    }
}
