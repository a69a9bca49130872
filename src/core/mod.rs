//! The domain: content packs, profiles, scoring and reports. No terminal code.

pub mod profile;
pub mod sanitize;
