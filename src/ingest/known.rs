//! What is known of a seed beyond its text: from the editor's sidecar first,
//! then from the page's own markup (a saved web page's `<meta>` tags). Every
//! value keeps where it was read, so that no date is ever invented.

use super::sidecar::Sidecar;
use crate::content::date::Date;

/// Facts about a seed as a whole, each from the sidecar or the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Known {
    pub publication: Option<String>,
    pub page: Option<String>,
    pub url: Option<String>,
    /// The date and where it was read.
    pub date: Option<(Date, String)>,
    /// The district the editor gives: `Some(None)` for none at all.
    pub district: Option<Option<String>>,
}

impl Known {
    /// What the sidecar of the seed `seed_name` says.
    pub fn from_sidecar(sidecar: &Sidecar, seed_name: &str) -> Known {
        let file = super::sidecar::path_for(std::path::Path::new(seed_name));
        Known {
            publication: sidecar.publication.clone(),
            page: sidecar.page.clone(),
            url: sidecar.url.clone(),
            date: sidecar
                .date
                .map(|d| (d, format!("given in seeds/{}", file.display()))),
            district: sidecar.district(),
        }
    }

    /// These facts, with `other`'s where these have none.
    pub fn or(self, other: Known) -> Known {
        Known {
            publication: self.publication.or(other.publication),
            page: self.page.or(other.page),
            url: self.url.or(other.url),
            date: self.date.or(other.date),
            district: self.district.or(other.district),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sidecar_comes_before_the_page() {
        let sidecar = Sidecar {
            publication: Some("江北报".into()),
            ..Sidecar::default()
        };
        let page = Known {
            publication: Some("某某网".into()),
            url: Some("https://example.org/a".into()),
            ..Known::default()
        };
        let known = Known::from_sidecar(&sidecar, "a.html").or(page);
        assert_eq!(known.publication.as_deref(), Some("江北报"));
        assert_eq!(known.url.as_deref(), Some("https://example.org/a"));
        assert!(known.date.is_none());
    }
}
