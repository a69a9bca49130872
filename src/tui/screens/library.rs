//! Library: the content pack's articles, questions and checklists to read and search.

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
    "在这里你将阅读内容包中的文章，",
    "并搜索其中的题目与检查清单。",
];
const EN: &[&str] = &[
    "Here you will read the content pack's articles and",
    "search its questions and checklists.",
];

/// The state of the Library screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    page: Page,
}

impl Screen for Library {
    fn update(&mut self, action: Action, ctx: &Ctx, _data: &mut Data) -> Option<Vec<Effect>> {
        let len = placeholder_len(ctx.lang.pick(ZH, EN));
        self.page.update(action, len, ctx.body)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let lines = placeholder(ScreenId::Library, view.lang.pick(ZH, EN), view);
        self.page.render(&lines, area, buf);
    }
}
