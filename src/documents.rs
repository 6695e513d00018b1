//! Rendering of the official documents (法律文书) of a case: a [`DocumentContext`] through its
//! template `documents/<code>` into a standalone, printable A4 HTML page.
//!
//! The pages link `/static/document.css` (the pages' CSP allows styles from this origin only,
//! no inline `<style>`), carry no scripts and load nothing else. The SHA-256 of the HTML is
//! returned with it, so the issued text can be stored and later proven unchanged.

use anyhow::Context as _;
use sha2::{Digest, Sha256};

use crate::domain::document::{DocumentContext, DocumentKind, DocumentView};
use crate::templates::Templates;

#[cfg(test)]
mod tests;

/// A document rendered to HTML, with the digest of exactly these bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedDocument {
    /// Which document this is.
    pub kind: DocumentKind,
    /// The standalone HTML page.
    pub html: String,
    /// Lower-case hex SHA-256 of the UTF-8 bytes of `html`.
    pub sha256: String,
    /// The Chinese title, e.g. 受理通知书.
    pub title_zh: &'static str,
}

/// Renders one document with the escaped, strict registry.
///
/// Fails when the context lacks its number, recipient or applicant, or when the template does
/// not find a field it uses (strict mode).
pub fn render(templates: &Templates, ctx: &DocumentContext) -> anyhow::Result<RenderedDocument> {
    let kind = ctx.kind();
    anyhow::ensure!(!ctx.number.trim().is_empty(), "document {} has no number", kind.code());
    anyhow::ensure!(!ctx.recipient.trim().is_empty(), "document {} has no recipient", ctx.number);
    anyhow::ensure!(!ctx.applicants.is_empty(), "document {} lists no applicant", ctx.number);
    let html = templates
        .html(kind.template(), &DocumentView::new(ctx))
        .with_context(|| format!("rendering document {} ({})", ctx.number, kind.code()))?;
    let sha256 = content_hash(&html);
    Ok(RenderedDocument { kind, html, sha256, title_zh: kind.title_zh() })
}

/// The content hash stored with a document: lower-case hex SHA-256 of its UTF-8 bytes.
pub fn content_hash(html: &str) -> String {
    hex::encode(Sha256::digest(html.as_bytes()))
}
