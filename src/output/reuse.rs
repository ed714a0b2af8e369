//! Reuse of unchanged files between builds. The output folder's marker lists,
//! for every page, a hash of the page as rendered and of the file as written.
//! A page that renders to the same bytes as last time, by the same version
//! with the same minifier settings, is hard-linked from the previous output
//! once the old file's hash is checked again: it is provably the same file,
//! needs no minifying, and keeps its modification time, so deploy tools that
//! sync by time upload only what changed.

use crate::fsutil::sha256_hex;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// First line of the marker; the folder is recognised by the marker's name.
const INTRO: &str = "built by minsheng; this folder is replaced by each build";

/// What a page was and became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// SHA-256 of the page as rendered.
    pub rendered: String,
    /// SHA-256 of the file as written (after minifying).
    pub written: String,
}

/// The files of the previous build that may be reused.
#[derive(Default)]
pub struct Previous {
    dir: PathBuf,
    files: HashMap<String, Record>,
}

/// Second line of the marker: what produced the files.
fn producer(minify: bool) -> String {
    let minifier = if minify {
        super::minify::SETTINGS
    } else {
        "not minified"
    };
    format!("minsheng {}; {minifier}", env!("CARGO_PKG_VERSION"))
}

impl Previous {
    /// Reads the marker of the output folder `out`; nothing is reusable if it
    /// is missing, unreadable, or was written by another version or setting.
    pub fn read(out: &Path, minify: bool) -> Previous {
        let Ok(text) = std::fs::read_to_string(out.join(super::MARKER)) else {
            return Previous::default();
        };
        let mut lines = text.lines();
        if lines.next() != Some(INTRO) || lines.next() != Some(producer(minify).as_str()) {
            return Previous::default();
        }
        let files = lines
            .filter_map(|line| {
                let mut parts = line.splitn(3, ' ');
                let (rendered, written, path) = (parts.next()?, parts.next()?, parts.next()?);
                let record = Record {
                    rendered: rendered.to_string(),
                    written: written.to_string(),
                };
                Some((path.to_string(), record))
            })
            .collect();
        Previous {
            dir: out.to_path_buf(),
            files,
        }
    }

    /// Links the previous `path` to `target` if it was rendered from the same
    /// bytes and is still the file that was written; returns its record.
    pub fn reuse(&self, path: &str, rendered: &str, target: &Path) -> Option<Record> {
        let record = self.files.get(path).filter(|r| r.rendered == rendered)?;
        let old = self.dir.join(path);
        let bytes = std::fs::read(&old).ok()?;
        if sha256_hex(&bytes) != record.written {
            return None;
        }
        std::fs::create_dir_all(target.parent()?).ok()?;
        std::fs::hard_link(&old, target).ok()?;
        Some(record.clone())
    }
}

/// The marker's text for a build's files, sorted by path.
pub fn marker(minify: bool, files: &mut [(String, Record)]) -> String {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut text = format!("{INTRO}\n{}\n", producer(minify));
    for (path, record) in files.iter() {
        text.push_str(&format!("{} {} {path}\n", record.rendered, record.written));
    }
    text
}
