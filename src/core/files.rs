//! Reading files a person or someone else handed us: only regular files,
//! and never more than a limit, checked on the open file itself.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// Opening or reading failed.
    Io(io::Error),
    /// It is a FIFO, a device, a socket or a directory (or a link to one).
    NotAFile,
    /// It holds more than the limit; `size` is at least this much.
    TooLarge { size: u64 },
}

/// Reads the regular file at `path` (following links), at most `limit` bytes.
///
/// The file is opened without blocking (a FIFO with no writer would wait
/// forever) and checked on the open handle, so it cannot be swapped for
/// something else between the check and the read; the limit is enforced by
/// the read itself, so `/dev/zero` behind a link costs nothing.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
        options.custom_flags(0o4000);
    }
    let file: File = options.open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: meta.len().max(bytes.len() as u64),
        });
    }
    Ok(bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_are_read_and_never_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "12345").unwrap();
        assert_eq!(read_regular(&file, 5).unwrap(), b"12345");
        assert!(matches!(
            read_regular(&file, 4),
            Err(ReadError::TooLarge { size: 5 })
        ));
        assert!(matches!(
            read_regular(dir.path(), 5),
            Err(ReadError::NotAFile)
        ));
        let zero = dir.path().join("zero.yaml");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(read_regular(&zero, 5), Err(ReadError::NotAFile)));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_fifo_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("levels.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        assert!(matches!(read_regular(&fifo, 5), Err(ReadError::NotAFile)));
    }
}
