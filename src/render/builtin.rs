//! The default theme, compiled into the binary: a site without a
//! `themes/default` folder (such as a plain Markdown tree brought over from
//! Hugo or Zola) still renders, and any file of it can be overridden.

/// Templates of the built-in default theme, by name.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "article.html",
        include_str!("../../themes/default/templates/article.html"),
    ),
    (
        "atom.xml",
        include_str!("../../themes/default/templates/atom.xml"),
    ),
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "card.html",
        include_str!("../../themes/default/templates/card.html"),
    ),
    (
        "figure.html",
        include_str!("../../themes/default/templates/figure.html"),
    ),
    (
        "glossary.html",
        include_str!("../../themes/default/templates/glossary.html"),
    ),
    (
        "guide.html",
        include_str!("../../themes/default/templates/guide.html"),
    ),
    (
        "home.html",
        include_str!("../../themes/default/templates/home.html"),
    ),
    (
        "numbers.html",
        include_str!("../../themes/default/templates/numbers.html"),
    ),
    (
        "search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    (
        "section.html",
        include_str!("../../themes/default/templates/section.html"),
    ),
    (
        "sitemap.xml",
        include_str!("../../themes/default/templates/sitemap.xml"),
    ),
    (
        "brief.html",
        include_str!("../../themes/default/templates/brief.html"),
    ),
    (
        "facts.html",
        include_str!("../../themes/default/templates/facts.html"),
    ),
    (
        "source.html",
        include_str!("../../themes/default/templates/source.html"),
    ),
];

/// Static files of the built-in default theme, by path under `static/`.
pub const STATIC: &[(&str, &[u8])] = &[
    (
        "favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
    (
        "numbers.js",
        include_bytes!("../../themes/default/static/numbers.js"),
    ),
    (
        "search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
    (
        "site.js",
        include_bytes!("../../themes/default/static/site.js"),
    ),
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
];

/// Interface strings of the built-in default theme.
pub const I18N: &str = include_str!("../../themes/default/i18n.yaml");
