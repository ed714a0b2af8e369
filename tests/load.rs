//! `minsheng serve --watch` under load: 100 clients request pages for 10
//! seconds while an article is saved 100 times in a burst and a template is
//! saved too (full builds swap the output folder). Every request succeeds,
//! memory stays level, and every reload a browser is told about finds a
//! complete page.

mod common;
use common::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const CLIENTS: usize = 100;
const SECONDS: u64 = 10;

#[test]
fn a_hundred_clients_for_ten_seconds_while_files_are_saved() {
    let dir = project(true);
    let root = dir.path().to_path_buf();
    let (server, port) = start_server(&root, true);
    let slug = article_slugs(&root)[0].clone();
    let article = format!("/zh/{slug}/index.html");
    let paths: Arc<Vec<String>> = Arc::new(vec![
        "/".into(),
        "/zh/index.html".into(),
        article.clone(),
        format!("/en/{slug}/"),
        "/zh/glossary/index.html".into(),
        "/static/style.css".into(),
        "/search/index.js".into(),
        "/zh/atom.xml".into(),
        "/no/such/page".into(),
    ]);
    // warm up, then take the memory baseline
    for path in paths.iter() {
        http(port, "GET", path, &[]).unwrap();
    }
    let stop = Arc::new(AtomicBool::new(false));
    let served = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let started = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let (paths, stop, served, failures) = (
                paths.clone(),
                stop.clone(),
                served.clone(),
                failures.clone(),
            );
            std::thread::spawn(move || {
                let mut k = c;
                // every client is answered at least once, however slow the machine
                while k == c || !stop.load(Ordering::Relaxed) {
                    let path = &paths[k % paths.len()];
                    let method = if k % 7 == 0 { "HEAD" } else { "GET" };
                    let expected = if path.starts_with("/no/") { 404 } else { 200 };
                    match http(port, method, path, &[]) {
                        Ok((status, _, _)) if status == expected => {
                            served.fetch_add(1, Ordering::Relaxed);
                        }
                        Ok((status, _, _)) => failures
                            .lock()
                            .unwrap()
                            .push(format!("{method} {path}: {status}")),
                        Err(e) => failures
                            .lock()
                            .unwrap()
                            .push(format!("{method} {path}: {e}")),
                    }
                    k += 1;
                }
            })
        })
        .collect();

    // a browser's view: every reload must find a complete page
    let watcher = {
        let (stop, failures, article) = (stop.clone(), failures.clone(), article.clone());
        std::thread::spawn(move || {
            let mut version = None::<u64>;
            let mut reloads = 0;
            while !stop.load(Ordering::Relaxed) {
                let path = match version {
                    Some(v) => format!("/__minsheng/poll?v={v}"),
                    None => "/__minsheng/poll".into(),
                };
                let Ok((_, _, body)) = http(port, "GET", &path, &[]) else {
                    continue;
                };
                let status: serde_json::Value = serde_json::from_slice(&body).unwrap();
                let new = status["version"].as_u64();
                if version.is_some() && new != version && status["error"].is_null() {
                    reloads += 1;
                    let (code, _, page) = http(port, "GET", &article, &[]).unwrap();
                    let page = String::from_utf8_lossy(&page);
                    if code != 200 || html_problem(&page).is_some() {
                        failures.lock().unwrap().push(format!(
                            "reload {reloads}: {code} {:?}",
                            html_problem(&page)
                        ));
                    }
                }
                version = new;
            }
            reloads
        })
    };

    std::thread::sleep(Duration::from_secs(2));
    let baseline = server.resident_kb();
    // a burst of 100 saves of one article, then a template
    let source = root.join(format!("content/articles/{slug}.md"));
    let original = read(&source);
    for i in 0..100 {
        let edited = original.replacen('。', &format!("（第{i}次）。"), 1);
        std::fs::write(&source, edited).unwrap();
    }
    std::thread::sleep(Duration::from_secs(2));
    let template = root.join("themes/default/templates/card.html");
    let text = read(&template);
    std::fs::write(&template, format!("{text}\n")).unwrap();
    let mut peak = baseline;
    while started.elapsed() < Duration::from_secs(SECONDS) {
        std::thread::sleep(Duration::from_millis(250));
        peak = peak.max(server.resident_kb());
    }
    stop.store(true, Ordering::Relaxed);
    for client in clients {
        client.join().unwrap();
    }
    let reloads = watcher.join().unwrap();
    let end = server.resident_kb();
    let failures = failures.lock().unwrap();
    let served = served.load(Ordering::Relaxed);
    eprintln!(
        "{served} requests in {SECONDS} s from {CLIENTS} clients; {reloads} reloads; memory {baseline} kB → peak {peak} kB → end {end} kB"
    );
    assert!(
        failures.is_empty(),
        "{} failures: {:?}",
        failures.len(),
        &failures[..failures.len().min(20)]
    );
    assert!(
        served >= CLIENTS,
        "only {served} requests served to {CLIENTS} clients"
    );
    assert!(reloads >= 2, "the saves were seen: {reloads} reloads");
    assert!(
        end < baseline + 64 * 1024,
        "memory grew from {baseline} kB to {end} kB"
    );
}
