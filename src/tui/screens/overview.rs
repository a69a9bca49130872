//! Overview: readiness per level, the current level, and the gaps to the next.

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
    "这里将显示你在各职级的准备度、当前所处的职级，",
    "以及距下一级还差的能力。请先在「自评」页给自己打分。",
];
const EN: &[&str] = &[
    "Your readiness for each level, the level you are at",
    "now and the gaps to the next one will show here, once",
    "you have rated yourself on Assess.",
];

/// The state of the Overview screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overview {
    page: Page,
}

impl Screen for Overview {
    fn update(&mut self, action: Action, ctx: &Ctx, _data: &mut Data) -> Option<Vec<Effect>> {
        let len = placeholder_len(ctx.lang.pick(ZH, EN));
        self.page.update(action, len, ctx.body)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let lines = placeholder(ScreenId::Overview, view.lang.pick(ZH, EN), view);
        self.page.render(&lines, area, buf);
    }
}
