//! The domain core stays pure: no database, HTTP, mail, templates, runtime or clock.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_domain_core_does_no_io_and_reads_no_clock() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("domain.rs")];
    rust_files(&root.join("domain"), &mut files);
    assert!(files.len() > 10);
    let forbidden = [
        "diesel::",
        "actix_web::",
        "lettre::",
        "handlebars::",
        "tokio::",
        "deadpool::",
        "reqwest::",
        "crate::db::",
        "crate::http::",
        "crate::web::",
        "crate::notify::",
        "crate::service::",
        "Utc::now(",
        "Local::now(",
        "std::fs::",
        "std::env::",
        "std::net::",
    ];
    let mut offences = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            if let Some(word) = forbidden.iter().find(|w| line.contains(*w)) {
                offences.push(format!("{}:{}: {word}", f.display(), n + 1));
            }
        }
    }
    assert!(offences.is_empty(), "impure domain code:\n{}", offences.join("\n"));
}
