//! Themes: loads a theme's templates, static files and interface strings, and
//! lets a site override any single file by putting one of the same path in its
//! own `templates/` or `static/` folder. Another theme than `default` only
//! needs the files it changes: the default theme fills in the rest.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::fsutil;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where a static file comes from.
#[derive(Debug, Clone)]
pub enum StaticFile {
    /// Compiled into the binary (the built-in default theme).
    BuiltIn(&'static [u8]),
    /// A file of the theme or the site.
    Path(PathBuf),
}

/// A loaded theme, ready to render.
pub struct Theme {
    pub tera: tera::Tera,
    /// Static files by output path (e.g. `static/style.css`), site files overriding theme files.
    pub static_files: BTreeMap<String, StaticFile>,
    /// Interface strings per language, from the theme's `i18n.yaml`.
    pub strings: serde_yaml::Value,
}

impl Theme {
    /// Loads the theme selected by the configuration.
    pub fn load(config: &Config) -> Result<Theme> {
        // the built-in default theme underlies everything; then the project's
        // own copy of it, the selected theme, and the site's own files
        let mut sources: BTreeMap<String, (PathBuf, String)> = super::builtin::TEMPLATES
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    (
                        PathBuf::from(format!("(built-in)/templates/{name}")),
                        text.to_string(),
                    ),
                )
            })
            .collect();
        let default = config.root.join("themes").join("default");
        let mut layers = Vec::new();
        if default != config.theme_dir && default.is_dir() {
            layers.push(default.clone());
        }
        if config.theme_dir.is_dir() {
            layers.push(config.theme_dir.clone());
        }
        for dir in layers
            .iter()
            .map(|l| l.join("templates"))
            .chain([config.root.join("templates")])
        {
            for (name, path) in files_under(&dir)? {
                let text = fsutil::read_text(&path)?;
                sources.insert(name, (path, text));
            }
        }
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml", ".htm"]);
        register_filters(&mut tera);
        let templates: Vec<(String, String)> = sources
            .iter()
            .map(|(n, (_, t))| (n.clone(), t.clone()))
            .collect();
        tera.add_raw_templates(templates)
            .map_err(|e| template_error(&e, &sources))?;
        let mut static_files: BTreeMap<String, StaticFile> = super::builtin::STATIC
            .iter()
            .map(|(name, bytes)| (format!("static/{name}"), StaticFile::BuiltIn(bytes)))
            .collect();
        for dir in layers
            .iter()
            .map(|l| l.join("static"))
            .chain([config.root.join("static")])
        {
            for (name, path) in files_under(&dir)? {
                static_files.insert(format!("static/{name}"), StaticFile::Path(path));
            }
        }
        let i18n = layers
            .iter()
            .rev()
            .map(|l| l.join("i18n.yaml"))
            .find(|p| p.is_file());
        let strings = match i18n {
            Some(path) => {
                let text = fsutil::read_text(&path)?;
                serde_yaml::from_str(&text).map_err(|e| crate::config::yaml_error(&path, &e, 0))?
            }
            None => serde_yaml::from_str(super::builtin::I18N).expect("built-in strings parse"),
        };
        Ok(Theme {
            tera,
            static_files,
            strings,
        })
    }

    /// Renders a template; errors name the template.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String> {
        self.tera
            .render(name, context)
            .map_err(|e| Error::Template {
                name: name.to_string(),
                message: error_chain(&e),
            })
    }
}

fn register_filters(tera: &mut tera::Tera) {
    // `{{ value | json | safe }}` inside <script type="application/ld+json">: escapes `<`
    // so that no text can close the script element.
    tera.register_filter(
        "json",
        |value: tera::Value, _: tera::Kwargs, _: &tera::State| {
            // through serde_json's own map, which orders keys: the same input gives the same bytes
            let json = serde_json::to_value(&value)
                .and_then(|v| serde_json::to_string(&v))
                .unwrap_or_else(|_| "null".into());
            json.replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026")
        },
    );
}

fn template_error(error: &tera::Error, sources: &BTreeMap<String, (PathBuf, String)>) -> Error {
    let message = error_chain(error);
    let name = sources
        .iter()
        .find(|(name, _)| message.contains(name.as_str()))
        .map(|(_, (path, _))| path.display().to_string())
        .unwrap_or_else(|| "templates".into());
    Error::Template { name, message }
}

/// The message of an error with all its causes.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let more = cause.to_string();
        if !text.contains(&more) {
            text.push_str("\n  caused by: ");
            text.push_str(&more);
        }
        source = cause.source();
    }
    text
}

/// Files under `dir` by their `/`-separated path relative to it.
fn files_under(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::in_file(dir, e.to_string()))?;
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).expect("under dir");
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.push((name, entry.into_path()));
    }
    Ok(files)
}
