//! The `ladder` binary: parse the command line, dispatch, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use ladder::cli::{self, Cli, Command, Failure};

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

/// Without a subcommand: the report of the profile, until the terminal app lands.
fn open_app(args: &Cli) -> Result<bool, Failure> {
    cli::run(
        args,
        &Command::Report {
            format: cli::ReportFormat::Md,
            output: None,
        },
    )
}
