//! Output: writes the rendered site into a fresh folder beside the target and
//! swaps it in only when every file was written, so a failed build leaves the
//! previous site exactly as it was. Also refuses output folders that could
//! hold someone's work.

mod minify;
mod reuse;

pub use minify::minify_file;

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct OutFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Where a static file of a theme comes from.
#[derive(Debug, Clone)]
pub enum StaticFile {
    /// Compiled into the binary (the built-in default theme).
    BuiltIn(&'static [u8]),
    /// A file of the theme or the site.
    Path(PathBuf),
}

/// Held (for writing) while a build swaps its output in: a reader that
/// holds it (for reading) while it opens a file sees the old site or the new
/// one, never the moment between when neither is in place.
static SWAP: std::sync::RwLock<()> = std::sync::RwLock::new(());

/// Keeps the output folder from being swapped until dropped.
pub fn reading() -> std::sync::RwLockReadGuard<'static, ()> {
    SWAP.read().unwrap_or_else(|e| e.into_inner())
}

/// Marker file that identifies a folder built by minsheng.
pub const MARKER: &str = ".minsheng-output";

/// Checks that `out` is safe to replace: not the project root or one of its
/// ancestors, not `/`, and either absent, empty, or built by minsheng before.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<()> {
    let root = std::path::absolute(root).map_err(|e| Error::io(root, e))?;
    let out_abs = std::path::absolute(out).map_err(|e| Error::io(out, e))?;
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (root_c, out_c) = (canon(&root), canon(&out_abs));
    if out_c.parent().is_none() {
        return Err(Error::Refused(format!(
            "refusing to write the site to {}: it is the filesystem root",
            out.display()
        )));
    }
    if root_c.starts_with(&out_c) {
        return Err(Error::Refused(format!(
            "refusing to write the site to {}: it is or contains the project folder {}",
            out.display(),
            root.display()
        )));
    }
    for protected in [
        "seeds",
        "content",
        "themes",
        "templates",
        "static",
        "src",
        "tests",
    ] {
        if out_c.starts_with(root_c.join(protected)) {
            return Err(Error::Refused(format!(
                "refusing to write the site to {}: it is inside the project's {protected}/ folder",
                out.display()
            )));
        }
    }
    if out_abs.is_dir() && !out_abs.join(MARKER).exists() {
        let mut entries = std::fs::read_dir(&out_abs).map_err(|e| Error::io(&out_abs, e))?;
        if entries.next().is_some() {
            return Err(Error::Refused(format!(
                "refusing to replace {}: it holds files that minsheng did not write (no {MARKER} marker); \
                 empty it or choose another --out",
                out.display()
            )));
        }
    } else if out_abs.exists() && !out_abs.is_dir() {
        return Err(Error::Refused(format!(
            "refusing to write the site to {}: it is a file",
            out.display()
        )));
    }
    Ok(())
}

/// A staging folder beside the output folder: pages are written into it as
/// soon as they are rendered, and it replaces the output folder only when
/// everything was written. Dropped unfinished, it is removed.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    minify: bool,
    previous: reuse::Previous,
    /// What was written, for the marker.
    written: std::sync::Mutex<Vec<(String, reuse::Record)>>,
    reused: std::sync::atomic::AtomicUsize,
    finished: bool,
}

impl Staging {
    /// Creates an empty staging folder for `out`.
    pub fn create(out: &Path, minify: bool) -> Result<Staging> {
        let dir = sibling(out, "tmp");
        if dir.exists() {
            remove_dir(&dir)?;
        }
        crate::fsutil::create_dir_all(&dir)?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            minify,
            previous: reuse::Previous::read(out, minify),
            written: Default::default(),
            reused: Default::default(),
            finished: false,
        })
    }

    /// Writes one file (minified if asked), or links the previous build's
    /// copy when it is provably the same; safe to call from several threads.
    pub fn write(&self, file: &OutFile) -> Result<()> {
        let target = self.dir.join(&file.path);
        let rendered = crate::fsutil::sha256_hex(&file.bytes);
        let record = match self.previous.reuse(&file.path, &rendered, &target) {
            Some(record) => {
                self.reused
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                record
            }
            None => {
                let bytes = if self.minify {
                    std::borrow::Cow::Owned(minify_file(&file.path, &file.bytes))
                } else {
                    std::borrow::Cow::Borrowed(&file.bytes[..])
                };
                crate::fsutil::write(&target, &bytes)?;
                reuse::Record {
                    written: crate::fsutil::sha256_hex(&bytes),
                    rendered,
                }
            }
        };
        self.written
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((file.path.clone(), record));
        Ok(())
    }

    /// How many files were linked from the previous build.
    pub fn reused(&self) -> usize {
        self.reused.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Copies static files (by output path).
    pub fn copy_static(&self, static_files: &[(String, StaticFile)]) -> Result<()> {
        for (rel, source) in static_files {
            let target = self.dir.join(rel);
            match source {
                StaticFile::BuiltIn(bytes) => crate::fsutil::write(&target, bytes)?,
                StaticFile::Path(path) => {
                    if let Some(parent) = target.parent() {
                        crate::fsutil::create_dir_all(parent)?;
                    }
                    std::fs::copy(path, &target).map_err(|e| Error::io(path, e))?;
                }
            }
        }
        Ok(())
    }

    /// Replaces the output folder with the staging folder.
    pub fn finish(mut self) -> Result<()> {
        let mut files = std::mem::take(self.written.get_mut().unwrap_or_else(|e| e.into_inner()));
        crate::fsutil::write(
            &self.dir.join(MARKER),
            reuse::marker(self.minify, &mut files),
        )?;
        swap_in(&self.dir, &self.out)?;
        self.finished = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished && self.dir.exists() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Replaces one file of a built output folder while serving: written beside
/// the old one and renamed over it, so that no reader sees half a file and a
/// file linked from an earlier build is never changed in place. Skipped when
/// the bytes are the same; returns whether the file was written.
pub fn replace_file(out: &Path, file: &OutFile) -> Result<bool> {
    let target = out.join(&file.path);
    if std::fs::read(&target).is_ok_and(|old| old == file.bytes) {
        return Ok(false);
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let temp = target.with_file_name(format!(".{name}.tmp"));
    crate::fsutil::write(&temp, &file.bytes)?;
    std::fs::rename(&temp, &target).map_err(|e| Error::io(&target, e))?;
    Ok(true)
}

/// Removes a folder of pages (an article's, after it was removed or renamed).
pub fn remove_pages(out: &Path, folder: &str) -> Result<()> {
    let path = out.join(folder);
    if path.is_dir() {
        remove_dir(&path)?;
    }
    Ok(())
}

/// Puts the staging folder in place of the output folder. Where the system
/// can exchange two names in one step (Linux), a server reading the output
/// folder never finds it missing; elsewhere two renames follow each other.
fn swap_in(staging: &Path, out: &Path) -> Result<()> {
    let old = sibling(out, "old");
    if old.exists() {
        remove_dir(&old)?;
    }
    {
        let _swap = SWAP.write().unwrap_or_else(|e| e.into_inner());
        if out.exists() && exchange(staging, out).is_ok() {
            // the previous site now sits at the staging name
            std::fs::rename(staging, &old).map_err(|e| Error::io(staging, e))?;
        } else {
            rename_twice(staging, out, &old)?;
        }
    }
    if old.exists() {
        remove_dir(&old)?;
    }
    Ok(())
}

/// Swaps the names of two folders atomically.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// The output folder moved aside, then the staging folder moved in.
fn rename_twice(staging: &Path, out: &Path, old: &Path) -> Result<()> {
    if out.exists() {
        std::fs::rename(out, old).map_err(|e| Error::io(out, e))?;
    }
    if let Err(e) = std::fs::rename(staging, out) {
        if old.exists() {
            let _ = std::fs::rename(old, out);
        }
        return Err(Error::io(out, e));
    }
    Ok(())
}

fn remove_dir(path: &Path) -> Result<()> {
    std::fs::remove_dir_all(path).map_err(|e| Error::io(path, e))
}

/// `public` → `.public.tmp` beside it.
fn sibling(out: &Path, what: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.{what}"))
}
