//! The `ladder` binary: parse the command line, dispatch, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use std::io::Write;

use ladder::cli::{self, Cli, Failure};
use ladder::core::profile::{Profile, ProfileError, ProfileStore};
use ladder::tui::data::Data;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".to_owned());
        eprintln!(
            "ladder stopped because of an internal error: {msg}\nYour saved data is untouched. Please report this with the command you ran."
        );
    }));
    let args = Cli::parse();
    let result = match &args.command {
        Some(command) => cli::run(&args, command),
        None => open_app(&args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Failure(message)) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

/// Without a subcommand: the terminal app on the pack and the profile.
fn open_app(args: &Cli) -> Result<bool, Failure> {
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
        Err(e) if e.is_unreadable_file() => offer_move_aside(&store, &args.profile, &e)?,
        Err(e) => return Err(cli::profile_failure(e)),
    };
    let data = Data::new(pack, profile, &today());
    let options = ladder::tui::Options {
        lang: args.language(),
        theme: ladder::tui::theme::Theme::from_env(),
        data,
        store: Some(store),
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
    error: &ProfileError,
) -> Result<Profile, Failure> {
    eprintln!("{error}");
    eprint!("Move it aside and start a fresh profile? The file is kept, renamed. [y/N] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    let _ = std::io::stdin().read_line(&mut answer);
    if !matches!(answer.trim(), "y" | "Y" | "yes") {
        return Err(Failure("Nothing was changed.".to_owned()));
    }
    let moved = store.move_aside(name, &stamp())?;
    eprintln!("Moved to {}; starting a fresh profile.", moved.display());
    Ok(Profile::new(name))
}

fn now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc())
}

/// Today as `YYYY-MM-DD`, in local time where known.
fn today() -> String {
    let d = now().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// A timestamp for file names: `YYYYMMDD-HHMMSS`.
fn stamp() -> String {
    let n = now();
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        n.year(),
        u8::from(n.month()),
        n.day(),
        n.hour(),
        n.minute(),
        n.second()
    )
}
