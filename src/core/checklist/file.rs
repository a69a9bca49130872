//! The run file's YAML, and the runs of one profile on disk:
//! `<data dir>/checklists/<profile>/<run id>.yaml`, saved through the same
//! store as profiles (lock, `.bak`, atomic rename).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::{RUN_VERSION, Run, is_run_id};
use crate::core::ids::RunId;
use crate::core::profile::parse::{Versioned, check_version, options, parse_error_at, yaml_error};
use crate::core::profile::{
    Document, ProfileError, delete_document, read_document, save_document, validate_profile_name,
};

/// The largest run file read, in bytes: a run of a few hundred items with
/// long notes is well under it.
pub const MAX_RUN_BYTES: usize = 1024 * 1024;

const RUN_FILE: Versioned = Versioned {
    what: "a checklist run",
    noun: "checklist run",
    max_bytes: MAX_RUN_BYTES,
    oldest: 1,
    newest: RUN_VERSION,
};

/// Parses the text of a run file; `path` is only used in messages.
pub fn parse_run(text: &str, path: &Path) -> Result<Run, ProfileError> {
    check_version(text, path, &RUN_FILE)?;
    let mut run: Run = serde_saphyr::from_str_with_options(text, options())
        .map_err(|err| yaml_error(path, text, &err))?;
    if !is_run_id(&run.id) {
        return Err(parse_error_at(
            path,
            text,
            1,
            1,
            "the `id` may hold only letters, digits, `.`, `_` and `-`".into(),
        ));
    }
    run.neutralize_text();
    Ok(run)
}

/// Writes `run` as YAML, checked to read back.
pub fn run_to_yaml(run: &Run, path: &Path) -> Result<String, ProfileError> {
    let not_saved = |message: String| ProfileError::Serialize {
        path: path.to_path_buf(),
        message,
    };
    let text = serde_saphyr::to_string(run).map_err(|err| {
        not_saved(format!(
            "the run could not be written as YAML ({err}); please report this as a bug in ladder"
        ))
    })?;
    if text.len() > MAX_RUN_BYTES {
        return Err(not_saved(format!(
            "it would be {} bytes, more than the {MAX_RUN_BYTES} a run may have; shorten the longest notes",
            text.len()
        )));
    }
    parse_run(&text, path).map_err(|err| {
        not_saved(format!(
            "what would be written does not read back ({err}); please report this as a bug in ladder"
        ))
    })?;
    Ok(text)
}

impl Document for Run {
    const MAX_BYTES: usize = MAX_RUN_BYTES;

    fn parse(text: &str, path: &Path) -> Result<Self, ProfileError> {
        parse_run(text, path)
    }

    fn to_text(&self, path: &Path) -> Result<String, ProfileError> {
        run_to_yaml(self, path)
    }
}

/// What was found in a profile's run directory.
#[derive(Debug, Default)]
pub struct StoredRuns {
    /// The runs that read, oldest first.
    pub runs: Vec<Run>,
    /// The files that did not, with why: they are left as they are, and
    /// their ids stay taken.
    pub problems: Vec<(RunId, ProfileError)>,
}

/// The checklist runs of one profile in a data directory.
#[derive(Debug, Clone)]
pub struct RunStore {
    dir: PathBuf,
}

impl RunStore {
    /// The runs of `profile` under `data_dir`; nothing is created until the first save.
    pub fn new(data_dir: &Path, profile: &str) -> Result<Self, ProfileError> {
        validate_profile_name(profile)?;
        Ok(RunStore {
            dir: data_dir.join("checklists").join(profile),
        })
    }

    /// The directory holding the run files.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of run `id`.
    pub fn path(&self, id: &str) -> Result<PathBuf, ProfileError> {
        if !is_run_id(id) {
            return Err(ProfileError::BadName { name: id.into() });
        }
        Ok(self.dir.join(format!("{id}.yaml")))
    }

    /// Saves `run` as `<id>.yaml`, atomically and under a lock.
    pub fn save(&self, run: &Run) -> Result<(), ProfileError> {
        save_document(&self.path(&run.id)?, run)
    }

    /// Removes the file of run `id` (and its backup).
    pub fn delete(&self, id: &str) -> Result<(), ProfileError> {
        delete_document(&self.path(id)?)
    }

    /// Every run file of the profile: those that read, oldest first (then
    /// by id), and those that do not. A directory not made yet holds none.
    pub fn load_all(&self) -> Result<StoredRuns, ProfileError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(StoredRuns::default()),
            Err(err) => return Err(ProfileError::io(&self.dir, err)),
        };
        let mut found = StoredRuns::default();
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let Some(id) = file_name.to_str().and_then(|n| n.strip_suffix(".yaml")) else {
                continue;
            };
            if !is_run_id(id) {
                continue;
            }
            match read_document::<Run>(&entry.path()) {
                Ok(mut run) => {
                    // The file name is how the run is found and saved again.
                    run.id = RunId::new(id);
                    found.runs.push(run);
                }
                Err(err) => found.problems.push((RunId::new(id), err)),
            }
        }
        found
            .runs
            .sort_by(|a, b| a.started.cmp(&b.started).then_with(|| a.id.cmp(&b.id)));
        found.problems.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(found)
    }
}
