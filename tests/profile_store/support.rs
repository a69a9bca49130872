//! Shared helpers for the profile store tests.

use std::fs;

use ladder::core::profile::ProfileStore;
use tempfile::TempDir;

/// A store in a fresh temporary data directory (kept alive by the returned guard).
pub fn store() -> (TempDir, ProfileStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = ProfileStore::new(dir.path());
    (dir, store)
}

/// Files in the profiles directory other than profiles, their backups, locks and
/// files moved aside: what a save should never leave behind.
pub fn leftovers(store: &ProfileStore) -> Vec<String> {
    let Ok(entries) = fs::read_dir(store.profiles_dir()) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            !(name.ends_with(".yaml")
                || name.ends_with(".yaml.bak")
                || name.ends_with(".yaml.lock")
                || name.contains(".yaml.corrupt-"))
        })
        .collect();
    names.sort();
    names
}
