//! YAML as editors write it (configuration, front matter, glossary, theme
//! strings): parsing into typed data with errors that name the file and line,
//! and warnings for keys the type does not know, each with the closest key
//! it does.

use crate::error::{Error, Result};
use serde::de::DeserializeOwned;
use std::path::Path;

/// Parses `yaml`, a mapping of `key: value` lines that starts `line_offset`
/// lines into the file at `path`, into `T`. Keys `T` does not read become
/// warnings; a value of the wrong shape is an error at its key's line.
pub fn parse_mapping<T: DeserializeOwned>(
    path: &Path,
    yaml: &str,
    line_offset: usize,
    warnings: &mut Vec<String>,
) -> Result<T> {
    let value: serde_yaml::Value =
        serde_yaml::from_str(yaml).map_err(|e| error(path, &e, line_offset))?;
    let value = match value {
        serde_yaml::Value::Null => serde_yaml::Value::Mapping(Default::default()),
        v if v.is_mapping() => v,
        _ => {
            return Err(Error::at_line(
                path,
                line_offset + 1,
                "expected a mapping of `key: value` lines",
            ));
        }
    };
    let mut track = serde_path_to_error::Track::new();
    let mut ignored = Vec::new();
    let parsed = serde_ignored::deserialize(
        serde_path_to_error::Deserializer::new(value, &mut track),
        |at| ignored.push(at.to_string()),
    );
    match parsed {
        Ok(parsed) => {
            let known = serde_aux::serde_introspection::serde_introspect::<T>();
            warnings.extend(ignored.iter().map(|key| unknown_key(path, key, known)));
            Ok(parsed)
        }
        Err(e) => {
            let at = track.path();
            // parsing the text itself gives a position for most errors; it is
            // kept where it falls within the value the error is about
            if let Err(located) = serde_yaml::from_str::<T>(yaml)
                && let Some(position) = located.location()
                && top_key_line(yaml, &at).is_none_or(|l| position.line() >= l)
            {
                return Err(error(path, &located, line_offset));
            }
            Err(value_error(path, yaml, line_offset, &at, &e))
        }
    }
}

/// An error in a value, at the line of the top-level key it sits under.
fn value_error(
    path: &Path,
    yaml: &str,
    line_offset: usize,
    at: &serde_path_to_error::Path,
    error: &serde_yaml::Error,
) -> Error {
    let line = top_key_line(yaml, at).map_or(line_offset + 1, |l| l + line_offset);
    let message = match at.to_string().as_str() {
        "." | "" => error.to_string(),
        where_ => format!("{where_}: {error}"),
    };
    Error::at_line(path, line, message)
}

/// Line (from 1) of the top-level key a value's path starts with.
fn top_key_line(yaml: &str, at: &serde_path_to_error::Path) -> Option<usize> {
    match at.iter().next()? {
        serde_path_to_error::Segment::Map { key } => line_of_key(yaml, key),
        _ => None,
    }
}

/// Line (from 1) of a top-level `key:` in `yaml`.
pub fn line_of_key(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

fn unknown_key(path: &Path, key: &str, known: &[&str]) -> String {
    let closest = known
        .iter()
        .filter(|_| !key.contains('.'))
        .min_by_key(|c| edit_distance(key, c));
    match closest {
        Some(closest) => format!(
            "{}: unknown key `{key}` (did you mean `{closest}`?)",
            path.display()
        ),
        None => format!("{}: unknown key `{key}`", path.display()),
    }
}

/// Turns a YAML error into one that names the file and the line (`line_offset` is
/// the number of lines before the YAML text in its file).
pub fn error(path: &Path, error: &serde_yaml::Error, line_offset: usize) -> Error {
    let message = shift_line_numbers(&error.to_string(), line_offset);
    match error.location() {
        Some(at) => Error::at_line(path, at.line() + line_offset, message),
        None => Error::at_line(path, line_offset + 1, message),
    }
}

/// Rewrites `line N` in a YAML message into file line numbers.
fn shift_line_numbers(message: &str, offset: usize) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("line ") {
        out.push_str(&rest[..at + 5]);
        rest = &rest[at + 5..];
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        match digits.parse::<usize>() {
            Ok(n) => out.push_str(&(n + offset).to_string()),
            Err(_) => out.push_str(&digits),
        }
        rest = &rest[digits.len()..];
    }
    out.push_str(rest);
    out
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(default)]
    #[allow(dead_code)]
    #[derive(Default)]
    struct Sample {
        title: String,
        count: Option<u32>,
    }

    #[test]
    fn unknown_keys_name_the_closest_known_key() {
        let mut warnings = Vec::new();
        let _: Sample = parse_mapping(
            Path::new("a.md"),
            "titel: x\ncount: 2023\n",
            1,
            &mut warnings,
        )
        .unwrap();
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains("`titel`") && warnings[0].contains("`title`"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_bad_value_is_reported_at_its_line() {
        let mut warnings = Vec::new();
        let e = parse_mapping::<Sample>(
            Path::new("a.md"),
            "title: x\n\ncount: 2023年5月\n",
            1,
            &mut warnings,
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("a.md:4: "), "{e}");
    }
}
