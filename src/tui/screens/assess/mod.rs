//! Assess: rating oneself against every indicator of the level model, with
//! evidence, filters, the target level, a guided first pass and the ratings
//! the pack no longer has.
//!
//! Every change to the profile goes through `core::assess`, is rescored and
//! returns [`Effect::Save(crate::core::workspace::Save::Profile)`]: there is no save key to forget.

mod detail;
pub(in crate::tui::screens) mod editor;
mod evidence;
mod filters;
mod items;
mod list;
pub(crate) mod mentor;
mod readiness;
mod remove;
mod render;
mod status;
mod words;

#[cfg(test)]
mod tests;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use self::editor::Editor;
use self::filters::cycle;
use self::items::{Item, items};
use self::remove::Question;
use self::words::Word;
use super::{Ctx, Screen, View};
use crate::core::assess::{self, Filter};
use crate::core::ids::IndicatorId;
use crate::core::search::Target;
use crate::core::workspace::Command;
use crate::tui::action::Action;
use crate::tui::data::{Data, apply};
use crate::tui::external_editor::EditorFailure;
use crate::tui::keymap::Mode;
use crate::tui::layout::line_at;
use crate::tui::state::Effect;

/// A one-off note on the status line, cleared by the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Note {
    Word(Word),
    NotOnScale(u32),
    Deleted(String),
    /// `e` or `E` on an unrated indicator: the next scale key rates it and
    /// opens the editor.
    RateThenEdit,
    /// The rating of this indicator was removed.
    Cleared(String),
    EditorFailed(EditorFailure),
    /// Something mentor mode says.
    Mentor(mentor::Say),
    /// The target level changed with `t`: from, to, and whether it is now
    /// chosen rather than automatic.
    Target {
        from: Option<String>,
        to: Option<String>,
        chosen: bool,
    },
}

/// `e` or `E` pressed on an unrated indicator, waiting for its score.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pending {
    id: String,
    externally: bool,
}

/// The modes of the Assess screen; each has its keys in the key file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum AssessMode {
    /// Moving through the list and rating.
    #[default]
    Browsing,
    /// The evidence editor is open.
    Editing(Box<Editor>),
    /// A rating waits for `y` to be deleted or removed.
    Confirming(Question),
    /// An unrated indicator whose editor opens once a scale key rates it.
    AwaitingScore(Pending),
}

impl AssessMode {
    fn key_mode(&self) -> Mode {
        match self {
            AssessMode::Browsing => Mode::BROWSE,
            AssessMode::Editing(_) => Mode::typing("editing"),
            AssessMode::Confirming(_) => Mode::answer("confirm"),
            AssessMode::AwaitingScore(_) => Mode::answer("awaiting_score"),
        }
    }
}

/// The state of the Assess screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assess {
    /// The index of the selected item in the filtered list.
    selected: usize,
    /// How far the details are scrolled, and whose they are: the details of
    /// any other item (after a move, a filter, a rating that hides the item)
    /// start at the top.
    detail_scroll: usize,
    detail_of: String,
    filter: Filter,
    /// Whether each rating moves on to the next unrated indicator.
    guided: bool,
    /// What the screen is doing: browsing, or one of the things that takes
    /// the keys until it is done.
    mode: AssessMode,
    /// The guided pass moves on once the editor opened by
    /// [`Assess::rate_then_edit`] closes, not when it opens.
    resume_guided: bool,
    note: Option<Note>,
    /// Mentor mode: the keys act on the mentor's score and comment.
    pub mentor: bool,
}

impl Screen for Assess {
    fn update(&mut self, action: Action, ctx: &Ctx, data: &mut Data) -> Option<Vec<Effect>> {
        match action {
            // The details wrap anew: where they were scrolled to no longer
            // shows the same text.
            Action::Resize { .. } => {
                self.detail_scroll = 0;
                return Some(Vec::new());
            }
            // Time passing is not an answer to the delete question.
            Action::Tick(_) => return None,
            _ => {}
        }
        if matches!(self.mode, AssessMode::Editing(_)) {
            return self.update_editor(action, ctx, data);
        }
        if let AssessMode::Confirming(question) = &self.mode {
            let question = question.clone();
            self.mode = AssessMode::Browsing;
            // Anything but a yes keeps the rating: a stray key must not
            // delete, and says so, since it did nothing else.
            if action != Action::Confirm {
                self.note = Some(Note::Word(Word::Kept));
                return Some(Vec::new());
            }
            return Some(self.answer_yes(&question, data));
        }
        if let AssessMode::AwaitingScore(pending) = &self.mode {
            let pending = pending.clone();
            self.mode = AssessMode::Browsing;
            // Only a score answers the wait; any other key just ends it, so
            // a key typed in the belief that the editor is open acts on nothing.
            self.note = None;
            return Some(match action {
                Action::Rate(value) if data.pack.scale_step(value).is_some() => {
                    self.rate_and_edit(&pending, value, data)
                }
                _ => Vec::new(),
            });
        }
        if let Action::Click { column, row } = action {
            let list = render::list_area(self, ctx, data);
            let index = list::item_at(self, list, data, column, row)?;
            self.note = None;
            return Some(self.select(index));
        }
        // The wheel over the list moves in it; anywhere else it scrolls the
        // details, the one pane that scrolls on its own.
        let over_list = match action {
            Action::ScrollUp { column, row } | Action::ScrollDown { column, row } => {
                line_at(render::list_area(self, ctx, data), column, row).is_some()
            }
            _ => false,
        };
        let note = self.note.take();
        if let Some(mentor) = mentor::mentor_of(data).map(str::to_owned) {
            let done = match action {
                Action::Rate(value) => Some(self.mentor_rate(&mentor, value, data)),
                Action::Edit => Some(self.mentor_edit(data)),
                Action::EditExternally
                | Action::CycleTarget
                | Action::Guided
                | Action::Delete
                | Action::ClearRating => {
                    self.note = Some(Note::Mentor(mentor::Say::NotInMentorMode));
                    Some(Vec::new())
                }
                _ => None,
            };
            if done.is_some() {
                return done;
            }
        }
        let done = match action {
            Action::Up => self.select(self.selected.saturating_sub(1)),
            Action::Down => self.select(self.selected + 1),
            Action::ScrollUp { .. } if over_list => self.select(self.selected.saturating_sub(1)),
            Action::ScrollDown { .. } if over_list => self.select(self.selected + 1),
            Action::Home => self.select(0),
            Action::End => self.select(usize::MAX),
            Action::PageUp
            | Action::PageDown
            | Action::ScrollUp { .. }
            | Action::ScrollDown { .. } => {
                self.scroll_detail(action, ctx, data);
                Vec::new()
            }
            Action::Rate(value) => self.rate(value, data),
            Action::Edit => self.edit(data, false),
            Action::EditExternally => self.edit(data, true),
            Action::CycleTarget => self.cycle_target(data),
            Action::FilterLevel => {
                let levels = data.pack.levels.iter().map(|l| l.id.value.clone());
                let next = cycle(self.filter.level.as_deref(), levels);
                self.change_filter(data, |f| f.level = next)
            }
            Action::FilterDimension => {
                let dims = data.pack.dimensions.iter().map(|d| d.id.value.clone());
                let next = cycle(self.filter.dimension.as_deref(), dims);
                self.change_filter(data, |f| f.dimension = next)
            }
            Action::ToggleUnrated => self.change_filter(data, |f| f.unrated_only ^= true),
            Action::ToggleGaps => self.change_filter(data, |f| f.gaps_only ^= true),
            Action::ClearFilters => self.change_filter(data, |f| *f = Filter::default()),
            Action::Guided => self.toggle_guided(data),
            Action::Delete => self.ask_delete(data),
            Action::ClearRating => self.clear_rating(data),
            // `y` with no question asked has nothing to answer.
            Action::Confirm => Vec::new(),
            // Esc only dismisses a note here; with none, Back is not ours.
            Action::Back if note.is_some() => Vec::new(),
            _ => {
                self.note = note;
                return None;
            }
        };
        self.selected = self
            .selected
            .min(items(&self.filter, data).len().saturating_sub(1));
        Some(done)
    }

    /// Selects the indicator, dropping each filter that hides it and
    /// keeping the others.
    fn focus(&mut self, target: &Target, data: &Data) -> bool {
        let Target::Indicator(id) = target else {
            return false;
        };
        if data.pack.indicator(id).is_none() {
            return false;
        }
        self.reveal(id, data);
        if !matches!(self.mode, AssessMode::Editing(_)) {
            self.mode = AssessMode::Browsing;
        }
        self.note = None;
        self.select_id(id, data);
        true
    }

    fn leave(&mut self) {
        if !matches!(self.mode, AssessMode::Editing(_)) {
            self.mode = AssessMode::Browsing;
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        render::draw(self, area, buf, view);
    }

    fn mode(&self) -> Mode {
        match self.mode {
            AssessMode::Browsing if self.mentor => Mode::keys("mentor"),
            _ => self.mode.key_mode(),
        }
    }
}

impl Assess {
    /// The evidence editor, while open.
    fn editor(&self) -> Option<&Editor> {
        match &self.mode {
            AssessMode::Editing(editor) => Some(editor),
            _ => None,
        }
    }

    /// The question waiting for a yes, if any.
    fn confirming(&self) -> Option<&Question> {
        match &self.mode {
            AssessMode::Confirming(question) => Some(question),
            _ => None,
        }
    }

    fn selected_item<'d>(&self, data: &'d Data) -> Option<Item<'d>> {
        let list = items(&self.filter, data);
        list.get(self.selected.min(list.len().saturating_sub(1)))
            .copied()
    }

    fn select(&mut self, index: usize) -> Vec<Effect> {
        if index != self.selected {
            self.detail_scroll = 0;
        }
        // Clamped to the list by `update` once the action is done.
        self.selected = index;
        Vec::new()
    }

    fn select_id(&mut self, id: &str, data: &Data) {
        let position = |filter: &Filter| {
            items(filter, data)
                .iter()
                .position(|item| matches!(item, Item::Indicator(i) if *i == id))
        };
        let found = position(&self.filter).or_else(|| {
            // The next one to rate is hidden by a filter: show everything.
            self.filter = Filter::default();
            position(&self.filter)
        });
        self.select(found.unwrap_or(0));
    }

    /// How far the selected item's details are scrolled.
    fn scroll_of(&self, data: &Data) -> usize {
        match self.selected_item(data) {
            Some(item) if item.id() == self.detail_of => self.detail_scroll,
            _ => 0,
        }
    }

    fn scroll_detail(&mut self, action: Action, ctx: &Ctx, data: &Data) {
        let (len, height) = render::detail_extent(self, ctx, data);
        let page = height.saturating_sub(1).max(1);
        let now = self.scroll_of(data);
        let scroll = match action {
            Action::PageUp => now.saturating_sub(page),
            Action::PageDown => now + page,
            Action::ScrollUp { .. } => now.saturating_sub(1),
            _ => now + 1,
        };
        self.detail_scroll = scroll.min(len.saturating_sub(height));
        self.detail_of = self
            .selected_item(data)
            .map(|item| item.id().to_owned())
            .unwrap_or_default();
    }

    fn rate(&mut self, value: u32, data: &mut Data) -> Vec<Effect> {
        let id = match self.selected_item(data) {
            Some(Item::Indicator(id)) => id.to_owned(),
            Some(Item::Orphan(_)) => {
                self.note = Some(Note::Word(Word::OrphanNotRatable));
                return Vec::new();
            }
            None => return Vec::new(),
        };
        if data.pack.scale_step(value).is_none() {
            self.note = Some(Note::NotOnScale(value));
            return Vec::new();
        }
        let command = Command::Rate {
            indicator: IndicatorId::new(&id),
            score: value,
        };
        let effects = apply(data, command).unwrap_or_default();
        if self.guided {
            self.guide_on(&id, data);
        }
        effects
    }

    /// The next unrated indicator after `after` (from the start when
    /// `None`) in the guided pass's order, among those the filter shows.
    fn next_shown_unrated(&self, after: Option<&str>, data: &Data) -> Option<String> {
        let shown = items(&self.filter, data);
        let order = assess::guided_order(&data.pack);
        let start = after
            .and_then(|a| order.iter().position(|id| *id == a))
            .map_or(0, |p| p + 1);
        (0..order.len())
            .map(|k| order[(start + k) % order.len().max(1)])
            .find(|id| {
                !data.profile.ratings.contains_key(*id)
                    && shown
                        .iter()
                        .any(|item| matches!(item, Item::Indicator(i) if i == id))
            })
            .map(str::to_owned)
    }

    /// Selects the next unrated indicator after `after` for the guided pass:
    /// within the filter while it shows one, else (saying so) with the
    /// filter cleared; `false` when every indicator is rated.
    fn guide_to_next(&mut self, after: Option<&str>, data: &Data) -> bool {
        if let Some(next) = self.next_shown_unrated(after, data) {
            self.select_id(&next, data);
            return true;
        }
        let Some(next) = assess::next_unrated(&data.pack, &data.profile, after) else {
            return false;
        };
        let next = next.to_owned();
        // Never silently: the person chose the filter.
        self.filter = Filter::default();
        self.note = Some(Note::Word(Word::GuidedFilterCleared));
        self.select_id(&next, data);
        true
    }

    /// Selects the next unrated indicator after `id`, or ends the guided
    /// pass when there is none.
    fn guide_on(&mut self, id: &str, data: &Data) {
        if !self.guide_to_next(Some(id), data) {
            self.guided = false;
            self.note = Some(Note::Word(Word::GuidedDone));
        }
    }

    fn toggle_guided(&mut self, data: &Data) -> Vec<Effect> {
        if self.guided {
            self.guided = false;
            return Vec::new();
        }
        if self.guide_to_next(None, data) {
            self.guided = true;
        } else {
            self.note = Some(Note::Word(Word::GuidedDone));
        }
        Vec::new()
    }
}
