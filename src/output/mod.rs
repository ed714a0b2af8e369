//! Output: writes the rendered site into a fresh folder beside the target and
//! swaps it in only when every file was written, so a failed build leaves the
//! previous site exactly as it was. Also refuses output folders that could
//! hold someone's work.

pub mod data;
mod minify;

pub use minify::minify_file;

use crate::error::{Error, Result};
use crate::render::OutFile;
use std::path::{Path, PathBuf};

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

/// Writes `files` (and copies `static_files`) into a staging folder, then
/// replaces `out` with it.
pub fn write_site(
    out: &Path,
    files: &[OutFile],
    static_files: &[(String, PathBuf)],
    minify: bool,
) -> Result<()> {
    let staging = sibling(out, "tmp");
    if staging.exists() {
        remove_dir(&staging)?;
    }
    let result = fill(&staging, files, static_files, minify).and_then(|()| swap_in(&staging, out));
    if result.is_err() && staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn fill(
    staging: &Path,
    files: &[OutFile],
    static_files: &[(String, PathBuf)],
    minify: bool,
) -> Result<()> {
    crate::fsutil::create_dir_all(staging)?;
    crate::fsutil::write(
        &staging.join(MARKER),
        "built by minsheng; this folder is replaced by each build\n",
    )?;
    for file in files {
        let target = staging.join(&file.path);
        if minify {
            crate::fsutil::write(&target, minify_file(&file.path, &file.bytes))?;
        } else {
            crate::fsutil::write(&target, &file.bytes)?;
        }
    }
    for (rel, source) in static_files {
        let target = staging.join(rel);
        if let Some(parent) = target.parent() {
            crate::fsutil::create_dir_all(parent)?;
        }
        std::fs::copy(source, &target).map_err(|e| Error::io(source, e))?;
    }
    Ok(())
}

fn swap_in(staging: &Path, out: &Path) -> Result<()> {
    let old = sibling(out, "old");
    if old.exists() {
        remove_dir(&old)?;
    }
    if out.exists() {
        std::fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
    }
    if let Err(e) = std::fs::rename(staging, out) {
        if old.exists() {
            let _ = std::fs::rename(&old, out);
        }
        return Err(Error::io(out, e));
    }
    if old.exists() {
        remove_dir(&old)?;
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
