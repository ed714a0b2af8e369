//! Test harness: copies the real project (seeds, content, themes, config) or a
//! fixture site into a temporary folder and runs the real `minsheng` binary on it.
#![allow(dead_code)]

pub mod tags;
pub mod webdriver;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, without a build time from the environment (feeds then
/// carry only the dates the content gives).
pub fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_minsheng"));
    command.env_remove("SOURCE_DATE_EPOCH");
    command
}

/// Runs `minsheng --root <root> <args>`.
pub fn run(root: &Path, args: &[&str]) -> Output {
    bin()
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("binary runs")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

/// Never a panic (exit 2 with "internal error"): success, or a user error.
#[allow(dead_code)]
pub fn assert_no_panic(out: &Output, what: &str) {
    let err = stderr(out);
    assert!(
        !err.contains("internal error") && out.status.code() != Some(2),
        "{what}: {err}"
    );
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary copy of the project: seeds, themes, config and (if `with_content`) content.
pub fn project(with_content: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = repo();
    copy_dir(&root.join("seeds"), &dir.path().join("seeds"));
    copy_dir(&root.join("themes"), &dir.path().join("themes"));
    std::fs::copy(root.join("config.yaml"), dir.path().join("config.yaml")).unwrap();
    if with_content {
        copy_dir(&root.join("content"), &dir.path().join("content"));
    }
    dir
}

/// A project with the default theme whose `seeds/` holds the file at
/// `from` as `name`, and nothing else.
pub fn project_with_seed(from: &Path, name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("themes"), &dir.path().join("themes"));
    std::fs::create_dir_all(dir.path().join("seeds")).unwrap();
    std::fs::copy(from, dir.path().join("seeds").join(name)).unwrap();
    dir
}

/// A temporary copy of a fixture site under `tests/fixtures/<name>`, with the default theme.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("tests/fixtures").join(name), dir.path());
    if !dir.path().join("themes/default").exists() {
        copy_dir(
            &repo().join("themes/default"),
            &dir.path().join("themes/default"),
        );
    }
    dir
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Content articles (`content/articles/*.md`, not translations) of a project.
pub fn article_slugs(root: &Path) -> Vec<String> {
    let mut slugs: Vec<String> = std::fs::read_dir(root.join("content/articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".md") && !n.ends_with(".en.md"))
        .map(|n| n.trim_end_matches(".md").to_string())
        .collect();
    slugs.sort();
    slugs
}

/// Checks that an HTML document is well formed: doctype, and every opened
/// non-void element closed in order. Returns the first problem found.
pub fn html_problem(html: &str) -> Option<String> {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    if !html.to_ascii_lowercase().starts_with("<!doctype html>") {
        return Some("no doctype".into());
    }
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        let end = rest.find('>')?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || VOID.contains(&name.as_str()) {
            continue;
        }
        if closing {
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Some(format!("</{name}> closes {other:?}")),
            }
        } else if !(tag.ends_with(" /") || tag.ends_with("\"/") || tag.ends_with("'/")) {
            stack.push(name.clone());
            if name == "script" || name == "style" {
                let close = format!("</{name}>");
                let at = rest.find(&close)?;
                rest = &rest[at..];
            }
        }
    }
    (!stack.is_empty()).then(|| format!("unclosed: {stack:?}"))
}

/// A minimal HTTP/1.1 GET (or HEAD) returning (status, headers, body).
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    extra: &[(&str, &str)],
) -> std::io::Result<(u16, String, Vec<u8>)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut request =
        format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (k, v) in extra {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(raw.len());
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let body = raw.get(split + 4..).unwrap_or_default().to_vec();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Ok((status, head, body))
}

/// Asserts two file trees are identical, naming only the files that differ.
pub fn assert_same_tree(a: &[(String, Vec<u8>)], b: &[(String, Vec<u8>)], what: &str) {
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(a), names(b), "{what}: different files");
    let differing: Vec<&String> = a
        .iter()
        .zip(b)
        .filter(|(x, y)| x.1 != y.1)
        .map(|(x, _)| &x.0)
        .collect();
    assert!(
        differing.is_empty(),
        "{what}: contents differ: {differing:?}"
    );
}

/// A running `minsheng serve`, stopped when dropped.
pub struct Server(std::process::Child);

impl Server {
    /// Resident memory of the server process in kB (from /proc).
    pub fn resident_kb(&self) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.0.id()))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find_map(|l| l.strip_prefix("VmRSS:"))
                    .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            })
            .unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `minsheng serve` (with `--watch` if asked) on a port the system
/// picks, and returns once it is ready: it has printed the address it
/// answers at and, when watching, that its watcher is armed.
pub fn start_server(root: &Path, watch: bool) -> (Server, u16) {
    start_server_with(root, watch, &[])
}

/// [`start_server`] with extra environment variables.
pub fn start_server_with(root: &Path, watch: bool, env: &[(&str, &str)]) -> (Server, u16) {
    use std::io::BufRead;
    let mut cmd = bin();
    cmd.arg("--root").arg(root).args(["serve", "--port", "0"]);
    if watch {
        cmd.arg("--watch");
    }
    let mut child = cmd
        .envs(env.iter().copied())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("minsheng starts");
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut port = None;
    for line in lines.by_ref() {
        let line = line.expect("server output");
        if let Some(address) = line.split(" at http://127.0.0.1:").nth(1) {
            port = address.trim_end_matches('/').parse().ok();
        }
        if port.is_some() && (!watch || line.starts_with("watching for changes")) {
            break;
        }
    }
    let port = port.expect("the server printed its address before it exited");
    // keep reading, so that the server never blocks on a full pipe
    std::thread::spawn(move || lines.for_each(drop));
    (Server(child), port)
}
