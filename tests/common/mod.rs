//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use ladder::core::content::{self, Pack, PackSource};

/// The fixture packs directory.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Loads a fixture pack by folder name, panicking with every problem if it fails.
pub fn fixture_pack(name: &str) -> Pack {
    load_dir(&fixtures().join("packs").join(name))
}

/// Loads a pack directory, panicking with every problem if it fails.
pub fn load_dir(dir: &Path) -> Pack {
    match content::load(&PackSource::Dir(dir.to_owned())) {
        Ok(loaded) => loaded.pack,
        Err(e) => panic!(
            "{e}\n{}",
            e.diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// Writes `files` (relative path, text) under a new temporary directory.
pub fn write_tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (rel, text) in files {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

/// Copies the fixture pack `name` into a temp dir, replacing or adding `overrides`.
pub fn patched_pack(name: &str, overrides: &[(&str, &str)]) -> tempfile::TempDir {
    let src = fixtures().join("packs").join(name);
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&src, dir.path());
    for (rel, text) in overrides {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}
