//! The development HTTP server: serves files of the output folder only (no
//! path escapes, no symlinks out), with content types, HEAD and conditional
//! requests, the live-reload script injected into HTML, and a long-poll
//! endpoint that tells browsers when to reload or what error to show.

use super::reload::ReloadState;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// Path of the live-reload script.
pub const LIVE_JS: &str = "/__minsheng/live.js";
/// Path of the long-poll endpoint.
pub const POLL: &str = "/__minsheng/poll";

const LIVE_SCRIPT: &str = include_str!("live.js");

/// Serves requests until the process ends, on `workers` threads.
pub fn run_server(
    server: Arc<tiny_http::Server>,
    out: PathBuf,
    state: Arc<ReloadState>,
    workers: usize,
) {
    let mut handles = Vec::new();
    for _ in 0..workers {
        let (server, out, state) = (server.clone(), out.clone(), state.clone());
        handles.push(std::thread::spawn(move || {
            for request in server.incoming_requests() {
                if request.url().starts_with(POLL) {
                    // long polls wait for the next build on their own thread
                    let (out, state) = (out.clone(), state.clone());
                    std::thread::spawn(move || respond(request, &out, &state));
                } else {
                    let _ = respond(request, &out, &state);
                }
            }
        }));
    }
    for handle in handles {
        let _ = handle.join();
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn respond(request: Request, out: &Path, state: &ReloadState) -> std::io::Result<()> {
    if !matches!(request.method(), Method::Get | Method::Head) {
        return request.respond(
            Response::from_string("method not allowed")
                .with_status_code(405)
                .with_header(header("Allow", "GET, HEAD")),
        );
    }
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    if path == LIVE_JS {
        return request.respond(
            Response::from_string(LIVE_SCRIPT)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8"))
                .with_header(header("Cache-Control", "no-store")),
        );
    }
    if path == POLL {
        let since = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("v="))
            .and_then(|v| v.parse().ok());
        let status = state.wait_for_change(since, Duration::from_secs(25));
        return request.respond(
            Response::from_string(status.to_json())
                .with_header(header("Content-Type", "application/json"))
                .with_header(header("Cache-Control", "no-store")),
        );
    }
    match answer(out, path) {
        Answer::File(file) => serve_file(request, file, state.watching()),
        Answer::Redirect(to) => {
            request.respond(Response::empty(301).with_header(header("Location", &to)))
        }
        Answer::Forbidden => {
            request.respond(Response::from_string("forbidden").with_status_code(403))
        }
        Answer::NotFound => {
            request.respond(Response::from_string("not found").with_status_code(404))
        }
    }
}

/// A file read for an answer.
struct Read {
    path: PathBuf,
    bytes: Vec<u8>,
    modified: Option<std::time::SystemTime>,
    status: u16,
}

enum Answer {
    File(Read),
    Redirect(String),
    Forbidden,
    NotFound,
}

/// Finds and reads the file for a URL path, while no build swaps the output
/// folder: a request never meets the moment between the old site and the new.
fn answer(out: &Path, path: &str) -> Answer {
    let _swap = crate::output::reading();
    let read = |path: PathBuf, status: u16| {
        let bytes = std::fs::read(&path).ok()?;
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        Some(Read {
            path,
            bytes,
            modified,
            status,
        })
    };
    match resolve(out, path) {
        Resolved::File(file) => read(file, 200).map_or(Answer::NotFound, Answer::File),
        Resolved::Redirect(to) => Answer::Redirect(to),
        Resolved::Forbidden => Answer::Forbidden,
        Resolved::NotFound => {
            read(out.join("404.html"), 404).map_or(Answer::NotFound, Answer::File)
        }
    }
}

enum Resolved {
    File(PathBuf),
    Redirect(String),
    Forbidden,
    NotFound,
}

/// Maps a URL path to a file under `out`, refusing anything that would leave it.
fn resolve(out: &Path, url_path: &str) -> Resolved {
    let Some(decoded) = percent_decode(url_path) else {
        return Resolved::Forbidden;
    };
    if decoded.contains('\\') || decoded.contains('\0') || !decoded.starts_with('/') {
        return Resolved::Forbidden;
    }
    let mut file = out.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == ".." || segment == "." || segment.contains(':') {
            return Resolved::Forbidden;
        }
        file.push(segment);
    }
    if file.is_dir() {
        if !decoded.ends_with('/') {
            return Resolved::Redirect(format!("{url_path}/"));
        }
        file.push("index.html");
    }
    let (Ok(real), Ok(root)) = (file.canonicalize(), out.canonicalize()) else {
        return Resolved::NotFound;
    };
    if !real.starts_with(&root) {
        return Resolved::Forbidden;
    }
    if real.is_file() {
        Resolved::File(real)
    } else {
        Resolved::NotFound
    }
}

fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Content type by file extension.
pub fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

fn serve_file(request: Request, file: Read, live: bool) -> std::io::Result<()> {
    let Read {
        path,
        bytes,
        modified,
        status,
    } = file;
    let file = path.as_path();
    let etag = format!("\"{}\"", &crate::fsutil::sha256_hex(&bytes)[..16]);
    let last_modified = modified.map(httpdate::fmt_http_date);
    let not_modified = status == 200 && is_not_modified(&request, &etag, modified);
    let mut body = bytes;
    if live && file.extension().is_some_and(|e| e == "html") {
        body = inject_live_script(body);
    }
    let mut response = Response::new(
        StatusCode(if not_modified { 304 } else { status }),
        Vec::new(),
        Cursor::new(if not_modified {
            Vec::new()
        } else {
            body.clone()
        }),
        Some(if not_modified { 0 } else { body.len() }),
        None,
    )
    .with_header(header("Content-Type", content_type(file)))
    .with_header(header("ETag", &etag))
    .with_header(header("Cache-Control", "no-cache"));
    if let Some(date) = last_modified {
        response = response.with_header(header("Last-Modified", &date));
    }
    request.respond(response)
}

fn is_not_modified(request: &Request, etag: &str, modified: Option<std::time::SystemTime>) -> bool {
    let get = |name: &str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str().to_string())
    };
    if let Some(tags) = get("If-None-Match") {
        return tags.split(',').any(|t| t.trim() == etag || t.trim() == "*");
    }
    match (
        get("If-Modified-Since").and_then(|d| httpdate::parse_http_date(&d).ok()),
        modified,
    ) {
        (Some(since), Some(modified)) => {
            let secs = |t: std::time::SystemTime| {
                t.duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_secs())
                    .unwrap_or(0)
            };
            secs(modified) <= secs(since)
        }
        _ => false,
    }
}

/// Adds the live-reload script before `</body>` (serve mode only).
fn inject_live_script(mut html: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{LIVE_JS}\" defer></script>");
    let needle = b"</body>";
    match html
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
    {
        Some(at) => {
            html.splice(at..at, tag.into_bytes());
        }
        None => html.extend_from_slice(tag.as_bytes()),
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.html"), "x").unwrap();
        assert!(matches!(resolve(dir.path(), "/a.html"), Resolved::File(_)));
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a\\..\\b",
            "/%2E%2E%2fx",
            "/c:/windows",
        ] {
            assert!(
                matches!(resolve(dir.path(), bad), Resolved::Forbidden),
                "{bad}"
            );
        }
        assert!(matches!(
            resolve(dir.path(), "/missing"),
            Resolved::NotFound
        ));
    }
}
