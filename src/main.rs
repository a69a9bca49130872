//! The `ladder` binary: parse the command line, dispatch, map errors to exit codes.

use std::process::ExitCode;

use std::io::Write;

use ladder::cli::{self, Cli, Failure};
use ladder::core::clock::{SharedClock, file_stamp};
use ladder::core::ids::RunId;
use ladder::core::lang::Lang;
use ladder::core::profile::{Profile, ProfileError, ProfileStore};
use ladder::tui::data::Data;

fn main() -> ExitCode {
    cli::guard_standard_streams();
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".to_owned());
        cli::say(&format!(
            "ladder stopped because of an internal error: {msg}\nYour saved data is untouched. Please report this with the command you ran."
        ));
    }));
    let mut args = parse_args();
    // Before anything else: the local offset can only be read while there
    // is one thread.
    let clock = match cli::clock() {
        Ok(clock) => clock,
        Err(Failure(message)) => {
            cli::say(&message);
            return ExitCode::from(1);
        }
    };
    if let Err(Failure(message)) = args.resolve() {
        cli::say(&message);
        return ExitCode::from(1);
    }
    let result = match &args.command {
        Some(command) => cli::run(&args, command, &clock),
        None => open_app(&args, clock),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Failure(message)) => {
            cli::say(&message);
            ExitCode::from(1)
        }
    }
}

/// Parses the command line; the help names this system's data directory.
fn parse_args() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let default_dir = ladder::core::profile::default_data_dir().map_or_else(
        || "none on this system".to_owned(),
        |d| d.display().to_string(),
    );
    let command = Cli::command().after_help(format!(
        "Without a subcommand, ladder opens the terminal app.\n\
         Profiles are stored as <data dir>/profiles/<NAME>.yaml, where the data dir is\n\
         --data-dir, else LADDER_DATA_DIR, else {default_dir}."
    ));
    Cli::from_arg_matches(&command.get_matches()).unwrap_or_else(|e| e.exit())
}

/// Without a subcommand: the terminal app on the pack and the profile.
fn open_app(args: &Cli, clock: SharedClock) -> Result<bool, Failure> {
    if !cli::has_terminal() {
        // Say so before loading anything: the message is the useful part.
        return Err(Failure(
            ladder::tui::TuiError::NotATerminal(args.language()).to_string(),
        ));
    }
    let pack = cli::load_pack(&args.pack_source())?;
    let store = args.store()?;
    let profile = match store.load(&args.profile) {
        Ok(Some(p)) => p,
        Ok(None) => Profile::new(&args.profile),
        Err(e) if e.is_unreadable_file() => offer_move_aside(
            &store,
            &args.profile,
            e,
            args.language(),
            &file_stamp(clock.now()),
        )?,
        Err(e) => return Err(cli::profile_failure(e)),
    };
    if profile.profile != args.profile {
        cli::say(&format!(
            "warning: {} says `profile: {}`; it is opened and saved as profile `{}`",
            store.path(&args.profile)?.display(),
            ladder::core::sanitize::neutralize_controls(&profile.profile),
            args.profile
        ));
    }
    let mut data = Data::new(pack, profile, clock);
    data.disk = store.disk_hash(&args.profile);
    // Runs that cannot be read are named on the Checklists screen; the
    // rest of the app works without them.
    match cli::checklist::load_runs(args) {
        Ok((_, stored)) => {
            data.runs = stored.runs;
            data.run_problems = stored
                .problems
                .into_iter()
                .map(|(id, err)| (id, err.to_string()))
                .collect();
        }
        Err(Failure(why)) => data.run_problems.push((RunId::new(""), why)),
    }
    let options = ladder::tui::Options {
        lang: args.language(),
        theme: args.theme().0.theme(),
        keymap: args.keymap()?,
        data,
        storage: Some(ladder::tui::app::Storage::Store {
            store,
            name: args.profile.clone(),
        }),
    };
    ladder::tui::run(options)
        .map(|()| true)
        .map_err(|e| Failure(e.to_string()))
}

/// A profile that cannot be read is never overwritten: ask whether to move it
/// aside and start fresh, and say where it went.
fn offer_move_aside(
    store: &ProfileStore,
    name: &str,
    error: ProfileError,
    lang: Lang,
    stamp: &str,
) -> Result<Profile, Failure> {
    let Failure(shown) = cli::profile_failure(error);
    cli::say(&shown);
    let path = store.path(name).map_err(cli::profile_failure)?;
    let bak = path.with_file_name(format!("{name}.yaml.bak"));
    let backup = ladder::core::profile::read_profile_file(&bak).ok();
    let question = match (&backup, lang) {
        (Some(b), Lang::Zh) => format!(
            "上次正常保存的副本 {} 还在（{} 条评分）。\n[r] 用它恢复   [f] 从空白档案开始   [N] 不做改动（默认）：",
            bak.display(),
            b.ratings.len()
        ),
        (Some(b), Lang::En) => format!(
            "The last good copy, {}, is there ({} ratings).\n[r] restore it   [f] start a fresh profile   [N] change nothing (default): ",
            bak.display(),
            b.ratings.len()
        ),
        (None, Lang::Zh) => "把它移到一旁并开始一份新的档案吗？原文件会改名保留。[y/N] ".to_owned(),
        (None, Lang::En) => {
            "Move it aside and start a fresh profile? The file is kept, renamed. [y/N] ".to_owned()
        }
    };
    let mut err = std::io::stderr();
    let _ = write!(err, "{question}");
    let _ = err.flush();
    let mut answer = String::new();
    let _ = std::io::stdin().read_line(&mut answer);
    let answer = answer.trim().to_lowercase();
    let restore = backup.is_some() && matches!(answer.as_str(), "r" | "restore");
    let fresh = if backup.is_some() {
        matches!(answer.as_str(), "f" | "fresh")
    } else {
        matches!(answer.as_str(), "y" | "yes")
    };
    if !restore && !fresh {
        return Err(Failure(
            lang.pick("没有做任何改动。", "Nothing was changed.")
                .to_owned(),
        ));
    }
    let moved = store
        .move_aside(name, stamp)
        .map_err(cli::profile_failure)?;
    let moved_note = lang.pick("无法读取的文件已移到", "The unreadable file was moved to");
    cli::say(&format!("{moved_note} {}", moved.display()));
    match backup {
        Some(mut b) if restore => {
            b.profile = name.to_owned();
            store.save(&b).map_err(cli::profile_failure)?;
            let note = lang.pick(
                "已用副本恢复档案。",
                "The profile was restored from the copy.",
            );
            cli::say(note);
            Ok(b)
        }
        Some(_) => {
            // The first save of the fresh profile would replace the .bak:
            // keep the last good copy under a name of its own.
            let kept = path.with_file_name(format!("{name}.yaml.bak-{stamp}"));
            if std::fs::rename(&bak, &kept).is_ok() {
                let note = lang.pick("上次正常保存的副本保留为", "The last good copy is kept as");
                cli::say(&format!("{note} {}", kept.display()));
            }
            Ok(Profile::new(name))
        }
        None => Ok(Profile::new(name)),
    }
}
