//! Drill: practising a mock promotion defense.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::page::{placeholder, placeholder_len};
use super::{Ctx, Page, Screen, ScreenId, View};
use crate::tui::action::Action;
use crate::tui::data::Data;
use crate::tui::state::Effect;

/// What this screen will hold, already split into lines that fit the
/// narrowest layout.
const ZH: &[&str] = &[
    "在这里你将练习模拟晋升答辩：限时作答、答题框架、",
    "要点与追问，并按间隔重复安排复习。",
];
const EN: &[&str] = &[
    "Here you will practise a mock promotion defense:",
    "timed questions, answer frameworks, key points and",
    "follow-up questions, scheduled for spaced review.",
];

/// The state of the Drill screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drill {
    page: Page,
}

impl Screen for Drill {
    fn update(&mut self, action: Action, ctx: &Ctx, _data: &mut Data) -> Option<Vec<Effect>> {
        let len = placeholder_len(ctx.lang.pick(ZH, EN));
        self.page.update(action, len, ctx.body.as_size())
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let lines = placeholder(ScreenId::Drill, view.lang.pick(ZH, EN), view);
        self.page.render(&lines, area, buf);
    }
}
