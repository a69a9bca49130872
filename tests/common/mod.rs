//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use ladder::core::content::{self, Pack, PackSource};

#[cfg(unix)]
pub mod pty;

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

/// What one run of the `ladder` binary gave.
#[derive(Debug)]
pub struct Run {
    /// The exit code (`None` if a signal ended it).
    pub code: Option<i32>,
    /// Standard output, as text.
    pub stdout: String,
    /// Standard error, as text.
    pub stderr: String,
}

impl Run {
    /// Asserts the exit code, showing both streams when it differs.
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Asserts that nothing meant for developers reached the person: no
    /// panic, no backtrace, no Rust debug formatting.
    pub fn expect_no_internals(&self) -> &Self {
        for text in [&self.stdout, &self.stderr] {
            for bad in [
                "Error {",
                "Budget {",
                "panicked",
                "RUST_BACKTRACE",
                "stack backtrace",
                "internal error",
            ] {
                assert!(!text.contains(bad), "`{bad}` in output:\n{text}");
            }
        }
        self
    }
}

/// A `ladder` command with a clean environment: no data dir or language from
/// the caller's shell or locale, English, and backtraces switched on so that
/// a panic would show in the output instead of passing unnoticed.
pub fn ladder_command() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_ladder"));
    cmd.env_remove("LADDER_DATA_DIR")
        .env_remove("LADDER_LANG")
        .env_remove("LADDER_NOW")
        .env_remove("NO_COLOR")
        // No config file of the caller's: a missing platform one is fine.
        .env("LADDER_CONFIG", "")
        .env("XDG_CONFIG_HOME", "/nonexistent-ladder-test-config")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("RUST_BACKTRACE", "1")
        .stdin(std::process::Stdio::null());
    cmd
}

/// Runs a prepared command to the end.
pub fn run_command(cmd: &mut std::process::Command) -> Run {
    let out = cmd.output().expect("run ladder");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `ladder --data-dir DATA ARGS…`.
pub fn ladder<S: AsRef<std::ffi::OsStr>>(data_dir: &Path, args: &[S]) -> Run {
    run_command(ladder_command().arg("--data-dir").arg(data_dir).args(args))
}
