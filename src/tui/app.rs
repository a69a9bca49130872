//! The loop: read an event, turn it into an action, update the state, carry
//! out the effects, draw when something changed. Also the terminal's set-up
//! and its restoration on every way out: a normal exit, an error, a panic.

use std::io::{self, IsTerminal, Write, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal, backend::CrosstermBackend};

use super::data::{Data, SaveStatus};
use super::i18n::{Lang, Msg, lang_from_env};
use super::input::action_for_event;
use super::keymap::{Keymap, KeymapError};
use super::state::{Effect, State, dispatch};
use super::theme::Theme;
use super::{Action, view};
use crate::core::profile::ProfileStore;

/// How the app starts.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub theme: Theme,
    /// The pack and the profile to work on.
    pub data: Data,
    /// Where the profile is saved; `None` keeps changes in memory only.
    pub store: Option<ProfileStore>,
}

impl Options {
    /// Options from the environment (`LADDER_LANG`, `LANG`, `NO_COLOR`),
    /// with `lang` from `--lang` taking precedence when given.
    pub fn from_env(lang: Option<Lang>, data: Data, store: Option<ProfileStore>) -> Self {
        Options {
            lang: lang_from_env(lang),
            theme: Theme::from_env(),
            data,
            store,
        }
    }
}

/// Why the app could not run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    /// Standard input or output is not a terminal (a pipe, a file, CI).
    #[error("{}", Msg::NotATerminal.text(*.0))]
    NotATerminal(Lang),
    #[error(
        "the terminal stopped answering ({0}); the screen may need a `reset` before it is usable"
    )]
    Terminal(#[from] io::Error),
    #[error(transparent)]
    Keymap(#[from] KeymapError),
}

/// Runs the app until the person quits.
///
/// Fails at once, before touching the terminal, when standard input or
/// output is not a terminal.
pub fn run(options: Options) -> Result<(), TuiError> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal(options.lang));
    }
    let mut state = State::new(
        options.lang,
        options.theme,
        Keymap::builtin()?,
        options.data,
    );
    let mut session = Session::start()?;
    event_loop(&mut session.terminal, &mut state, options.store.as_ref())
    // `session` is dropped here, on success and on error alike: the
    // terminal is restored before the caller prints anything.
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut State,
    store: Option<&ProfileStore>,
) -> Result<(), TuiError> {
    let size = terminal.size()?;
    dispatch(
        state,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let mut changed = true;
    loop {
        if changed {
            terminal.draw(|frame| view::render(state, frame))?;
            changed = false;
        }
        let event = event::read()?;
        let handled = action_for_event(state, &event).and_then(|action| dispatch(state, action));
        let Some(effects) = handled else {
            continue;
        };
        changed = true;
        // A save that failed earlier is retried with the next key, so a
        // directory that comes back or a disk with room again catches up.
        if matches!(state.data.save, SaveStatus::Failed(_))
            && !effects.contains(&Effect::SaveProfile)
        {
            save(state, store);
        }
        for effect in effects {
            match effect {
                Effect::SaveProfile => save(state, store),
                Effect::Quit => return Ok(()),
                Effect::EditExternally { id, text } => {
                    let written = edit_externally(terminal, &text)?;
                    let effects =
                        state
                            .screens
                            .assess
                            .edited_externally(&id, written, &mut state.data);
                    if effects.contains(&Effect::SaveProfile) {
                        save(state, store);
                    }
                }
            }
        }
    }
}

/// Hands the terminal to the person's editor (`$VISUAL`, else `$EDITOR`,
/// else `vi`) on a temporary file holding `text`, and returns what they
/// wrote, or a sentence saying why nothing came back. The terminal is set
/// up again either way; only a terminal that cannot be set up again is an
/// error for the loop.
fn edit_externally(
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

/// Writes the profile; a failure is shown on screen and the change is kept
/// in memory, to be written by the next successful save.
pub fn save(state: &mut State, store: Option<&ProfileStore>) {
    let Some(store) = store else { return };
    state.data.save = match store.save(&state.data.profile) {
        Ok(()) => SaveStatus::Saved,
        Err(e) => SaveStatus::Failed(e.to_string()),
    };
}

/// Whether the terminal is currently set up by us and needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The terminal in raw mode, on the alternate screen, with mouse reports on;
/// dropping it puts everything back.
struct Session {
    terminal: DefaultTerminal,
}

impl Session {
    fn start() -> io::Result<Self> {
        install_panic_hook();
        ACTIVE.store(true, Ordering::SeqCst);
        let started = enable_raw_mode()
            .and_then(|()| execute!(stdout(), EnterAlternateScreen, EnableMouseCapture))
            .and_then(|()| Terminal::new(CrosstermBackend::new(stdout())));
        match started {
            Ok(terminal) => Ok(Session { terminal }),
            Err(err) => {
                restore();
                Err(err)
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as it was, once, however we got here. Failures are
/// ignored: this runs on the way out, when nothing better can be done.
fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
        let _ = execute!(
            stdout(),
            DisableMouseCapture,
            LeaveAlternateScreen,
            ratatui::crossterm::cursor::Show
        );
    }
}

/// Restores the terminal before any earlier hook prints the panic, so the
/// message lands on the normal screen and the shell stays usable.
fn install_panic_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let earlier = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            earlier(info);
        }));
    });
}
