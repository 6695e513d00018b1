//! Handlebars helpers shared by pages, e-mails and documents.

use handlebars::{Handlebars, handlebars_helper};

handlebars_helper!(eq: |a: Json, b: Json| a == b);

/// Registers the helpers on a registry.
pub fn register(hb: &mut Handlebars<'_>) {
    hb.register_helper("eq", Box::new(eq));
}
