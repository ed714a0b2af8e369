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
pub use watch::is_relevant;

use crate::build::BuildOptions;
use crate::error::{Error, Result};
use std::net::{IpAddr, SocketAddr};
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

/// Builds, then serves until the process is stopped.
pub fn serve(options: ServeOptions) -> Result<()> {
    let state = Arc::new(ReloadState::default());
    let build_options = BuildOptions {
        no_minify: true,
        ..options.build.clone()
    };
    let mut session = Session::new(build_options);
    let out = match session.build() {
        Ok(report) => {
            eprintln!("built {} pages in {}", report.pages, report.out.display());
            report.out
        }
        Err(e) => {
            eprintln!("error: {e}");
            state.publish(Some(e.to_string()));
            let (config, _) = crate::config::Config::load(&options.build.root)?;
            options.build.out.clone().unwrap_or(config.output_dir)
        }
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
    if options.watch {
        state.set_watching(true);
        let root = std::path::absolute(&options.build.root)
            .map_err(|e| Error::io(&options.build.root, e))?;
        let (state, out_dir) = (state.clone(), out.clone());
        std::thread::spawn(move || {
            let result = watch::watch(&root, &out_dir, |changed| {
                let started = Instant::now();
                let ms = || started.elapsed().as_secs_f64() * 1000.0;
                match session.rebuild(&changed) {
                    Ok(Rebuilt::Full(report)) => {
                        eprintln!(
                            "rebuilt after {} change(s) in {:.0} ms ({} pages)",
                            changed.len(),
                            ms(),
                            report.pages
                        );
                        state.publish(None);
                    }
                    Ok(Rebuilt::Partial {
                        articles,
                        pages,
                        written,
                    }) => {
                        eprintln!(
                            "updated {articles} article(s) in {:.0} ms ({pages} article pages rendered, {written} files changed)",
                            ms()
                        );
                        state.publish(None);
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        state.publish(Some(e.to_string()));
                    }
                }
            });
            if let Err(e) = result {
                eprintln!("error: {e}");
            }
        });
        println!("watching for changes (Ctrl+C to stop)");
    }
    http::run_server(server, out, state, 8);
    Ok(())
}
