//! `ladder import FILE [--force]`: check a profile file and make it the profile.

use std::path::Path;

use super::{Cli, Failure, load_pack, profile_failure, profile_problems, say};
use crate::core::profile::{self, ProfileError};
use crate::core::report;
use crate::core::sanitize::neutralize_controls;

/// Checks FILE against the pack and stores it as the profile.
pub fn import(cli: &Cli, file: &Path, force: bool) -> Result<bool, Failure> {
    if file.is_dir() {
        return Err(Failure(format!(
            "{}: is a directory; give the profile file to import (a .yaml file written by `ladder export`)",
            file.display()
        )));
    }
    let mut incoming = profile::read_profile_file(file).map_err(import_failure)?;
    let pack = load_pack(&cli.pack_source())?;

    let problems = profile_problems(&pack, &incoming, file);
    if !problems.is_empty() {
        for p in &problems {
            say(p);
        }
        return Err(Failure(format!(
            "{}: not imported; nothing was changed",
            file.display()
        )));
    }

    let store = cli.store()?;
    let target = store.path(&cli.profile)?;
    match store.load(&cli.profile) {
        Ok(Some(existing)) if !force => {
            return Err(Failure(format!(
                "{}: profile `{}` already exists ({} ratings); pass --force to replace it (the old file is kept as a .bak backup)",
                target.display(),
                cli.profile,
                existing.ratings.len()
            )));
        }
        Ok(_) => {}
        Err(e) => {
            let Failure(shown) = profile_failure(e);
            return Err(Failure(format!(
                "{shown}\nThe existing profile cannot be read, so it is not replaced; move it aside first"
            )));
        }
    }
    incoming.profile = cli.profile.clone();
    let orphaned = report::assess(&pack, &incoming).orphaned;
    store.save(&incoming).map_err(profile_failure)?;
    if !orphaned.is_empty() {
        say(&format!(
            "note: {} rating(s) name indicators this pack does not have; they are kept: {}",
            orphaned.len(),
            neutralize_controls(&orphaned.join(", "))
        ));
    }
    say(&format!(
        "imported {} into profile `{}` ({})",
        file.display(),
        cli.profile,
        target.display()
    ));
    Ok(true)
}

/// A file to import that cannot be read, worded for importing: the file is
/// someone's export (or one written by hand), not the person's own profile,
/// so the advice is to fix or re-export it, and nothing was changed.
fn import_failure(e: ProfileError) -> Failure {
    let not_imported = "not imported; nothing was changed";
    match e {
        ProfileError::Parse {
            path,
            line,
            col,
            message,
            snippet,
        } => {
            let mut text = format!(
                "{}:{line}:{col}: {message}; {not_imported}: fix the file, or export it again with `ladder export` (the format is in docs/profile.md)",
                neutralize_controls(&path.display().to_string())
            );
            if !snippet.is_empty() {
                text.push('\n');
                text.push_str(&snippet);
            }
            Failure(text)
        }
        ProfileError::TooNew {
            path,
            found,
            supported,
        } => Failure(format!(
            "{}: was written by a newer ladder (version {found}; this one reads {supported}); {not_imported}: upgrade ladder to import it",
            neutralize_controls(&path.display().to_string())
        )),
        ProfileError::TooLarge { path, size, limit } => Failure(format!(
            "{}: is {size} bytes, more than the {limit} a profile may have; {not_imported}: check that this is the profile file to import",
            neutralize_controls(&path.display().to_string())
        )),
        other => profile_failure(other),
    }
}
