//! The drill's review log, kept beside the profile as an append-only file
//! (`<NAME>.reviews.jsonl`, one JSON object per line) rather than inside the
//! YAML: a year of daily practice is thousands of entries, and re-writing
//! them all on every rating would make each key press slow. A save appends
//! only the reviews the file does not have yet.
//!
//! In memory nothing changes: `Profile::drill.reviews` holds the whole log.
//! `ladder export` writes one self-contained YAML file with the reviews in it.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{ProfileError, Review};
use crate::core::sanitize::neutralize_in_place;

/// The largest review log read: about 50 years of daily drilling.
const MAX_LOG_BYTES: u64 = 16 * 1024 * 1024;

/// The log beside the profile file at `profile_path`.
pub fn log_path(profile_path: &Path) -> PathBuf {
    let mut name = profile_path
        .file_stem()
        .map(|s| s.to_os_string())
        .unwrap_or_default();
    name.push(".reviews.jsonl");
    profile_path.with_file_name(name)
}

/// Reads the log; an absent file is an empty log. A line that does not
/// parse is an error naming the file and the line.
pub fn read(path: &Path) -> Result<Vec<Review>, ProfileError> {
    use crate::core::files::{ReadError, read_regular};
    let bytes = match read_regular(path, MAX_LOG_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::Io(err)) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(ReadError::Io(err)) => return Err(ProfileError::io(path, err)),
        Err(ReadError::NotAFile) => {
            return Err(ProfileError::io(
                path,
                io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"),
            ));
        }
        Err(ReadError::TooLarge { size }) => {
            return Err(ProfileError::TooLarge {
                path: path.to_path_buf(),
                size,
                limit: MAX_LOG_BYTES,
            });
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut reviews = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut review: Review = serde_json::from_str(line).map_err(|err| ProfileError::Parse {
            path: path.to_path_buf(),
            line: n + 1,
            col: err.column().max(1),
            message: format!(
                "not a drill review ({})",
                crate::core::sanitize::neutralize_controls(&err.to_string())
            ),
            snippet: String::new(),
        })?;
        neutralize_review(&mut review);
        reviews.push(review);
    }
    Ok(reviews)
}

fn neutralize_review(review: &mut Review) {
    neutralize_in_place(review.question.text_mut());
    if let super::Reviewer::Mentor(name) = &mut review.by {
        neutralize_in_place(name);
    }
}

/// Makes the log hold exactly `reviews`: appends what it lacks when it
/// holds the beginning of them (the usual case: a few new answers), and
/// otherwise (an import replaced the profile) writes it anew atomically.
pub fn write(path: &Path, reviews: &[Review]) -> Result<(), ProfileError> {
    let on_disk = read(path)?;
    if on_disk.len() <= reviews.len() && reviews[..on_disk.len()] == on_disk[..] {
        if on_disk.len() == reviews.len() {
            return Ok(());
        }
        let mut text = String::new();
        for review in &reviews[on_disk.len()..] {
            text.push_str(&line(path, review)?);
        }
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|err| ProfileError::io(path, err))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|err| ProfileError::io(path, err))?;
        return Ok(());
    }
    let mut text = String::new();
    for review in reviews {
        text.push_str(&line(path, review)?);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp =
        tempfile::NamedTempFile::new_in(dir).map_err(|err| ProfileError::io(dir, err))?;
    temp.write_all(text.as_bytes())
        .and_then(|()| temp.as_file().sync_all())
        .map_err(|err| ProfileError::io(path, err))?;
    temp.persist(path)
        .map_err(|err| ProfileError::io(path, err.error))?;
    Ok(())
}

fn line(path: &Path, review: &Review) -> Result<String, ProfileError> {
    let mut text = serde_json::to_string(review).map_err(|err| ProfileError::Serialize {
        path: path.to_path_buf(),
        message: format!(
            "a drill review could not be written ({err}); please report this as a bug in ladder"
        ),
    })?;
    text.push('\n');
    Ok(text)
}

/// Removes the log (when the profile file is moved aside and started afresh).
pub fn remove(path: &Path) {
    let _ = fs::remove_file(path);
}
