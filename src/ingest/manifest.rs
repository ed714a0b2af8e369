//! The ingest run over `seeds/`: regenerates articles of changed seeds only and
//! keeps a manifest of what it generated, so that hand edits are recognised
//! (the file no longer has the hash it was written with) and never overwritten.

use super::{ingest_seed, read_seed, sidecar};
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
    let mut manifest = read_manifest(&manifest_path)?;
    let before = serde_yaml::to_string(&manifest).unwrap_or_default();
    let seeds = list_seeds(&seeds_dir)?;
    let mut taken = taken_slugs(&manifest, &seeds, &content_dir);
    let mut errors = Vec::new();
    for (name, path) in &seeds {
        let record = manifest.seeds.get(name).cloned().unwrap_or_default();
        let run = SeedRun {
            name,
            path,
            content_dir: &content_dir,
            force: options.force,
        };
        match run.ingest(&record, &mut taken, &mut report) {
            Ok(Some(updated)) => {
                manifest.seeds.insert(name.clone(), updated);
            }
            Ok(None) => report.unchanged_seeds += 1,
            Err(e) => errors.push(e),
        }
    }
    let after = serde_yaml::to_string(&manifest).unwrap_or_default();
    if after != before {
        fsutil::write(&manifest_path, after)?;
    }
    Error::from_list(errors)?;
    Ok(report)
}

/// What a seed's record is keyed on: the seed's bytes, and its sidecar's
/// when it has one (a seed without a sidecar keeps the hash of its bytes).
fn seed_hash(seed: &[u8], sidecar: Option<&[u8]>) -> String {
    match sidecar {
        None => fsutil::sha256_hex(seed),
        Some(s) => {
            let mut both = seed.to_vec();
            both.extend_from_slice(b"\0sidecar\0");
            both.extend_from_slice(s);
            fsutil::sha256_hex(&both)
        }
    }
}

fn read_manifest(path: &Path) -> Result<Manifest> {
    if !path.exists() {
        return Ok(Manifest::default());
    }
    let text = fsutil::read_text(path)?;
    serde_yaml::from_str(&text).map_err(|e| crate::yaml::error(path, &e, 0))
}

/// Slugs a new article may not take: those of the articles the present
/// seeds generated, and those of every article written by hand.
fn taken_slugs(
    manifest: &Manifest,
    seeds: &[(String, PathBuf)],
    content_dir: &Path,
) -> Vec<String> {
    let generated: Vec<PathBuf> = manifest
        .seeds
        .values()
        .flat_map(|r| r.files.keys().map(PathBuf::from))
        .collect();
    let mut taken: Vec<String> = manifest
        .seeds
        .iter()
        .filter(|(name, _)| seeds.iter().any(|s| s.0 == **name))
        .flat_map(|(_, r)| r.files.keys().map(|f| slug_of(f)))
        .collect();
    taken.extend(crate::content::slugs_in(content_dir, &generated));
    taken
}

/// One seed's ingest.
struct SeedRun<'a> {
    name: &'a str,
    path: &'a Path,
    content_dir: &'a Path,
    force: bool,
}

impl SeedRun<'_> {
    /// Regenerates the seed's articles if it changed (or `force`), returning
    /// its new record; `None` when it is unchanged.
    fn ingest(
        &self,
        record: &SeedRecord,
        taken: &mut Vec<String>,
        report: &mut IngestReport,
    ) -> Result<Option<SeedRecord>> {
        let bytes = fsutil::read(self.path)?;
        let sidecar_bytes = sidecar::bytes_for(self.path)?;
        let hash = seed_hash(&bytes, sidecar_bytes.as_deref());
        let complete = record
            .files
            .keys()
            .all(|f| self.content_dir.join(f).exists());
        if !self.force && record.hash == hash && complete {
            return Ok(None);
        }
        let decoded = read_seed(self.path, &bytes)?;
        if decoded.encoding == "PDF" {
            report.notes.push(format!(
                "{}: text recovered from the PDF; check it with `minsheng ingest --explain`",
                self.path.display()
            ));
        } else if decoded.encoding != "UTF-8" {
            report.notes.push(format!(
                "{}: decoded from {}",
                self.path.display(),
                decoded.encoding
            ));
        }
        let own: Vec<String> = record.files.keys().map(|f| slug_of(f)).collect();
        taken.retain(|s| !own.contains(s));
        let sidecar = match &sidecar_bytes {
            Some(b) => sidecar::parse(
                &sidecar::path_for(self.path),
                b,
                decoded.text.lines().count(),
                &mut report.notes,
            )?,
            None => sidecar::Sidecar::default(),
        };
        let drafts = ingest_seed(
            self.name,
            &decoded.text,
            &sidecar,
            &decoded.from_page,
            taken,
        );
        if drafts.is_empty() {
            return Err(Error::in_file(
                self.path,
                "no article text found in the seed",
            ));
        }
        let mut files = BTreeMap::new();
        for draft in drafts {
            let written = self.write_draft(&draft.rel_path, &draft.text, record, report)?;
            files.insert(draft.rel_path, written);
        }
        self.remove_dropped(record, &files, report)?;
        Ok(Some(SeedRecord { hash, files }))
    }

    /// Writes one article unless an editor changed it; returns the hash the
    /// manifest records for it.
    fn write_draft(
        &self,
        rel_path: &str,
        text: &str,
        record: &SeedRecord,
        report: &mut IngestReport,
    ) -> Result<String> {
        let target = self.content_dir.join(rel_path);
        let written_hash = fsutil::sha256_hex(text);
        let recorded = record.files.get(rel_path);
        Ok(
            match write_policy(&target, &written_hash, recorded, self.force)? {
                Policy::Write => {
                    fsutil::write(&target, text)?;
                    report.written.push(target);
                    written_hash
                }
                Policy::Same => written_hash,
                Policy::KeepHandEdit => {
                    let new_path = PathBuf::from(format!("{}.new", target.display()));
                    fsutil::write(&new_path, text)?;
                    report.kept.push((target, new_path));
                    recorded.cloned().unwrap_or_default()
                }
            },
        )
    }

    /// Removes the articles the seed no longer produces, unless edited by hand.
    fn remove_dropped(
        &self,
        record: &SeedRecord,
        files: &BTreeMap<String, String>,
        report: &mut IngestReport,
    ) -> Result<()> {
        for (old, old_hash) in &record.files {
            if files.contains_key(old) {
                continue;
            }
            let path = self.content_dir.join(old);
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
        Ok(())
    }
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

/// Whether a file in `seeds/` is a seed: a plain text (`.txt`), a Markdown
/// text (`.md`, `.markdown`), a saved web page (`.html`, `.htm`) or a PDF,
/// not hidden, not a `README` or `_` note.
pub fn is_seed_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    seed_extension(&lower).is_some()
        && !name.starts_with(['.', '_'])
        && !lower.starts_with("readme")
}

/// The extensions of the files ingest reads as seeds.
pub const SEED_EXTENSIONS: &[&str] = &[".txt", ".md", ".markdown", ".html", ".htm", ".pdf"];

/// The seed extension `name` ends with, if any (in any case).
pub fn seed_extension(name: &str) -> Option<&'static str> {
    SEED_EXTENSIONS
        .iter()
        .find(|ext| name.to_ascii_lowercase().ends_with(**ext))
        .copied()
}

/// The seeds in `seeds/`, sorted by name.
fn list_seeds(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut seeds = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| Error::in_file(dir, e.to_string()))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.file_type().is_file() && is_seed_name(&name) {
            seeds.push((name, entry.path().to_path_buf()));
        }
    }
    Ok(seeds)
}
