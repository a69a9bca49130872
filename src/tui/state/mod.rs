//! The app's state and the one function that changes it.
//!
//! [`update`] is pure: no clock, no files, no terminal. What it wants done in
//! the world comes back as [`Effect`]s for the loop to carry out, so every
//! key's behaviour is tested by calling it with made-up actions.

use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Size;

use super::action::{Action, EditTarget};
pub use super::data::Data;
use super::help;
use super::i18n::Lang;
use super::keymap::{Context, Input, Key, Keymap};
use super::layout;
use super::screens::{Ctx, ScreenId, Screens};
use super::search::{Outcome, Search};
use super::theme::Theme;
use crate::core::ids::RunId;
use crate::core::search::Target;
use crate::core::workspace::Save;

/// Something `update` asks the loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the app.
    Quit,
    /// Write this file (what it holds changed); the outcome comes back as
    /// [`Action::Saved`].
    Save(Save),
    /// Let the person write `target` in their own editor, starting from
    /// `text`; what they wrote comes back as [`Action::Edited`].
    EditExternally { target: EditTarget, text: String },
    /// Write `text`, the Markdown export of run `run`, to its file; where it
    /// went comes back as [`Action::Exported`].
    Export { run: RunId, text: String },
    /// Put `text` on the clipboard through the terminal (OSC 52).
    Clipboard(String),
}

/// A window drawn over the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The keys of the current screen, scrolled this far.
    Help { scroll: usize },
    /// The search window; its state is [`State::search`].
    Search,
}

/// Everything the app shows and acts on.
#[derive(Debug, Clone)]
pub struct State {
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: Keymap,
    /// The screen on show.
    pub screen: ScreenId,
    pub overlay: Option<Overlay>,
    pub screens: Screens,
    /// The search window's query and results, while it is open.
    pub search: Search,
    /// The terminal's size, as last reported.
    pub size: Size,
    /// The pack, the profile and its scores.
    pub data: Data,
    /// A one-line note for the footer about something that happened
    /// outside (the file changed on disk), until the next key.
    pub notice: Option<Notice>,
    /// The screen `m` opened the mentor's review from, which `Esc` there
    /// goes back to.
    pub opened_mentor_from: ScreenId,
}

/// A note about what happened outside the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The profile changed on disk and was reloaded.
    ReloadedFromDisk,
    /// The profile changed on disk; the changes made here were put on top.
    MergedWithDisk,
    /// Quit was asked for while a change is not saved: asking again quits.
    UnsavedQuit,
}

impl Notice {
    /// The note in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Notice::ReloadedFromDisk => lang.pick(
                "档案在别处被修改，已重新载入",
                "the profile changed on disk and was reloaded",
            ),
            Notice::MergedWithDisk => lang.pick(
                "档案在别处被修改：已载入并把这里的改动保存在其上",
                "the profile changed on disk: reloaded, with the changes made here saved on top",
            ),
            Notice::UnsavedQuit => lang.pick(
                "有改动未保存：再按退出键将丢弃它，按其他键留下并重试保存",
                "Unsaved change: quit again to lose it, any other key stays and retries",
            ),
        }
    }
}

impl State {
    /// The state at start-up: the first screen, nothing open. The size is
    /// unknown until the loop reports it.
    ///
    /// The digit keys rate only with the values of the pack's scale.
    pub fn new(lang: Lang, theme: Theme, keymap: Keymap, data: Data) -> Self {
        let scale: Vec<u32> = data.pack.scale.iter().map(|s| s.value.value).collect();
        // Mentor mode opens where the mentor rates.
        let mentor = data.mentor_session.is_some();
        let mut screens = Screens::default();
        screens.assess.mentor = mentor;
        screens.mentor.mentor = mentor;
        State {
            lang,
            theme,
            keymap: keymap.for_scale(&scale),
            screen: if mentor {
                ScreenId::Assess
            } else {
                ScreenId::ALL[0]
            },
            overlay: None,
            screens,
            search: Search::default(),
            size: Size::ZERO,
            data,
            notice: None,
            opened_mentor_from: ScreenId::Overview,
        }
    }

    /// Whose keys come first.
    pub fn context(&self) -> Context {
        match self.overlay {
            _ if self.too_small() => Context::TooSmall,
            Some(Overlay::Help { .. }) => Context::Help,
            Some(Overlay::Search) => Context::Search,
            None => Context::Screen(self.screen, self.screens.get(self.screen).mode()),
        }
    }

    /// Whether the terminal is too small to show the app (once its size is known).
    pub fn too_small(&self) -> bool {
        self.size != Size::ZERO && layout::shell(self.size.into()).is_none()
    }

    /// Whether any screen keeps time, so the loop must send ticks.
    pub fn ticking(&self) -> bool {
        ScreenId::ALL
            .into_iter()
            .any(|id| self.screens.get(id).ticking())
    }

    /// The action `key` sends here and now. In an editor, a key without a
    /// binding is typed.
    pub fn action_for_key(&self, key: Key) -> Option<Action> {
        let context = self.context();
        match self.keymap.action_for(context, key) {
            Some(Action::RateKey) => match key.code {
                KeyCode::Char(c) => c.to_digit(10).map(Action::Rate),
                _ => None,
            },
            Some(Action::GradeKey) => match key.code {
                KeyCode::Char(c) => c.to_digit(10).map(Action::Grade),
                _ => None,
            },
            Some(action) => Some(action),
            None if matches!(context.input(), Input::Typing | Input::Answer) => {
                Some(Action::Type(key))
            }
            None => None,
        }
    }

    /// What the screens consult as they act: the language and the size of
    /// their part of the window (nothing when the window is too small for
    /// the shell).
    fn screen_ctx(&self) -> Ctx {
        let body = layout::shell(self.size.into())
            .map(|shell| crate::tui::banner::split(shell.body, &self.data).1)
            .unwrap_or_default();
        Ctx {
            lang: self.lang,
            body,
        }
    }
}

/// Carries out `action`; returns what the loop must do next.
pub fn update(state: &mut State, action: Action) -> Vec<Effect> {
    dispatch(state, action).unwrap_or_default()
}

/// Like [`update`], but `None` when nothing here acts on `action`: the loop
/// then has nothing to redraw, and tests can tell a key that works from one
/// that falls through.
///
/// A save that failed is asked for again with the next action handled, so
/// a directory that comes back or a disk with room again catches up.
pub fn dispatch(state: &mut State, action: Action) -> Option<Vec<Effect>> {
    let retry = !matches!(action, Action::Saved { .. });
    // A note about the outside lasts until the next thing the person does.
    let passive = matches!(
        action,
        Action::Tick(_) | Action::Saved { .. } | Action::ChangedOnDisk(_) | Action::Resize { .. }
    );
    // Quit asked for over an unsaved change was a question: a second quit
    // is the answer.
    if state.notice == Some(Notice::UnsavedQuit) && matches!(action, Action::Quit) {
        return Some(vec![Effect::Quit]);
    }
    // A note lasts until the next thing the person does.
    if !passive {
        state.notice = None;
    }
    let effects = act(state, action);
    // Saved after all: there is nothing left to ask about.
    if state.notice == Some(Notice::UnsavedQuit) && state.data.unsaved().is_empty() {
        state.notice = None;
    }
    let mut effects = effects?;
    if retry {
        for file in state.data.unsaved() {
            let effect = Effect::Save(file);
            if !effects.contains(&effect) {
                effects.push(effect);
            }
        }
    }
    Some(effects)
}

fn act(state: &mut State, action: Action) -> Option<Vec<Effect>> {
    match action {
        // Unsaved work is not left behind without a word.
        Action::Quit if !state.data.unsaved().is_empty() => {
            state.notice = Some(Notice::UnsavedQuit);
            Some(Vec::new())
        }
        Action::Quit => Some(vec![Effect::Quit]),
        Action::Resize { width, height } => {
            state.size = Size::new(width, height);
            let ctx = state.screen_ctx();
            for id in ScreenId::EVERY {
                state
                    .screens
                    .get_mut(id)
                    .update(action.clone(), &ctx, &mut state.data);
            }
            let last = help::max_scroll(help_input(state));
            if let Some(Overlay::Help { scroll }) = &mut state.overlay {
                *scroll = (*scroll).min(last);
            }
            Some(Vec::new())
        }
        // The help window stays open so that one can leaf through the keys of
        // each screen; a click on a tab means "show me that screen" and closes it.
        Action::NextScreen => Some(show(state, state.screen.next(), false)),
        Action::PrevScreen => Some(show(state, state.screen.prev(), false)),
        Action::GoTo(id) => Some(show(state, id, true)),
        Action::MentorReview => {
            if state.screen != ScreenId::Mentor {
                state.opened_mentor_from = state.screen;
            }
            Some(show(state, ScreenId::Mentor, true))
        }
        // A timer runs on whether or not its screen is on show; a new day
        // changes what several screens show.
        Action::Tick(now) => {
            let rolled = state.data.set_now(now);
            let ctx = state.screen_ctx();
            let mut handled = rolled.then(Vec::new);
            for id in ScreenId::ALL {
                let screen = state.screens.get_mut(id);
                if let Some(effects) = screen.update(action.clone(), &ctx, &mut state.data) {
                    handled.get_or_insert_with(Vec::new).extend(effects);
                }
            }
            handled
        }
        Action::Saved { file, error, hash } => {
            state.data.saved(&file, error.map_or(Ok(hash), Err));
            Some(Vec::new())
        }
        // Another writer's change is taken, this one's replayed on top and
        // saved: neither is lost.
        Action::ChangedOnDisk(disk) => {
            let newer = std::sync::Arc::unwrap_or_clone(disk.profile);
            let replayed = state.data.rebase(newer, disk.hash);
            state.notice = Some(if replayed {
                Notice::MergedWithDisk
            } else {
                Notice::ReloadedFromDisk
            });
            Some(if replayed {
                vec![Effect::Save(Save::Profile)]
            } else {
                Vec::new()
            })
        }
        Action::Edited { target, written } => match target {
            EditTarget::Evidence(id) => Some(state.screens.assess.edited_externally(
                &id,
                written,
                &mut state.data,
            )),
            EditTarget::Note { run, item } => Some(state.screens.checklists.edited_externally(
                &run,
                &item,
                written,
                &mut state.data,
            )),
        },
        Action::Exported { run, written } => {
            state.screens.checklists.exported(&run, written);
            Some(Vec::new())
        }
        Action::Help => {
            state.overlay = match state.overlay {
                Some(Overlay::Help { .. }) => None,
                _ => Some(Overlay::Help { scroll: 0 }),
            };
            Some(Vec::new())
        }
        // A screen may search within itself; otherwise `/` searches the pack.
        Action::Search if state.overlay.is_none() => {
            let ctx = state.screen_ctx();
            let screen = state.screens.get_mut(state.screen);
            screen
                .update(action, &ctx, &mut state.data)
                .or_else(|| Some(open_search(state)))
        }
        Action::Search => Some(open_search(state)),
        _ => match state.overlay {
            Some(Overlay::Search) => {
                match state.search.update(action, state.size.into())? {
                    Outcome::Stay => {}
                    Outcome::Close => state.overlay = None,
                    Outcome::Jump(target) => {
                        state.overlay = None;
                        focus(state, &target);
                    }
                }
                Some(Vec::new())
            }
            Some(Overlay::Help { scroll }) => {
                let next = help_action(state, action, scroll)?;
                state.overlay = next;
                Some(Vec::new())
            }
            None => {
                let ctx = state.screen_ctx();
                let back = matches!(action, Action::Back) && state.screen == ScreenId::Mentor;
                let handled =
                    state
                        .screens
                        .get_mut(state.screen)
                        .update(action, &ctx, &mut state.data);
                // Back from the review's first page goes where `m` was pressed.
                if handled.is_none() && back {
                    return Some(show(state, state.opened_mentor_from, true));
                }
                handled
            }
        },
    }
}

fn open_search(state: &mut State) -> Vec<Effect> {
    state.search = Search::open(&state.data.pack, state.lang);
    state.overlay = Some(Overlay::Search);
    Vec::new()
}

/// The screens that can show each kind of target, first choice first:
/// an indicator is rated on Assess, and read in the Library when Assess
/// cannot show it.
fn screens_for(target: &Target) -> &'static [ScreenId] {
    match target {
        Target::Indicator(_) => &[ScreenId::Assess, ScreenId::Library],
        Target::Question(_) | Target::ChecklistItem { .. } | Target::Article(_) => {
            &[ScreenId::Library]
        }
    }
}

/// Shows `target` on the first screen that can show it; `false` when none
/// can (an id the pack does not have).
pub fn focus(state: &mut State, target: &Target) -> bool {
    for id in screens_for(target) {
        if state.screens.get_mut(*id).focus(target, &state.data) {
            switch_to(state, *id);
            return true;
        }
    }
    false
}

/// Puts screen `id` on show, telling the one it replaces.
fn switch_to(state: &mut State, id: ScreenId) {
    if id != state.screen {
        state.screens.get_mut(state.screen).leave();
        state.screen = id;
    }
}

fn show(state: &mut State, id: ScreenId, close_overlay: bool) -> Vec<Effect> {
    switch_to(state, id);
    state.overlay = match state.overlay {
        Some(Overlay::Help { .. }) if !close_overlay => Some(Overlay::Help { scroll: 0 }),
        _ => None,
    };
    Vec::new()
}

/// The help window's answer to `action`: the overlay to keep (or `None` to
/// close it), or `None` outside when the window has no use for the action.
fn help_action(state: &State, action: Action, scroll: usize) -> Option<Option<Overlay>> {
    let last = help::max_scroll(help_input(state));
    let page = help::page_height(help_input(state))
        .saturating_sub(1)
        .max(1);
    let scroll = match action {
        Action::Back => return Some(None),
        Action::Up | Action::ScrollUp { .. } => scroll.saturating_sub(1),
        Action::Down | Action::ScrollDown { .. } => scroll + 1,
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll + page,
        Action::Home => 0,
        Action::End => last,
        _ => return None,
    };
    Some(Some(Overlay::Help {
        scroll: scroll.min(last),
    }))
}

fn help_input(state: &State) -> help::HelpInput<'_> {
    help::HelpInput {
        keymap: &state.keymap,
        screen: state.screen,
        mode: state.screens.get(state.screen).mode(),
        lang: state.lang,
        area: state.size.into(),
    }
}

#[cfg(test)]
mod tests;
