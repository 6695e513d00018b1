//! Reference data files in `config/`: the commission network and its rooms, the yearly
//! working-day calendars, the period rules and the local figures. Read at start-up (the network,
//! its rooms and the calendars are also loaded into the database), and shared read-only by every
//! request.

use std::path::{Path, PathBuf};

use anyhow::Context;
use sha2::{Digest, Sha256};

use crate::domain::calendar::{CalendarYear, WorkCalendar};
use crate::domain::deadline::PeriodRules;
use crate::domain::figures::LocalFigures;
use crate::domain::network::Network;
use crate::domain::scheduling::{Room, parse_rooms_toml};

/// One year's calendar file with the checksum of its text (provenance in the database).
#[derive(Debug, Clone)]
pub struct CalendarFile {
    /// The parsed year.
    pub year: CalendarYear,
    /// SHA-256 of the file, hex.
    pub sha256: String,
}

/// Every `config/calendar/*.toml`, sorted by year.
pub fn calendar_files(config_dir: &Path) -> anyhow::Result<Vec<CalendarFile>> {
    let dir = config_dir.join("calendar");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
            let year = CalendarYear::parse_toml(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e} ({})", p.display(), e.code()))?;
            Ok(CalendarFile { year, sha256: hex::encode(Sha256::digest(text.as_bytes())) })
        })
        .collect()
}

/// The calendar built straight from the files (used by the offline `deadline` command).
pub fn calendar_from_files(config_dir: &Path) -> anyhow::Result<WorkCalendar> {
    Ok(WorkCalendar::new(calendar_files(config_dir)?.into_iter().map(|f| f.year)))
}

/// `config/periods.toml`.
pub fn period_rules(config_dir: &Path) -> anyhow::Result<PeriodRules> {
    let path = config_dir.join("periods.toml");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    PeriodRules::parse_toml(&text).map_err(|e| anyhow::anyhow!("{}: {e} ({})", path.display(), e.code()))
}

/// `config/network.toml`: the commission network and jurisdiction matrix.
pub fn network(config_dir: &Path) -> anyhow::Result<Network> {
    let path = config_dir.join("network.toml");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    Network::parse_toml(&text).map_err(|e| anyhow::anyhow!("{}: {e:?}", path.display()))
}

/// `config/local_figures.toml`, checked against the network: every commission needs an area class.
pub fn local_figures(config_dir: &Path, network: &Network) -> anyhow::Result<LocalFigures> {
    let path = config_dir.join("local_figures.toml");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let figures = LocalFigures::parse_toml(&text)
        .map_err(|e| anyhow::anyhow!("{}: {e} ({})", path.display(), e.code()))?;
    figures
        .check_commissions(network.commissions().iter().map(|c| c.code.as_str()))
        .map_err(|e| anyhow::anyhow!("{}: {e} ({})", path.display(), e.code()))?;
    Ok(figures)
}

/// `config/rooms.toml`: the rooms of the network's venues.
pub fn rooms(config_dir: &Path, network: &Network) -> anyhow::Result<Vec<Room>> {
    let path = config_dir.join("rooms.toml");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    parse_rooms_toml(&text, network).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// `config/mediation_organisations.toml`: the mediation organisations of the network.
pub fn mediation_organisations(
    config_dir: &Path,
    network: &Network,
) -> anyhow::Result<Vec<crate::domain::premediation::Organisation>> {
    let path = config_dir.join("mediation_organisations.toml");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    crate::domain::premediation::parse_organisations_toml(&text, network)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}
