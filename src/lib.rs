//! minsheng: a static site generator that turns raw Chinese news texts about
//! district livelihood projects into a bilingual explainer site.
//!
//! Data flows one way: `seeds/` → [`ingest`] → `content/` → [`content`] →
//! [`markdown`] and [`render`] → [`output`] → `public/`. [`build`] runs the
//! whole chain; [`serve`] and [`check`] reuse it; [`translate`] starts an
//! article's English translation.

pub mod build;
pub mod chars;
pub mod check;
pub mod config;
pub mod content;
pub mod error;
pub mod fsutil;
pub mod ingest;
pub mod lang;
pub mod markdown;
pub mod output;
pub mod project;
pub mod render;
pub mod script;
pub mod search;
pub mod serve;
pub mod translate;
pub mod yaml;

pub use error::{Error, Result};
