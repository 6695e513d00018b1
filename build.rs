//! Rebuilds the crate when a file is added to `migrations/` or `templates/`.
//!
//! `embed_migrations!` and `RustEmbed` compile those directories into the binary, but cargo
//! only tracks the files that existed at the last build; without this a new migration or
//! template would be missing from the binary (and from the test template database) until an
//! unrelated change forced a rebuild.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=templates");
}
