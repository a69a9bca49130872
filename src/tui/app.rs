//! The loop: read an event, turn it into an action, update the state, carry
//! out the effects, draw when something changed. Also the terminal's set-up
//! and its restoration on every way out: a normal exit, an error, a panic.

use std::collections::VecDeque;
use std::io::{self, IsTerminal, Write, stdout};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal, backend::CrosstermBackend};

use super::action::DiskProfile;
use super::clipboard;
use super::data::Data;
use super::external_editor;
use super::i18n::{Lang, Msg};
use super::input::{action_for_event, drop_split_sequences};
use super::keymap::{Keymap, KeymapError};
use super::state::{Effect, State, dispatch};
use super::theme::Theme;
use super::{Action, view};
use crate::core::checklist::RunStore;
use crate::core::ids::RunId;
use crate::core::profile::{Expect, Profile, ProfileError, ProfileStore};
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
    /// The app was asked to stop (SIGTERM, SIGHUP): the terminal is back
    /// as it was and everything is saved; the number is the signal's.
    #[error("{}", Msg::Stopped.text(*.0))]
    Stopped(Lang, i32),
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
    let stop = Arc::new(AtomicUsize::new(0));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        // A failure here only means the default (abrupt) ending stays.
        let _ = signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize);
    }
    let mut session = Session::start()?;
    event_loop(
        &mut session.terminal,
        &mut state,
        options.storage.as_ref(),
        &stop,
    )
    // `session` is dropped here, on success and on error alike: the
    // terminal is restored before the caller prints anything.
}

/// How often a screen that keeps time (a drill's timer) hears of it.
const TICK: Duration = Duration::from_millis(250);

/// How often the time is looked at otherwise, so a new day is noticed, and
/// the profile file, so a change another writer made is.
const IDLE: Duration = Duration::from_secs(5);

/// How long the loop waits at most before it looks at the stop flag.
const SLICE: Duration = Duration::from_millis(200);

fn event_loop(
    terminal: &mut DefaultTerminal,
    state: &mut State,
    storage: Option<&Storage>,
    stop: &AtomicUsize,
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
        // Block until something happens or it is time to look at the clock,
        // in slices, so a request to stop is heard at once.
        let wait = if state.ticking() { TICK } else { IDLE };
        let mut queue: VecDeque<Action> = VecDeque::new();
        let started = std::time::Instant::now();
        let mut ready = false;
        while !ready && started.elapsed() < wait {
            let signal = stop.load(Ordering::SeqCst);
            if signal != 0 {
                // What is not on disk yet is written before leaving.
                for file in state.data.unsaved() {
                    let outcome = save(state, storage, file);
                    dispatch(state, outcome);
                }
                return Err(TuiError::Stopped(state.lang, signal as i32));
            }
            ready = event::poll(SLICE.min(wait.saturating_sub(started.elapsed())))?;
        }
        let mut events: Vec<Event> = Vec::new();
        if ready {
            state.data.observe();
            // Everything that arrived is taken now, and drawn once.
            loop {
                events.push(event::read()?);
                if events.len() >= 1_000 || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        } else {
            queue.push_back(Action::Tick(clock.now()));
            queue.extend(changed_on_disk(state, storage));
        }
        let mut events: VecDeque<Event> = drop_split_sequences(events).into();
        // Each event is turned into an action only when its turn comes, so
        // a key after `e` is typed into the editor `e` opened. What the
        // loop does for `update` comes back to it as actions, first.
        loop {
            let action = match queue.pop_front() {
                Some(action) => action,
                None => match events.pop_front() {
                    Some(event) => match action_for_event(state, &event) {
                        Some(action) => action,
                        None => continue,
                    },
                    None => break,
                },
            };
            let Some(effects) = dispatch(state, action) else {
                continue;
            };
            changed = true;
            // An effect's outcome is heard before the next key: the key
            // after a rating must find that rating saved.
            let mut outcomes = Vec::new();
            for effect in effects {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Save(file) => outcomes.push(save(state, storage, file)),
                    Effect::EditExternally { target, text } => {
                        let written = external_editor::edit(terminal, &text)?;
                        state.data.observe();
                        outcomes.push(Action::Edited { target, written });
                    }
                    Effect::Export { run, text } => {
                        let written = export(state, storage, &run, &text);
                        queue.push_back(Action::Exported { run, written });
                    }
                    Effect::Clipboard(text) => {
                        let backend = terminal.backend_mut();
                        backend.write_all(clipboard::osc52(&text).as_bytes())?;
                        backend.flush()?;
                    }
                }
            }
            for outcome in outcomes.into_iter().rev() {
                queue.push_front(outcome);
            }
        }
    }
}

/// Where the app saves what changes.
#[derive(Debug, Clone)]
pub enum Storage {
    /// The profile `name` in a data directory's store: the file opened is
    /// the file saved.
    Store { store: ProfileStore, name: String },
    /// A mentee's file open in mentor mode: only its review is written.
    File(std::path::PathBuf),
}

/// Writes `file` and says how it went, as the action `update` hears of it.
pub fn save(state: &State, storage: Option<&Storage>, file: Save) -> Action {
    match write(state, storage, &file) {
        Ok(hash) => Action::Saved {
            file,
            error: None,
            hash,
        },
        Err(Written::Changed(disk)) => Action::ChangedOnDisk(disk),
        Err(Written::Failed(error)) => Action::Saved {
            file,
            error: Some(error),
            hash: None,
        },
    }
}

/// Why a file was not written.
enum Written {
    /// Another writer changed it: the newer profile, to save on top of.
    Changed(DiskProfile),
    /// The error, in words.
    Failed(String),
}

/// Writes `file` if it is on disk as last read or written here; the hash of
/// the text written.
fn write(state: &State, storage: Option<&Storage>, file: &Save) -> Result<Option<u64>, Written> {
    let Some(storage) = storage else {
        return Ok(None);
    };
    match (storage, file) {
        (Storage::Store { store, name }, Save::Profile) => {
            let expect = Expect::Hash(state.data.disk);
            match store.save_as(name, &state.data.profile, expect) {
                Ok(hash) => Ok(Some(hash)),
                Err(ProfileError::ChangedOnDisk { .. }) => match store.load_with_hash(name) {
                    Ok((profile, hash)) => Err(Written::Changed(DiskProfile {
                        profile: std::sync::Arc::new(profile.unwrap_or_else(|| Profile::new(name))),
                        hash,
                    })),
                    Err(e) => Err(Written::Failed(e.to_string())),
                },
                Err(e) => Err(Written::Failed(e.to_string())),
            }
        }
        (Storage::File(path), Save::Profile) => {
            let drill = &state.data.profile.drill;
            // What the mentor graded (an interview) goes into the file's log.
            let answers: Vec<_> = drill
                .reviews
                .iter()
                .filter(|r| matches!(r.by, crate::core::profile::Reviewer::Mentor(_)))
                .map(|r| {
                    let card = drill
                        .cards
                        .get(&r.question)
                        .filter(|c| c.last_review == r.at)
                        .cloned();
                    (r.clone(), card)
                })
                .collect();
            crate::core::mentor::file::save_review(
                path,
                state.data.profile.mentor.as_ref(),
                &answers,
            )
            .map(|()| None)
            .map_err(|e| Written::Failed(e.to_string()))
        }
        (Storage::Store { store, name }, Save::Run(id)) => {
            let failed = |e: &dyn std::fmt::Display| Written::Failed(e.to_string());
            let runs = RunStore::new(store.data_dir(), name).map_err(|e| failed(&e))?;
            match state.data.run(id) {
                Some(run) => runs.save(run),
                None => runs.delete(id),
            }
            .map(|()| None)
            .map_err(|e| failed(&e))
        }
        // A mentee's file holds no checklist runs: in mentor mode they stay
        // in memory, and saying so beats losing them silently.
        (Storage::File(_), Save::Run(_)) => Err(Written::Failed(
            "checklist runs are not saved in mentor mode".to_owned(),
        )),
    }
}

/// Writes the Markdown export of run `id` next to the run's file; the path
/// written, or why not.
fn export(
    state: &State,
    storage: Option<&Storage>,
    id: &RunId,
    text: &str,
) -> Result<String, String> {
    let Some(Storage::Store { store, name }) = storage else {
        return Err(state
            .lang
            .pick(
                "没有数据目录，无法写文件",
                "there is no data directory to write to",
            )
            .to_owned());
    };
    let runs = RunStore::new(store.data_dir(), name).map_err(|e| e.to_string())?;
    let path = runs.dir().join(format!("{id}.md"));
    std::fs::create_dir_all(runs.dir())
        .map_err(|err| format!("{}: {err}", runs.dir().display()))?;
    // The same safe write as `-o FILE`: an exclusive temp file, then a rename.
    crate::cli::emit(Some(&path), text)
        .map(|()| path.display().to_string())
        .map_err(|crate::cli::Failure(why)| why)
}

/// The newer profile, when another writer changed the file since it was
/// last read or written here.
fn changed_on_disk(state: &State, storage: Option<&Storage>) -> Option<Action> {
    // A mentee's file is read afresh at each save, which writes only the
    // review: what changed there meanwhile is kept as it is.
    let Some(Storage::Store { store, name }) = storage else {
        return None;
    };
    let now = store.disk_hash(name);
    if now == state.data.disk || now.is_none() {
        return None;
    }
    let (profile, hash) = store.load_with_hash(name).ok()?;
    Some(Action::ChangedOnDisk(DiskProfile {
        profile: std::sync::Arc::new(profile?),
        hash,
    }))
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
            .and_then(|()| {
                execute!(
                    stdout(),
                    EnterAlternateScreen,
                    EnableMouseCapture,
                    EnableBracketedPaste
                )
            })
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
            DisableBracketedPaste,
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
