//! Site configuration: reads `config.yaml`, warns about unknown keys, and validates
//! once, so the rest of the pipeline only ever sees a complete, checked `Config`.

use crate::error::{Error, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// A text in both site languages.
#[derive(Debug, Clone, Deserialize, serde::Serialize, Default)]
pub struct Bilingual {
    pub zh: String,
    pub en: String,
}

/// What `config.yaml` may contain, as written.
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct RawConfig {
    title: Option<Bilingual>,
    description: Option<Bilingual>,
    base_url: Option<String>,
    theme: Option<String>,
    output_dir: Option<String>,
    minify: Option<bool>,
    raw_html: Option<String>,
    search: Option<bool>,
    feeds: Option<bool>,
    sitemap: Option<bool>,
}

/// How raw HTML written inside Markdown is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawHtml {
    /// Shown as text (the default).
    Escape,
    /// Removed.
    Strip,
    /// Kept where it is harmless: passed through an HTML sanitiser (ammonia)
    /// that removes scripts, event handlers, frames, styles and unsafe URLs.
    Sanitize,
}

/// The validated configuration of one site.
#[derive(Debug, Clone)]
pub struct Config {
    /// Project root: the folder that holds `config.yaml`, `seeds/`, `content/`.
    pub root: PathBuf,
    pub title: Bilingual,
    pub description: Bilingual,
    /// Absolute URL the site is deployed at, ending in `/`, if known.
    pub base_url: Option<String>,
    /// Folder of the selected theme.
    pub theme_dir: PathBuf,
    /// Where `build` writes the site.
    pub output_dir: PathBuf,
    pub minify: bool,
    pub raw_html: RawHtml,
    /// Build the search index and page.
    pub search: bool,
    /// Write Atom feeds.
    pub feeds: bool,
    /// Write `sitemap.xml`.
    pub sitemap: bool,
}

/// A non-fatal remark about the configuration or content.
pub type Warning = String;

impl Config {
    /// Loads `root/config.yaml` (absent file: all defaults) and validates it.
    pub fn load(root: &Path) -> Result<(Config, Vec<Warning>)> {
        let path = root.join("config.yaml");
        let text = if path.exists() {
            crate::fsutil::read_text(&path)?
        } else {
            String::new()
        };
        let mut warnings = Vec::new();
        let raw: RawConfig = if text.trim().is_empty() {
            RawConfig::default()
        } else {
            crate::yaml::parse_mapping(&path, &text, 0, &mut warnings)?
        };
        let config = Self::validate(root, &path, raw)?;
        Ok((config, warnings))
    }

    fn validate(root: &Path, path: &Path, raw: RawConfig) -> Result<Config> {
        let root = std::path::absolute(root).map_err(|e| Error::io(root, e))?;
        let base_url = match raw.base_url.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(url) => Some(normalize_base_url(url).ok_or_else(|| {
                Error::in_file(
                    path,
                    format!("base_url `{url}` must start with http:// or https://"),
                )
            })?),
        };
        let theme = raw.theme.unwrap_or_else(|| "default".into());
        if theme.is_empty() || theme.contains(['/', '\\']) || theme.starts_with('.') {
            return Err(Error::in_file(
                path,
                format!("theme `{theme}` must be a folder name under themes/"),
            ));
        }
        let theme_dir = root.join("themes").join(&theme);
        if !theme_dir.is_dir() && theme != "default" {
            return Err(Error::in_file(
                path,
                format!(
                    "theme `{theme}` not found: no folder {}",
                    theme_dir.display()
                ),
            ));
        }
        let output = raw.output_dir.unwrap_or_else(|| "public".into());
        let relative = Path::new(&output);
        if relative.is_absolute()
            || relative
                .components()
                .any(|c| matches!(c, std::path::Component::ParentDir))
            || relative.as_os_str().is_empty()
        {
            return Err(Error::in_file(
                path,
                format!(
                    "output_dir `{output}` must be a folder inside the project (use --out for another place)"
                ),
            ));
        }
        let output_dir = root.join(relative);
        let raw_html = match raw.raw_html.as_deref().unwrap_or("escape") {
            "escape" => RawHtml::Escape,
            "strip" => RawHtml::Strip,
            "sanitize" => RawHtml::Sanitize,
            other => {
                return Err(Error::in_file(
                    path,
                    format!("raw_html `{other}` must be `escape`, `strip` or `sanitize`"),
                ));
            }
        };
        Ok(Config {
            root,
            title: raw.title.unwrap_or_else(|| Bilingual {
                zh: "民生实事".into(),
                en: "Livelihood Projects".into(),
            }),
            description: raw.description.unwrap_or_default(),
            base_url,
            theme_dir,
            output_dir,
            minify: raw.minify.unwrap_or(true),
            raw_html,
            search: raw.search.unwrap_or(true),
            feeds: raw.feeds.unwrap_or(true),
            sitemap: raw.sitemap.unwrap_or(true),
        })
    }

    /// Replaces the base URL (from `--base-url`).
    pub fn set_base_url(&mut self, url: &str) -> Result<()> {
        self.base_url = Some(normalize_base_url(url).ok_or_else(|| {
            Error::Refused(format!(
                "--base-url `{url}` must start with http:// or https://"
            ))
        })?);
        Ok(())
    }
}

fn normalize_base_url(url: &str) -> Option<String> {
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return None;
    }
    let mut url = url.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_gets_trailing_slash() {
        assert_eq!(
            normalize_base_url("https://a.org/sub").as_deref(),
            Some("https://a.org/sub/")
        );
        assert_eq!(normalize_base_url("/sub"), None);
    }
}
