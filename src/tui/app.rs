//! The loop: read an event, turn it into an action, update the state, carry
//! out the effects, draw when something changed. Also the terminal's set-up
//! and its restoration on every way out: a normal exit, an error, a panic.

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

use super::data::{Data, SaveStatus};
use super::i18n::{Lang, Msg};
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
    /// Usually [`Theme::from_env`], which honours `NO_COLOR`.
    pub theme: Theme,
    /// The pack and the profile to work on.
    pub data: Data,
    /// Where the profile is saved; `None` keeps changes in memory only.
    pub store: Option<ProfileStore>,
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

/// How often a screen that keeps time (a drill's timer) hears of it.
const TICK: Duration = Duration::from_millis(250);

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
        // Block until something happens, unless a screen keeps time: then
        // wake up every TICK even if nothing does.
        let action = if state.ticking() && !event::poll(TICK)? {
            Some(Action::Tick)
        } else {
            action_for_event(state, &event::read()?)
        };
        let handled = action.and_then(|action| dispatch(state, action));
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
            }
        }
    }
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
