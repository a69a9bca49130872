//! The domain: content packs, profiles, scoring and reports. No terminal code.

pub mod assess;
pub mod content;
pub mod lang;
pub mod profile;
pub mod progress;
pub mod report;
pub mod sanitize;
pub mod score;
pub mod search;
