//! Checklists: running an engineering checklist item by item.

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
    "在这里你将逐项执行工程检查清单（如 Go 代码评审），",
    "记录备注，并导出结果。",
    "",
    "这部分还没有完成。清单的每一项（含原因和检查方法）",
    "现在可以在「资料库」的「检查清单」里阅读。",
];
const EN: &[&str] = &[
    "Here you will run engineering checklists, such as a",
    "Go code review, item by item, with notes and a result",
    "you can export.",
    "",
    "This is not built yet. Every item, with why it",
    "matters and how to check it, can be read now in",
    "the Library (Checklists).",
];

/// The state of the Checklists screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checklists {
    page: Page,
}

impl Screen for Checklists {
    fn update(&mut self, action: Action, ctx: &Ctx, _data: &mut Data) -> Option<Vec<Effect>> {
        let len = placeholder_len(ctx.lang.pick(ZH, EN));
        self.page.update(action, len, ctx.body.as_size())
    }

    fn render(&self, area: Rect, buf: &mut Buffer, view: &View<'_>) {
        let lines = placeholder(ScreenId::Checklists, view.lang.pick(ZH, EN), view);
        self.page.render(&lines, area, buf, view);
    }
}
