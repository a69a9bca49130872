//! The five screens, in the order `Tab` visits them, and the mentor's
//! review, a page of the Overview.
//!
//! Each screen owns its state and implements [`Screen`]: it acts on the
//! actions meant for it and draws itself into the part of the window the
//! shell gives it. The shell (tab bar, footer, help window) never needs to
//! know what a screen shows.

mod assess;
mod checklists;
mod date_entry;
mod drill;
mod library;
mod mentor;
mod overview;
mod page;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use serde::{Deserialize, Serialize};

pub use assess::Assess;
pub use checklists::Checklists;
pub use drill::Drill;
pub use library::Library;
pub use mentor::Mentor;
pub use overview::Overview;
pub use page::Page;

use super::action::Action;
use super::data::Data;
use super::i18n::Lang;
use super::keymap::Mode;
use super::state::Effect;
use super::theme::Theme;
use crate::core::search::Target;

/// Names a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreenId {
    Overview,
    Assess,
    Drill,
    Checklists,
    Library,
    /// A mentor's review: calibration, the 1:1 walkthrough and the plan.
    Mentor,
}

impl ScreenId {
    /// Every screen, in `Tab` order; the first is shown at start-up.
    pub const ALL: [ScreenId; 5] = [
        ScreenId::Overview,
        ScreenId::Assess,
        ScreenId::Drill,
        ScreenId::Checklists,
        ScreenId::Library,
    ];

    /// Every screen: the tabs, then the mentor's review, a page of the
    /// Overview reached with `m` (not a tab of its own).
    pub const EVERY: [ScreenId; 6] = [
        ScreenId::Overview,
        ScreenId::Assess,
        ScreenId::Drill,
        ScreenId::Checklists,
        ScreenId::Library,
        ScreenId::Mentor,
    ];

    /// The tab that stands for this screen in the tab bar.
    pub fn tab(self) -> Self {
        match self {
            ScreenId::Mentor => ScreenId::Overview,
            other => other,
        }
    }

    fn index(self) -> usize {
        match self {
            ScreenId::Overview => 0,
            ScreenId::Assess => 1,
            ScreenId::Drill => 2,
            ScreenId::Checklists => 3,
            ScreenId::Library => 4,
            ScreenId::Mentor => 0,
        }
    }

    /// The screen after this one, wrapping round.
    pub fn next(self) -> Self {
        ScreenId::ALL[(self.index() + 1) % ScreenId::ALL.len()]
    }

    /// The screen before this one, wrapping round.
    pub fn prev(self) -> Self {
        let len = ScreenId::ALL.len();
        ScreenId::ALL[(self.index() + len - 1) % len]
    }

    /// The name in files: `overview`, `assess`, ...
    pub fn tag(self) -> &'static str {
        match self {
            ScreenId::Overview => "overview",
            ScreenId::Assess => "assess",
            ScreenId::Drill => "drill",
            ScreenId::Checklists => "checklists",
            ScreenId::Library => "library",
            ScreenId::Mentor => "mentor",
        }
    }

    /// The name on the tab.
    pub fn title(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            ScreenId::Overview => ("总览", "Overview"),
            ScreenId::Assess => ("自评", "Assess"),
            ScreenId::Drill => ("演练", "Drill"),
            ScreenId::Checklists => ("清单", "Checklists"),
            ScreenId::Library => ("资料库", "Library"),
            ScreenId::Mentor => ("导师", "Mentor"),
        };
        lang.pick(zh, en)
    }
}

/// What a screen may consult while it acts on an action.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub lang: Lang,
    /// The screen's part of the window, where it is drawn: for paging, and
    /// to find what a click or the wheel points at.
    pub body: Rect,
}

/// What a screen may consult while it draws.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    pub lang: Lang,
    pub theme: &'a Theme,
    /// The pack, the profile and the scores, read-only while drawing.
    pub data: &'a Data,
}

/// A screen of the app.
pub trait Screen {
    /// Acts on `action`; `None` when this screen has no use for it, so the
    /// shell knows the key did nothing here.
    /// Changes to the profile go through `data`, followed by
    /// [`Effect::Save(crate::core::workspace::Save::Profile)`] so the loop writes it.
    fn update(&mut self, action: Action, ctx: &Ctx, data: &mut Data) -> Option<Vec<Effect>>;

    /// Shows `target` (selects it, scrolls to it) if this screen can;
    /// `false` leaves it to another screen. Search uses this to jump.
    fn focus(&mut self, _target: &Target, _data: &Data) -> bool {
        false
    }

    /// This screen is no longer on show. A question waiting for an answer
    /// is dropped here, so that a key meant for another screen is never
    /// taken for the answer on coming back.
    fn leave(&mut self) {}

    /// Draws the screen into `area`. Reads state only.
    fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>);

    /// Whether the screen keeps time (a running timer) and so wants
    /// [`Action::Tick`] while nothing else happens.
    fn ticking(&self) -> bool {
        false
    }

    /// The mode the screen is in: which section of the key file acts, and
    /// whether keys are typed ([`Input::Typing`](crate::tui::keymap::Input)).
    fn mode(&self) -> Mode {
        Mode::BROWSE
    }
}

/// The state of every screen, kept while others are on show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Screens {
    pub overview: Overview,
    pub assess: Assess,
    pub drill: Drill,
    pub checklists: Checklists,
    pub library: Library,
    pub mentor: Mentor,
}

impl Screens {
    /// The screen named `id`.
    pub fn get(&self, id: ScreenId) -> &dyn Screen {
        match id {
            ScreenId::Overview => &self.overview,
            ScreenId::Assess => &self.assess,
            ScreenId::Drill => &self.drill,
            ScreenId::Checklists => &self.checklists,
            ScreenId::Library => &self.library,
            ScreenId::Mentor => &self.mentor,
        }
    }

    /// The screen named `id`, to act on.
    pub fn get_mut(&mut self, id: ScreenId) -> &mut dyn Screen {
        match id {
            ScreenId::Overview => &mut self.overview,
            ScreenId::Assess => &mut self.assess,
            ScreenId::Drill => &mut self.drill,
            ScreenId::Checklists => &mut self.checklists,
            ScreenId::Library => &mut self.library,
            ScreenId::Mentor => &mut self.mentor,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_order_starts_at_overview_and_wraps_both_ways() {
        let mut id = ScreenId::Overview;
        let mut seen = vec![id];
        for _ in 0..5 {
            id = id.next();
            seen.push(id);
        }
        use ScreenId::*;
        assert_eq!(
            seen,
            [Overview, Assess, Drill, Checklists, Library, Overview]
        );
        assert_eq!(Overview.prev(), Library);
        // The mentor's review is a page of the Overview: Tab moves on as from there.
        assert_eq!((Mentor.next(), Mentor.prev()), (Assess, Library));
        assert_eq!(Assess.prev(), Overview);
    }
}
