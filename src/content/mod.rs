//! Content: the annotated Markdown articles in `content/` and their English
//! translations, loaded into the [`model`] types, the [`glossary`] and the
//! [`guides`].

pub mod date;
pub mod glossary;
pub mod guides;
mod load;
pub mod model;
pub mod names;
pub mod slug;
pub mod taxonomy;

pub use load::{
    duplicate_slugs, load_article, load_articles, parse_article, parse_blocks, parse_translation,
    slugs_in, split_front_matter,
};
