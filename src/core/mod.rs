//! The domain: content packs, profiles, scoring and reports. No terminal code.

pub mod assess;
pub mod checklist;
pub mod clock;
pub mod content;
pub mod drill;
pub mod files;
pub mod ids;
pub mod lang;
pub mod mentor;
pub mod profile;
pub mod progress;
pub mod report;
pub mod sanitize;
pub mod score;
pub mod search;
pub mod workspace;
