//! Themes: loads a theme's templates, static files and interface strings, and
//! lets a site override any single file by putting one of the same path in its
//! own `templates/` or `static/` folder. Another theme than `default` only
//! needs the files it changes: the default theme fills in the rest.

use crate::config::Config;
use crate::error::{Error, Result};
use crate::fsutil;
use crate::output::StaticFile;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Puts a theme's interface strings over the built-in ones, language by
/// language, so that a theme written before a string existed still has it.
fn overlay(strings: &mut serde_yaml::Value, own: serde_yaml::Value) {
    let serde_yaml::Value::Mapping(own) = own else {
        return;
    };
    for (lang, values) in own {
        match (strings.get_mut(&lang), values) {
            (Some(serde_yaml::Value::Mapping(base)), serde_yaml::Value::Mapping(values)) => {
                base.extend(values);
            }
            (_, values) => {
                if let serde_yaml::Value::Mapping(map) = strings {
                    map.insert(lang, values);
                }
            }
        }
    }
}

/// A loaded theme, ready to render.
pub struct Theme {
    pub tera: tera::Tera,
    /// Static files by output path (e.g. `static/style.css`), site files overriding theme files.
    pub static_files: BTreeMap<String, StaticFile>,
    /// Interface strings per language, from the theme's `i18n.yaml`.
    pub strings: serde_yaml::Value,
    /// The Content-Security-Policy every page declares (`site.csp`).
    pub csp: String,
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
        let mut strings: serde_yaml::Value =
            serde_yaml::from_str(super::builtin::I18N).expect("built-in strings parse");
        if let Some(path) = i18n {
            let text = fsutil::read_text(&path)?;
            let own: serde_yaml::Value =
                serde_yaml::from_str(&text).map_err(|e| crate::yaml::error(&path, &e, 0))?;
            overlay(&mut strings, own);
        }
        let csp = content_security_policy(sources.values().map(|(_, text)| text.as_str()));
        Ok(Theme {
            tera,
            static_files,
            strings,
            csp,
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

/// The policy pages declare: scripts, styles, fonts and connections only from
/// the site itself, no plugins, no `<base>`, forms only to the site. Inline
/// scripts run only if a template of the theme contains them literally: each
/// is allowed by its hash. Text from content can therefore never run as a
/// script, even where escaping failed.
pub fn content_security_policy<'a>(templates: impl Iterator<Item = &'a str>) -> String {
    let mut hashes: Vec<String> = templates
        .flat_map(inline_scripts)
        .map(script_hash)
        .collect();
    hashes.sort();
    hashes.dedup();
    let scripts: String = hashes.iter().map(|h| format!(" '{h}'")).collect();
    format!(
        "default-src 'self'; script-src 'self'{scripts}; style-src 'self'; img-src 'self' data:; \
         object-src 'none'; base-uri 'none'; form-action 'self'"
    )
}

/// Inline scripts written out in a template: not loaded from a file, not
/// data (JSON), and without template syntax (which would change per page).
fn inline_scripts(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("<script") {
        let Some(open_end) = rest[start..].find('>') else {
            break;
        };
        let open = &rest[start..start + open_end];
        let body_start = start + open_end + 1;
        let Some(body_len) = rest[body_start..].find("</script") else {
            break;
        };
        let body = &rest[body_start..body_start + body_len];
        let data = open.contains("application/ld+json") || open.contains("application/json");
        let templated = body.contains("{{") || body.contains("{%");
        if !open.contains("src=") && !data && !templated && !body.trim().is_empty() {
            found.push(body);
        }
        rest = &rest[body_start + body_len..];
    }
    found
}

/// `sha256-…` source expression of a script's text.
fn script_hash(script: &str) -> String {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_literal_inline_scripts_of_the_theme_are_hashed() {
        let templates = [
            r#"<script src="a.js"></script><script type="application/ld+json">{{ ld | safe }}</script>"#,
            "<script>document.documentElement.className='js'</script>",
            "<script>var x = {{ value }};</script>",
        ];
        let csp = content_security_policy(templates.into_iter());
        assert!(csp.contains("script-src 'self' 'sha256-"), "{csp}");
        assert_eq!(csp.matches("'sha256-").count(), 1, "{csp}");
        assert_eq!(
            script_hash("alert(1)"),
            "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI="
        );
        let plain = content_security_policy([r#"<script src="a.js"></script>"#].into_iter());
        assert!(plain.contains("script-src 'self';"), "{plain}");
        assert!(plain.contains("object-src 'none'"), "{plain}");
    }
}
