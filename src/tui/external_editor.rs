//! Writing text in the person's own editor: the terminal is handed over
//! for as long as the editor runs, then taken back.

use std::io::{self, Write, stdout};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use super::app::TuiError;

/// Hands the terminal to the person's editor (`$VISUAL`, else `$EDITOR`,
/// else `vi`) on a temporary file holding `text`, and returns what they
/// wrote, or a sentence saying why nothing came back. The terminal is set
/// up again either way; only a terminal that cannot be set up again is an
/// error for the loop.
pub fn edit(
    terminal: &mut DefaultTerminal,
    text: &str,
) -> Result<Result<String, String>, TuiError> {
    let written = write_temp(text).and_then(|file| {
        leave_screen();
        let outcome = run_editor(file.path());
        enter_screen()?;
        terminal.clear()?;
        Ok(outcome.and_then(|()| {
            std::fs::read_to_string(file.path()).map_err(|e| {
                format!(
                    "could not read back {}: {e}; the evidence is unchanged",
                    file.path().display()
                )
            })
        }))
    });
    match written {
        Ok(result) => Ok(result),
        Err(WriteOrTerminal::Terminal(e)) => Err(TuiError::Terminal(e)),
        Err(WriteOrTerminal::Write(message)) => Ok(Err(message)),
    }
}

enum WriteOrTerminal {
    Write(String),
    Terminal(io::Error),
}

impl From<io::Error> for WriteOrTerminal {
    fn from(e: io::Error) -> Self {
        WriteOrTerminal::Terminal(e)
    }
}

fn write_temp(text: &str) -> Result<tempfile::NamedTempFile, WriteOrTerminal> {
    let dir = std::env::temp_dir();
    let failed = |e: io::Error| {
        WriteOrTerminal::Write(format!(
            "could not write a temporary file in {} for the editor: {e}; set TMPDIR to a writable directory",
            dir.display()
        ))
    };
    let mut file = tempfile::Builder::new()
        .prefix("ladder-evidence-")
        .suffix(".md")
        .tempfile_in(&dir)
        .map_err(failed)?;
    file.write_all(text.as_bytes()).map_err(failed)?;
    file.flush().map_err(failed)?;
    Ok(file)
}

/// Runs the editor and waits for it; `Err` is a sentence for the person.
fn run_editor(path: &std::path::Path) -> Result<(), String> {
    let command = std::env::var("VISUAL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|v| !v.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_owned());
    // `code --wait` and the like: the first word is the program.
    let mut words = command.split_whitespace();
    let Some(program) = words.next() else {
        return Err("no editor is set: set VISUAL or EDITOR".to_owned());
    };
    let status = std::process::Command::new(program)
        .args(words)
        .arg(path)
        .status()
        .map_err(|e| {
            format!("could not start the editor `{command}`: {e}; set VISUAL or EDITOR to one that is installed")
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "the editor `{command}` ended with an error ({status}); the evidence is unchanged"
        ))
    }
}

/// Gives the terminal back as the shell had it, for another program.
fn leave_screen() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

/// Takes the terminal again after [`leave_screen`].
fn enter_screen() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)
}
