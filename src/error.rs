//! Errors of the library: every variant names the file (and line where one exists)
//! so that a message can tell an editor exactly where to look.

use std::path::{Path, PathBuf};

/// Result alias used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong while ingesting, loading, rendering or writing a site.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read, written or listed.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A user file is wrong at a known line.
    #[error("{path}:{line}: {message}")]
    AtLine {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A user file is wrong as a whole (encoding, emptiness, missing parts).
    #[error("{path}: {message}")]
    InFile { path: PathBuf, message: String },
    /// A theme template failed to load or to render.
    #[error("template {name}: {message}")]
    Template { name: String, message: String },
    /// The command was asked for something it must refuse (unsafe output folder, bad flag).
    #[error("{0}")]
    Refused(String),
    /// `build --strict` found problems.
    #[error("--strict: {} problem(s) found by check:\n{}", .0.len(), list_strings(.0))]
    Strict(Vec<String>),
    /// Several independent failures, collected so that one run reports them all.
    #[error("{}", list_errors(.0))]
    Many(Vec<Error>),
}

fn list_strings(items: &[String]) -> String {
    const SHOWN: usize = 20;
    let mut text: Vec<String> = items.iter().take(SHOWN).map(|s| format!("  {s}")).collect();
    if items.len() > SHOWN {
        text.push(format!("  …and {} more", items.len() - SHOWN));
    }
    text.join("\n")
}

fn list_errors(errors: &[Error]) -> String {
    const SHOWN: usize = 8;
    let mut text: Vec<String> = errors.iter().take(SHOWN).map(|e| e.to_string()).collect();
    if errors.len() > SHOWN {
        text.push(format!("…and {} more", errors.len() - SHOWN));
    }
    text.join("\n")
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// A problem at `line` of `path`.
    pub fn at_line(path: &Path, line: usize, message: impl Into<String>) -> Self {
        Error::AtLine {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }

    /// A problem with `path` as a whole.
    pub fn in_file(path: &Path, message: impl Into<String>) -> Self {
        Error::InFile {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    /// Folds a list of errors into one, or `Ok` when the list is empty.
    pub fn from_list(mut errors: Vec<Error>) -> Result<()> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.remove(0)),
            _ => Err(Error::Many(errors)),
        }
    }

    /// Whether the error is the user's to fix (exit 1) rather than an internal fault (exit 2).
    pub fn is_user_error(&self) -> bool {
        match self {
            Error::Io { source, .. } => !matches!(
                source.kind(),
                std::io::ErrorKind::OutOfMemory | std::io::ErrorKind::Interrupted
            ),
            Error::Many(list) => list.iter().all(Error::is_user_error),
            _ => true,
        }
    }
}
