//! Reload state shared between the watcher and the browsers: a build counter
//! and the last build error, with a wait that wakes on the next build.

use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// The state browsers poll.
#[derive(Default)]
pub struct ReloadState {
    inner: Mutex<Status>,
    changed: Condvar,
    /// Pages get the live-reload script only while the project is watched.
    watching: std::sync::atomic::AtomicBool,
}

/// Build counter and the error of the last build, if it failed.
#[derive(Clone, Default, Debug)]
pub struct Status {
    pub version: u64,
    pub error: Option<String>,
}

impl Status {
    /// `{"version":3,"error":null}`.
    pub fn to_json(&self) -> String {
        serde_json::json!({ "version": self.version, "error": self.error }).to_string()
    }
}

impl ReloadState {
    /// Marks the project as watched (pages then carry the live-reload script).
    pub fn set_watching(&self, on: bool) {
        self.watching
            .store(on, std::sync::atomic::Ordering::Relaxed);
    }

    /// Whether the project is watched.
    pub fn watching(&self) -> bool {
        self.watching.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Records a finished build (with its error, if it failed) and wakes waiters.
    pub fn publish(&self, error: Option<String>) {
        let mut status = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        status.version += 1;
        status.error = error;
        self.changed.notify_all();
    }

    /// The current status.
    pub fn current(&self) -> Status {
        self.inner.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Returns at once if `since` differs from the current version (or is
    /// `None`), else when the next build is published or after `timeout`.
    pub fn wait_for_change(&self, since: Option<u64>, timeout: Duration) -> Status {
        let deadline = Instant::now() + timeout;
        let mut status = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        while since == Some(status.version) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            status = self
                .changed
                .wait_timeout(status, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        status.clone()
    }
}
