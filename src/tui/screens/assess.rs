//! Assess: rating oneself against every indicator of the level model.

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
    "在这里你将对照每个职级的能力指标逐条自评，",
    "并为每项评分附上证据。",
];
const EN: &[&str] = &[
    "Here you will rate yourself against every indicator",
    "of each level and attach evidence to each rating.",
];

/// The state of the Assess screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assess {
    page: Page,
}

impl Screen for Assess {
    fn update(&mut self, action: Action, ctx: &Ctx, _data: &mut Data) -> Option<Vec<Effect>> {
        let len = placeholder_len(ctx.lang.pick(ZH, EN));
        self.page.update(action, len, ctx.body)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let lines = placeholder(ScreenId::Assess, view.lang.pick(ZH, EN), view);
        self.page.render(&lines, area, buf);
    }
}
