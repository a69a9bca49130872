//! Writing a command's output (`-o FILE`, or standard output) safely.
//!
//! A regular file (or a link to one) is replaced atomically through a temp
//! file created exclusively under an unguessable name in the same directory,
//! keeping the file's permissions; a link stays a link and its target gets
//! the text. Anything else (a FIFO, a device, `/dev/stdout`) is written
//! directly, as a shell redirection would. Every failure is a sentence.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::Failure;
use crate::core::sanitize::neutralize_controls;

/// Marks the temp files of an output file, so leftovers can be found.
const TEMP_MARK: &str = ".ladder-tmp-";

/// Writes `text` to `output`, or to standard output when there is none.
///
/// The text goes through the one neutralising function first: whatever a
/// pack or a profile held, no control sequence reaches a terminal or a file.
pub fn emit(output: Option<&Path>, text: &str) -> Result<(), Failure> {
    let text: &str = &neutralize_controls(text);
    match output {
        None => to_stdout(text),
        Some(path) => to_file(path, text),
    }
}

/// Whether standard output was closed when ladder started.
static STDOUT_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Call first thing: notices a standard output that was closed when ladder
/// started (`ladder report >&-`). The Rust runtime has already put
/// `/dev/null` there, opened for reading and writing, so nothing is lost
/// into a file opened later; a shell's `> /dev/null` opens it for writing
/// only, which tells the two apart (on Linux, where `/proc` says so).
pub fn guard_standard_streams() {
    let target = fs::read_link("/proc/self/fd/1").ok();
    if target.as_deref() != Some(Path::new("/dev/null")) {
        return;
    }
    let read_write = fs::read_to_string("/proc/self/fdinfo/1")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("flags:"))
                .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
        })
        .is_some_and(|flags| flags & 0o3 == 0o2);
    if read_write {
        STDOUT_CLOSED.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

fn to_stdout(text: &str) -> Result<(), Failure> {
    if STDOUT_CLOSED.load(std::sync::atomic::Ordering::SeqCst) {
        return Err(Failure(
            "standard output is closed, so nothing was written; redirect it to a file or use -o FILE"
                .into(),
        ));
    }
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A closed pipe (`ladder report | head`) is the reader's choice.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure(format!(
            "cannot write to standard output ({}); nothing was lost, run the command again",
            words(&e)
        ))),
        Ok(()) => Ok(()),
    }
}

fn to_file(path: &Path, text: &str) -> Result<(), Failure> {
    let shown = || neutralize_controls(&path.display().to_string()).into_owned();
    let fail = |e: io::Error| {
        Failure(format!(
            "{}: cannot write ({}); check the directory exists and is writable",
            shown(),
            words(&e)
        ))
    };
    let target = through_link(path);
    match fs::metadata(&target) {
        // A FIFO, a device, a terminal: write to it as it is.
        Ok(meta) if !meta.is_file() => {
            if meta.is_dir() {
                return Err(Failure(format!(
                    "{}: is a directory; give a file name to write to",
                    shown()
                )));
            }
            let mut file = OpenOptions::new().write(true).open(&target).map_err(fail)?;
            file.write_all(text.as_bytes())
                .and_then(|()| file.flush())
                .map_err(fail)
        }
        Ok(meta) => replace(&target, text, Some(meta.permissions())).map_err(fail),
        Err(e) if e.kind() == io::ErrorKind::NotFound => replace(&target, text, None).map_err(fail),
        Err(e) => Err(fail(e)),
    }
}

/// The file a link leads to (itself when it is not a link); a link to a
/// file not there yet leads to where that file would be.
fn through_link(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).unwrap_or_else(|_| {
            fs::read_link(path).map_or_else(
                |_| path.to_path_buf(),
                |to| match path.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                },
            )
        }),
        _ => path.to_path_buf(),
    }
}

fn replace(path: &Path, text: &str, permissions: Option<fs::Permissions>) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}{TEMP_MARK}");
    remove_leftovers(&dir, &prefix);
    // Created with O_EXCL under a random name: nothing planted can be followed.
    let mut temp = tempfile::Builder::new().prefix(&prefix).tempfile_in(&dir)?;
    if let Some(permissions) = permissions {
        temp.as_file().set_permissions(permissions)?;
    }
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(&dir) {
        let _ = handle.sync_all();
    }
    Ok(())
}

/// Temp files of an earlier writer that was killed; a minute old at least,
/// so another writer's file in the making is left alone.
fn remove_leftovers(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let old = SystemTime::now() - Duration::from_secs(60);
    for entry in entries.flatten() {
        let is_ours = entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with(prefix));
        let stale = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .is_some_and(|t| t < old);
        if is_ours && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// An error in words, without Rust's debug form.
fn words(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(28) => "no space left on device".into(),
        _ => {
            let text = e.to_string();
            // "No space left on device (os error 28)" → without the number.
            let text = text.split(" (os error").next().unwrap_or(&text).to_owned();
            neutralize_controls(&text).into_owned()
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::{PermissionsExt, symlink};

    use super::*;

    #[test]
    fn a_file_is_replaced_keeping_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        fs::write(&path, "old").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        emit(Some(&path), "new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        // Nothing else is left in the directory.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_link_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("notes.md");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.md");
        symlink(&target, &link).unwrap();
        emit(Some(&link), "new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn a_planted_link_at_the_old_temp_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        let path = dir.path().join("out.md");
        symlink(
            &victim,
            dir.path()
                .join(format!(".out.md.tmp-{}", std::process::id())),
        )
        .unwrap();
        emit(Some(&path), "text").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(fs::read_to_string(&path).unwrap(), "text");
    }

    #[test]
    fn a_device_is_written_to_not_replaced() {
        emit(Some(Path::new("/dev/null")), "text").unwrap();
        assert!(!fs::metadata("/dev/null").unwrap().is_file());
        if Path::new("/dev/full").exists() {
            let Err(Failure(message)) = emit(Some(Path::new("/dev/full")), "text") else {
                panic!("writing to /dev/full succeeded");
            };
            assert!(message.contains("no space left on device"), "{message}");
        }
    }

    #[test]
    fn a_stale_temp_file_is_cleaned_up() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(format!(".out.md{TEMP_MARK}abc123"));
        fs::write(&stale, "half").unwrap();
        let old = SystemTime::now() - Duration::from_secs(3600);
        fs::File::options()
            .write(true)
            .open(&stale)
            .unwrap()
            .set_modified(old)
            .unwrap();
        emit(Some(&dir.path().join("out.md")), "text").unwrap();
        assert!(!stale.exists());
    }
}
