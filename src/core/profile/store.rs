//! Files a person keeps (profiles, checklist runs) on disk: reading with a
//! size cap, and saving so that a crash or a second instance never leaves a
//! torn, lost or silently replaced file.
//!
//! A save takes an exclusive lock on `<file>.lock`, refuses to replace a file
//! it cannot read, keeps the previous good file as `<file>.bak`, and writes a
//! temp file in the same directory which is synced and renamed into place.
//! Every kind of file goes through the same code: it only has to say how it
//! is read and written ([`Document`]).

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::review_log;
use super::{
    MAX_PROFILE_BYTES, Profile, ProfileError, parse_profile, profile_to_yaml, validate_profile_name,
};

/// A kind of file saved through the store.
pub trait Document: Sized {
    /// The largest file of this kind read, in bytes.
    const MAX_BYTES: usize;

    /// Parses the text of a file; `path` is only used in messages.
    fn parse(text: &str, path: &Path) -> Result<Self, ProfileError>;

    /// The text of the file, checked to read back; `path` is only used in messages.
    fn to_text(&self, path: &Path) -> Result<String, ProfileError>;

    /// Called under the lock before the readable file `existing` at `path`
    /// is replaced: a chance to keep an old format's original.
    fn before_replace(_existing: &Self, _path: &Path) {}
}

impl Document for Profile {
    const MAX_BYTES: usize = MAX_PROFILE_BYTES;

    fn parse(text: &str, path: &Path) -> Result<Self, ProfileError> {
        parse_profile(text, path)
    }

    fn to_text(&self, path: &Path) -> Result<String, ProfileError> {
        profile_to_yaml(self, path)
    }

    /// The first save over a version 1 file keeps that file, once, as
    /// `<file>.v1.bak`: the `.bak` of the next save would replace it.
    fn before_replace(existing: &Self, path: &Path) {
        if existing.version >= super::PROFILE_VERSION {
            return;
        }
        let mut kept = path.as_os_str().to_owned();
        kept.push(format!(".v{}.bak", existing.version));
        let kept = PathBuf::from(kept);
        if fs::symlink_metadata(&kept).is_err() {
            // Best effort, like the `.bak`: the save is what was asked for.
            let _ = fs::copy(path, &kept);
        }
    }
}

/// The profiles of one data directory, stored as `<data_dir>/profiles/<name>.yaml`.
#[derive(Debug, Clone)]
pub struct ProfileStore {
    data_dir: PathBuf,
}

/// The platform's data directory for ladder, if the platform has one.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "ladder").map(|dirs| dirs.data_dir().to_path_buf())
}

impl ProfileStore {
    /// A store over `data_dir`; nothing is created until the first save.
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            data_dir: data_dir.into(),
        }
    }

    /// The data directory this store lives in.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The directory holding the profile files.
    pub fn profiles_dir(&self) -> PathBuf {
        self.data_dir.join("profiles")
    }

    /// The file of the profile `name`, once the name is known to be safe.
    pub fn path(&self, name: &str) -> Result<PathBuf, ProfileError> {
        validate_profile_name(name)?;
        Ok(self.profiles_dir().join(format!("{name}.yaml")))
    }

    /// Loads the profile `name`, or `None` when it has never been saved.
    /// Its drill reviews come from the review log beside it
    /// ([`review_log`](super::review_log)), then any the YAML holds.
    pub fn load(&self, name: &str) -> Result<Option<Profile>, ProfileError> {
        let path = self.path(name)?;
        let mut profile = match read_profile_file(&path) {
            Ok(profile) => profile,
            Err(ProfileError::NotFound { .. }) => return Ok(None),
            Err(err) => return Err(err),
        };
        let mut reviews = review_log::read(&review_log::log_path(&path))?;
        if !reviews.is_empty() {
            reviews.append(&mut profile.drill.reviews);
            profile.drill.reviews = reviews;
        }
        Ok(Some(profile))
    }

    /// The profile `name` as [`ProfileStore::load`] gives it, with the hash
    /// of its file's text (`None` when there is no file), for [`Expect::Hash`].
    pub fn load_with_hash(
        &self,
        name: &str,
    ) -> Result<(Option<Profile>, Option<u64>), ProfileError> {
        let path = self.path(name)?;
        let hash = match read_text(&path, MAX_PROFILE_BYTES) {
            Ok(text) => Some(text_hash(&text)),
            Err(ProfileError::NotFound { .. }) => None,
            Err(err) => return Err(err),
        };
        Ok((self.load(name)?, hash))
    }

    /// The hash of the profile file's text as it is now (`None`: no file).
    pub fn disk_hash(&self, name: &str) -> Option<u64> {
        let path = self.path(name).ok()?;
        read_text(&path, MAX_PROFILE_BYTES)
            .ok()
            .map(|text| text_hash(&text))
    }

    /// Saves `profile` under its own name (see [`save_profile_file`]); its
    /// drill reviews go to the append-only review log beside it.
    pub fn save(&self, profile: &Profile) -> Result<(), ProfileError> {
        self.save_as(&profile.profile, profile, Expect::Any)
            .map(|_| ())
    }

    /// Saves `profile` as the profile `name` (the file opened is the file
    /// saved, whatever its `profile:` field says), when the file on disk is
    /// what `expect` says; returns the hash of the text written.
    pub fn save_as(
        &self,
        name: &str,
        profile: &Profile,
        expect: Expect,
    ) -> Result<u64, ProfileError> {
        let path = self.path(name)?;
        if profile.drill.reviews.is_empty() && !review_log::log_path(&path).exists() {
            return save_document_if(&path, profile, expect);
        }
        let without_reviews = Profile {
            version: profile.version,
            profile: profile.profile.clone(),
            pack: profile.pack.clone(),
            target_level: profile.target_level.clone(),
            defense_date: profile.defense_date,
            ratings: profile.ratings.clone(),
            mentor: profile.mentor.clone(),
            history: profile.history.clone(),
            drill: super::DrillLog {
                cards: profile.drill.cards.clone(),
                reviews: Vec::new(),
            },
        };
        let hash = save_document_if(&path, &without_reviews, expect)?;
        review_log::write(&review_log::log_path(&path), &profile.drill.reviews)?;
        Ok(hash)
    }

    /// Renames the profile `name`'s file to `<file>.corrupt-<stamp>` and
    /// returns where it went; its review log goes aside with it, so a fresh
    /// profile starts with no reviews.
    pub fn move_aside(&self, name: &str, stamp: &str) -> Result<PathBuf, ProfileError> {
        let path = self.path(name)?;
        let moved = move_profile_file_aside(&path, stamp)?;
        let log = review_log::log_path(&path);
        if log.exists() {
            let _ = move_profile_file_aside(&log, stamp);
        }
        Ok(moved)
    }

    /// The names of the profiles saved in this store, sorted.
    pub fn list(&self) -> Result<Vec<String>, ProfileError> {
        let dir = self.profiles_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(ProfileError::io(&dir, err)),
        };
        let mut names: Vec<String> = entries
            .flatten()
            .filter_map(|entry| {
                let file_name = entry.file_name();
                let name = file_name.to_str()?.strip_suffix(".yaml")?;
                validate_profile_name(name).ok()?;
                Some(name.to_string())
            })
            .collect();
        names.sort();
        Ok(names)
    }
}

/// Reads and parses the profile file at `path`.
pub fn read_profile_file(path: &Path) -> Result<Profile, ProfileError> {
    read_document(path)
}

/// Reads and parses the file of kind `D` at `path`.
pub fn read_document<D: Document>(path: &Path) -> Result<D, ProfileError> {
    D::parse(&read_text(path, D::MAX_BYTES)?, path)
}

/// Saves `profile` to `path` atomically, under a lock.
///
/// Refuses (with [`ProfileError::Refused`]) when the file already there does
/// not parse or is from a newer version: that file is left byte for byte as it
/// was. Temp files left by a writer that was killed are removed.
pub fn save_profile_file(path: &Path, profile: &Profile) -> Result<(), ProfileError> {
    save_document(path, profile)
}

/// Saves `document` to `path` atomically, under a lock, as
/// [`save_profile_file`] does for profiles.
pub fn save_document<D: Document>(path: &Path, document: &D) -> Result<(), ProfileError> {
    save_document_if(path, document, Expect::Any).map(|_| ())
}

/// What a save expects to find on disk before it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Anything readable (or nothing): replace it.
    Any,
    /// No file: a new one is made, or nothing is written.
    Absent,
    /// The file whose text has this hash ([`text_hash`]), or no file when
    /// `None` was read: what this writer last read or wrote. Anything else
    /// means another writer changed it.
    Hash(Option<u64>),
}

/// Saves `document` to `path` as [`save_document`] does, but only when the
/// file on disk is what `expect` says; returns the hash of the text written.
pub fn save_document_if<D: Document>(
    path: &Path,
    document: &D,
    expect: Expect,
) -> Result<u64, ProfileError> {
    let path = &through_symlink(path);
    let text = document.to_text(path)?;
    let (dir, file_name) = split(path)?;
    fs::create_dir_all(&dir).map_err(|err| ProfileError::io(&dir, err))?;
    let _lock = lock(path)?;
    // Writers only make temp files while holding the lock, so any found now
    // belong to a writer that died.
    remove_stale_temps(&dir, &file_name);
    remove_stale_temps(&dir, &format!("{file_name}.bak"));
    // A file that is byte for byte what this process last wrote there is
    // known to be readable: reading it again would only cost time.
    let checked = read_text(path, D::MAX_BYTES).and_then(|old| {
        match expect {
            Expect::Absent => {
                return Err(ProfileError::Exists {
                    path: path.to_path_buf(),
                });
            }
            Expect::Hash(seen) if seen != Some(text_hash(&old)) => {
                return Err(ProfileError::ChangedOnDisk {
                    path: path.to_path_buf(),
                });
            }
            _ => {}
        }
        if written_here(path, &old) {
            Ok(())
        } else {
            D::parse(&old, path).map(|old| D::before_replace(&old, path))
        }
    });
    let existing = match checked {
        Ok(()) => fs::metadata(path).ok().map(|meta| meta.permissions()),
        Err(ProfileError::NotFound { .. }) => {
            if let Expect::Hash(Some(_)) = expect {
                return Err(ProfileError::ChangedOnDisk {
                    path: path.to_path_buf(),
                });
            }
            None
        }
        Err(err) if err.is_unreadable_file() => {
            return Err(ProfileError::Refused {
                path: path.to_path_buf(),
                reason: Box::new(err),
            });
        }
        Err(err) => return Err(err),
    };
    write_atomically(path, &dir, &file_name, &text, existing)?;
    remember_written(path, &text);
    Ok(text_hash(&text))
}

/// The texts this process last wrote, by file, as hashes.
fn written() -> &'static std::sync::Mutex<std::collections::HashMap<PathBuf, u64>> {
    static WRITTEN: std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<PathBuf, u64>>> =
        std::sync::OnceLock::new();
    WRITTEN.get_or_init(Default::default)
}

/// A hash of a file's text, to tell whether it changed.
pub fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

fn written_here(path: &Path, text: &str) -> bool {
    let hash = text_hash(text);
    written()
        .lock()
        .is_ok_and(|known| known.get(path) == Some(&hash))
}

fn remember_written(path: &Path, text: &str) {
    let hash = text_hash(text);
    if let Ok(mut known) = written().lock() {
        known.insert(path.to_path_buf(), hash);
    }
}

/// Removes the file at `path` and its `.bak`, under the lock, so a save
/// under way finishes first. The lock file stays (see [`lock`]). A file
/// already gone counts as removed.
pub fn delete_document(path: &Path) -> Result<(), ProfileError> {
    let (dir, file_name) = split(path)?;
    let _lock = lock(path)?;
    match fs::remove_file(path) {
        Ok(()) => {}
        Err(err) if err.kind() == io::ErrorKind::NotFound => {}
        Err(err) => return Err(ProfileError::io(path, err)),
    }
    // The backup is the deleted file's last copy but one: it goes too, or
    // a deleted run would linger on disk out of sight.
    let _ = fs::remove_file(dir.join(format!("{file_name}.bak")));
    if let Ok(mut known) = written().lock() {
        known.remove(path);
    }
    sync_dir(&dir);
    Ok(())
}

/// Renames the file at `path` to `<file>.corrupt-<stamp>` (or `…-<stamp>-2`, … if
/// that is taken) and returns the new path.
///
/// `stamp` is the caller's timestamp; characters that do not belong in a
/// file name are replaced by `-`.
pub fn move_profile_file_aside(path: &Path, stamp: &str) -> Result<PathBuf, ProfileError> {
    let (dir, file_name) = split(path)?;
    fs::symlink_metadata(path).map_err(|err| ProfileError::io(path, err))?;
    let _lock = lock(path)?;
    let stamp: String = stamp
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let base = format!("{file_name}.corrupt-{stamp}");
    let mut target = dir.join(&base);
    let mut n = 2;
    while fs::symlink_metadata(&target).is_ok() {
        target = dir.join(format!("{base}-{n}"));
        n += 1;
    }
    fs::rename(path, &target).map_err(|err| ProfileError::io(path, err))?;
    sync_dir(&dir);
    Ok(target)
}

/// The file a save replaces: a profile linked from elsewhere (a dotfiles or
/// notes repository, say) is saved where the link points, keeping the link.
fn through_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// Reads the file as UTF-8, refusing files past the size cap without reading them whole.
fn read_text(path: &Path, max_bytes: usize) -> Result<String, ProfileError> {
    use crate::core::files::{ReadError, read_regular};
    let bytes = match read_regular(path, max_bytes as u64) {
        Ok(bytes) => bytes,
        Err(ReadError::Io(err)) => return Err(ProfileError::io(path, err)),
        Err(ReadError::NotAFile) => {
            return Err(ProfileError::NotAFile {
                path: path.to_path_buf(),
                kind: fs::metadata(path)
                    .map_or("not a file", |meta| super::error::kind_of(meta.file_type())),
            });
        }
        Err(ReadError::TooLarge { size }) => {
            return Err(ProfileError::TooLarge {
                path: path.to_path_buf(),
                size,
                limit: max_bytes as u64,
            });
        }
    };
    String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        // The prefix is valid UTF-8 by definition; lossy keeps this panic-free.
        let valid = String::from_utf8_lossy(valid);
        let line = valid.matches('\n').count() + 1;
        let col = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ProfileError::Parse {
            path: path.to_path_buf(),
            line,
            col,
            message: "the file is not UTF-8 text".into(),
            snippet: String::new(),
        }
    })
}

fn split(path: &Path) -> Result<(PathBuf, String), ProfileError> {
    let file_name = path
        .file_name()
        .and_then(|name| name.to_str())
        .ok_or_else(|| ProfileError::NotFound {
            path: path.to_path_buf(),
        })?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((dir, file_name.to_string()))
}

/// Takes the exclusive lock of `path`, held until the returned file is dropped.
///
/// Waits while another save holds it; a save holds it only for as long as it
/// takes to check the old file and write the new one. The operating system
/// releases it when a holder dies, so a killed writer never leaves it taken.
fn lock(path: &Path) -> Result<File, ProfileError> {
    let mut lock_path = path.as_os_str().to_owned();
    lock_path.push(".lock");
    let lock_path = PathBuf::from(lock_path);
    let lock_error = |source| ProfileError::Lock {
        path: lock_path.clone(),
        source,
    };
    // The lock file is never removed: deleting it would let a waiting writer
    // and a new one lock two different files.
    let file = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(lock_error)?;
    file.lock().map_err(lock_error)?;
    Ok(file)
}

/// `.<file>.tmp-<pid>-<n>`: hidden, and never a profile's own name, so a temp
/// file is told apart from every other file in the directory.
fn temp_name(file_name: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    format!(".{file_name}.tmp-{}-{n}", std::process::id())
}

fn is_temp_of(candidate: &str, file_name: &str) -> bool {
    let is_number = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    candidate
        .strip_prefix('.')
        .and_then(|rest| rest.strip_prefix(file_name))
        .and_then(|rest| rest.strip_prefix(".tmp-"))
        .and_then(|rest| rest.split_once('-'))
        .is_some_and(|(pid, n)| is_number(pid) && is_number(n))
}

fn remove_stale_temps(dir: &Path, file_name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_str()
            .is_some_and(|name| is_temp_of(name, file_name))
        {
            // Litter only: failing to remove it must not stop the save.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Keeps the file about to be replaced as `<file>.bak`.
///
/// Best effort: the save itself is what the person asked for, and the main
/// file is never at risk, so a backup that cannot be made does not stop it.
fn keep_backup(path: &Path, dir: &Path, file_name: &str) {
    let backup = dir.join(format!("{file_name}.bak"));
    // The new backup is made under a name of its own and renamed over the
    // old one, so at every instant a complete backup exists. A hard link
    // costs nothing; the rename that follows gives the profile a new file
    // and leaves this one to the backup.
    let fresh = dir.join(temp_name(&format!("{file_name}.bak")));
    let made = fs::hard_link(path, &fresh).is_ok() || fs::copy(path, &fresh).is_ok();
    if made && fs::rename(&fresh, &backup).is_err() {
        let _ = fs::remove_file(&fresh);
    }
}

fn write_atomically(
    path: &Path,
    dir: &Path,
    file_name: &str,
    text: &str,
    permissions: Option<Permissions>,
) -> Result<(), ProfileError> {
    // An existing file (its permissions are known) is kept as the backup,
    // once the new text is safely on disk.
    let permissions_known = permissions.is_some();
    let (temp_path, mut file) = create_temp(dir, file_name)?;
    let written = (|| {
        if let Some(permissions) = permissions {
            file.set_permissions(permissions)?;
        }
        file.write_all(text.as_bytes())?;
        file.sync_all()
    })();
    drop(file);
    if let Err(err) = written {
        // The new text did not reach the disk: the file and its backup stay
        // as they were.
        let _ = fs::remove_file(&temp_path);
        return Err(ProfileError::io(path, err));
    }
    if permissions_known {
        keep_backup(path, dir, file_name);
    }
    if let Err(err) = fs::rename(&temp_path, path) {
        let _ = fs::remove_file(&temp_path);
        return Err(ProfileError::io(path, err));
    }
    sync_dir(dir);
    Ok(())
}

fn create_temp(dir: &Path, file_name: &str) -> Result<(PathBuf, File), ProfileError> {
    loop {
        let temp_path = dir.join(temp_name(file_name));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            // A new profile holds a person's self-assessment: theirs alone to read.
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        match options.open(&temp_path) {
            Ok(file) => return Ok((temp_path, file)),
            // Left by an earlier process with the same id; try the next name.
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(ProfileError::io(dir, err)),
        }
    }
}

/// Makes a rename durable. Some file systems cannot sync a directory; the
/// rename has happened either way, so that is not reported as a failed save.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised_only_for_their_own_file() {
        assert!(is_temp_of(".a.yaml.tmp-12-0", "a.yaml"));
        assert!(is_temp_of(&temp_name("a.yaml"), "a.yaml"));
        assert!(!is_temp_of(".a.yaml.tmp-12-0", "b.yaml"));
        assert!(!is_temp_of("a.yaml.tmp-12-0", "a.yaml"));
        assert!(!is_temp_of(".a.yaml.tmp-12", "a.yaml"));
        assert!(!is_temp_of(".a.yaml.tmp-12-x", "a.yaml"));
        assert!(!is_temp_of(".a.yaml.tmp--0", "a.yaml"));
        // The temp file of a profile named `a.yaml.tmp-1` is not one of `a`'s.
        assert!(!is_temp_of(".a.yaml.tmp-1.yaml.tmp-12-0", "a.yaml"));
        assert!(is_temp_of(
            ".a.yaml.tmp-1.yaml.tmp-12-0",
            "a.yaml.tmp-1.yaml"
        ));
    }

    #[test]
    fn a_path_without_a_directory_lives_in_the_current_one() {
        let (dir, name) = split(Path::new("x.yaml")).unwrap();
        assert_eq!(dir, PathBuf::from("."));
        assert_eq!(name, "x.yaml");
    }
}
