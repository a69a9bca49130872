//! `ladder import FILE [--force | --merge]`: check a profile file and make
//! it the profile, or take only its mentor's part.

use std::path::Path;

use super::{Cli, Failure, load_pack, profile_failure, profile_problems, say};
use crate::core::clock::SharedClock;
use crate::core::lang::Lang;
use crate::core::mentor::merge::{self, Summary};
use crate::core::profile::{self, Expect, Profile, ProfileError};
use crate::core::sanitize::neutralize_controls;
use crate::core::workspace::{Command, Workspace};

/// Checks FILE against the pack and stores it as the profile (or, with
/// `merge`, stores only its mentor section in the existing profile).
pub fn import(
    cli: &Cli,
    file: &Path,
    force: bool,
    merge: bool,
    clock: &SharedClock,
) -> Result<bool, Failure> {
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
    if merge {
        return merge_mentor(cli, file, incoming, pack, clock);
    }
    let existing = match store.load(&cli.profile) {
        Ok(Some(existing)) if !force => {
            return Err(Failure(format!(
                "{}: profile `{}` already exists ({} ratings); pass --force to replace it (the old file is kept as a .bak backup)",
                target.display(),
                cli.profile,
                existing.ratings.len()
            )));
        }
        Ok(existing) => existing,
        Err(e) => {
            let Failure(shown) = profile_failure(e);
            return Err(Failure(format!(
                "{shown}\nThe existing profile cannot be read, so it is not replaced; move it aside first"
            )));
        }
    };
    refuse_read_only(&target)?;
    incoming.profile = cli.profile.clone();
    let existing = existing.unwrap_or_else(|| Profile::new(&cli.profile));
    let mut workspace = Workspace::new(pack, existing, clock.clone());
    workspace
        .apply(Command::Replace(Box::new(incoming)))
        .map_err(|why| Failure(format!("{}: {why}", file.display())))?;
    let orphaned = workspace.assessment.orphaned.clone();
    // Without --force the profile is created, never replaced: of two
    // imports at once, exactly one makes it.
    let expect = if force { Expect::Any } else { Expect::Absent };
    match store.save_as(&cli.profile, &workspace.profile, expect) {
        Ok(_) => {}
        Err(ProfileError::Exists { .. }) => {
            return Err(Failure(format!(
                "{}: profile `{}` was created while this import ran; nothing was replaced; \
                 pass --force to replace it",
                target.display(),
                cli.profile
            )));
        }
        Err(e) => return Err(profile_failure(e)),
    }
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

/// `--merge`: the mentor's part of `incoming` goes into the existing
/// profile: their review whole, and the drill answers they graded added to
/// the log. Everything of the mentee's own stays as it is in the profile.
fn merge_mentor(
    cli: &Cli,
    file: &Path,
    incoming: Profile,
    pack: crate::core::content::Pack,
    clock: &SharedClock,
) -> Result<bool, Failure> {
    let lang = cli.language();
    let store = cli.store()?;
    let target = store.path(&cli.profile)?;
    let (existing, disk) = store
        .load_with_hash(&cli.profile)
        .map_err(profile_failure)?;
    let existing = existing.ok_or_else(|| {
        Failure(format!(
            "{}: no profile `{}` to merge into; import the whole file without --merge",
            target.display(),
            cli.profile
        ))
    })?;
    let Some((came, summary)) = merge::incoming(&pack, &existing, &incoming) else {
        return Err(Failure(format!(
            "{}: has no `mentor` section, so there is nothing to merge; nothing was changed",
            file.display()
        )));
    };
    refuse_read_only(&target)?;
    report_unknown_ids(file, &summary.unknown, lang);
    let mentor = came.review.name.clone();
    let mut workspace = Workspace::new(pack, existing, clock.clone());
    workspace.disk = disk;
    let mut changed = workspace
        .apply(Command::MergeMentor(Box::new(came.review)))
        .map_err(|why| Failure(format!("{}: {why}", file.display())))?
        .changed();
    for (review, card) in came.reviews {
        changed |= workspace
            .apply(Command::RecordReview {
                review: Box::new(review),
                card,
            })
            .map_err(|why| Failure(format!("{}: {why}", file.display())))?
            .changed();
    }
    // Saved only over the profile as it was read: if the app (or another
    // import) changed it meanwhile, the mentor's part goes on top of that.
    let mut tries = 0;
    while changed {
        match store.save_as(
            &cli.profile,
            &workspace.profile,
            Expect::Hash(workspace.disk),
        ) {
            Ok(_) => break,
            Err(ProfileError::ChangedOnDisk { .. }) if tries < 5 => {
                tries += 1;
                let (newer, disk) = store
                    .load_with_hash(&cli.profile)
                    .map_err(profile_failure)?;
                changed =
                    workspace.rebase(newer.unwrap_or_else(|| Profile::new(&cli.profile)), disk);
            }
            Err(e) => return Err(profile_failure(e)),
        }
    }
    say(&merge_summary(
        lang,
        &neutralize_controls(&mentor),
        &summary,
        &file.display().to_string(),
        &format!("`{}` ({})", cli.profile, target.display()),
    ));
    Ok(true)
}

/// Says, for each id the mentor rated that the pack does not have, where
/// it is and the nearest real id.
pub fn report_unknown_ids(file: &Path, unknown: &[(String, Option<String>)], lang: Lang) {
    if unknown.is_empty() {
        return;
    }
    let places = super::places::Places::read(file);
    for (raw, near) in unknown {
        let id = neutralize_controls(raw);
        let hint = near
            .as_deref()
            .map(|n| match lang {
                Lang::Zh => format!("，是不是 `{n}`？"),
                Lang::En => format!(", did you mean `{n}`?"),
            })
            .unwrap_or_default();
        say(&match lang {
            Lang::Zh => format!(
                "{}: 导师评了 `{id}`，这个内容包没有这条指标{hint}（评分照样保留）",
                places.score(raw, true)
            ),
            Lang::En => format!(
                "{}: the mentor rated `{id}`, which this pack does not have{hint} (the rating is kept)",
                places.score(raw, true)
            ),
        });
    }
}

/// What `--merge` took in, in a sentence or two.
pub fn merge_summary(lang: Lang, mentor: &str, s: &Summary, file: &str, into: &str) -> String {
    match lang {
        Lang::Zh => {
            let mut parts = vec![format!(
                "{} 条评分（新 {}，改动 {}）",
                s.ratings, s.new, s.changed
            )];
            parts.push(format!("{} 条评语", s.comments));
            if s.notes {
                parts.push("备注".to_owned());
            }
            parts.push(format!("{} 步计划", s.plan));
            parts.push(format!("{} 次导师评分的答辩练习", s.reviews));
            format!(
                "已把 {mentor} 的评审从 {file} 合并进档案 {into}：{}。你自己的评分、证据、历史和练习记录保持不变。",
                parts.join("、")
            )
        }
        Lang::En => {
            let mut parts = vec![format!(
                "{} rating(s) ({} new, {} changed)",
                s.ratings, s.new, s.changed
            )];
            parts.push(format!("{} comment(s)", s.comments));
            if s.notes {
                parts.push("notes".to_owned());
            }
            parts.push(format!("a plan of {} step(s)", s.plan));
            parts.push(format!(
                "{} drill answer(s) graded by the mentor",
                s.reviews
            ));
            format!(
                "merged the review of {mentor} from {file} into profile {into}: {}. Your own ratings, evidence, history and drill answers are as they were.",
                parts.join(", ")
            )
        }
    }
}

/// A profile someone made read-only is not replaced: like `rm`, ladder
/// takes the missing write permission as "keep this", and says so.
fn refuse_read_only(target: &Path) -> Result<(), Failure> {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::metadata(target) {
        Ok(meta) if meta.is_file() && meta.permissions().readonly() => Err(Failure(format!(
            "{}: is read-only (mode {:04o}), so it is not replaced; nothing was changed: \
             if it should be, make it writable first (chmod u+w FILE)",
            neutralize_controls(&target.display().to_string()),
            meta.permissions().mode() & 0o7777
        ))),
        _ => Ok(()),
    }
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
