//! A small WebDriver client for Chromium through chromedriver, for tests that
//! check behaviour in a real browser.

use std::io::{Read, Write};

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A headless Chromium session, closed on drop.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
    /// One browser at a time: on a small machine several at once starve
    /// each other's pages of time.
    _turn: std::sync::MutexGuard<'static, ()>,
}

/// Held by the browser that runs.
static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn request(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&serde_json::Value>,
) -> serde_json::Value {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("chromedriver answers");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body.as_bytes()).unwrap();
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    let payload = loop {
        let n = stream.read(&mut buf).expect("webdriver answers in time");
        raw.extend_from_slice(&buf[..n]);
        if let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
            let body = &raw[split + 4..];
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            match length {
                Some(len) if body.len() >= len => break body[..len].to_vec(),
                None if head.contains("transfer-encoding: chunked")
                    && body.ends_with(b"0\r\n\r\n") =>
                {
                    break dechunk(body);
                }
                _ => {}
            }
        }
        if n == 0 {
            panic!(
                "webdriver closed the connection: {}",
                String::from_utf8_lossy(&raw)
            );
        }
    };
    serde_json::from_slice(&payload).unwrap_or_else(|e| {
        panic!(
            "webdriver answer: {e}: {}",
            String::from_utf8_lossy(&payload)
        )
    })
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(std::str::from_utf8(&data[..end]).unwrap().trim(), 16)
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&data[end + 2..end + 2 + size]);
        data = &data[end + 2 + size + 2..];
    }
    out
}

impl Browser {
    /// Starts chromedriver and a headless Chromium. Without them the test is
    /// skipped, and says so on the terminal; with `MINSHENG_REQUIRE_BROWSER=1`
    /// (set in CI) their absence is a failure.
    pub fn start() -> Option<Browser> {
        Browser::start_with(true)
    }

    /// [`Browser::start`] with the page's scripts on or off (`javascript`);
    /// WebDriver's own scripts run either way.
    pub fn start_with(javascript: bool) -> Option<Browser> {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] {
            if !std::path::Path::new(tool).exists() {
                let why = format!(
                    "browser test skipped: {tool} not found (install with `apt-get install -y chromium chromium-driver`)"
                );
                if std::env::var_os("MINSHENG_REQUIRE_BROWSER").is_some_and(|v| v != "0") {
                    panic!("{why}; MINSHENG_REQUIRE_BROWSER is set, so this is a failure");
                }
                // written past the test harness's capture, so that it is always seen
                let _ = writeln!(std::io::stderr(), "{why}");
                return None;
            }
        }
        let turn = TURN.lock().unwrap_or_else(|e| e.into_inner());
        // the system picks the port; chromedriver prints it once it listens
        let mut driver = Command::new("/usr/bin/chromedriver")
            .arg("--port=0")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let mut lines =
            std::io::BufRead::lines(std::io::BufReader::new(driver.stdout.take().unwrap()));
        let port: u16 = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|l| {
                l.strip_prefix("ChromeDriver was started successfully on port ")
                    .and_then(|p| p.trim_end_matches('.').parse().ok())
            })
            .expect("chromedriver printed its port");
        std::thread::spawn(move || lines.for_each(drop));
        let profile = tempfile::tempdir().unwrap();
        let caps = serde_json::json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "prefs": {"profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 }},
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                         "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                         format!("--user-data-dir={}", profile.path().display())]
            }
        }}});
        let answer = request(port, "POST", "/session", Some(&caps));
        let session = answer["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {answer}"))
            .to_string();
        Some(Browser {
            driver,
            port,
            session,
            _profile: profile,
            _turn: turn,
        })
    }

    /// Opens a URL and waits for it to load.
    pub fn goto(&self, url: &str) {
        let answer = request(
            self.port,
            "POST",
            &format!("/session/{}/url", self.session),
            Some(&serde_json::json!({ "url": url })),
        );
        assert!(answer["value"].is_null(), "navigation failed: {answer}");
        // and until the page's deferred scripts have run
        let started = std::time::Instant::now();
        while self.eval("return document.readyState") != "complete" {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(30),
                "{url} did not finish loading"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    /// Taps the element `css` selects with a finger (a touch pointer), as a
    /// phone's user would.
    pub fn tap(&self, css: &str) {
        let centre = self.eval(&format!(
            "const r = document.querySelector('{css}').getBoundingClientRect(); \
             return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)]"
        ));
        let (x, y) = (centre[0].as_i64().unwrap(), centre[1].as_i64().unwrap());
        let actions = serde_json::json!({"actions": [{
            "type": "pointer", "id": "finger", "parameters": {"pointerType": "touch"},
            "actions": [
                {"type": "pointerMove", "duration": 0, "x": x, "y": y, "origin": "viewport"},
                {"type": "pointerDown", "button": 0},
                {"type": "pause", "duration": 50},
                {"type": "pointerUp", "button": 0}
            ]
        }]});
        let answer = request(
            self.port,
            "POST",
            &format!("/session/{}/actions", self.session),
            Some(&actions),
        );
        assert!(answer["value"].is_null(), "tap on {css} failed: {answer}");
    }

    /// Sends a Chrome DevTools command (`Emulation.setEmulatedMedia`, …).
    pub fn devtools(&self, cmd: &str, params: serde_json::Value) {
        let answer = request(
            self.port,
            "POST",
            &format!("/session/{}/goog/cdp/execute", self.session),
            Some(&serde_json::json!({ "cmd": cmd, "params": params })),
        );
        assert!(
            answer["value"].is_object() || answer["value"].is_null(),
            "{cmd} failed: {answer}"
        );
    }

    /// Clicks the element `css` selects, as a user would.
    pub fn click(&self, css: &str) {
        let found = request(
            self.port,
            "POST",
            &format!("/session/{}/element", self.session),
            Some(&serde_json::json!({ "using": "css selector", "value": css })),
        );
        let element = found["value"]
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("no element {css}: {found}"))
            .to_string();
        let answer = request(
            self.port,
            "POST",
            &format!("/session/{}/element/{element}/click", self.session),
            Some(&serde_json::json!({})),
        );
        assert!(answer["value"].is_null(), "click on {css} failed: {answer}");
    }

    /// Runs a script (`return …`) in the page and returns its value.
    pub fn eval(&self, script: &str) -> serde_json::Value {
        let answer = request(
            self.port,
            "POST",
            &format!("/session/{}/execute/sync", self.session),
            Some(&serde_json::json!({ "script": script, "args": [] })),
        );
        answer["value"].clone()
    }
}

impl Browser {
    /// Runs an asynchronous script; it calls `arguments[arguments.length - 1]`
    /// with its result.
    pub fn eval_async(&self, script: &str) -> serde_json::Value {
        let answer = request(
            self.port,
            "POST",
            &format!("/session/{}/execute/async", self.session),
            Some(&serde_json::json!({ "script": script, "args": [] })),
        );
        answer["value"].clone()
    }

    /// Messages of level SEVERE (errors) the page wrote to the console or the
    /// network layer since the last call.
    pub fn console_errors(&self) -> Vec<String> {
        let answer = request(
            self.port,
            "POST",
            &format!("/session/{}/se/log", self.session),
            Some(&serde_json::json!({ "type": "browser" })),
        );
        answer["value"]
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .filter_map(|e| e["message"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Resizes the window (CSS pixels).
    pub fn resize(&self, width: u32, height: u32) {
        request(
            self.port,
            "POST",
            &format!("/session/{}/window/rect", self.session),
            Some(&serde_json::json!({ "width": width, "height": height })),
        );
    }

    /// A PNG screenshot of the viewport.
    pub fn screenshot(&self) -> Vec<u8> {
        let answer = request(
            self.port,
            "GET",
            &format!("/session/{}/screenshot", self.session),
            None,
        );
        decode_base64(answer["value"].as_str().unwrap_or_default())
    }
}

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let bits: Vec<u8> = text.bytes().filter_map(value).collect();
    bits.chunks(4)
        .flat_map(|c| {
            let n = c.iter().fold(0u32, |acc, v| (acc << 6) | *v as u32) << (6 * (4 - c.len()));
            let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            bytes.into_iter().take(c.len().saturating_sub(1))
        })
        .collect()
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = std::panic::catch_unwind(|| {
            request(
                self.port,
                "DELETE",
                &format!("/session/{}", self.session),
                None,
            )
        });
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
