//! The ingest run over `seeds/`: regenerates articles of changed seeds only and
//! keeps a manifest of what it generated, so that hand edits are recognised
//! (the file no longer has the hash it was written with) and never overwritten.

use super::{decode_seed, ingest_text};
use crate::error::{Error, Result};
use crate::fsutil;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const MANIFEST: &str = ".ingest.yaml";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    seeds: BTreeMap<String, SeedRecord>,
}

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct SeedRecord {
    /// SHA-256 of the seed bytes.
    hash: String,
    /// Generated files (relative to `content/`) and the SHA-256 of what was written.
    files: BTreeMap<String, String>,
}

/// Options of an ingest run.
#[derive(Debug, Clone, Copy, Default)]
pub struct IngestOptions {
    /// Regenerate every seed and overwrite hand-edited articles.
    pub force: bool,
}

/// What an ingest run did, for the terminal.
#[derive(Debug, Default)]
pub struct IngestReport {
    pub unchanged_seeds: usize,
    pub written: Vec<PathBuf>,
    pub removed: Vec<PathBuf>,
    /// Hand-edited articles left alone, with the `.new` file written beside each.
    pub kept: Vec<(PathBuf, PathBuf)>,
    pub notes: Vec<String>,
}

/// Ingests every seed under `root/seeds` into `root/content`.
pub fn run(root: &Path, options: IngestOptions) -> Result<IngestReport> {
    let seeds_dir = root.join("seeds");
    let content_dir = root.join("content");
    let mut report = IngestReport::default();
    if !seeds_dir.is_dir() {
        return Ok(report);
    }
    let manifest_path = content_dir.join(MANIFEST);
    let mut manifest: Manifest = if manifest_path.exists() {
        let text = fsutil::read_text(&manifest_path)?;
        serde_yaml::from_str(&text).map_err(|e| crate::yaml::error(&manifest_path, &e, 0))?
    } else {
        Manifest::default()
    };
    let before = serde_yaml::to_string(&manifest).unwrap_or_default();
    let seeds = list_seeds(&seeds_dir)?;
    let mut taken: Vec<String> = manifest
        .seeds
        .iter()
        .filter(|(name, _)| seeds.iter().any(|s| s.0 == **name))
        .flat_map(|(_, r)| r.files.keys().map(|f| slug_of(f)))
        .collect();
    let mut errors = Vec::new();
    for (name, path) in &seeds {
        let bytes = fsutil::read(path)?;
        let hash = fsutil::sha256_hex(&bytes);
        let record = manifest.seeds.get(name).cloned().unwrap_or_default();
        let complete = record.files.keys().all(|f| content_dir.join(f).exists());
        if !options.force && record.hash == hash && complete {
            report.unchanged_seeds += 1;
            continue;
        }
        let decoded = match decode_seed(path, &bytes) {
            Ok(d) => d,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if decoded.encoding != "UTF-8" {
            report.notes.push(format!(
                "{}: decoded from {}",
                path.display(),
                decoded.encoding
            ));
        }
        let own: Vec<String> = record.files.keys().map(|f| slug_of(f)).collect();
        taken.retain(|s| !own.contains(s));
        let drafts = ingest_text(name, &decoded.text, &mut taken);
        if drafts.is_empty() {
            errors.push(Error::in_file(path, "no article text found in the seed"));
            continue;
        }
        let mut files = BTreeMap::new();
        for draft in drafts {
            let target = content_dir.join(&draft.rel_path);
            let written_hash = fsutil::sha256_hex(&draft.text);
            let recorded = record.files.get(&draft.rel_path);
            match write_policy(&target, &written_hash, recorded, options.force)? {
                Policy::Write => {
                    fsutil::write(&target, &draft.text)?;
                    report.written.push(target);
                    files.insert(draft.rel_path, written_hash);
                }
                Policy::Same => {
                    files.insert(draft.rel_path, written_hash);
                }
                Policy::KeepHandEdit => {
                    let new_path = PathBuf::from(format!("{}.new", target.display()));
                    fsutil::write(&new_path, &draft.text)?;
                    report.kept.push((target, new_path));
                    files.insert(draft.rel_path, recorded.cloned().unwrap_or_default());
                }
            }
        }
        for (old, old_hash) in &record.files {
            if files.contains_key(old) {
                continue;
            }
            let path = content_dir.join(old);
            let current = path.exists().then(|| fsutil::read(&path)).transpose()?;
            if current
                .as_ref()
                .is_some_and(|c| fsutil::sha256_hex(c) == *old_hash)
            {
                std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
                report.removed.push(path);
            } else if current.is_some() {
                report.notes.push(format!(
                    "{}: no longer produced by its seed but edited by hand; left in place",
                    path.display()
                ));
            }
        }
        manifest
            .seeds
            .insert(name.clone(), SeedRecord { hash, files });
    }
    let after = serde_yaml::to_string(&manifest).unwrap_or_default();
    if after != before {
        fsutil::write(&manifest_path, after)?;
    }
    Error::from_list(errors)?;
    Ok(report)
}

enum Policy {
    Write,
    Same,
    KeepHandEdit,
}

fn write_policy(
    target: &Path,
    new_hash: &str,
    recorded: Option<&String>,
    force: bool,
) -> Result<Policy> {
    if !target.exists() {
        return Ok(Policy::Write);
    }
    let current = fsutil::sha256_hex(fsutil::read(target)?);
    Ok(if current == new_hash {
        Policy::Same
    } else if force || recorded == Some(&current) {
        Policy::Write
    } else {
        Policy::KeepHandEdit
    })
}

fn slug_of(rel: &str) -> String {
    Path::new(rel)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string()
}

/// `seeds/*.txt`, sorted by name.
fn list_seeds(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut seeds = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| Error::in_file(dir, e.to_string()))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.file_type().is_file() && name.ends_with(".txt") && !name.starts_with('.') {
            seeds.push((name, entry.path().to_path_buf()));
        }
    }
    Ok(seeds)
}
