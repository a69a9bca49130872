//! Where a pack's files come from: a directory, or the built-in pack
//! compiled into the binary.

use crate::core::files::ReadError;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::diag::{Diagnostic, suggestion};
use super::text::Pos;

/// The built-in pack, embedded so ladder works from any directory.
static BUILT_IN: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// A single file may not be larger than this; packs are text, not data dumps.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// The files at the top of a pack.
pub const TOP_FILES: [&str; 3] = ["pack.yaml", "levels.yaml", "competencies.yaml"];
/// The folders of a pack whose YAML files are read.
pub const FOLDERS: [&str; 3] = ["checklists", "questions", "articles"];

/// Where to load a pack from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackSource {
    /// The pack compiled into the binary.
    BuiltIn,
    /// A pack directory on disk.
    Dir(PathBuf),
}

impl PackSource {
    /// How the source is named in messages.
    pub fn describe(&self) -> String {
        match self {
            PackSource::BuiltIn => "the built-in pack".to_owned(),
            PackSource::Dir(dir) => dir.display().to_string(),
        }
    }
}

/// One YAML file of a pack.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path inside the pack, with `/` separators, e.g. `questions/impact.yaml`.
    pub rel: String,
    /// How messages name the file (the path a user would open).
    pub display: String,
    /// The file's text.
    pub text: String,
}

/// Reads every file of the pack that ladder knows about. Problems that stop
/// a file from being read (missing, too large, not UTF-8) come back as
/// diagnostics; the other files are still returned.
pub fn read_files(source: &PackSource) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    match source {
        PackSource::BuiltIn => (read_built_in(), Vec::new()),
        PackSource::Dir(dir) => read_dir(dir),
    }
}

fn read_built_in() -> Vec<SourceFile> {
    let mut files = Vec::new();
    for name in TOP_FILES {
        if let Some(f) = BUILT_IN.get_file(name) {
            push_built_in(&mut files, f);
        }
    }
    for folder in FOLDERS {
        if let Some(dir) = BUILT_IN.get_dir(folder) {
            let mut entries: Vec<_> = dir.files().filter(|f| is_yaml(f.path())).collect();
            entries.sort_by_key(|f| f.path());
            for f in entries {
                push_built_in(&mut files, f);
            }
        }
    }
    files
}

fn push_built_in(files: &mut Vec<SourceFile>, file: &include_dir::File<'_>) {
    let rel = file.path().to_string_lossy().replace('\\', "/");
    if let Some(text) = file.contents_utf8() {
        files.push(SourceFile {
            display: format!("<built-in>/{rel}"),
            rel,
            text: text.to_owned(),
        });
    }
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn read_dir(dir: &Path) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let shown = dir.display().to_string();
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            problems.push(Diagnostic::error(
                &shown,
                Pos::default(),
                "is a file, not a pack directory: give the directory that holds pack.yaml",
            ));
            return (files, problems);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            problems.push(Diagnostic::error(
                &shown,
                Pos::default(),
                "no such directory: give the path of a pack directory (the one that holds pack.yaml)",
            ));
            return (files, problems);
        }
        Err(e) => {
            problems.push(unreadable(dir, &e));
            return (files, problems);
        }
    }

    for name in TOP_FILES {
        let path = dir.join(name);
        match std::fs::metadata(&path) {
            Ok(_) => read_one(&path, name, &mut files, &mut problems),
            // A link to nowhere is there, but not readable: not "missing".
            Err(e)
                if e.kind() == std::io::ErrorKind::NotFound
                    && std::fs::symlink_metadata(&path).is_err() =>
            {
                problems.push(Diagnostic::error(
                    &path.display().to_string(),
                    Pos::default(),
                    format!("missing: a pack needs {name} (see the pack format in docs/packs.md)"),
                ));
            }
            Err(e) => problems.push(unreadable(&path, &e)),
        }
    }
    // Stray YAML at the top is most often a misnamed pack file.
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut stray: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && is_yaml(p))
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .filter(|n| !TOP_FILES.contains(&n.as_str()))
            .collect();
        stray.sort();
        for name in stray {
            let hint = suggestion(&name, TOP_FILES);
            problems.push(Diagnostic::warning(
                &dir.join(&name).display().to_string(),
                Pos::default(),
                format!("not a pack file, so it is ignored{hint}"),
            ));
        }
    }
    for folder in FOLDERS {
        let sub = dir.join(folder);
        let entries = match std::fs::read_dir(&sub) {
            Ok(entries) => entries,
            // The folders are optional.
            Err(e)
                if e.kind() == std::io::ErrorKind::NotFound
                    && std::fs::symlink_metadata(&sub).is_err() =>
            {
                continue;
            }
            Err(e) => {
                problems.push(unreadable(&sub, &e));
                continue;
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && is_yaml(p))
            .collect();
        paths.sort();
        for path in paths {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            read_one(
                &path,
                &format!("{folder}/{name}"),
                &mut files,
                &mut problems,
            );
        }
    }
    (files, problems)
}

/// A file or folder of the pack that is there but cannot be read: an
/// error, so that a pack is never "ok" with part of it silently left out.
fn unreadable(path: &Path, e: &std::io::Error) -> Diagnostic {
    let message = match std::fs::read_link(path) {
        Ok(target) if e.kind() == std::io::ErrorKind::NotFound => format!(
            "is a link to {}, which is not there: fix the link or remove it",
            target.display()
        ),
        _ => format!(
            "cannot be read ({}): check that it is there and that you may read it",
            io_words(e)
        ),
    };
    Diagnostic::error(&path.display().to_string(), Pos::default(), message)
}

/// What the system said, without its error number: "permission denied".
pub(crate) fn io_words(e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => &text[..at],
        _ => &text,
    };
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

fn read_one(path: &Path, rel: &str, files: &mut Vec<SourceFile>, problems: &mut Vec<Diagnostic>) {
    let display = path.display().to_string();
    let read = match crate::core::files::read_regular(path, MAX_FILE_BYTES) {
        Ok(bytes) => Ok(bytes),
        Err(ReadError::TooLarge { size }) => {
            problems.push(Diagnostic::error(
                &display,
                Pos::default(),
                format!(
                    "the file is too large ({:.1} MiB; the limit is {} MiB): split it into several files",
                    size as f64 / (1024.0 * 1024.0),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            ));
            return;
        }
        Err(ReadError::NotAFile) => {
            problems.push(Diagnostic::error(
                &display,
                Pos::default(),
                "is not a regular file (a FIFO, a device or a directory, or a link to one): \
                 put the YAML text in a plain file",
            ));
            return;
        }
        Err(ReadError::Io(e)) => Err(e),
    };
    match read {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => files.push(SourceFile {
                rel: rel.to_owned(),
                display,
                text,
            }),
            Err(e) => {
                let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                // The prefix is valid UTF-8 by definition; lossy keeps this panic-free.
                let valid = String::from_utf8_lossy(valid);
                let line = valid.matches('\n').count() + 1;
                let col = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                problems.push(Diagnostic::error(
                    &display,
                    Pos {
                        line: u32::try_from(line).unwrap_or(u32::MAX),
                        col: u32::try_from(col).unwrap_or(u32::MAX),
                    },
                    "the file is not UTF-8 text: save it as UTF-8",
                ));
            }
        },
        Err(e) => problems.push(Diagnostic::error(
            &display,
            Pos::default(),
            format!("cannot be read ({e}): check that it exists and that you may read it"),
        )),
    }
}
