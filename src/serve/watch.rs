//! Watching the project: seeds, content, themes, site templates and static
//! files, and `config.yaml`. Debounced, so bursts of saves and editors that
//! save by rename give one rebuild; folders deleted and recreated are watched
//! again, and an output folder someone removed is built again.

use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Quiet time that ends a burst of changes: editors that save by writing a
/// temporary file and renaming it produce their events within a millisecond
/// or two.
const DEBOUNCE_MS: u64 = 10;

/// Folders under the project root that hold sources.
pub const WATCHED_DIRS: &[&str] = &["seeds", "content", "themes", "templates", "static"];

/// Calls `on_change` after each burst of relevant changes, until the process ends.
pub fn watch(
    root: &Path,
    out: &Path,
    mut on_change: impl FnMut(Vec<PathBuf>),
) -> crate::Result<()> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(Duration::from_millis(DEBOUNCE_MS), None, tx)
        .map_err(|e| crate::Error::Refused(format!("cannot watch {}: {e}", root.display())))?;
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| crate::Error::Refused(format!("cannot watch {}: {e}", root.display())))?;
    for dir in WATCHED_DIRS {
        let _ = debouncer.watch(root.join(dir), RecursiveMode::Recursive);
    }
    for result in rx {
        let Ok(events) = result else { continue };
        let mut changed: Vec<PathBuf> = Vec::new();
        for event in &events {
            // reading files (our own build does) is not a change
            if matches!(event.kind, EventKind::Access(_) | EventKind::Other) {
                continue;
            }
            for path in &event.paths {
                if let Some(dir) = WATCHED_DIRS.iter().find(|d| path == &root.join(d)) {
                    // a watched folder was (re)created: watch it again
                    let _ = debouncer.watch(root.join(dir), RecursiveMode::Recursive);
                }
                // the output folder removed by someone else: build it again
                let output_gone = path == out && !out.exists();
                if (output_gone || is_relevant(root, out, path)) && !changed.contains(path) {
                    changed.push(path.clone());
                }
            }
        }
        if !changed.is_empty() {
            on_change(changed);
        }
    }
    Ok(())
}

/// Whether a changed path is a source of the site (and not output or a by-product).
pub fn is_relevant(root: &Path, out: &Path, path: &Path) -> bool {
    if path.starts_with(out) {
        return false;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    if name.ends_with(".new")
        || name == ".ingest.yaml"
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.starts_with(".#")
    {
        return false;
    }
    path == root.join("config.yaml") || WATCHED_DIRS.iter().any(|d| path.starts_with(root.join(d)))
}
