//! Handlebars templates embedded in the binary: pages (HTML-escaped) and e-mail text
//! (unescaped). Strict mode turns a missing field into an error, so a broken template fails at
//! start-up or in its snapshot test, never silently in front of a user.

use handlebars::Handlebars;
use rust_embed::RustEmbed;
use serde::Serialize;

#[derive(RustEmbed)]
#[folder = "templates/"]
#[include = "*.hbs"]
struct Assets;

/// The two registries.
pub struct Templates {
    html: Handlebars<'static>,
    text: Handlebars<'static>,
}

impl Templates {
    /// Loads every template; fails when one does not parse.
    pub fn load() -> anyhow::Result<Templates> {
        let mut html = Handlebars::new();
        html.set_strict_mode(true);
        html.register_embed_templates_with_extension::<Assets>(".hbs")?;
        crate::web::helpers::register(&mut html);
        let mut text = Handlebars::new();
        text.set_strict_mode(true);
        text.register_escape_fn(handlebars::no_escape);
        text.register_embed_templates_with_extension::<Assets>(".hbs")?;
        crate::web::helpers::register(&mut text);
        Ok(Templates { html, text })
    }

    /// Renders an HTML template (escaped).
    pub fn html<T: Serialize>(&self, name: &str, ctx: &T) -> anyhow::Result<String> {
        Ok(self.html.render(name, ctx)?)
    }

    /// Renders a plain-text template (unescaped: e-mail subjects and text bodies).
    pub fn text<T: Serialize>(&self, name: &str, ctx: &T) -> anyhow::Result<String> {
        Ok(self.text.render(name, ctx)?)
    }
}
