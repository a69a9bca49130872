//! The loop: read an event, turn it into an action, update the state, carry
//! out the effects, draw when something changed. Also the terminal's set-up
//! and its restoration on every way out: a normal exit, an error, a panic.

use std::collections::VecDeque;
use std::io::{self, IsTerminal, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal, backend::CrosstermBackend};

use super::data::Data;
use super::external_editor;
use super::i18n::{Lang, Msg};
use super::input::action_for_event;
use super::keymap::{Keymap, KeymapError};
use super::state::{Effect, State, dispatch};
use super::theme::Theme;
use super::{Action, view};
use crate::core::profile::ProfileStore;
use crate::core::workspace::Save;

/// How the app starts.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    /// Usually [`Theme::from_env`], which honours `NO_COLOR`.
    pub theme: Theme,
    /// The keys: the built-in key file with the user's overrides.
    pub keymap: Keymap,
    /// The pack and the profile to work on.
    pub data: Data,
    /// Where changes are saved; `None` keeps them in memory only.
    pub storage: Option<Storage>,
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
    let mut state = State::new(options.lang, options.theme, options.keymap, options.data);
    let mut session = Session::start()?;
    event_loop(&mut session.terminal, &mut state, options.storage.as_ref())
    // `session` is dropped here, on success and on error alike: the
    // terminal is restored before the caller prints anything.
}

/// How often a screen that keeps time (a drill's timer) hears of it.
const TICK: Duration = Duration::from_millis(250);

/// How often the time is looked at otherwise, so a new day is noticed.
const IDLE: Duration = Duration::from_secs(60);

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut State,
    storage: Option<&Storage>,
) -> Result<(), TuiError> {
    let clock = state.data.clock().clone();
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
        // Block until something happens or it is time to look at the clock.
        let wait = if state.ticking() { TICK } else { IDLE };
        let first = if event::poll(wait)? {
            state.data.observe();
            action_for_event(state, &event::read()?)
        } else {
            Some(Action::Tick(clock.now()))
        };
        // What the loop does for `update` comes back to it as actions.
        let mut queue: VecDeque<Action> = first.into_iter().collect();
        while let Some(action) = queue.pop_front() {
            let Some(effects) = dispatch(state, action) else {
                continue;
            };
            changed = true;
            for effect in effects {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Save(file) => {
                        let error = write(state, storage, &file).err();
                        queue.push_back(Action::Saved { file, error });
                    }
                    Effect::EditExternally { target, text } => {
                        let written = external_editor::edit(terminal, &text)?;
                        state.data.observe();
                        queue.push_back(Action::Edited { target, written });
                    }
                }
            }
        }
    }
}

/// Where the app saves what changes.
#[derive(Debug, Clone)]
pub enum Storage {
    /// The profile in a data directory's store.
    Store(ProfileStore),
}

/// Writes `file`; the error, in words, when that failed.
fn write(state: &State, storage: Option<&Storage>, file: &Save) -> Result<(), String> {
    let Some(storage) = storage else {
        return Ok(());
    };
    match (storage, file) {
        (Storage::Store(store), Save::Profile) => {
            store.save(&state.data.profile).map_err(|e| e.to_string())
        }
    }
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
