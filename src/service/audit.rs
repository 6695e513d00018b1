//! Audit for an inspector: the case event log, the document store and the personal-data access
//! log of a period, written out with what proves them unaltered, and checked again later from
//! the files alone.
//!
//! An export is a directory of JSON Lines files and a `manifest.json` naming each file with its
//! row count and SHA-256. Event and access rows carry their canonical text, the previous row's
//! hash and their own, so anyone can recompute the chains with a plain SHA-256 tool; documents
//! carry their content and the SHA-256 recorded when they were issued.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::clock::start_of_day;
use crate::db::audit::{self as db, Broken, ChainRow, DocumentRow, Examined};
use crate::domain::audit::{Break, Link, sha256_hex, verify};
use crate::service::error::ServiceError;
use crate::startup::AppState;

/// What `audit check` found in the database.
#[derive(Debug, Clone, Serialize)]
pub struct DatabaseCheck {
    /// How many rows were examined.
    pub examined: Examined,
    /// The rows that no longer verify (none when nothing was altered).
    pub broken: Vec<Broken>,
}

/// Recomputes every hash chain and every document's and evidence file's SHA-256 in the database.
pub async fn check(state: &AppState) -> Result<DatabaseCheck, ServiceError> {
    let mut conn = state.pool.get().await?;
    Ok(DatabaseCheck { examined: db::examined(&mut conn).await?, broken: db::broken(&mut conn).await? })
}

/// One file of an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportFile {
    /// File name in the export directory.
    pub name: String,
    /// Rows (lines).
    pub rows: usize,
    /// SHA-256 of the file, hex.
    pub sha256: String,
}

/// The manifest of an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// First day of the period (China time).
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// When it was made.
    pub generated_at: DateTime<Utc>,
    /// How the chains are computed.
    pub method: String,
    /// The files.
    pub files: Vec<ExportFile>,
}

/// The name of the manifest file.
pub const MANIFEST: &str = "manifest.json";
const EVENTS: &str = "case_events.jsonl";
const ACCESSES: &str = "personal_data_access.jsonl";
const DOCUMENTS: &str = "documents.jsonl";

fn link(r: ChainRow) -> Link {
    Link {
        chain: r.chain,
        position: r.position,
        prev_hash: r.prev_hash,
        hash: r.hash,
        canonical: r.canonical,
    }
}

fn lines<T: Serialize>(rows: &[T]) -> Result<Vec<u8>, ServiceError> {
    let mut out = Vec::new();
    for r in rows {
        serde_json::to_writer(&mut out, r).map_err(|e| ServiceError::Unexpected(e.into()))?;
        out.push(b'\n');
    }
    Ok(out)
}

fn write(dir: &Path, name: &str, bytes: &[u8], rows: usize) -> Result<ExportFile, ServiceError> {
    std::fs::write(dir.join(name), bytes).map_err(|e| ServiceError::Unexpected(e.into()))?;
    Ok(ExportFile { name: name.to_owned(), rows, sha256: sha256_hex(bytes) })
}

/// Writes the period's case events, documents and access-log rows (days `from` to `to`, China
/// time, both included) into `dir`, with the manifest last.
pub async fn export(
    state: &AppState,
    from: NaiveDate,
    to: NaiveDate,
    dir: &Path,
) -> Result<Manifest, ServiceError> {
    if to < from {
        return Err(ServiceError::field(
            "to",
            "period.reversed",
            "结束日期早于开始日期",
            "The period ends before it starts",
        ));
    }
    let (start, end) = (start_of_day(from), start_of_day(to.succ_opt().unwrap_or(to)));
    let mut conn = state.pool.get().await?;
    let events: Vec<Link> = db::events(&mut conn, start, end).await?.into_iter().map(link).collect();
    let accesses: Vec<Link> = db::accesses(&mut conn, start, end).await?.into_iter().map(link).collect();
    let documents: Vec<DocumentRow> = db::documents(&mut conn, start, end).await?;
    std::fs::create_dir_all(dir).map_err(|e| ServiceError::Unexpected(e.into()))?;
    let files = vec![
        write(dir, EVENTS, &lines(&events)?, events.len())?,
        write(dir, ACCESSES, &lines(&accesses)?, accesses.len())?,
        write(dir, DOCUMENTS, &lines(&documents)?, documents.len())?,
    ];
    let manifest = Manifest {
        from,
        to,
        generated_at: state.clock.now(),
        method:
            "hash = SHA-256(hex(previous hash) || canonical), lower-case hex; documents: SHA-256 of the HTML \
                 as issued; files: SHA-256 of the file"
                .into(),
        files,
    };
    let bytes = serde_json::to_vec_pretty(&manifest).map_err(|e| ServiceError::Unexpected(e.into()))?;
    std::fs::write(dir.join(MANIFEST), bytes).map_err(|e| ServiceError::Unexpected(e.into()))?;
    Ok(manifest)
}

/// What verifying an export found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ExportCheck {
    /// Files whose SHA-256 or row count differs from the manifest, or that are missing.
    pub files: Vec<String>,
    /// Chain rows that do not verify.
    pub breaks: Vec<Break>,
    /// Documents whose content no longer has their SHA-256.
    pub documents: Vec<uuid::Uuid>,
    /// Rows examined.
    pub rows: usize,
}

impl ExportCheck {
    /// Whether nothing was found altered.
    pub fn intact(&self) -> bool {
        self.files.is_empty() && self.breaks.is_empty() && self.documents.is_empty()
    }
}

fn read_lines<T: for<'de> Deserialize<'de>>(path: &PathBuf) -> Result<Vec<T>, ServiceError> {
    let text = std::fs::read_to_string(path).map_err(|e| ServiceError::Unexpected(e.into()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| ServiceError::Unexpected(e.into())))
        .collect()
}

/// Verifies an export from its files alone: each file against the manifest, each chain row
/// against its content and the row before it, each document against its SHA-256.
pub fn verify_export(dir: &Path) -> Result<ExportCheck, ServiceError> {
    let text = std::fs::read(dir.join(MANIFEST)).map_err(|e| ServiceError::Unexpected(e.into()))?;
    let manifest: Manifest = serde_json::from_slice(&text).map_err(|e| ServiceError::Unexpected(e.into()))?;
    let mut check = ExportCheck::default();
    for f in &manifest.files {
        let ok = std::fs::read(dir.join(&f.name)).is_ok_and(|bytes| {
            sha256_hex(&bytes) == f.sha256 && bytes.iter().filter(|&&b| b == b'\n').count() == f.rows
        });
        if !ok {
            check.files.push(f.name.clone());
        }
    }
    for name in [EVENTS, ACCESSES] {
        let rows: Vec<Link> = read_lines(&dir.join(name))?;
        check.rows += rows.len();
        check.breaks.extend(verify(&rows));
    }
    let documents: Vec<DocumentRow> = read_lines(&dir.join(DOCUMENTS))?;
    check.rows += documents.len();
    check.documents =
        documents.iter().filter(|d| sha256_hex(d.html.as_bytes()) != d.sha256).map(|d| d.id).collect();
    Ok(check)
}
