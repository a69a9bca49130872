//! What can go wrong with a profile file, in words a person can act on.

use std::io;
use std::path::{Path, PathBuf};

use crate::core::sanitize::neutralize_line;

/// A problem reading, parsing or saving a profile file.
///
/// Every message names the file and says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The file does not exist.
    #[error("{}: no such file; check the path", shown(path))]
    NotFound {
        /// The file that was looked for.
        path: PathBuf,
    },

    /// The operating system refused a read, write or rename.
    #[error(
        "{}: {source}; check that it and its directory may be read and written",
        shown(path)
    )]
    Io {
        /// The file or directory involved.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },

    /// The file is not a well-formed version 1 profile.
    #[error(
        "{}:{line}:{col}: {message}; fix the file by hand, or move it aside and start fresh",
        shown(path)
    )]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column (in characters) of the problem.
        col: usize,
        /// What is wrong, one line, with control characters neutralised.
        message: String,
        /// The offending line with a caret under the column, or empty when there is none.
        snippet: String,
    },

    /// The file was written by a later version of ladder.
    #[error(
        "{}: was written by a newer ladder (version {found}; this one reads {supported}): \
         upgrade ladder",
        shown(path)
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The version the file declares.
        found: u64,
        /// The version this build reads.
        supported: u32,
    },

    /// The path is a device, a pipe or a directory (or a link to one), not a
    /// file: reading it could block or never end, so it is not read.
    #[error(
        "{}: is {kind}, not a regular file; a profile is a YAML file: check the path, or move this aside",
        shown(path)
    )]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead, in words ("a device").
        kind: &'static str,
    },

    /// The file is far larger than any profile, so it is not read at all.
    #[error(
        "{}: is {size} bytes, more than the {limit} a profile may have; \
         check that this is the right file, or move it aside",
        shown(path)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least this much).
        size: u64,
        /// The largest size accepted.
        limit: u64,
    },

    /// A profile name that could not safely be a file name.
    #[error(
        "{} is not a valid profile name: use 1 to 64 letters, digits, `.`, `_` or `-`, \
         not starting with `.`",
        shown_name(name)
    )]
    BadName {
        /// The name as given.
        name: String,
    },

    /// Saving stopped because the file already there cannot be read, and would be lost.
    #[error("{reason} (nothing was saved, and the file was left as it is)")]
    Refused {
        /// The file that was not overwritten.
        path: PathBuf,
        /// Why it cannot be read.
        reason: Box<ProfileError>,
    },

    /// The file is already there, and this save must not replace one.
    #[error(
        "{}: already exists (another save made it first); nothing was replaced",
        shown(path)
    )]
    Exists {
        /// The file.
        path: PathBuf,
    },

    /// Another writer changed the file since it was read: saving now would
    /// lose that change. The caller takes the newer file and saves again.
    #[error(
        "{}: changed on disk since it was read; nothing was saved",
        shown(path)
    )]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },

    /// The lock that keeps two savers apart could not be taken.
    #[error(
        "{}: could not lock it for saving: {source}; check that the directory is writable",
        shown(path)
    )]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },

    /// The profile could not be turned into a file that reads back; nothing was written.
    #[error("{}: not saved: {message}", shown(path))]
    Serialize {
        /// The file that would have been written.
        path: PathBuf,
        /// Why, and what to do.
        message: String,
    },
}

impl ProfileError {
    /// The file the problem is about, when there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::NotFound { path }
            | Self::Io { path, .. }
            | Self::Parse { path, .. }
            | Self::TooNew { path, .. }
            | Self::TooLarge { path, .. }
            | Self::NotAFile { path, .. }
            | Self::Refused { path, .. }
            | Self::Lock { path, .. }
            | Self::Serialize { path, .. }
            | Self::Exists { path }
            | Self::ChangedOnDisk { path } => Some(path),
            Self::BadName { .. } => None,
        }
    }

    /// The offending source line with a caret, to show under the message, if there is one.
    pub fn snippet(&self) -> Option<&str> {
        match self {
            Self::Parse { snippet, .. } if !snippet.is_empty() => Some(snippet),
            Self::Refused { reason, .. } => reason.snippet(),
            _ => None,
        }
    }

    /// Whether the file exists but cannot be used, so moving it aside and starting fresh helps.
    pub fn is_unreadable_file(&self) -> bool {
        match self {
            Self::Parse { .. }
            | Self::TooNew { .. }
            | Self::TooLarge { .. }
            | Self::NotAFile { .. } => true,
            Self::Refused { reason, .. } => reason.is_unreadable_file(),
            _ => false,
        }
    }

    pub(crate) fn io(path: &Path, source: io::Error) -> Self {
        if source.kind() == io::ErrorKind::NotFound {
            Self::NotFound {
                path: path.to_path_buf(),
            }
        } else {
            Self::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    }
}

/// What a path that is not a regular file is, in words.
pub(crate) fn kind_of(file_type: std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_dir() {
        "a directory"
    } else if file_type.is_fifo() {
        "a named pipe"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else if file_type.is_socket() {
        "a socket"
    } else {
        "not a file"
    }
}

/// A name given on the command line as it may be echoed: one line, and cut
/// short when long, so that a mistake is not printed back 100,000 times.
fn shown_name(name: &str) -> String {
    const SHOWN: usize = 40;
    let line = neutralize_line(name);
    let count = line.chars().count();
    if count <= SHOWN {
        format!("`{line}`")
    } else {
        let head: String = line.chars().take(SHOWN).collect();
        format!("`{head}…` ({count} characters)")
    }
}

/// A path as it may be shown: a path can hold any character, including escapes.
fn shown(path: &Path) -> String {
    neutralize_line(&path.display().to_string())
}
