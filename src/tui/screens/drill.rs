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
    "",
    "这部分还没有完成。题库现在可以在「资料库」的",
    "「答辩题库」里阅读（含答题框架、要点和追问），",
    "也可以按 / 搜索。",
];
const EN: &[&str] = &[
    "Here you will practise a mock promotion defense:",
    "timed questions, answer frameworks, key points and",
    "follow-up questions, scheduled for spaced review.",
    "",
    "This is not built yet. The question bank, with",
    "answer frameworks, key points and follow-ups, can",
    "be read now in the Library (Questions), and / finds",
    "any question.",
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
        self.page.render(&lines, area, buf, view);
    }
}
