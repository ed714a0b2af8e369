//! `minsheng serve`: builds the site, serves it on loopback, and with `--watch`
//! rebuilds on every change and reloads open browser tabs (or shows the build
//! error over the page until the next good save).

mod http;
mod reload;
mod session;
mod watch;

pub use http::content_type;
pub use reload::{ReloadState, Status};
pub use session::{Rebuilt, Session};
pub use watch::{Watcher, is_relevant};

use crate::build::BuildOptions;
use crate::error::{Error, Result};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

/// Options of `serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub build: BuildOptions,
    pub bind: IpAddr,
    pub port: u16,
    pub watch: bool,
}

/// Builds, then serves until the process is stopped. With `--watch`, a
/// build that fails (a broken configuration at start among them) is shown
/// over the page and the watcher goes on; the next good save recovers.
pub fn serve(options: ServeOptions) -> Result<()> {
    let state = Arc::new(ReloadState::default());
    let build_options = BuildOptions {
        no_minify: true,
        ..options.build.clone()
    };
    let mut session = Session::new(build_options);
    let out = first_build(&mut session, &options, &state)?;
    // the watcher is armed before the server answers: a client that reaches
    // the server knows every later save is seen
    let watcher = if options.watch {
        let root = std::path::absolute(&options.build.root)
            .map_err(|e| Error::io(&options.build.root, e))?;
        Some(watch::Watcher::arm(&root, &out)?)
    } else {
        None
    };
    let addr = SocketAddr::new(options.bind, options.port);
    let server = tiny_http::Server::http(addr).map_err(|e| {
        Error::Refused(format!(
            "cannot listen on {addr}: {e} (is another server using the port? try --port)"
        ))
    })?;
    let server = Arc::new(server);
    let local = server.server_addr().to_ip().map_or(addr, |a| a);
    if !options.bind.is_loopback() {
        eprintln!(
            "WARNING: serving on {local}, reachable from other machines. Use --bind 127.0.0.1 to keep it local."
        );
    }
    println!("serving {} at http://{local}/", out.display());
    if let Some(watcher) = watcher {
        state.set_watching(true);
        let state = state.clone();
        std::thread::spawn(move || {
            watcher.run(|changed| rebuild(&mut session, &state, &changed));
        });
        println!("watching for changes (Ctrl+C to stop)");
    }
    http::run_server(server, out, state, 8);
    Ok(())
}

/// The first build; its folder is served. A failed build is not fatal when
/// watching: its error is shown over the page until a save fixes it.
fn first_build(
    session: &mut Session,
    options: &ServeOptions,
    state: &ReloadState,
) -> Result<PathBuf> {
    match session.build() {
        Ok(report) => {
            eprintln!("built {} pages in {}", report.pages, report.out.display());
            Ok(report.out)
        }
        Err(e) if options.watch => {
            eprintln!("error: {e}");
            state.publish(Some(e.to_string()));
            // a broken configuration does not say where it builds: the
            // default output folder then
            let out = options.build.out.clone().unwrap_or_else(|| {
                crate::config::Config::load(&options.build.root)
                    .map(|(c, _)| c.output_dir)
                    .unwrap_or_else(|_| options.build.root.join("public"))
            });
            std::path::absolute(&out).map_err(|e| Error::io(&out, e))
        }
        Err(e) => Err(e),
    }
}

/// Rebuilds after a burst of changes and tells the browsers. A rebuild that
/// panics is reported like a failed one, and the next change builds in full.
fn rebuild(session: &mut Session, state: &ReloadState, changed: &[PathBuf]) {
    let started = Instant::now();
    let ms = || started.elapsed().as_secs_f64() * 1000.0;
    let outcome =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| session.rebuild(changed)));
    match outcome {
        Ok(Ok(Rebuilt::Full(report))) => {
            eprintln!(
                "rebuilt after {} change(s) in {:.0} ms ({} pages)",
                changed.len(),
                ms(),
                report.pages
            );
            state.publish(None);
        }
        Ok(Ok(Rebuilt::Partial {
            articles,
            pages,
            written,
        })) => {
            eprintln!(
                "updated {articles} article(s) in {:.0} ms ({pages} article pages rendered, {written} files changed)",
                ms()
            );
            state.publish(None);
        }
        Ok(Err(e)) => {
            eprintln!("error: {e}");
            state.publish(Some(e.to_string()));
        }
        Err(panic) => {
            session.reset();
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            state.publish(Some(format!(
                "internal error while rebuilding: {message}. This is a bug in minsheng; \
                 please report it with the files you changed. The next save builds everything again."
            )));
        }
    }
}
