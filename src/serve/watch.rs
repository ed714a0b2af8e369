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

/// A watch on a project, armed: changes from the moment it exists are seen.
pub struct Watcher {
    root: PathBuf,
    out: PathBuf,
    debouncer: notify_debouncer_full::Debouncer<
        notify_debouncer_full::notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    events: mpsc::Receiver<DebounceEventResult>,
}

impl Watcher {
    /// Starts watching the sources of the project at `root` (built into `out`).
    pub fn arm(root: &Path, out: &Path) -> crate::Result<Watcher> {
        let refused = |e: notify_debouncer_full::notify::Error| {
            crate::Error::Refused(format!("cannot watch {}: {e}", root.display()))
        };
        let (tx, events) = mpsc::channel::<DebounceEventResult>();
        let mut debouncer =
            new_debouncer(Duration::from_millis(DEBOUNCE_MS), None, tx).map_err(refused)?;
        debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(refused)?;
        for dir in WATCHED_DIRS {
            let _ = debouncer.watch(root.join(dir), RecursiveMode::Recursive);
        }
        Ok(Watcher {
            root: root.to_path_buf(),
            out: out.to_path_buf(),
            debouncer,
            events,
        })
    }

    /// Calls `on_change` after each burst of relevant changes, until the
    /// process ends. Bursts that arrive while `on_change` runs are taken
    /// together, so a slow rebuild is followed by one rebuild, not one per burst.
    pub fn run(mut self, mut on_change: impl FnMut(Vec<PathBuf>)) {
        while let Ok(first) = self.events.recv() {
            let mut changed: Vec<PathBuf> = Vec::new();
            self.collect(first, &mut changed);
            while let Ok(more) = self.events.try_recv() {
                self.collect(more, &mut changed);
            }
            if !changed.is_empty() {
                on_change(changed);
            }
        }
    }

    fn collect(&mut self, result: DebounceEventResult, changed: &mut Vec<PathBuf>) {
        let Ok(events) = result else { return };
        for event in &events {
            // reading files (our own build does) is not a change
            if matches!(event.kind, EventKind::Access(_) | EventKind::Other) {
                continue;
            }
            for path in &event.paths {
                if let Some(dir) = WATCHED_DIRS.iter().find(|d| path == &self.root.join(d)) {
                    // a watched folder was (re)created: watch it again
                    let _ = self
                        .debouncer
                        .watch(self.root.join(dir), RecursiveMode::Recursive);
                }
                // the output folder removed by someone else: build it again
                let output_gone = path == &self.out && !self.out.exists();
                if (output_gone || is_relevant(&self.root, &self.out, path))
                    && !changed.contains(path)
                {
                    changed.push(path.clone());
                }
            }
        }
    }
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
